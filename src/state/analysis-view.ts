/**
 * The page's side of a worker result (worker/protocol.ts): an `Analysis` built from plain data,
 * so the graph, matrix, panels, lesson checks and the terminal keep reading one synchronous
 * Analysis while the engine runs in the worker.
 *
 * Everything it answers comes from the engine's own output, nothing is re-derived (practice 13):
 * objects are the engine's (JSON chunks, parsed when first read), network tables are the engine's
 * `isolation`/`selectedBy`/`portsOf`/`allPorts`, and `allowed` reads bits the worker computed with
 * `network.allowed`. Explanations and editor ranges are fetched on demand (the controller fills
 * this view's caches). A question the view cannot answer from what it holds (a verdict on a pair
 * or port nobody asked for, a probe from the terminal, an address flow) is answered by the real
 * engine on the page, once per view (`materialize`): correct, counted in perf.ts, and rare in the
 * lab's own views, which ask the worker first.
 */
import { analyze as engineAnalyze } from '../engine/index.js';
import type {
  Analysis, Cluster, ConnectivityEntry, Container, ContainerReport, Diagnostic, Pod, DirectionExplanation, Endpoint, Explanation, IcmpVerdict,
  NetworkAnalysis, NodeInfo, PodReport, PolicyReport, PortProto, Protocol, ServiceReport, SourceFile, SourceRange,
  SourceRef,
} from '../engine/model/index.js';
import { HERE, portKey, refKey, refPrefix, type ChunkBatch, type ChunkRef, type FlowBlock, type PackedAnalysis, type PackedNetwork } from '../worker/protocol.js';
import { countFallback } from './perf.js';

/**
 * One chunk; parsed on first read, then the same object for every view that holds it. A record
 * (worker/pack.ts Interner.record: a pod, a pod report) is built from its field chunks, which
 * other records share: the replicas of a workload parse their labels and containers once.
 */
export interface Chunk {
  json: string;
  value: unknown;
  parsed: boolean;
  /** A record's field names (a chunk of a JSON array) and fields, in order: chunks, or strings, booleans and null in place. */
  names?: Chunk;
  fields?: (Chunk | string | boolean | null)[];
}

function valueOf<T>(chunk: Chunk): T {
  if (!chunk.parsed) {
    chunk.value = chunk.fields && chunk.names ? buildRecord(chunk.names, chunk.fields) : JSON.parse(chunk.json);
    chunk.parsed = true;
    chunk.json = '';
  }
  return chunk.value as T;
}

function buildRecord(namesChunk: Chunk, fields: readonly (Chunk | string | boolean | null)[]): Record<string, unknown> {
  const names = valueOf<string[]>(namesChunk);
  const out: Record<string, unknown> = {};
  // A record of one document: its relative fields (`~` chunks, worker/pack.ts) name it again here.
  const hereAt = names.lastIndexOf('$here');
  const here = hereAt >= 0 ? (JSON.parse(fields[hereAt] as string) as [string, number]) : null;
  const own = here ? refPrefix(here[0], here[1]) : '';
  for (let i = 0; i < names.length; i++) {
    if (i === hereAt) continue;
    const field = fields[i];
    out[names[i] as string] = typeof field !== 'object' || field === null
      ? field
      : field.json.startsWith('~') ? JSON.parse(field.json.slice(1).replaceAll(HERE, own)) : valueOf(field);
  }
  return out;
}

/** The chunks the worker believes the page holds: those of its last result. */
export class ChunkTable {
  private readonly chunks = new Map<number, Chunk>();

  /** Takes a result's chunks in, forgets those it dropped, and resolves its references. */
  take(fresh: ChunkBatch, dropped: readonly number[], packed: PackedAnalysis): Resolved {
    this.drop(dropped);
    this.add(fresh);
    return this.resolve(packed);
  }

  /** Forgets the chunks a result dropped (first: its fresh chunks may be needed by a view of it at once). */
  drop(dropped: readonly number[]): void {
    for (const id of dropped) this.chunks.delete(id);
  }

  /**
   * Takes fresh chunks in from `from` on, until the end or until `enough()` (checked every 256
   * chunks); returns where it stopped. A record's fields come before it (worker/pack.ts).
   */
  add(fresh: ChunkBatch, from = 0, enough: () => boolean = () => false): number {
    const { ids, ends, text } = fresh;
    let at = from;
    while (at < ids.length) {
      const id = ids[at] as number;
      const json = text.slice(ends[at - 1] ?? 0, ends[at]);
      at++;
      const chunk: Chunk = { json, value: undefined, parsed: false };
      if (json.startsWith('#')) {
        const [names, ...fields] = JSON.parse(json.slice(1)) as [number, ...(number | string | boolean | null)[]];
        chunk.names = this.get(names);
        chunk.fields = fields.map((f) => (typeof f === 'number' ? this.get(f) : f));
      }
      this.chunks.set(id, chunk);
      if ((at - from) % 256 === 0 && enough()) break;
    }
    return at;
  }

  private get(id: number): Chunk {
    const c = this.chunks.get(id);
    if (!c) throw new Error(`analysis worker: unknown chunk ${id}`);
    return c;
  }

  /** A result's references, once its chunks are in. */
  resolve(packed: PackedAnalysis): Resolved {
    const get = (id: number) => this.get(id);
    const ref = (r: ChunkRef): Chunk | Chunk[] => (typeof r === 'number' ? get(r) : r.map(get));
    const fields = (o: Readonly<Record<string, ChunkRef>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ref(v)]));
    return {
      cluster: fields(packed.cluster),
      pods: packed.pods.map(([r, p]) => [get(r), get(p)] as const),
      policies: packed.policies.map(([r, p]) => [get(r), get(p)] as const),
      rest: fields(packed.rest),
      endpoints: packed.network.endpoints.map(get),
    };
  }

  get size(): number {
    return this.chunks.size;
  }
}

export interface Resolved {
  readonly cluster: Readonly<Record<string, Chunk | Chunk[]>>;
  readonly pods: readonly (readonly [Chunk, Chunk])[];
  readonly policies: readonly (readonly [Chunk, Chunk])[];
  readonly rest: Readonly<Record<string, Chunk | Chunk[]>>;
  readonly endpoints: readonly Chunk[];
}

const materialValue = (c: Chunk | Chunk[]): unknown => (Array.isArray(c) ? c.map((x) => valueOf(x)) : valueOf(c));

/** A pod report as packed (worker/pack.ts): no pod, and each container report's container as its index in the pod. */
type PackedContainerReport = Omit<ContainerReport, 'container'> & { readonly container?: Container; readonly $container?: number };
type PackedPodReport = Omit<PodReport, 'pod' | 'containers' | 'initContainers'> & {
  readonly containers: readonly PackedContainerReport[];
  readonly initContainers: readonly PackedContainerReport[];
};

function unpackPodReport(report: PackedPodReport, pod: Pod): PodReport {
  const full = (list: readonly PackedContainerReport[], own: readonly Container[]): ContainerReport[] => list.map((c) => {
    const { $container, ...rest } = c;
    return { ...rest, container: $container === undefined ? (c.container as Container) : (own[$container] as Container) };
  });
  return { ...report, pod, containers: full(report.containers, pod.containers), initContainers: full(report.initContainers, pod.initContainers) };
}

/** A pod report is the report's chunk plus the cluster's pod: one wrapper per pair, kept across views. */
const podReports = new WeakMap<object, WeakMap<object, PodReport>>();
function podReportOf(r: Chunk, p: Chunk): PodReport {
  const report = valueOf<PackedPodReport>(r), pod = valueOf<Pod>(p);
  return joined(podReports, report, pod, () => unpackPodReport(report, pod));
}
function joined<T>(cache: WeakMap<object, WeakMap<object, T>>, report: object, inner: object, make: () => T): T {
  let byInner = cache.get(report);
  if (!byInner) cache.set(report, (byInner = new WeakMap()));
  let out = byInner.get(inner);
  if (!out) byInner.set(inner, (out = make()));
  return out;
}
const policyReports = new WeakMap<object, WeakMap<object, PolicyReport>>();

/** What every view of one result shares: the data, its lazily built objects, the caches, the fallback. */
interface Shared {
  readonly sources: readonly SourceFile[];
  readonly revision: number;
  readonly resolved: Resolved;
  readonly net: PackedNetwork;
  built: Partial<{ cluster: Cluster; pods: PodReport[]; policies: PolicyReport[]; endpoints: Endpoint[] }>;
  readonly rest: Map<string, unknown>;
  readonly explanations: Map<string, Explanation | null>;
  readonly ranges: Map<string, SourceRange | null>;
  real: Analysis | null;
  readonly analyze: (sources: readonly SourceFile[]) => Analysis;
  /** How far `warm` got: items done (endpoints, then pods) and the pod reports built so far. */
  warm?: { at: number; pods: PodReport[] };
}

/** Answers `allowed` from the worker's bit blocks. */
export class FlowIndex {
  readonly ports: readonly PortProto[];
  private readonly portIndex: Map<number, number>;
  private readonly blocks: readonly IndexedBlock[];

  constructor(ports: readonly PortProto[], blocks: readonly FlowBlock[], private readonly n: number) {
    this.ports = ports;
    this.portIndex = new Map(ports.map((p, i) => [portKey(p.port, p.protocol), i]));
    this.blocks = blocks.map((b) => new IndexedBlock(b, n, ports.length));
  }

  portOf(port: number, protocol: string): number | undefined {
    return this.portIndex.get(portKey(port, protocol));
  }

  /** The bit for s → d on port index p, or undefined when no block holds it. */
  lookup(s: number, d: number, p: number): boolean | undefined {
    for (const b of this.blocks) {
      const v = b.get(s, d, p);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** True when every pair between these endpoints and all endpoints is held, on every port. */
  coversAll(s: number): boolean {
    return this.blocks.some((b) => b.fullRow(s)) && this.blocks.some((b) => b.fullCol(s));
  }

  covers(s: number, d: number): boolean {
    return this.blocks.some((b) => b.has(s, d));
  }

  /** True when one block holds every pair on every port: `lookup` then answers any pair on any of `ports`. */
  full(): boolean {
    return this.blocks.some((b) => b.full());
  }

  /** The block that holds every pair on every port, if one does. */
  fullBlock(): FlowBlock | undefined {
    return this.blocks.find((b) => b.full())?.block;
  }

  /** The same ports and the same blocks, bit for bit. */
  sameAs(other: FlowIndex): boolean {
    if (other === this) return true;
    if (other.n !== this.n || other.blocks.length !== this.blocks.length || !samePorts(this.ports, other.ports)) return false;
    return this.blocks.every((b, i) => sameBlock(b.block, (other.blocks[i] as IndexedBlock).block));
  }

  /** A copy with the blocks of `keys` replaced (a view wanted something else) and ports appended. */
  with(keys: readonly string[], blocks: readonly FlowBlock[], ports: readonly PortProto[]): FlowIndex {
    const kept = this.blocks.filter((b) => !keys.includes(b.block.key)).map((b) => b.block);
    return new FlowIndex([...this.ports, ...ports], [...kept, ...blocks], this.n);
  }
}

const samePorts = (a: readonly PortProto[], b: readonly PortProto[]) =>
  a.length === b.length && a.every((p, i) => p.port === b[i]?.port && p.protocol === b[i]?.protocol);

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameBlock = (a: FlowBlock, b: FlowBlock) =>
  a.key === b.key && sameNumbers(a.rows, b.rows) && sameNumbers(a.cols, b.cols) && sameNumbers(a.ports, b.ports) && sameNumbers(a.bits, b.bits);

class IndexedBlock {
  private rowPos: Int32Array | null = null;
  private colPos: Int32Array | null = null;
  private portPos: Int32Array | null = null;

  constructor(readonly block: FlowBlock, private readonly n: number, private readonly nPorts: number) {}

  private index(): void {
    const pos = (list: readonly number[], size: number) => {
      const a = new Int32Array(size).fill(-1);
      list.forEach((v, i) => { if (v >= 0 && v < size) a[v] = i; });
      return a;
    };
    this.rowPos = pos(this.block.rows, this.n);
    this.colPos = pos(this.block.cols, this.n);
    this.portPos = pos(this.block.ports, this.nPorts);
  }

  get(s: number, d: number, p: number): boolean | undefined {
    if (!this.rowPos) this.index();
    const r = this.rowPos?.[s] ?? -1, c = this.colPos?.[d] ?? -1, q = this.portPos?.[p] ?? -1;
    if (r < 0 || c < 0 || q < 0) return undefined;
    const bit = (r * this.block.cols.length + c) * this.block.ports.length + q;
    return (((this.block.bits[bit >>> 5] ?? 0) >>> (bit & 31)) & 1) === 1;
  }

  has(s: number, d: number): boolean {
    if (!this.rowPos) this.index();
    return (this.rowPos?.[s] ?? -1) >= 0 && (this.colPos?.[d] ?? -1) >= 0 && this.block.ports.length === this.nPorts;
  }

  full(): boolean {
    return this.block.rows.length === this.n && this.block.cols.length === this.n && this.block.ports.length === this.nPorts;
  }

  fullRow(s: number): boolean {
    if (!this.rowPos) this.index();
    return (this.rowPos?.[s] ?? -1) >= 0 && this.block.cols.length === this.n && this.block.ports.length === this.nPorts;
  }

  fullCol(d: number): boolean {
    if (!this.rowPos) this.index();
    return (this.colPos?.[d] ?? -1) >= 0 && this.block.rows.length === this.n && this.block.ports.length === this.nPorts;
  }
}

/**
 * An Analysis read from a worker result. Typed as `ViewedAnalysis` (Analysis & AnalysisView) at
 * the boundary: data fields Analysis gains later travel in `rest` and appear here as getters
 * without a change (the equivalence test compares every data field with the engine's).
 */
export class AnalysisView {
  readonly network: NetworkView;

  /** Builds the view of a result; `analyze` is the fallback engine (tests pass a stand-in). */
  static create(
    sources: readonly SourceFile[], revision: number, resolved: Resolved, packed: PackedAnalysis,
    analyze: (sources: readonly SourceFile[]) => Analysis = engineAnalyze,
  ): ViewedAnalysis {
    const shared: Shared = {
      sources, revision, resolved, net: packed.network, built: {}, rest: new Map(), explanations: new Map(), ranges: new Map(),
      real: null, analyze,
    };
    return new AnalysisView(shared, new FlowIndex(packed.network.ports, packed.flows, packed.network.endpoints.length)) as unknown as ViewedAnalysis;
  }

  private constructor(private readonly shared: Shared, flows: FlowIndex) {
    this.network = new NetworkView(this, shared, flows);
    // Data fields added to Analysis later travel in `rest` too: expose them as they come.
    for (const key of Object.keys(shared.resolved.rest)) {
      if (key in this) continue;
      Object.defineProperty(this, key, { enumerable: true, get: () => this.restField(key) });
    }
  }

  get revision(): number { return this.shared.revision; }
  get sources(): readonly SourceFile[] { return this.shared.sources; }
  get diagnostics(): readonly Diagnostic[] { return this.restField('diagnostics') as Diagnostic[]; }
  get services(): readonly ServiceReport[] { return this.restField('services') as ServiceReport[]; }
  get nodes(): readonly NodeInfo[] { return this.restField('nodes') as NodeInfo[]; }

  get cluster(): Cluster {
    const b = this.shared.built;
    if (!b.cluster) {
      // Each field built when first read: the CNI picker reading `config` does not build 5,000 pods.
      const out: Record<string, unknown> = {};
      for (const [k, c] of Object.entries(this.shared.resolved.cluster)) {
        Object.defineProperty(out, k, {
          enumerable: true, configurable: true,
          get: () => {
            const value = materialValue(c);
            Object.defineProperty(out, k, { value, enumerable: true, configurable: true, writable: true });
            return value;
          },
        });
      }
      b.cluster = out as unknown as Cluster;
    }
    return b.cluster;
  }

  get pods(): readonly PodReport[] {
    const b = this.shared.built;
    b.pods ??= this.shared.resolved.pods.map(([r, p]) => podReportOf(r, p));
    return b.pods;
  }

  /**
   * Builds what the views read first — the endpoints, the pod reports, the cluster's pods — a slice
   * at a time: true when done, false when `enough()` said stop first (call again in a later task).
   * A 5,000-pod result is then shown without one long task (state/analysis-worker.ts).
   */
  warm(enough: () => boolean): boolean {
    const { resolved, built } = this.shared;
    const w = (this.shared.warm ??= { at: 0, pods: [] });
    const endpoints = resolved.endpoints.length, total = endpoints + resolved.pods.length;
    for (let n = 1; w.at < total; n++) {
      if (w.at < endpoints) valueOf(resolved.endpoints[w.at] as Chunk);
      else {
        const [r, p] = resolved.pods[w.at - endpoints] as readonly [Chunk, Chunk];
        w.pods.push(podReportOf(r, p));
      }
      w.at++;
      if (n % 64 === 0 && w.at < total && enough()) return false;
    }
    built.pods ??= w.pods;
    void this.network.endpoints;
    void this.cluster.pods;
    void this.policies;
    return true;
  }

  get policies(): readonly PolicyReport[] {
    const b = this.shared.built;
    b.policies ??= this.shared.resolved.policies.map(([r, p]) => {
      const report = valueOf<object>(r), policy = valueOf<object>(p);
      return joined(policyReports, report, policy, () => ({ ...(report as Omit<PolicyReport, 'policy'>), policy } as unknown as PolicyReport));
    });
    return b.policies;
  }

  locate(ref: SourceRef): SourceRange | null {
    const key = refKey(ref);
    if (this.shared.ranges.has(key)) return this.shared.ranges.get(key) ?? null;
    return this.materialize('locate').locate(ref);
  }

  /** True when `locate(ref)` answers without the fallback. */
  hasRange(ref: SourceRef): boolean {
    return this.shared.ranges.has(refKey(ref));
  }

  /** Fills the range cache (the controller, with a worker answer for this revision). */
  addRanges(ranges: readonly (readonly [string, SourceRange | null])[]): void {
    for (const [k, r] of ranges) this.shared.ranges.set(k, r);
  }

  /** Fills the explanation cache (the controller, with a worker answer for this revision). */
  addExplanation(from: string, to: string, port: PortProto, explanation: Explanation | null): void {
    this.shared.explanations.set(explainKey(from, to, port.port, port.protocol), explanation);
  }

  hasExplanation(from: string, to: string, port: PortProto): boolean {
    return this.shared.explanations.has(explainKey(from, to, port.port, port.protocol));
  }

  /** A view of the same result with more flow bits (a view wanted more): a new object, so memos see the change. */
  withFlows(keys: readonly string[], blocks: readonly FlowBlock[], ports: readonly PortProto[]): ViewedAnalysis {
    return new AnalysisView(this.shared, this.network.flows.with(keys, blocks, ports)) as unknown as ViewedAnalysis;
  }

  /**
   * The real engine's analysis of the same sources, for questions the view cannot answer from its
   * data: computed on the page once per result (perf.ts counts it).
   */
  materialize(why: string): Analysis {
    if (!this.shared.real) {
      const start = performance.now();
      this.shared.real = this.shared.analyze(this.shared.sources);
      countFallback(why, start);
    }
    return this.shared.real;
  }

  private restField(key: string): unknown {
    const rest = this.shared.rest;
    if (!rest.has(key)) {
      const c = this.shared.resolved.rest[key];
      rest.set(key, c === undefined ? this.materialize(`field ${key}`)[key as keyof Analysis] : materialValue(c));
    }
    return rest.get(key);
  }
}

const explainKey = (from: string, to: string, port: number, protocol: string) => `${from}\n${to}\n${portKey(port, protocol)}`;

export class NetworkView implements NetworkAnalysis {
  private byId: Map<string, number> | null = null;

  constructor(private readonly owner: AnalysisView, private readonly shared: Shared, readonly flows: FlowIndex) {}

  get enforcing(): boolean { return this.shared.net.enforcing; }

  get endpoints(): readonly Endpoint[] {
    const b = this.shared.built;
    b.endpoints ??= this.shared.resolved.endpoints.map((c) => valueOf<Endpoint>(c));
    return b.endpoints;
  }

  /** Index of an endpoint id, or undefined (not an endpoint of this analysis). */
  indexOf(id: string): number | undefined {
    this.byId ??= new Map(this.endpoints.map((e, i) => [e.id, i]));
    return this.byId.get(id);
  }

  endpoint(id: string): Endpoint | undefined {
    const i = this.indexOf(id);
    return i === undefined ? undefined : this.endpoints[i];
  }

  isolation(id: string): { readonly ingress: readonly string[]; readonly egress: readonly string[] } {
    const i = this.indexOf(id);
    const iso = i === undefined ? undefined : this.shared.net.isolation[i];
    if (!iso) return { ingress: [], egress: [] };
    const keys = this.shared.net.policyKeys;
    return { ingress: iso[0].map((k) => keys[k] ?? ''), egress: iso[1].map((k) => keys[k] ?? '') };
  }

  selectedBy(policy: string): readonly string[] {
    const list = Object.hasOwn(this.shared.net.selectedBy, policy) ? this.shared.net.selectedBy[policy] : undefined;
    if (!list) return this.real('selectedBy').selectedBy(policy);
    return list.map((i) => this.endpoints[i]?.id ?? '');
  }

  allowed(from: string, to: string, port: number, protocol: Protocol): boolean {
    const v = this.known(from, to, port, protocol);
    return v ?? this.real('allowed').allowed(from, to, port, protocol);
  }

  /** The verdict when this view holds it; undefined otherwise (the graph and matrix ask the worker then). */
  known(from: string, to: string, port: number, protocol: Protocol): boolean | undefined {
    const s = this.indexOf(from), d = this.indexOf(to);
    // The engine's answer for an end that is no endpoint: no connection (netpol/analysis.ts).
    if (s === undefined || d === undefined) return false;
    const p = this.flows.portOf(port, protocol);
    return p === undefined ? undefined : this.flows.lookup(s, d, p);
  }

  explain(from: string, to: string, port: number, protocol: Protocol): Explanation | null {
    const key = explainKey(from, to, port, protocol);
    if (this.shared.explanations.has(key)) return this.shared.explanations.get(key) ?? null;
    return this.real('explain').explain(from, to, port, protocol);
  }

  explainToAddress(from: string, ip: string, port: number, protocol: Protocol): Explanation | null {
    return this.real('explainToAddress').explainToAddress(from, ip, port, protocol);
  }

  explainIcmp(from: string, to: string): IcmpVerdict | null {
    return this.real('explainIcmp').explainIcmp(from, to);
  }

  explainIngressFromAddress(ip: string, to: string, port: number, protocol: Protocol): DirectionExplanation | null {
    return this.real('explainIngressFromAddress').explainIngressFromAddress(ip, to, port, protocol);
  }

  portsOf(to: string): readonly PortProto[] {
    const i = this.indexOf(to);
    const list = i === undefined ? undefined : this.shared.net.portsOf[i];
    return list ? list.map((p) => this.shared.net.ports[p] as PortProto) : [];
  }

  allPorts(): readonly PortProto[] {
    return this.shared.net.allPorts.map((p) => this.shared.net.ports[p] as PortProto);
  }

  connectivity(): readonly ConnectivityEntry[] {
    return this.real('connectivity').connectivity();
  }

  /** True when the view holds every verdict of these endpoints' rows and columns. */
  coversEndpoint(id: string): boolean {
    const i = this.indexOf(id);
    return i === undefined || this.flows.coversAll(i);
  }

  /** True when the view holds the verdicts of from → to on every port it knows. */
  coversPair(from: string, to: string): boolean {
    const s = this.indexOf(from), d = this.indexOf(to);
    return s === undefined || d === undefined || this.flows.covers(s, d);
  }

  /** True when `port` is among the ports the view holds verdicts for. */
  hasPort(port: PortProto): boolean {
    return this.flows.portOf(port.port, port.protocol) !== undefined;
  }

  /**
   * True when `other` answers every verdict a view asks on `port` (any port: every port portsToCheck
   * names) the same way, for every pair of endpoints, from bits both hold — no answer from the
   * engine on the page involved: the same endpoints (ids, kinds) in the same order, the same port
   * tables, and the same blocks, one of them every pair on every port.
   */
  sameVerdicts(other: NetworkView, port: PortProto | 'any'): boolean {
    if (other === this) return true;
    return this.flows.full() && this.flows.sameAs(other.flows) && this.comparable(other, port);
  }

  /**
   * Whether a verdict read from `other`'s bits means the same as one read from this network's at
   * the same place: the same enforcement, `port` held, the same port tables and destination ports,
   * the same endpoints (ids, kinds) in the same order.
   */
  private comparable(other: NetworkView, port: PortProto | 'any'): boolean {
    const a = this.shared.net, b = other.shared.net;
    if (a.enforcing !== b.enforcing || (port !== 'any' && !this.hasPort(port))) return false;
    if (!samePorts(a.ports, b.ports) || !sameNumbers(a.allPorts, b.allPorts) || a.portsOf.length !== b.portsOf.length) return false;
    if (!a.portsOf.every((list, i) => sameNumbers(list, b.portsOf[i] as readonly number[]))) return false;
    const x = this.endpoints, y = other.endpoints;
    return x.length === y.length && x.every((e, i) => e.id === y[i]?.id && e.kind === y[i]?.kind);
  }

  /**
   * The pairs whose verdict on some port differs between `other` and this network, by source id:
   * the destinations of each. Null when the two cannot be compared bit by bit (other endpoints,
   * ports or destination ports, no block holding every pair alike, or `port` not held).
   */
  changedPairs(other: NetworkView, port: PortProto | 'any'): ReadonlyMap<string, ReadonlySet<string>> | null {
    if (!this.comparable(other, port)) return null;
    const x = this.endpoints;
    const p = this.flows.fullBlock(), q = other.flows.fullBlock();
    if (!p || !q || !sameNumbers(p.rows, q.rows) || !sameNumbers(p.cols, q.cols) || !sameNumbers(p.ports, q.ports)) return null;
    const changed = new Map<string, Set<string>>();
    const perRow = p.cols.length * p.ports.length;
    for (let w = 0; w < p.bits.length; w++) {
      let diff = ((p.bits[w] ?? 0) ^ (q.bits[w] ?? 0)) >>> 0;
      while (diff !== 0) {
        const low = (diff & -diff) >>> 0;
        diff = (diff ^ low) >>> 0;
        const bit = w * 32 + 31 - Math.clz32(low);
        const from = x[p.rows[Math.floor(bit / perRow)] as number]?.id ?? '';
        const to = x[p.cols[Math.floor((bit % perRow) / p.ports.length)] as number]?.id ?? '';
        let tos = changed.get(from);
        if (!tos) changed.set(from, (tos = new Set()));
        tos.add(to);
      }
    }
    return changed;
  }

  private real(why: string): NetworkAnalysis {
    return this.owner.materialize(why).network;
  }
}

/**
 * The pairs whose verdict differs between two worker results (NetworkView.changedPairs): every
 * other pair has the same verdict on every port. Null when unsure (an engine analysis made on
 * the page, or results that cannot be compared bit by bit).
 */
export function changedPairs(before: NetworkAnalysis, after: NetworkAnalysis, port: PortProto | 'any'): ReadonlyMap<string, ReadonlySet<string>> | null {
  if (before === after) return new Map();
  return before instanceof NetworkView && after instanceof NetworkView ? after.changedPairs(before, port) : null;
}

/**
 * True when two analyses' networks give the same verdict for every pair of their endpoints on
 * `port` (see NetworkView.sameVerdicts): the same network, or two worker results holding the same
 * bits. False when unsure (an engine analysis made on the page is compared by identity only).
 */
export function sameVerdicts(a: NetworkAnalysis, b: NetworkAnalysis, port: PortProto | 'any'): boolean {
  if (a === b) return true;
  return a instanceof NetworkView && b instanceof NetworkView && a.sameVerdicts(b, port);
}

export type ViewedAnalysis = Analysis & AnalysisView;

export function isView(analysis: Analysis): analysis is ViewedAnalysis {
  return (analysis as unknown) instanceof AnalysisView;
}

/**
 * Whether the graph or matrix can read these verdicts without the engine on the page: always for
 * an analysis made on the page; for a worker result, when it holds the rows and columns of these
 * endpoints (or these pairs) on `port` (any port: every port it knows).
 */
export function flowsCover(analysis: Analysis, q: { focus?: readonly string[]; pairs?: readonly (readonly [string, string])[]; port?: PortProto | 'any' }): boolean {
  if (!isView(analysis)) return true;
  const net = analysis.network;
  if (q.port !== undefined && q.port !== 'any' && !net.hasPort(q.port)) return false;
  return (q.focus ?? []).every((id) => net.coversEndpoint(id)) && (q.pairs ?? []).every(([a, b]) => net.coversPair(a, b));
}
