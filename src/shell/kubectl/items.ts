import type { Labels, PodReport, SourceRef } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import type { ResourceType } from './resources.js';

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
  readonly pod?: PodReport;
}

/** Every cluster has this service; `kubectl get svc` in `default` always shows it. */
const KUBERNETES_SERVICE = 'kubernetes';

/** Objects of one type, in `namespace` (null: all namespaces), sorted as kubectl sorts (by namespace, name). */
export function listItems(ctx: Ctx, type: ResourceType, namespace: string | null): Item[] {
  const a = ctx.analysis();
  const c = a.cluster;
  const inNs = (ns: string | undefined) => namespace === null || ns === namespace;
  const raw = (ref: SourceRef | undefined) => ctx.docAt(ref)?.value;
  const labelsOf = (ref: SourceRef | undefined): Labels => {
    const meta = raw(ref)?.['metadata'];
    const l = isRecord(meta) ? meta['labels'] : undefined;
    if (!isRecord(l)) return {};
    return Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)]));
  };
  let items: Item[] = [];
  switch (type.kind) {
    case 'Pod':
      items = a.pods.filter((p) => inNs(p.pod.namespace)).map((p) => ({
        type, name: p.pod.name, namespace: p.pod.namespace, labels: p.pod.labels, ref: p.pod.ref,
        raw: p.pod.owner ? undefined : raw(p.pod.ref), pod: p,
      }));
      break;
    case 'Namespace':
      items = c.namespaces.map((n) => ({ type, name: n.name, namespace: undefined, labels: n.labels, ref: n.ref, raw: raw(n.ref) }));
      break;
    case 'NetworkPolicy':
      items = c.policies.filter((p) => inNs(p.namespace)).map((p) => ({ type, name: p.name, namespace: p.namespace, labels: labelsOf(p.ref), ref: p.ref, raw: raw(p.ref) }));
      break;
    case 'Secret':
      items = c.secrets.filter((s) => inNs(s.namespace)).map((s) => ({ type, name: s.name, namespace: s.namespace, labels: labelsOf(s.ref), ref: s.ref, raw: raw(s.ref) }));
      break;
    case 'ServiceAccount': {
      const declared = c.serviceAccounts.filter((s) => inNs(s.namespace));
      items = declared.map((s) => ({ type, name: s.name, namespace: s.namespace, labels: labelsOf(s.ref), ref: s.ref, raw: raw(s.ref) }));
      // `default` exists in every namespace even when normalize/ does not list it.
      for (const n of c.namespaces) {
        if (inNs(n.name) && !declared.some((s) => s.namespace === n.name && s.name === 'default')) {
          items.push({ type, name: 'default', namespace: n.name, labels: {}, ref: undefined, raw: undefined });
        }
      }
      break;
    }
    case 'Service':
      items = c.services.filter((s) => inNs(s.namespace)).map((s) => ({ type, name: s.name, namespace: s.namespace, labels: labelsOf(s.ref), ref: s.ref, raw: raw(s.ref) }));
      if (inNs('default') && !items.some((i) => i.namespace === 'default' && i.name === KUBERNETES_SERVICE)) {
        items.push({ type, name: KUBERNETES_SERVICE, namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' }, ref: undefined, raw: undefined });
      }
      break;
    case 'ConfigMap':
      items = c.others.filter((o) => o.kind === 'ConfigMap' && inNs(o.namespace)).map((o) => ({ type, name: o.name, namespace: o.namespace, labels: labelsOf(o.ref), ref: o.ref, raw: raw(o.ref) }));
      break;
    default:
      items = c.workloads.filter((w) => w.kind === type.kind && inNs(w.namespace)).map((w) => ({ type, name: w.name, namespace: w.namespace, labels: w.labels, ref: w.ref, raw: raw(w.ref) }));
  }
  return items.sort((x, y) => (x.namespace ?? '').localeCompare(y.namespace ?? '') || x.name.localeCompare(y.name));
}

/** kubectl's NotFound error for one name. */
export function notFound(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${type.plural}${type.group ? `.${type.group}` : ''} "${name}" not found`;
}
