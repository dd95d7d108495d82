import { API_RESOURCES as ENGINE_RESOURCES, type ApiResource } from '../../engine/index.js';

/** The resource types the lab's kubectl knows, with kubectl's names and short names. */
export interface ResourceType {
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly short: readonly string[];
  /** API group ('' for core): `deployment.apps/web` in `get all` and `apply` output. */
  readonly group: string;
  /** The server-preferred version (`v1`, `v2` for autoscaling). */
  readonly version: string;
  readonly namespaced: boolean;
  /** The verbs `kubectl api-resources -o wide` lists. */
  readonly verbs: readonly string[];
  readonly categories: readonly string[];
}

/**
 * `kubectl api-resources` of a kubeadm v1.30 cluster without CRDs (kubectl-cluster-ops.md, "kubectl
 * api-resources"): the engine's discovery table (engine/rbac/resources.ts: names, short names,
 * server-preferred version, scope and verbs, sorted by group then name as kubectl's
 * sortableResource orders them), plus the categories of the v1.30 discovery document.
 */
const ALL = ['all'];
const API_EXTENSIONS = ['api-extensions'];
const CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  '/pods': ALL, '/replicationcontrollers': ALL, '/services': ALL,
  'admissionregistration.k8s.io/mutatingwebhookconfigurations': API_EXTENSIONS,
  'admissionregistration.k8s.io/validatingadmissionpolicies': API_EXTENSIONS,
  'admissionregistration.k8s.io/validatingadmissionpolicybindings': API_EXTENSIONS,
  'admissionregistration.k8s.io/validatingwebhookconfigurations': API_EXTENSIONS,
  'apiextensions.k8s.io/customresourcedefinitions': API_EXTENSIONS,
  'apiregistration.k8s.io/apiservices': API_EXTENSIONS,
  'apps/daemonsets': ALL, 'apps/deployments': ALL, 'apps/replicasets': ALL, 'apps/statefulsets': ALL,
  'autoscaling/horizontalpodautoscalers': ALL,
  'batch/cronjobs': ALL, 'batch/jobs': ALL,
};

function toType(r: ApiResource): ResourceType {
  return {
    kind: r.kind, plural: r.plural, singular: r.singular, short: r.short, group: r.group, version: r.version,
    namespaced: r.namespaced, verbs: r.verbs, categories: CATEGORIES[`${r.group}/${r.plural}`] ?? [],
  };
}

/** Every resource of the API, in `kubectl api-resources` order. */
export const API_RESOURCES: readonly ResourceType[] = ENGINE_RESOURCES.map(toType);

/**
 * The resources `kubectl get TYPE` resolves (the legacy events.k8s.io Event is only reachable
 * fully qualified: plain `events` is the core one, as the RESTMapper prefers the core group).
 */
export const RESOURCES: readonly ResourceType[] = API_RESOURCES.filter((r) => !(r.kind === 'Event' && r.group !== ''));

/** `po`, `pods`, `Pod`, `networkpolicies.networking.k8s.io`, `deployments.v1.apps` → the type; undefined when unknown. */
export function resolveResource(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, ...r.short];
    if (names.includes(w)) return r;
  }
  for (const r of API_RESOURCES) {
    const names = [r.plural, r.singular, ...r.short];
    if (r.group && names.some((n) => w === `${n}.${r.group}` || w === `${n}.${r.version}.${r.group}`)) return r;
    if (!r.group && names.some((n) => w === `${n}.${r.version}`)) return r;
  }
  return undefined;
}

export function resourceByKind(kind: string, apiVersion?: string): ResourceType | undefined {
  if (apiVersion !== undefined) {
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
    const exact = API_RESOURCES.find((r) => r.kind === kind && r.group === group);
    if (exact) return exact;
  }
  return RESOURCES.find((r) => r.kind === kind);
}

/** `pod`, `deployment.apps`, `networkpolicy.networking.k8s.io`: kubectl's prefix in `kind/name`. */
export function qualifiedName(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `pods`, `deployments.apps`: the resource as the API server names it in errors. */
export function qualifiedPlural(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `apps/v1`. */
export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** For a kind kubectl would print but the lab does not list (e.g. a lab/v1 object applied from a file). */
export function qualifiedKind(kind: string, apiVersion: string): string {
  const r = resourceByKind(kind, apiVersion);
  if (r) return qualifiedName(r);
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** kubectl's `error: the server doesn't have a resource type "x"`. */
export function unknownResource(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}
