import type { Labels, NodeInfo, PodReport, ServiceReport, SourceRef } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { uidOf } from './api-object.js';
import { createdAt, deploymentTemplate, podTemplateHash, randomish, replicaSetName, revisionsOf, systemWorkloads } from './cluster.js';
import { clusterEvents, type ClusterEvent } from './events.js';
import { rbacItems } from './rbac-items.js';
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

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/**
 * The ReplicaSet the Deployment controller made for a template (getNewReplicaSet, sync.go): the
 * template's labels plus pod-template-hash on it, its selector and its pods; the desired-replicas,
 * max-replicas (replicas + 25% surge) and revision annotations; owned by the Deployment.
 */
function replicaSetObject(ns: string, deployment: string, name: string, template: Record<string, unknown>, replicas: number, desired: number, revision: number): Record<string, unknown> {
  const hash = podTemplateHash(template);
  const tmeta = rec(template['metadata']);
  const labels = { ...Object.fromEntries(Object.entries(rec(tmeta['labels'])).map(([k, v]) => [k, String(v)])), 'pod-template-hash': hash };
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(desired + Math.ceil(desired / 4)), 'deployment.kubernetes.io/revision': String(revision) },
      labels, name, namespace: ns,
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: deployment, uid: uidOf(`Deployment/${ns}/${deployment}`) }],
    },
    spec: { replicas, selector: { matchLabels: { ...labels } }, template: { ...template, metadata: { ...tmeta, labels: { ...labels } } } },
  };
}

/** A pod's labels; a Deployment's pods also carry their ReplicaSet's pod-template-hash. */
function podLabels(ctx: Ctx, p: PodReport): Labels {
  if (p.pod.system || p.pod.owner?.kind !== 'Deployment') return p.pod.labels;
  const t = deploymentTemplate(ctx, p.pod.namespace, p.pod.owner.name);
  return t ? { ...p.pod.labels, 'pod-template-hash': podTemplateHash(t) } : p.pod.labels;
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
        type, name: p.pod.name, namespace: p.pod.namespace, labels: podLabels(ctx, p), ref: p.pod.system ? undefined : p.pod.ref,
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
          const name = replicaSetName(ctx, w.namespace, w.name);
          const template = deploymentTemplate(ctx, w.namespace, w.name);
          const revs = revisionsOf(ctx, 'Deployment', w.namespace, w.name);
          const current = revs[revs.length - 1]?.revision ?? 1;
          const rs = (rsName: string, t: Record<string, unknown> | undefined, replicas: number, revision: number, mine: readonly PodReport[]): Item => {
            const raw = t ? replicaSetObject(w.namespace, w.name, rsName, t, replicas, w.replicas, revision) : undefined;
            const labels = raw ? (rec(rec(raw['metadata'])['labels']) as Labels) : { ...(mine[0] ? podLabels(ctx, mine[0]) : {}) };
            return { type, name: rsName, namespace: w.namespace, labels, ref: w.ref, raw, created: createdAt(false), pods: mine, replicas };
          };
          items.push(rs(name, template, w.replicas, current, pods));
          // The ReplicaSets of earlier revisions stay, scaled to zero (revisionHistoryLimit).
          for (const r of revs) {
            const t = JSON.parse(r.template) as Record<string, unknown>;
            const old = `${w.name}-${podTemplateHash(t)}`;
            if (old !== name) items.push(rs(old, t, 0, r.revision, []));
          }
        }
      }
      for (const sw of systemWorkloads(a)) {
        if (sw.kind !== type.kind || !inNs(sw.namespace)) continue;
        items.push({ type, name: sw.name, namespace: sw.namespace, labels: sw.labels, ref: undefined, raw: undefined, created: createdAt(true), system: true, pods: sw.pods, replicas: sw.pods.length });
      }
      break;
    }
    case 'Role': case 'ClusterRole': case 'RoleBinding': case 'ClusterRoleBinding':
      items = rbacItems(ctx, type, namespace);
      break;
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
