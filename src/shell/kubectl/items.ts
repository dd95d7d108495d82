import type { Labels, NodeInfo, PodReport, ServiceReport, SourceRef } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { createdAt, randomish, replicaSetName, systemWorkloads } from './cluster.js';
import { clusterEvents, type ClusterEvent } from './events.js';
import { qualifiedPlural, type ResourceType } from './resources.js';

/** One object of the cluster as `kubectl get` sees it. */
export interface Item {
  readonly type: ResourceType;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly labels: Labels;
  /** The document that declared it (for a workload's pod: the workload's document). */
  readonly ref: SourceRef | undefined;
  /** The object as written, when it has its own document. */
  readonly raw: Record<string, unknown> | undefined;
  /** When it was created (ms). */
  readonly created: number;
  /** Part of the kubeadm cluster itself (kube-system pods, nodes, the kubernetes Service…). */
  readonly system?: boolean;
  readonly pod?: PodReport;
  readonly service?: ServiceReport;
  readonly node?: NodeInfo;
  readonly event?: ClusterEvent;
  /** A workload's pods (Deployment, ReplicaSet, DaemonSet…). */
  readonly pods?: readonly PodReport[];
  /** Declared replicas of a workload. */
  readonly replicas?: number;
}

/** Objects of one type, in `namespace` (null: all namespaces), sorted as the API lists them (namespace, name). */
export function listItems(ctx: Ctx, type: ResourceType, namespace: string | null): Item[] {
  const a = ctx.analysis();
  const c = a.cluster;
  const inNs = (ns: string | undefined) => namespace === null || ns === namespace;
  const raw = (ref: SourceRef | undefined) => (ref && ref.doc >= 0 ? ctx.docAt(ref)?.value : undefined);
  const labelsOf = (ref: SourceRef | undefined): Labels => {
    const meta = raw(ref)?.['metadata'];
    const l = isRecord(meta) ? meta['labels'] : undefined;
    if (!isRecord(l)) return {};
    return Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)]));
  };
  const base = (name: string, ns: string | undefined, ref: SourceRef | undefined, system = false) => ({
    type, name, namespace: ns, labels: labelsOf(ref), ref: ref && ref.doc >= 0 ? ref : undefined, raw: raw(ref), created: createdAt(system), ...(system ? { system } : {}),
  });
  let items: Item[] = [];
  switch (type.kind) {
    case 'Pod':
      items = a.pods.filter((p) => inNs(p.pod.namespace)).map((p) => ({
        type, name: p.pod.name, namespace: p.pod.namespace, labels: p.pod.labels, ref: p.pod.system ? undefined : p.pod.ref,
        raw: p.pod.owner || p.pod.system ? undefined : raw(p.pod.ref), created: createdAt(p.pod.system), pod: p,
        ...(p.pod.system ? { system: true } : {}),
      }));
      break;
    case 'Namespace':
      items = c.namespaces.map((n) => {
        // kubeadm's namespaces keep their age when a document declares them (to label them).
        const builtin = ['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(n.name);
        return { ...base(n.name, undefined, n.ref, n.system === true || (builtin && !n.declared)), labels: n.labels, ...(builtin ? { created: createdAt(true) } : {}) };
      });
      break;
    case 'Node':
      items = a.nodes.map((n) => ({ type, name: n.name, namespace: undefined, labels: n.labels, ref: undefined, raw: undefined, created: createdAt(true), system: true, node: n }));
      break;
    case 'NetworkPolicy':
      items = c.policies.filter((p) => inNs(p.namespace)).map((p) => base(p.name, p.namespace, p.ref));
      break;
    case 'Secret':
      items = c.secrets.filter((s) => inNs(s.namespace)).map((s) => base(s.name, s.namespace, s.ref));
      break;
    case 'ServiceAccount': {
      const declared = c.serviceAccounts.filter((s) => inNs(s.namespace));
      items = declared.map((s) => base(s.name, s.namespace, s.ref, !s.declared));
      // `default` exists in every namespace even when normalize/ does not list it.
      for (const n of c.namespaces) {
        if (inNs(n.name) && !declared.some((s) => s.namespace === n.name && s.name === 'default')) items.push({ ...base('default', n.name, undefined, n.system === true), created: createdAt(n.system === true || n.name === 'default') });
      }
      break;
    }
    case 'ConfigMap': {
      items = c.others.filter((o) => o.kind === 'ConfigMap' && inNs(o.namespace)).map((o) => base(o.name, o.namespace, o.ref));
      // The root CA bundle every namespace gets (kube-controller-manager's root-ca-cert-publisher).
      for (const n of c.namespaces) {
        if (inNs(n.name) && !items.some((i) => i.namespace === n.name && i.name === 'kube-root-ca.crt')) items.push({ ...base('kube-root-ca.crt', n.name, undefined, true), created: createdAt(n.system === true || !n.declared) });
      }
      break;
    }
    case 'Service':
      items = a.services.filter((s) => inNs(s.namespace)).map((s) => ({ ...base(s.name, s.namespace, s.ref, s.system), labels: s.labels, service: s }));
      break;
    case 'Endpoints':
      items = a.services.filter((s) => inNs(s.namespace) && s.type !== 'ExternalName').map((s) => ({ ...base(s.name, s.namespace, undefined, s.system), labels: s.labels, raw: undefined, service: s }));
      break;
    case 'EndpointSlice':
      items = a.services.filter((s) => inNs(s.namespace) && s.type !== 'ExternalName').map((s) => ({
        ...base(s.name === 'kubernetes' && s.namespace === 'default' ? 'kubernetes' : `${s.name}-${randomish(`eps/${s.namespace}/${s.name}`, 5)}`, s.namespace, undefined, s.system),
        labels: { ...s.labels, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': s.name }, raw: undefined, service: s,
      }));
      break;
    case 'Event':
      items = clusterEvents(ctx).filter((e) => inNs(e.namespace)).map((e) => ({ type, name: e.name, namespace: e.namespace, labels: {}, ref: undefined, raw: undefined, created: e.first, event: e }));
      return items;
    case 'Deployment': case 'DaemonSet': case 'ReplicaSet': case 'StatefulSet': case 'Job': case 'CronJob': {
      const owned = (kind: string, ns: string, name: string) => a.pods.filter((p) => p.pod.namespace === ns && p.pod.owner?.kind === kind && p.pod.owner.name === name);
      items = c.workloads.filter((w) => w.kind === type.kind && inNs(w.namespace)).map((w) => ({ ...base(w.name, w.namespace, w.ref), labels: w.labels, pods: owned(w.kind, w.namespace, w.name), replicas: w.replicas }));
      if (type.kind === 'ReplicaSet') {
        // Each Deployment's current ReplicaSet.
        for (const w of c.workloads.filter((x) => x.kind === 'Deployment' && inNs(x.namespace))) {
          const pods = owned('Deployment', w.namespace, w.name);
          items.push({ type, name: replicaSetName(a.pods, w.namespace, w.name), namespace: w.namespace, labels: { ...(pods[0]?.pod.labels ?? {}) }, ref: w.ref, raw: undefined, created: createdAt(false), pods, replicas: w.replicas });
        }
      }
      for (const sw of systemWorkloads(a)) {
        if (sw.kind !== type.kind || !inNs(sw.namespace)) continue;
        items.push({ type, name: sw.name, namespace: sw.namespace, labels: sw.labels, ref: undefined, raw: undefined, created: createdAt(true), system: true, pods: sw.pods, replicas: sw.pods.length });
      }
      break;
    }
    default:
      items = c.others.filter((o) => o.kind === type.kind && (type.namespaced ? inNs(o.namespace) : true)).map((o) => base(o.name, type.namespaced ? o.namespace : undefined, o.ref));
  }
  return items.sort((x, y) => cmp(x.namespace ?? '', y.namespace ?? '') || cmp(x.name, y.name));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** kubectl's NotFound error for one name. */
export function notFound(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedPlural(type)} "${name}" not found`;
}
