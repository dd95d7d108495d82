import { LAB_AGE } from '../clock.js';
import { NODE_NAME } from '../context.js';
import { isRecord } from '../objects.js';
import type { Item } from './items.js';
import { formatLabelSelector } from './selector.js';

/**
 * kubectl's table columns per kind (kubernetes/kubernetes pkg/printers/internalversion/printers.go):
 * the header, the cells of a row, and the extra `-o wide` columns.
 */
export interface Printer {
  readonly header: readonly string[];
  readonly wide: readonly string[];
  row(item: Item): string[];
  wideRow(item: Item): string[];
}

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

function serviceRow(item: Item): string[] {
  if (item.name === 'kubernetes' && !item.raw) return ['ClusterIP', '10.96.0.1', '<none>', '443/TCP'];
  const spec = rec(item.raw?.['spec']);
  const type = typeof spec['type'] === 'string' ? spec['type'] : 'ClusterIP';
  const ports = Array.isArray(spec['ports']) ? spec['ports'].map((p) => {
    const r = rec(p);
    const node = r['nodePort'] !== undefined ? `:${String(r['nodePort'])}` : '';
    return `${String(r['port'])}${node}/${typeof r['protocol'] === 'string' ? r['protocol'] : 'TCP'}`;
  }) : [];
  const ip = typeof spec['clusterIP'] === 'string' ? spec['clusterIP'] : clusterIp(`${item.namespace}/${item.name}`);
  return [type, ip, '<none>', ports.length ? ports.join(',') : '<none>'];
}

/** A stable ClusterIP from the default service CIDR 10.96.0.0/12. */
function clusterIp(seed: string): string {
  let h = 7;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.${96 + (h % 16)}.${(h >>> 4) % 256}.${((h >>> 12) % 253) + 2}`;
}

function replicas(item: Item): number {
  const r = rec(item.raw?.['spec'])['replicas'];
  return typeof r === 'number' ? r : 1;
}

const AGE = LAB_AGE;

export const PRINTERS: Readonly<Record<string, Printer>> = {
  Pod: {
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (i) => [i.name, i.pod?.ready ?? '0/0', i.pod?.status ?? 'Unknown', '0', AGE],
    wideRow: (i) => [i.pod?.pod.ip ?? '<none>', NODE_NAME, '<none>', '<none>'],
  },
  Namespace: { header: ['NAME', 'STATUS', 'AGE'], wide: [], row: (i) => [i.name, 'Active', AGE], wideRow: () => [] },
  NetworkPolicy: {
    header: ['NAME', 'POD-SELECTOR', 'AGE'], wide: [],
    row: (i) => [i.name, formatLabelSelector(rec(i.raw?.['spec'])['podSelector']), AGE], wideRow: () => [],
  },
  Secret: {
    header: ['NAME', 'TYPE', 'DATA', 'AGE'], wide: [],
    row: (i) => {
      const type = typeof i.raw?.['type'] === 'string' ? i.raw['type'] : 'Opaque';
      const keys = new Set([...Object.keys(rec(i.raw?.['data'])), ...Object.keys(rec(i.raw?.['stringData']))]);
      return [i.name, type, String(keys.size), AGE];
    },
    wideRow: () => [],
  },
  ServiceAccount: { header: ['NAME', 'SECRETS', 'AGE'], wide: [], row: (i) => [i.name, String(Array.isArray(i.raw?.['secrets']) ? i.raw['secrets'].length : 0), AGE], wideRow: () => [] },
  ConfigMap: { header: ['NAME', 'DATA', 'AGE'], wide: [], row: (i) => [i.name, String(Object.keys(rec(i.raw?.['data'])).length), AGE], wideRow: () => [] },
  Service: {
    header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'],
    row: (i) => [i.name, ...serviceRow(i), AGE],
    wideRow: (i) => {
      const sel = rec(rec(i.raw?.['spec'])['selector']);
      const keys = Object.keys(sel).sort();
      return [keys.length ? keys.map((k) => `${k}=${String(sel[k])}`).join(',') : '<none>'];
    },
  },
  Deployment: {
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (i) => {
      const n = replicas(i);
      return [i.name, `${n}/${n}`, String(n), String(n), AGE];
    },
    wideRow: (i) => {
      const spec = rec(rec(rec(i.raw?.['spec'])['template'])['spec']);
      const cs = Array.isArray(spec['containers']) ? spec['containers'].map(rec) : [];
      return [cs.map((c) => String(c['name'])).join(','), cs.map((c) => String(c['image'])).join(','), formatLabelSelector(rec(i.raw?.['spec'])['selector'])];
    },
  },
  ReplicaSet: { header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], wide: [], row: (i) => [i.name, String(replicas(i)), String(replicas(i)), String(replicas(i)), AGE], wideRow: () => [] },
  StatefulSet: { header: ['NAME', 'READY', 'AGE'], wide: [], row: (i) => [i.name, `${replicas(i)}/${replicas(i)}`, AGE], wideRow: () => [] },
  DaemonSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], wide: [],
    row: (i) => [i.name, '1', '1', '1', '1', '1', '<none>', AGE], wideRow: () => [],
  },
  Job: { header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], wide: [], row: (i) => [i.name, 'Running', '0/1', AGE, AGE], wideRow: () => [] },
  CronJob: {
    header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], wide: [],
    row: (i) => [i.name, String(rec(i.raw?.['spec'])['schedule'] ?? ''), '<none>', 'False', '0', '<none>', AGE], wideRow: () => [],
  },
};
