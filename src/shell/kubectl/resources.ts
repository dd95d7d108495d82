/** The resource types the lab's kubectl knows, with kubectl's names and short names. */
export interface ResourceType {
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly short: readonly string[];
  /** API group ('' for core): `deployment.apps/web` in `get all` and `apply` output. */
  readonly group: string;
  readonly namespaced: boolean;
}

export const RESOURCES: readonly ResourceType[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', short: ['po'], group: '', namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', short: ['svc'], group: '', namespaced: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', short: ['ns'], group: '', namespaced: false },
  { kind: 'Secret', plural: 'secrets', singular: 'secret', short: [], group: '', namespaced: true },
  { kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', short: ['sa'], group: '', namespaced: true },
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', short: ['cm'], group: '', namespaced: true },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', short: ['deploy'], group: 'apps', namespaced: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', short: ['rs'], group: 'apps', namespaced: true },
  { kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', short: ['sts'], group: 'apps', namespaced: true },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', short: ['ds'], group: 'apps', namespaced: true },
  { kind: 'Job', plural: 'jobs', singular: 'job', short: [], group: 'batch', namespaced: true },
  { kind: 'CronJob', plural: 'cronjobs', singular: 'cronjob', short: ['cj'], group: 'batch', namespaced: true },
  { kind: 'NetworkPolicy', plural: 'networkpolicies', singular: 'networkpolicy', short: ['netpol'], group: 'networking.k8s.io', namespaced: true },
];

/** `po`, `pods`, `Pod`, `networkpolicies.networking.k8s.io` → the type; undefined when unknown. */
export function resolveResource(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, r.kind.toLowerCase(), ...r.short];
    if (names.includes(w)) return r;
    if (r.group && names.some((n) => w === `${n}.${r.group}`)) return r;
  }
  return undefined;
}

export function resourceByKind(kind: string): ResourceType | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

/** `pod`, `deployment.apps`, `networkpolicy.networking.k8s.io`: kubectl's prefix in `kind/name`. */
export function qualifiedName(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** For a kind kubectl would print but the lab does not list (e.g. a Role applied from a file). */
export function qualifiedKind(kind: string, apiVersion: string): string {
  const r = resourceByKind(kind);
  if (r) return qualifiedName(r);
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** kubectl's `error: the server doesn't have a resource type "x"`. */
export function unknownResource(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}
