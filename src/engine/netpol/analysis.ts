import type { ConnectivityEntry, DirectionExplanation, Endpoint, Explanation, IcmpVerdict, NetworkAnalysis, PolicyRule, PortProto, Protocol } from '../model/index.js';
import { uniquePorts } from '../net/index.js';
import { Bitset } from './bitset.js';
import type { Compiled, CompiledRule } from './compile.js';
import type { EndpointInfo } from './endpoints.js';
import { explainFlow, explainIcmp, explainIngressFromAddress, explainToAddress } from './explain.js';
import { namedPortAdmits, numericPolicyPorts, portEntryDecision, rulePortsAdmit, rulePortsAdmitAnyDestination } from './ports.js';

interface Slot {
  readonly eg: (Bitset | null | undefined)[];
  readonly ing: (Bitset | null | undefined)[];
}

/**
 * One isolation list's rules indexed by port: a set for port p reads only the rules whose ports
 * name p (`byPort`) and those that may admit any number (`general`: no ports, a port range, a
 * named port, an entry without port). Without it every port of every destination walked every
 * rule of its policies: 20 pods and 4,000 policies naming 3,000 ports took a minute (issue 12).
 */
interface RuleIndex {
  readonly byPort: ReadonlyMap<number, readonly CompiledRule[]>;
  readonly general: readonly CompiledRule[];
}

/**
 * At most this many entries in `connectivity()` (about 110 MB of `kslab analyze --json`, 100 MB of
 * heap): lab rule, measured (issue 12). 1,000 pods with one port each are 999,000; 20 pods and the
 * 3,000 ports 4,000 policies name are 1,140,000, over it.
 */
export const MAX_CONNECTIVITY_FLOWS = 1_000_000;

const portKey = (port: number, protocol: Protocol): number => port * 4 + (protocol === 'TCP' ? 0 : protocol === 'UDP' ? 1 : 2);

/** Everything reachable for one port: row s holds the destinations s may open. */
export interface Matrix {
  readonly ids: readonly string[];
  readonly rows: readonly Bitset[];
}

/** The compiled cluster answering flows: single queries walk a pod's few rules; whole matrices are set algebra. */
export class CompiledNetwork implements NetworkAnalysis {
  readonly endpoints: readonly Endpoint[];
  private readonly policyPorts: readonly PortProto[];
  /** Sets shared by endpoints with the same policies (key: policy indexes + port). */
  private readonly cache = new Map<number, Bitset | null>();
  /** Per port: each endpoint's set, so a matrix of single queries is two array reads. */
  private readonly slots = new Map<number, Slot>();
  private readonly namedSets = new Map<string, Bitset>();
  /** Per endpoint: an id for its ingress policy list (and itself, when a rule names a port: per destination). */
  private readonly ingressKeys: number[];
  private readonly egressKeys: number[];
  private readonly ruleIndexes = new Map<number, RuleIndex>();
  private readonly policyIndex: ReadonlyMap<string, number>;

  constructor(readonly compiled: Compiled, readonly enforcing: boolean) {
    this.endpoints = compiled.endpoints.map((e) => e.endpoint);
    this.policyPorts = uniquePorts(numericPolicyPorts(compiled.policies.flatMap((p) =>
      [...p.policy.ingress, ...p.policy.egress].flatMap((r) => r.ports))));
    // Endpoints with the same policies share their sets; lists become small ids once, so a key is
    // not a string of thousands of policy indexes built per port (issue 12's many-policies cliff).
    const intern = new Map<string, number>();
    const id = (text: string): number => {
      let v = intern.get(text);
      if (v === undefined) intern.set(text, v = intern.size);
      return v;
    };
    const lists = compiled.ingressBy.map((list) => list.join(','));
    this.ingressKeys = compiled.ingressBy.map((list, i) =>
      id(list.some((pi) => compiled.policies[pi]?.ingress?.some((r) => r.hasNamedPort)) ? `i|${lists[i]}@${i}` : `i|${lists[i]}`));
    this.egressKeys = compiled.egressBy.map((list) => id(`e|${list.join(',')}`));
    this.policyIndex = new Map(compiled.policies.map((p, i) => [p.key, i] as const).reverse());
  }

  endpoint(id: string): Endpoint | undefined {
    const i = this.compiled.byId.get(id);
    return i === undefined ? undefined : this.endpoints[i];
  }

  isolation(id: string): { readonly ingress: readonly string[]; readonly egress: readonly string[] } {
    const i = this.compiled.byId.get(id);
    if (i === undefined) return { ingress: [], egress: [] };
    const keys = (list: readonly number[] | undefined) => (list ?? []).map((pi) => this.compiled.policies[pi]?.key ?? '');
    return { ingress: keys(this.compiled.ingressBy[i]), egress: keys(this.compiled.egressBy[i]) };
  }

  selectedBy(policy: string): readonly string[] {
    const cp = this.compiled.policies[this.policyIndex.get(policy) ?? -1];
    return cp ? cp.selected.toArray().map((i) => this.endpoints[i]?.id ?? '') : [];
  }

  allowed(from: string, to: string, port: number, protocol: Protocol): boolean {
    const s = this.compiled.byId.get(from), d = this.compiled.byId.get(to);
    if (s === undefined || d === undefined) return false;
    if (s === d || !this.enforcing) return true;
    const eg = this.egressSet(s, port, protocol);
    if (eg !== null && !eg.has(d)) return false;
    const ing = this.ingressSet(d, port, protocol);
    return ing === null || ing.has(s);
  }

  explain(from: string, to: string, port: number, protocol: Protocol): Explanation | null {
    return explainFlow(this.compiled, this.enforcing, from, to, port, protocol);
  }

  explainToAddress(from: string, ip: string, port: number, protocol: Protocol): Explanation | null {
    return explainToAddress(this.compiled, this.enforcing, from, ip, port, protocol);
  }

  explainIngressFromAddress(ip: string, to: string, port: number, protocol: Protocol): DirectionExplanation | null {
    return explainIngressFromAddress(this.compiled, this.enforcing, ip, to, port, protocol);
  }

  explainIcmp(from: string, to: string): IcmpVerdict | null {
    const v = explainIcmp(this.compiled, this.enforcing, from, to);
    return v ? { ...v, enforced: this.enforcing } : null;
  }

  portsOf(to: string): readonly PortProto[] {
    const d = this.compiled.byId.get(to);
    const e = d === undefined ? undefined : this.compiled.endpoints[d];
    if (!e) return [];
    return uniquePorts([...e.ports, ...this.policyPorts]);
  }

  allPorts(): readonly PortProto[] {
    return uniquePorts([...this.compiled.endpoints.flatMap((e) => (e.endpoint.system ? [] : e.ports)), ...this.policyPorts]);
  }

  /**
   * How many entries `connectivity()` has (every ordered pair of distinct scenario endpoints, never
   * external to external, times the destination's ports), counted without listing them: O(endpoints).
   */
  connectivitySize(): number {
    const policyKeys = new Set(this.policyPorts.map((p) => portKey(p.port, p.protocol)));
    let pods = 0, externals = 0;
    const ports: [boolean, number][] = [];
    for (const e of this.compiled.endpoints) {
      if (e.endpoint.system) continue;
      if (e.isPod) pods++;
      else externals++;
      const own = new Set(e.ports.map((p) => portKey(p.port, p.protocol)).filter((k) => !policyKeys.has(k)));
      ports.push([e.isPod, policyKeys.size + own.size]);
    }
    let n = 0;
    for (const [isPod, count] of ports) n += (isPod ? pods + externals - 1 : pods) * count;
    return n;
  }

  /**
   * The full list, or nothing when it would hold more than `limit` entries (MAX_CONNECTIVITY_FLOWS
   * by default; analyze() then says so in a `connectivity-bounded` diagnostic): 70,000 pods would be
   * five billion entries. allowed(), explain() and matrix() still answer any pair.
   */
  connectivity(limit = MAX_CONNECTIVITY_FLOWS): readonly ConnectivityEntry[] {
    if (this.connectivitySize() > limit) return [];
    const eps = this.compiled.endpoints;
    const order = eps.map((_, i) => i).filter((i) => !eps[i]?.endpoint.system)
      .sort((a, b) => cmp(eps[a]?.endpoint.id ?? '', eps[b]?.endpoint.id ?? ''));
    const portsOf = eps.map((e) => this.portsOf(e.endpoint.id));
    const out: ConnectivityEntry[] = [];
    for (const s of order) {
      const from = eps[s] as EndpointInfo;
      for (const d of order) {
        const to = eps[d] as EndpointInfo;
        if (s === d || (!from.isPod && !to.isPod)) continue;
        for (const { port, protocol } of portsOf[d] ?? []) {
          const eg = this.egressSet(s, port, protocol);
          const ing = this.ingressSet(d, port, protocol);
          const allowed = (eg === null || eg.has(d)) && (ing === null || ing.has(s));
          out.push({ from: from.endpoint.id, to: to.endpoint.id, port, protocol, allowed });
        }
      }
    }
    return out;
  }

  /** Every ordered pair for one port/protocol as bit rows; the path a 5,000-pod matrix takes. */
  matrix(port: number, protocol: Protocol): Matrix {
    const n = this.compiled.endpoints.length;
    const ingress = this.compiled.endpoints.map((_, d) => this.ingressSet(d, port, protocol));
    const rows = this.compiled.endpoints.map((_, s) => {
      const eg = this.egressSet(s, port, protocol);
      const row = eg === null ? Bitset.full(n) : eg.clone();
      for (let d = 0; d < n; d++) {
        const ing = ingress[d];
        if (ing && row.has(d) && !ing.has(s)) row.words[d >>> 5] = (row.words[d >>> 5] ?? 0) & ~(1 << (d & 31));
      }
      return row;
    });
    return { ids: this.endpoints.map((e) => e.id), rows };
  }

  /** Sources allowed into d (null: everyone), as d's ingress policies say. */
  private slot(port: number, protocol: Protocol): Slot {
    // A number key: this runs once per query, millions of times for a big matrix.
    const k = portKey(port, protocol);
    let slot = this.slots.get(k);
    if (!slot) {
      slot = { eg: [], ing: [] };
      this.slots.set(k, slot);
    }
    return slot;
  }

  private ingressSet(d: number, port: number, protocol: Protocol): Bitset | null {
    const slot = this.slot(port, protocol);
    let v = slot.ing[d];
    if (v === undefined) slot.ing[d] = v = this.computeIngress(d, port, protocol);
    return v;
  }

  private egressSet(s: number, port: number, protocol: Protocol): Bitset | null {
    const slot = this.slot(port, protocol);
    let v = slot.eg[s];
    if (v === undefined) slot.eg[s] = v = this.computeEgress(s, port, protocol);
    return v;
  }

  private computeIngress(d: number, port: number, protocol: Protocol): Bitset | null {
    const list = this.compiled.ingressBy[d] ?? [];
    if (!this.enforcing || list.length === 0) return null;
    const key = (this.ingressKeys[d] ?? 0) * 262144 + portKey(port, protocol);
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const dest = this.compiled.endpoints[d] as EndpointInfo;
    const set = new Bitset(this.compiled.endpoints.length);
    const index = this.ruleIndex(this.ingressKeys[d] ?? 0, list, 'ingress', dest);
    for (const r of this.candidates(index, port, protocol)) if (rulePortsAdmit(r.rule, port, protocol, dest)) set.orWith(r.peers);
    this.cache.set(key, set);
    return set;
  }

  /** Destinations s may reach (null: everything), as s's egress policies say; named ports resolve per destination. */
  private computeEgress(s: number, port: number, protocol: Protocol): Bitset | null {
    const list = this.compiled.egressBy[s] ?? [];
    if (!this.enforcing || list.length === 0) return null;
    const key = (this.egressKeys[s] ?? 0) * 262144 + portKey(port, protocol);
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const set = new Bitset(this.compiled.endpoints.length);
    // The destinations a rule's ports admit (ports.ts `rulePortsAdmit` for each of them): all when
    // the number does, else those where one of its named entries resolves to it.
    for (const r of this.candidates(this.ruleIndex(this.egressKeys[s] ?? 0, list, 'egress'), port, protocol)) {
      if (rulePortsAdmitAnyDestination(r.rule, port, protocol)) { set.orWith(r.peers); continue; }
      for (const p of r.rule.ports) {
        if (portEntryDecision(p, port, protocol) === 'named') set.orAndWith(r.peers, this.namedSet(p.port as string, p.protocol, port));
      }
    }
    this.cache.set(key, set);
    return set;
  }

  /** Endpoints where a port named `name` on `protocol` is `port` (ports.ts `namedPortAdmits`). */
  private namedSet(name: string, protocol: Protocol, port: number): Bitset {
    const key = `${name}|${protocol}|${port}`;
    let set = this.namedSets.get(key);
    if (!set) {
      set = new Bitset(this.compiled.endpoints.length);
      this.compiled.endpoints.forEach((e, i) => {
        if (namedPortAdmits(name, protocol, port, e)) set?.add(i);
      });
      this.namedSets.set(key, set);
    }
    return set;
  }

  /** The rules of `list` that can admit port/protocol: a superset, each still decided by ports.ts. */
  private *candidates(index: RuleIndex, port: number, protocol: Protocol): Iterable<CompiledRule> {
    yield* index.byPort.get(portKey(port, protocol)) ?? [];
    yield* index.general;
  }

  /**
   * For ingress the destination is known (`dest`): a named entry resolves to its numbered ports
   * (ports.ts `namedPortAdmits`); for egress it depends on the destination, so the rule is general.
   */
  private ruleIndex(key: number, list: readonly number[], pick: 'ingress' | 'egress', dest?: EndpointInfo): RuleIndex {
    let index = this.ruleIndexes.get(key);
    if (index) return index;
    const byPort = new Map<number, CompiledRule[]>();
    const general: CompiledRule[] = [];
    for (const pi of list) {
      for (const r of this.compiled.policies[pi]?.[pick] ?? []) {
        const keys = r.rule.allPorts ? null : portKeys(r.rule.ports, dest);
        if (!keys) { general.push(r); continue; }
        for (const k of keys) {
          const at = byPort.get(k);
          if (at) at.push(r);
          else byPort.set(k, [r]);
        }
      }
    }
    index = { byPort, general };
    this.ruleIndexes.set(key, index);
    return index;
  }
}

/**
 * The port keys a rule's entries can admit, or null when some entry may admit a port it does not
 * number (no port, a range, a named port whose destination is unknown). A named entry admits on
 * `dest` exactly the numbers its declared ports of that name and protocol have (`namedPortAdmits`).
 */
function portKeys(entries: PolicyRule['ports'], dest: EndpointInfo | undefined): Set<number> | null {
  const keys = new Set<number>();
  for (const e of entries) {
    if (typeof e.port === 'number' && e.endPort === undefined) keys.add(portKey(e.port, e.protocol));
    else if (typeof e.port === 'string' && dest) {
      for (const p of dest.ports) if (namedPortAdmits(e.port, e.protocol, p.port, dest)) keys.add(portKey(p.port, p.protocol));
    } else return null;
  }
  return keys;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
