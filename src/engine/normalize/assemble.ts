import type { Cluster, ClusterConfig, Namespace, PendingDiagnostic, ServiceAccount } from '../model/index.js';
import { SYSTEM_SERVICES, systemNamespaces, systemPods } from '../cluster/system.js';
import { allocateServices, ipOffset } from './service-ips.js';
import type { Collected } from './collected.js';
import { assignPodIPs } from './pod-ips.js';
import type { PodDraft } from './workloads.js';

const NS_LABEL = 'kubernetes.io/metadata.name';

/** The implicit Services' addresses, held for them (or for the scenario's own Service of that name). */
const WELL_KNOWN_IPS: ReadonlyMap<number, string> = new Map(SYSTEM_SERVICES.map((s) => [ipOffset(s.clusterIP) ?? -1, `${s.namespace}/${s.name}`]));

/**
 * Implicit objects and final order: `default` and every namespace used by an object exist; each
 * carries `kubernetes.io/metadata.name` (the API server sets it, overriding what was written);
 * each namespace has a `default` ServiceAccount. Lists are sorted by namespace then name so the
 * result does not depend on file order. The result is deep-frozen.
 */
export function assemble(c: Collected, config: ClusterConfig, diagnostics: PendingDiagnostic[]): Cluster {
  const podDrafts = boundPods(c.podDrafts, c.podsUnread, diagnostics);
  const byName = new Map<string, Namespace>();
  for (const ns of c.namespaces) byName.set(ns.name, { ...ns, labels: { ...ns.labels, [NS_LABEL]: ns.name } });
  const used = new Set<string>(['default']);
  for (const list of [podDrafts, c.workloads, c.policies, c.secrets, c.serviceAccounts, c.services, c.endpoints, c.endpointSlices, c.roles, c.roleBindings]) for (const o of list) used.add(o.namespace);
  for (const o of c.others) if (o.namespace !== undefined && o.kind !== 'Namespace') used.add(o.namespace);
  for (const name of used) if (!byName.has(name)) byName.set(name, { name, labels: { [NS_LABEL]: name }, declared: false });
  // The namespaces every cluster has: listed by kubectl, marked so reports can leave them out.
  for (const name of systemNamespaces(config.cni)) {
    if (!byName.has(name)) byName.set(name, { name, labels: { [NS_LABEL]: name }, declared: false, system: true });
  }
  const namespaces = [...byName.values()].sort((a, b) => cmp(a.name, b.name));

  const serviceAccounts: ServiceAccount[] = [...c.serviceAccounts];
  for (const ns of namespaces) {
    if (!serviceAccounts.some((sa) => sa.namespace === ns.name && sa.name === 'default')) {
      serviceAccounts.push({ namespace: ns.name, name: 'default', imagePullSecrets: [], declared: false });
    }
  }

  const userPods = uniquePods(podDrafts, diagnostics);
  const pods = assignPodIPs([...userPods, ...implicitPods(userPods, config)], config.podCIDR, diagnostics).sort(byNsName);
  return deepFreeze({
    config,
    namespaces,
    pods,
    workloads: [...c.workloads].sort(byNsName),
    policies: [...c.policies].sort(byNsName),
    secrets: [...c.secrets].sort(byNsName),
    serviceAccounts: serviceAccounts.sort(byNsName),
    services: allocateServices(c.services, WELL_KNOWN_IPS, diagnostics).sort(byNsName),
    endpoints: [...c.endpoints].sort(byNsName),
    endpointSlices: [...c.endpointSlices].sort(byNsName),
    externalHosts: [...c.externalHosts].sort((a, b) => cmp(a.name, b.name)),
    registries: [...c.registries].sort((a, b) => cmp(a.name, b.name)),
    others: [...c.others].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.name, b.name)),
    roles: [...c.roles].sort(byNsName),
    clusterRoles: [...c.clusterRoles].sort((a, b) => cmp(a.name, b.name)),
    roleBindings: [...c.roleBindings].sort(byNsName),
    clusterRoleBindings: [...c.clusterRoleBindings].sort((a, b) => cmp(a.name, b.name)),
  });
}

/**
 * The most pods one analysis takes (README "Bounds"). The lab is built for a namespace or a few:
 * 500 pods answer each keystroke, 5,000 within seconds. A paste of 70,000 took a minute and
 * 1–2 GB in the lab's worker and ~20 s in `kslab` (issue 12); past the bound the analysis keeps
 * the first pods in file order, says so at the first one left out, and stays within seconds.
 */
export const MAX_PODS = 10_000;

/**
 * The scenario's pods (bare and workload replicas) in file order, up to MAX_PODS; a warning past
 * it. `unread`: the Pod documents normalize did not read, once it held more than MAX_PODS.
 */
function boundPods(drafts: readonly PodDraft[], unread: number, diagnostics: PendingDiagnostic[]): readonly PodDraft[] {
  const first = drafts[MAX_PODS];
  if (!first) return drafts;
  const pods = drafts.length + unread, left = pods - MAX_PODS;
  diagnostics.push({
    severity: 'warning', code: 'pods-bounded', ref: first.ref,
    params: { pods, limit: MAX_PODS, left },
    message: `This scenario has ${pods} pods, over the lab's limit of ${MAX_PODS}: the first ${MAX_PODS} in file order are analysed, ` +
      `and this pod (${first.namespace}/${first.name}) and the ${left - 1} after it are left out — no status, report, verdict or Service ` +
      `endpoint for them. Everything else is analysed. To study the others, analyse them in smaller files.`,
  });
  return drafts.slice(0, MAX_PODS);
}

/**
 * The pods every cluster runs (cluster/system.ts), except where the scenario declares a pod of the
 * same name (the scenario's wins, silently), and without CoreDNS when the scenario brings its own
 * pods labelled k8s-app=kube-dns in kube-system.
 */
function implicitPods(userPods: readonly PodDraft[], config: ClusterConfig): PodDraft[] {
  const taken = new Set(userPods.map((p) => `${p.namespace}/${p.name}`));
  const hasOwnDns = userPods.some((p) => p.namespace === 'kube-system' && p.labels['k8s-app'] === 'kube-dns');
  return systemPods(config.cni, hasOwnDns).filter((p) => !taken.has(`${p.namespace}/${p.name}`));
}

/** A workload's generated name may equal a declared pod's (`web-0`): the first one declared wins. */
function uniquePods(drafts: readonly PodDraft[], diagnostics: PendingDiagnostic[]): PodDraft[] {
  const seen = new Map<string, PodDraft>();
  for (const d of drafts) {
    const key = `${d.namespace}/${d.name}`;
    const first = seen.get(key);
    if (!first) { seen.set(key, d); continue; }
    const by = (p: PodDraft) => (p.owner ? `${p.owner.kind} ${p.owner.name}` : 'a Pod object');
    diagnostics.push({
      severity: 'error', code: 'duplicate-object',
      message: `pods ${JSON.stringify(d.name)} already exists (${by(first)} and ${by(d)} both make pod ${key})`,
      ref: d.ref, params: { pod: key },
    });
  }
  return [...seen.values()];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNsName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) =>
  cmp(a.namespace, b.namespace) || cmp(a.name, b.name);

function deepFreeze<T>(value: T): T {
  freezeObject(value);
  return value;
}

// Indexed and for-in loops, not Object.values: a 5,000-pod cluster has ~125,000 objects, and
// allocating a values array for each was most of the freezing cost.
function freezeObject(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeObject(value[i]);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) freezeObject(record[key]);
}
