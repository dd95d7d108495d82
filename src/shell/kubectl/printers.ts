import type { PodReport, ServiceReport } from '../../engine/index.js';
import { LAB_NOW } from '../clock.js';
import { isRecord } from '../objects.js';
import { ageOf, humanDuration } from './cluster.js';
import type { Item } from './items.js';
import { formatLabels, formatLabelSelector } from './selector.js';

/**
 * kubectl's table columns per kind, as the API server's Table rendering makes them
 * (k8s.io/kubernetes pkg/printers/internalversion/printers.go v1.30: printPod, printNode,
 * printService, printEndpoints, printEndpointSlice, printEvent, printDeployment, …): the header,
 * the cells of a row, and the extra `-o wide` columns.
 */
export interface Printer {
  readonly header: readonly string[];
  readonly wide: readonly string[];
  row(item: Item): string[];
  wideRow(item: Item): string[];
}

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const age = (i: Item) => ageOf(i.created);

/** printService's PORT(S): `80/TCP`, `80:30080/TCP`, comma-joined, `<none>`. */
export function servicePorts(s: ServiceReport): string {
  if (s.ports.length === 0) return '<none>';
  return s.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

function externalIP(i: Item, s: ServiceReport): string {
  const ext = (Array.isArray(rec(i.raw?.['spec'])['externalIPs']) ? rec(i.raw?.['spec'])['externalIPs'] as unknown[] : []).map(String);
  switch (s.type) {
    case 'ClusterIP': case 'NodePort': return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': return ext.length ? ext.join(',') : '<pending>';
    case 'ExternalName': return s.externalName ?? '';
    default: return '<unknown>';
  }
}

/** One subset of an Endpoints object: ready and not-ready addresses with the same ports. */
export interface Subset {
  readonly addresses: readonly { ip: string; pod: string | null; nodeName?: string }[];
  readonly notReady: readonly { ip: string; pod: string | null; nodeName?: string }[];
  readonly ports: readonly { name?: string; port: number; protocol: string }[];
}

const ipKey = (ip: string) => ip.split('.').map((x) => x.padStart(3, '0')).join('.');

/**
 * The Endpoints object the endpoints controller writes for a Service (RepackSubsets): backends
 * with the same resolved ports share a subset; addresses sorted by IP.
 */
export function endpointSubsets(s: ServiceReport): Subset[] {
  if (s.ports.length === 0) {
    const ready = s.backends.filter((b) => b.ready);
    const notReady = s.backends.filter((b) => !b.ready);
    if (!ready.length && !notReady.length) return [];
    const sortIps = <T extends { ip: string }>(xs: T[]) => [...xs].sort((x, y) => (ipKey(x.ip) < ipKey(y.ip) ? -1 : 1));
    return [{ addresses: sortIps(ready), notReady: sortIps(notReady), ports: [] }];
  }
  const groups = new Map<string, { ports: Subset['ports']; ready: Map<string, Subset['addresses'][number]>; notReady: Map<string, Subset['addresses'][number]> }>();
  const byIp = new Map<string, { ip: string; pod: string | null; nodeName?: string; ready: boolean; ports: { name?: string; port: number; protocol: string }[] }>();
  for (const e of s.endpoints) {
    for (const a of e.addresses) {
      const entry = byIp.get(a.ip) ?? { ip: a.ip, pod: a.pod, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ready: a.ready, ports: [] };
      entry.ports.push({ ...(e.port.name ? { name: e.port.name } : {}), port: a.port, protocol: e.port.protocol });
      byIp.set(a.ip, entry);
    }
  }
  for (const entry of byIp.values()) {
    const key = JSON.stringify(entry.ports);
    const g = groups.get(key) ?? { ports: entry.ports, ready: new Map(), notReady: new Map() };
    (entry.ready ? g.ready : g.notReady).set(entry.ip, { ip: entry.ip, pod: entry.pod, ...(entry.nodeName ? { nodeName: entry.nodeName } : {}) });
    groups.set(key, g);
  }
  const sorted = (m: Map<string, Subset['addresses'][number]>) => [...m.values()].sort((x, y) => (ipKey(x.ip) < ipKey(y.ip) ? -1 : 1));
  return [...groups.values()].map((g) => ({ addresses: sorted(g.ready), notReady: sorted(g.notReady), ports: g.ports }));
}

/** printers.go formatEndpoints: at most 3 `ip:port` of ready addresses, then ` + N more...`. */
export function formatEndpoints(subsets: readonly Subset[], portNames: ReadonlySet<string> | null): string {
  if (subsets.length === 0) return '<none>';
  const out: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    if (ss.ports.length === 0) {
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (out.length === 3) { more = true; break; }
        out.push(a.ip);
      }
      continue;
    }
    for (const p of ss.ports) {
      if (portNames !== null && !portNames.has(p.name ?? '')) continue;
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (out.length === 3) { more = true; break; }
        out.push(`${a.ip}:${p.port}`);
      }
    }
  }
  const ret = out.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}

/** printEndpointSlice's PORTS / ENDPOINTS: at most 3, then ` + N more...`; none is `<unset>`. */
function listWithMore(values: readonly string[]): string {
  if (values.length === 0) return '<unset>';
  const shown = values.slice(0, 3).join(',');
  return values.length > 3 ? `${shown} + ${values.length - 3} more...` : shown;
}

/** The EndpointSlice's ports: each Service port with the target port the endpoints resolved it to. */
export function slicePorts(s: ServiceReport): { name?: string; port: number; protocol: string }[] {
  return s.endpoints.map((e) => ({ ...(e.port.name ? { name: e.port.name } : {}), port: e.addresses[0]?.port ?? (typeof e.port.targetPort === 'number' ? e.port.targetPort : e.port.port), protocol: e.port.protocol }));
}

function podContainers(p: PodReport | undefined): { name: string; image: string }[] {
  return p ? p.pod.containers.map((c) => ({ name: c.name, image: c.image })) : [];
}

/** A workload's containers from its template (or, for the cluster's own, from a pod). */
function templateContainers(i: Item): { name: string; image: string }[] {
  const spec = rec(i.raw?.['spec']);
  const tmpl = i.type.kind === 'CronJob' ? rec(rec(rec(rec(spec['jobTemplate'])['spec'])['template'])['spec']) : rec(rec(spec['template'])['spec']);
  const cs = list(tmpl['containers']);
  if (cs.length) return cs.map((c) => ({ name: String(c['name'] ?? ''), image: String(c['image'] ?? '') }));
  return podContainers(i.pods?.[0]);
}

const readyCount = (i: Item) => (i.pods ?? []).filter((p) => p.containers.every((c) => c.state === 'Running') && p.initContainers.every((c) => c.state === 'Running')).length;

function workloadSelector(i: Item): string {
  if (i.raw) return formatLabelSelector(rec(i.raw['spec'])['selector']);
  const labels = { ...(i.pods?.[0]?.pod.labels ?? {}) };
  delete labels['pod-template-generation'];
  delete labels['controller-revision-hash'];
  if (i.type.kind !== 'ReplicaSet') delete labels['pod-template-hash'];
  return formatLabels(labels);
}

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function roleRef(i: Item): string {
  const r = rec(i.raw?.['roleRef']);
  return `${String(r['kind'] ?? '')}/${String(r['name'] ?? '')}`;
}

function subjects(i: Item, kind: string): string {
  // rbac.SubjectsStrings: a ServiceAccount as NAMESPACE/NAME, or NAME when the subject has no namespace.
  const ss = list(i.raw?.['subjects']).filter((s) => s['kind'] === kind).map((s) => (kind === 'ServiceAccount' && typeof s['namespace'] === 'string' && s['namespace'] !== '' ? `${s['namespace']}/${String(s['name'] ?? '')}` : String(s['name'] ?? '')));
  return ss.join(', ');
}

const none = (s: string) => (s === '' ? '<none>' : s);

export const PRINTERS: Readonly<Record<string, Printer>> = {
  Pod: {
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (i) => [i.name, i.pod?.ready ?? '0/0', i.pod?.status ?? 'Unknown', '0', age(i)],
    wideRow: (i) => [i.pod?.pod.ip || '<none>', i.pod?.pod.nodeName || '<none>', '<none>', '<none>'],
  },
  Node: {
    header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (i) => [i.name, 'Ready', i.node?.roles.length ? [...i.node.roles].sort().join(',') : '<none>', age(i), i.node?.kubeletVersion ?? ''],
    wideRow: (i) => [i.node?.ip ?? '<none>', '<none>', i.node?.osImage ?? '<unknown>', i.node?.kernelVersion ?? '<unknown>', i.node?.containerRuntime ?? '<unknown>'],
  },
  Namespace: { header: ['NAME', 'STATUS', 'AGE'], wide: [], row: (i) => [i.name, 'Active', age(i)], wideRow: () => [] },
  NetworkPolicy: {
    header: ['NAME', 'POD-SELECTOR', 'AGE'], wide: [],
    row: (i) => [i.name, formatLabelSelector(rec(i.raw?.['spec'])['podSelector']), age(i)], wideRow: () => [],
  },
  Secret: {
    header: ['NAME', 'TYPE', 'DATA', 'AGE'], wide: [],
    row: (i) => {
      const type = typeof i.raw?.['type'] === 'string' ? i.raw['type'] : 'Opaque';
      const keys = new Set([...Object.keys(rec(i.raw?.['data'])), ...Object.keys(rec(i.raw?.['stringData']))]);
      return [i.name, type, String(keys.size), age(i)];
    },
    wideRow: () => [],
  },
  ServiceAccount: { header: ['NAME', 'SECRETS', 'AGE'], wide: [], row: (i) => [i.name, String(Array.isArray(i.raw?.['secrets']) ? i.raw['secrets'].length : 0), age(i)], wideRow: () => [] },
  ConfigMap: {
    header: ['NAME', 'DATA', 'AGE'], wide: [],
    row: (i) => [i.name, String(i.raw ? Object.keys(rec(i.raw['data'])).length + Object.keys(rec(i.raw['binaryData'])).length : 1), age(i)], wideRow: () => [],
  },
  Service: {
    header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'],
    row: (i) => {
      const s = i.service as ServiceReport;
      return [i.name, s.type, s.clusterIP === '' ? '<none>' : s.clusterIP, externalIP(i, s), servicePorts(s), age(i)];
    },
    wideRow: (i) => [i.service?.selector ? formatLabels(i.service.selector) : '<none>'],
  },
  Endpoints: {
    header: ['NAME', 'ENDPOINTS', 'AGE'], wide: [],
    row: (i) => [i.name, formatEndpoints(endpointSubsets(i.service as ServiceReport), null), age(i)], wideRow: () => [],
  },
  EndpointSlice: {
    header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], wide: [],
    row: (i) => {
      const s = i.service as ServiceReport;
      const ports = slicePorts(s).map((p) => String(p.port));
      const addrs = [...s.backends].sort((x, y) => (ipKey(x.ip) < ipKey(y.ip) ? -1 : 1)).map((b) => b.ip);
      return [i.name, 'IPv4', listWithMore(ports), listWithMore(addrs), age(i)];
    },
    wideRow: () => [],
  },
  Event: {
    header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: [],
    row: (i) => {
      const e = i.event!;
      return [humanDuration(LAB_NOW - e.last), e.type, e.reason, `${e.object.kind.toLowerCase()}/${e.object.name}`, e.message.trim()];
    },
    wideRow: () => [],
  },
  Deployment: {
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (i) => {
      const n = i.replicas ?? 1;
      const ready = readyCount(i);
      // status.updatedReplicas counts the pods that exist (PodSecurity may have refused some).
      return [i.name, `${ready}/${n}`, String(i.pods?.length ?? n), String(ready), age(i)];
    },
    wideRow: (i) => {
      const cs = templateContainers(i);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), workloadSelector(i)];
    },
  },
  ReplicaSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (i) => [i.name, String(i.replicas ?? 1), String(i.pods?.length ?? i.replicas ?? 1), String(readyCount(i)), age(i)],
    wideRow: (i) => {
      const cs = templateContainers(i);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), workloadSelector(i)];
    },
  },
  StatefulSet: {
    header: ['NAME', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES'],
    row: (i) => [i.name, `${readyCount(i)}/${i.replicas ?? 1}`, age(i)],
    wideRow: (i) => {
      const cs = templateContainers(i);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
    },
  },
  DaemonSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (i) => {
      const n = String(i.pods?.length ?? 0);
      const sel = i.raw ? rec(rec(rec(rec(i.raw['spec'])['template'])['spec'])['nodeSelector']) : { 'kubernetes.io/os': 'linux' };
      return [i.name, n, n, String(readyCount(i)), n, String(readyCount(i)), formatLabels(Object.fromEntries(Object.entries(sel).map(([k, v]) => [k, String(v)]))), age(i)];
    },
    wideRow: (i) => {
      const cs = templateContainers(i);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), workloadSelector(i)];
    },
  },
  Job: {
    header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (i) => [i.name, 'Running', `0/${String(rec(i.raw?.['spec'])['completions'] ?? 1)}`, age(i), age(i)],
    wideRow: (i) => {
      const cs = templateContainers(i);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), workloadSelector(i)];
    },
  },
  CronJob: {
    header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (i) => {
      const spec = rec(i.raw?.['spec']);
      return [i.name, String(spec['schedule'] ?? ''), typeof spec['timeZone'] === 'string' ? spec['timeZone'] : '<none>', spec['suspend'] === true ? 'True' : 'False', '0', '<none>', age(i)];
    },
    wideRow: (i) => {
      const cs = templateContainers(i);
      return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), '<none>'];
    },
  },
  Role: { header: ['NAME', 'CREATED AT'], wide: [], row: (i) => [i.name, rfc3339(i.created)], wideRow: () => [] },
  ClusterRole: { header: ['NAME', 'CREATED AT'], wide: [], row: (i) => [i.name, rfc3339(i.created)], wideRow: () => [] },
  LimitRange: { header: ['NAME', 'CREATED AT'], wide: [], row: (i) => [i.name, rfc3339(i.created)], wideRow: () => [] },
  RoleBinding: {
    header: ['NAME', 'ROLE', 'AGE'], wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
    row: (i) => [i.name, roleRef(i), age(i)], wideRow: (i) => [subjects(i, 'User'), subjects(i, 'Group'), subjects(i, 'ServiceAccount')],
  },
  ClusterRoleBinding: {
    header: ['NAME', 'ROLE', 'AGE'], wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
    row: (i) => [i.name, roleRef(i), age(i)], wideRow: (i) => [subjects(i, 'User'), subjects(i, 'Group'), subjects(i, 'ServiceAccount')],
  },
  Ingress: {
    header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'], wide: [],
    row: (i) => {
      const spec = rec(i.raw?.['spec']);
      const hosts = list(spec['rules']).map((r) => String(r['host'] ?? '')).filter(Boolean);
      return [i.name, typeof spec['ingressClassName'] === 'string' ? spec['ingressClassName'] : '<none>', hosts.length ? hosts.join(',') : '*', '', list(spec['tls']).length ? '80, 443' : '80', age(i)];
    },
    wideRow: () => [],
  },
  PersistentVolumeClaim: {
    header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'], wide: ['VOLUMEMODE'],
    row: (i) => [i.name, 'Pending', '', '', '', none(String(rec(i.raw?.['spec'])['storageClassName'] ?? '')), '<unset>', age(i)],
    wideRow: (i) => [String(rec(i.raw?.['spec'])['volumeMode'] ?? 'Filesystem')],
  },
  ResourceQuota: {
    header: ['NAME', 'AGE', 'REQUEST', 'LIMIT'], wide: [],
    row: (i) => {
      const hard = rec(rec(i.raw?.['spec'])['hard']);
      const keys = Object.keys(hard).sort();
      const req = keys.filter((k) => !k.startsWith('limits.')).map((k) => `${k}: 0/${String(hard[k])}`).join(', ');
      const lim = keys.filter((k) => k.startsWith('limits.')).map((k) => `${k}: 0/${String(hard[k])}`).join(', ');
      return [i.name, age(i), req, lim];
    },
    wideRow: () => [],
  },
  PriorityClass: {
    header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'], wide: [],
    row: (i) => [i.name, String(i.raw?.['value'] ?? 0), String(i.raw?.['globalDefault'] === true), age(i), String(i.raw?.['preemptionPolicy'] ?? 'PreemptLowerPriority')],
    wideRow: () => [],
  },
};

/** Kinds without a printer of their own get the server's default table: NAME and AGE. */
export const DEFAULT_PRINTER: Printer = { header: ['NAME', 'AGE'], wide: [], row: (i) => [i.name, age(i)], wideRow: () => [] };

/** printEvent's -o wide columns. */
export const EVENT_WIDE = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];
export function eventWideRow(i: Item): string[] {
  const e = i.event!;
  const source = e.host ? `${e.component}, ${e.host}` : e.component;
  return [humanDuration(LAB_NOW - e.last), e.type, e.reason, `${e.object.kind.toLowerCase()}/${e.object.name}`, e.object.fieldPath ?? '', source, e.message.trim(), humanDuration(LAB_NOW - e.first), String(e.count), e.name];
}
