import type { Ctx } from '../context.js';
import { NODE_IP, NODE_NAME } from '../context.js';
import { isRecord } from '../objects.js';
import type { Item } from './items.js';

/** The object as the API server would return it: as written, plus namespace and a pod's status. */
export function apiObject(item: Item, ctx: Ctx): Record<string, unknown> {
  const base: Record<string, unknown> = item.raw
    ? structuredClone(item.raw)
    : { apiVersion: item.type.group ? `${item.type.group}/v1` : 'v1', kind: item.type.kind, metadata: { name: item.name } };
  const meta: Record<string, unknown> = isRecord(base['metadata']) ? base['metadata'] : {};
  base['metadata'] = meta;
  if (item.namespace !== undefined) meta['namespace'] = item.namespace;
  if (Object.keys(item.labels).length && !isRecord(meta['labels'])) meta['labels'] = { ...item.labels };
  meta['creationTimestamp'] = '2024-05-20T08:50:00Z';
  if (item.pod) {
    const p = item.pod;
    if (!item.raw) {
      base['spec'] = {
        containers: p.pod.containers.map((c) => ({ name: c.name, image: c.image })),
      };
    }
    const spec = isRecord(base['spec']) ? base['spec'] : {};
    spec['nodeName'] = NODE_NAME;
    base['spec'] = spec;
    const running = p.status === 'Running';
    base['status'] = {
      phase: running ? 'Running' : 'Pending',
      hostIP: NODE_IP,
      podIP: p.pod.ip,
      podIPs: [{ ip: p.pod.ip }],
      containerStatuses: p.containers.map((c) => ({
        name: c.container.name,
        image: c.container.image,
        ready: c.state === 'Running',
        restartCount: 0,
        started: c.state === 'Running',
        state: c.state === 'Running'
          ? { running: { startedAt: '2024-05-20T08:50:05Z' } }
          : { waiting: { reason: c.state, ...(c.message ? { message: c.message } : {}) } },
      })),
    };
  }
  void ctx;
  return sortKeys(base) as Record<string, unknown>;
}

/** sigs.k8s.io/yaml goes through JSON maps: kubectl's -o yaml has every mapping's keys sorted. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isRecord(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** The List kubectl wraps several objects in for -o yaml/json/jsonpath. */
export function apiList(items: Record<string, unknown>[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
