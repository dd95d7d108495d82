/**
 * The worker's side of protocol.ts: an Analysis → plain, compact data. Interning makes an edit
 * cost what it changed; flow blocks carry verdicts as bits, computed by the engine's own
 * `network.allowed` (the page never re-derives a verdict: practice 13).
 */
import type { Analysis, NetworkAnalysis, Pod, PortProto, Protocol } from '../engine/index.js';
import {
  FULL_FLOWS_LIMIT, HERE, portKey, refPrefix, type ChunkRef, type FlowBlock, type FlowInterest, type PackedAnalysis, type PackedNetwork,
} from './protocol.js';

/**
 * Content-addressed chunks: the same JSON text keeps its id from one result to the next, so the
 * page (which keeps every chunk of the last result) is sent only ids for what did not change.
 *
 * A record (a pod, a pod report) is a chunk of its fields, `#[names, field, field, …]` (JSON after
 * the `#`): `names` is the chunk id of the field names, a number field is the chunk id of the
 * field's value, a string, boolean or null field is the value itself. The 50 replicas of a
 * Deployment share their labels, containers and Pod Security verdict, so those cross once, and
 * the page builds each record from fields it mostly holds already (state/analysis-view.ts). JSON
 * text never starts with `#`.
 *
 * A record of one document (a pod, a pod report: `record(…, here)`) sends its fields' references
 * to that document (`{"file":…,"doc":N,"path":…}`, every SourceRef) relative to it: such a field
 * is the chunk `~` + its JSON with those references written `{"file":0,"doc":0,"path":…}` (no
 * SourceRef has a number for a file), and the record names the document in a `$here` field,
 * `[file, doc]`. Without it every pod's verdicts, containers and Pod Security checks were a text
 * of their own for their document's index alone: 70,000 identical pods sent ~440 MB of JSON,
 * near the longest string JavaScript can make (issue 12). JSON text never starts with `~` either.
 */
export class Interner {
  private live = new Map<string, number>();
  private next = new Map<string, number>();
  private fresh: [number, string][] = [];
  private nextId = 1;
  /** Chunks of objects already interned in this result, by identity (a pod report's pod is the cluster's pod). */
  private byObject = new Map<object, number>();
  /**
   * Each object's JSON, across results: the incremental engine hands back the same objects for
   * what an edit did not change, and an Analysis is never changed once made, so an unchanged pod
   * is not serialised again (issue 11: packing cost more than the incremental analysis).
   */
  private readonly jsonOf = new WeakMap<object, string>();
  /** Each object's relative text for the document it was last packed in (`relativeJson`). */
  private readonly relativeOf = new WeakMap<object, { readonly own: string; readonly rel: string | null }>();

  begin(): void {
    this.next = new Map();
    this.fresh = [];
    this.byObject = new Map();
  }

  /** The chunk id of a JSON value (objects are remembered by identity for `idOfObject`). */
  id(value: unknown, json?: string): number {
    const object = typeof value === 'object' && value !== null;
    if (json === undefined) {
      // The engine shares objects (a template's labels among its replicas): one JSON text for all.
      const known = object ? this.byObject.get(value) : undefined;
      if (known !== undefined) return known;
      json = this.jsonFor(value);
    }
    let id = this.next.get(json);
    if (id === undefined) {
      id = this.live.get(json);
      if (id === undefined) {
        id = this.nextId++;
        this.fresh.push([id, json]);
      }
      this.next.set(json, id);
    }
    if (object) this.byObject.set(value, id);
    return id;
  }

  /** The JSON text of a value, remembered for objects (see `jsonOf`). */
  private jsonFor(value: unknown): string {
    const object = typeof value === 'object' && value !== null;
    let json = object ? this.jsonOf.get(value) : undefined;
    if (json === undefined) {
      json = JSON.stringify(value) ?? 'null';
      if (object) this.jsonOf.set(value, json);
    }
    return json;
  }

  /**
   * The `~` chunk text of an object whose JSON refers to the document `own` begins (HERE in place),
   * or null: kept by object, like `jsonOf`, so an unchanged pod's fields are not scanned and
   * rewritten again at every result.
   */
  private relativeJson(value: object, own: string): string | null {
    const held = this.relativeOf.get(value);
    if (held && held.own === own) return held.rel;
    const json = this.jsonFor(value);
    const rel = json.includes(own) ? `~${json.replaceAll(own, HERE)}` : null;
    this.relativeOf.set(value, { own, rel });
    return rel;
  }

  /** The id of an object interned earlier in this result, or a new chunk for it. */
  idOfObject(value: object): number {
    return this.byObject.get(value) ?? this.id(value);
  }

  /**
   * A record: each field its own chunk (fields whose value is undefined are left out, as JSON does);
   * with `here`, the fields' references to that document are sent relative to it (see above).
   */
  record(value: object, fields: object = value, here?: { readonly file: string; readonly doc: number }): number {
    const known = this.byObject.get(value);
    if (known !== undefined) return known;
    const names: string[] = [];
    const values: unknown[] = [0];
    const own = here ? refPrefix(here.file, here.doc) : null;
    let relative = false;
    for (const name in fields) {
      const v = (fields as Record<string, unknown>)[name];
      if (v === undefined || typeof v === 'function') continue;
      names.push(name);
      if (typeof v === 'string' || typeof v === 'boolean' || v === null) values.push(v);
      else {
        const rel = own ? this.relativeJson(v as object, own) : null;
        if (rel !== null) relative = true;
        values.push(rel !== null ? this.id(undefined, rel) : this.id(v));
      }
    }
    if (relative && here) {
      names.push('$here');
      values.push(JSON.stringify([here.file, here.doc]));
    }
    values[0] = this.id(names);
    return this.id(value, `#${JSON.stringify(values)}`);
  }

  ref(value: unknown): ChunkRef {
    return Array.isArray(value) ? value.map((v: unknown) => this.id(v)) : this.id(value);
  }

  /** Ends a result: its chunks become what the page holds; `dropped` are those the page can forget. */
  end(): { fresh: [number, string][]; dropped: number[] } {
    const dropped: number[] = [];
    for (const [json, id] of this.live) if (!this.next.has(json)) dropped.push(id);
    this.live = this.next;
    return { fresh: this.fresh, dropped };
  }
}

/** Fields of Analysis that are not plain data, or are packed on their own. */
const SPECIAL = new Set(['sources', 'network', 'locate', 'cluster', 'pods', 'policies']);

export interface PortTable {
  readonly ports: PortProto[];
  readonly index: Map<number, number>;
}

export function portTable(): PortTable {
  return { ports: [], index: new Map() };
}

export function addPort(table: PortTable, p: PortProto): number {
  const key = portKey(p.port, p.protocol);
  let i = table.index.get(key);
  if (i === undefined) {
    i = table.ports.length;
    table.ports.push({ port: p.port, protocol: p.protocol });
    table.index.set(key, i);
  }
  return i;
}

/**
 * The port a destination that lists none is checked on: the smallest TCP port nothing names.
 * The same rule as ui/graph/flows.ts `probePort` (a test keeps them equal), computed here so the
 * graph and matrix find it among the ports answered.
 */
export function probePortOf(network: NetworkAnalysis): PortProto {
  const named = new Set(network.allPorts().filter((p) => p.protocol === 'TCP').map((p) => p.port));
  let port = 1;
  while (named.has(port) && port < 65535) port++;
  return { port, protocol: 'TCP' };
}

export function packNetwork(network: NetworkAnalysis, policyKeys: readonly string[], interner: Interner, table: PortTable): PackedNetwork {
  const endpoints = network.endpoints.map((e) => interner.id(e));
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const keyOf = (k: string) => {
    let i = keyIndex.get(k);
    if (i === undefined) { i = keys.length; keys.push(k); keyIndex.set(k, i); }
    return i;
  };
  const isolation = network.endpoints.map((e) => {
    const iso = network.isolation(e.id);
    return [iso.ingress.map(keyOf), iso.egress.map(keyOf)] as const;
  });
  const index = new Map(network.endpoints.map((e, i) => [e.id, i]));
  const selectedBy: Record<string, number[]> = {};
  for (const key of policyKeys) selectedBy[key] = network.selectedBy(key).map((id) => index.get(id) ?? -1);
  const allPorts = network.allPorts().map((p) => addPort(table, p));
  const portsOf = network.endpoints.map((e) => network.portsOf(e.id).map((p) => addPort(table, p)));
  addPort(table, probePortOf(network));
  return { endpoints, enforcing: network.enforcing, policyKeys: keys, isolation, selectedBy, ports: [...table.ports], portsOf, allPorts };
}

/**
 * Container reports as sent, by the pod's containers: the same reports again (the incremental
 * engine hands back a new list of the same report objects for a pod it did not recompute) give
 * the same objects, which Interner's JSON cache then does not serialise again.
 */
const slimmed = new WeakMap<object, { list: readonly unknown[]; out: readonly unknown[] }>();

/** A container report's container is the pod's own: sent as its index (`$container`), not again. */
function slim(list: readonly { container: unknown }[], own: readonly unknown[]): readonly unknown[] {
  const hit = slimmed.get(own);
  if (hit && hit.list.length === list.length && hit.list.every((c, i) => c === list[i])) return hit.out;
  const out = list.map((c) => {
    const k = own.indexOf(c.container);
    if (k < 0) return c;
    const { container: _container, ...other } = c;
    return { ...other, $container: k };
  });
  slimmed.set(own, { list, out });
  return out;
}

/** Everything but the network and the flows, interned. */
export function packData(analysis: Analysis, interner: Interner): Omit<PackedAnalysis, 'network' | 'flows'> {
  const cluster: Record<string, ChunkRef> = {};
  for (const [k, v] of Object.entries(analysis.cluster)) {
    cluster[k] = k === 'pods' && Array.isArray(v) ? v.map((pod: Pod) => interner.record(pod, pod, pod.ref)) : interner.ref(v);
  }
  const pods = analysis.pods.map((report) => {
    const { pod, ...rest } = report;
    const packed = { ...rest, containers: slim(report.containers, pod.containers), initContainers: slim(report.initContainers, pod.initContainers) };
    return [interner.record(packed, packed, pod.ref), interner.record(pod, pod, pod.ref)] as const;
  });
  const policies = analysis.policies.map((report) => {
    const { policy, ...rest } = report;
    return [interner.id(rest), interner.idOfObject(policy)] as const;
  });
  const restFields: Record<string, ChunkRef> = {};
  for (const [k, v] of Object.entries(analysis)) {
    if (SPECIAL.has(k) || typeof v === 'function') continue;
    restFields[k] = interner.ref(v);
  }
  return { cluster, pods, policies, rest: restFields };
}

/** The block of rows × cols on `ports` (indexes), bits from `network.allowed`. */
export function flowBlock(network: NetworkAnalysis, key: string, rows: readonly number[], cols: readonly number[], ports: readonly number[], table: PortTable): FlowBlock {
  const ids = network.endpoints.map((e) => e.id);
  const P = ports.length;
  const bits = new Uint32Array(Math.ceil((rows.length * cols.length * P) / 32));
  const portList = ports.map((i) => table.ports[i] as PortProto);
  let bit = 0;
  for (const r of rows) {
    const from = ids[r] as string;
    for (const c of cols) {
      const to = ids[c] as string;
      for (const p of portList) {
        if (network.allowed(from, to, p.port, p.protocol as Protocol)) bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
        bit++;
      }
    }
  }
  return { key, rows, cols, ports, bits };
}

/** The blocks one view wants (see FlowInterest); unknown ids are skipped. */
export function interestBlocks(network: NetworkAnalysis, key: string, interest: FlowInterest, table: PortTable): FlowBlock[] {
  const index = new Map(network.endpoints.map((e, i) => [e.id, i]));
  const idx = (ids: readonly string[] | undefined) => [...new Set((ids ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined))];
  const all = network.endpoints.map((_, i) => i);
  const ports = table.ports.map((_, i) => i);
  const out: FlowBlock[] = [];
  for (const f of idx(interest.focus)) {
    out.push(flowBlock(network, key, [f], all, ports, table));
    out.push(flowBlock(network, key, all, [f], ports, table));
  }
  const rows = idx(interest.rows), cols = idx(interest.cols);
  if (rows.length > 0 && cols.length > 0) out.push(flowBlock(network, key, rows, cols, ports, table));
  const byFrom = new Map<number, number[]>();
  for (const [from, to] of interest.pairs ?? []) {
    const s = index.get(from), d = index.get(to);
    if (s === undefined || d === undefined) continue;
    byFrom.set(s, [...(byFrom.get(s) ?? []), d]);
  }
  for (const [s, ds] of byFrom) out.push(flowBlock(network, key, [s], [...new Set(ds)], ports, table));
  return out;
}

/** The engine's whole-matrix query (netpol/analysis.ts CompiledNetwork.matrix): per port, each source's allowed destinations as bits. */
interface MatrixNetwork {
  matrix(port: number, protocol: Protocol): { readonly ids: readonly string[]; readonly rows: readonly { has(i: number): boolean }[] };
}

const hasMatrix = (network: NetworkAnalysis): network is NetworkAnalysis & MatrixNetwork =>
  typeof (network as Partial<MatrixNetwork>).matrix === 'function';

/**
 * Every pair on every port, when the cluster is small enough (FULL_FLOWS_LIMIT). From the engine's
 * `matrix` per port when it has one — the same verdicts as `allowed` pair by pair (an endpoint to
 * itself is always allowed, as `allowed` says), a port's rows computed as sets instead of a
 * lookup per pair: a sixth of the time at 50 pods (issue 11) — else pair by pair.
 */
export function fullBlock(network: NetworkAnalysis, table: PortTable): FlowBlock | null {
  const n = network.endpoints.length;
  if (n > FULL_FLOWS_LIMIT) return null;
  const all = network.endpoints.map((_, i) => i);
  const ports = table.ports.map((_, i) => i);
  if (!hasMatrix(network)) return flowBlock(network, 'all', all, all, ports, table);
  const P = ports.length;
  const bits = new Uint32Array(Math.ceil((n * n * P) / 32));
  for (let q = 0; q < P; q++) {
    const p = table.ports[q] as PortProto;
    const m = network.matrix(p.port, p.protocol);
    if (m.ids.length !== n || m.ids.some((id, i) => id !== network.endpoints[i]?.id)) return flowBlock(network, 'all', all, all, ports, table);
    for (let r = 0; r < n; r++) {
      const row = m.rows[r];
      for (let c = 0; c < n; c++) {
        if (r !== c && !row?.has(c)) continue;
        const bit = (r * n + c) * P + q;
        bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
      }
    }
  }
  return { key: 'all', rows: all, cols: all, ports, bits };
}
