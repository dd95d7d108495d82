import type { Diagnostic, NetworkAnalysis, Protocol } from '../engine/index.js';

/**
 * `analyze`'s connectivity at any size (engine-spec §10, issue 11). The full form lists every ordered
 * pair of distinct endpoints on every port of the destination (§7) — N²·ports entries, 136 MB of
 * JSON at 500 pods — so above COMPACT_ABOVE endpoints the CLI writes the compact form by default:
 *
 *   "connectivity": {
 *     "form": "compact",
 *     "ports":   { "<to>": ["80/TCP", …] },                         // the ports judged for each destination
 *     "allowed": [{ "from", "ports": ["80/TCP", …], "to": ["<to>", …] },
 *                 { "from", "ports": […], "to": "*", "except": ["<to>", …] }] }
 *
 * The full form's domain for a source and a port is every destination ≠ source (not both external
 * hosts) whose `ports` holds that port. An entry says which of them are allowed: the ones in `to`,
 * or with `"to": "*"` all of them but those in `except` (whichever is shorter). A pair of the domain
 * that no entry of its source and port names as allowed is denied. Per source, ports whose answers
 * are the same share one entry. In JSON each entry is one line. `--connectivity=none` writes
 * `{"form": "none"}`.
 */
export type ConnectivityForm = 'full' | 'compact' | 'none';

/** Endpoints (pods and external hosts, not the cluster's own) above which compact is the default. */
export const COMPACT_ABOVE = 200;

export type CompactEntry =
  | { from: string; ports: string[]; to: string[] }
  | { from: string; ports: string[]; to: '*'; except: string[] };

export interface CompactConnectivity {
  readonly form: 'compact';
  readonly ports: Record<string, string[]>;
  readonly allowed: CompactEntry[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The scenario's endpoints in the order of `connectivity()` (by id), with their judged ports. */
function orderedEndpoints(network: NetworkAnalysis) {
  return network.endpoints.filter((e) => !e.system).sort((a, b) => cmp(a.id, b.id))
    .map((e) => ({ id: e.id, isPod: e.kind === 'pod', ports: network.portsOf(e.id) }));
}

export function scenarioEndpointCount(network: NetworkAnalysis): number {
  return network.endpoints.reduce((n, e) => n + (e.system ? 0 : 1), 0);
}

/**
 * Past the engine's bound (MAX_CONNECTIVITY_FLOWS entries; its `connectivity-bounded` diagnostic
 * says so, issue 12) no form is written, whatever the flag: either would judge every pair and port
 * (70,000 pods are five billion entries, hours of work).
 */
export function chooseForm(flag: ConnectivityForm | undefined, network: NetworkAnalysis, diagnostics: readonly Diagnostic[] = []): ConnectivityForm {
  if (diagnostics.some((d) => d.code === 'connectivity-bounded')) return 'none';
  return flag ?? (scenarioEndpointCount(network) > COMPACT_ABOVE ? 'compact' : 'full');
}

interface BitRows { readonly ids: readonly string[]; readonly rows: readonly { has(i: number): boolean }[] }

/**
 * The endpoints with their ports as small integers, and a verdict by integers: through the engine's
 * whole-port matrices (bit rows, one per port, made once) when the network has them, else pair by
 * pair with allowed(). The N²·ports loops below then do no string work per pair.
 */
function prepare(network: NetworkAnalysis) {
  const eps = orderedEndpoints(network);
  const slots: { port: number; protocol: Protocol; label: string }[] = [];
  const slotOf = new Map<string, number>();
  const portSlots = eps.map((e) => e.ports.map(({ port, protocol }) => {
    const label = `${port}/${protocol}`;
    let k = slotOf.get(label);
    if (k === undefined) {
      k = slots.length;
      slotOf.set(label, k);
      slots.push({ port, protocol, label });
    }
    return k;
  }));
  const matrix = (network as Partial<{ matrix(port: number, protocol: Protocol): BitRows }>).matrix?.bind(network);
  const index = new Map<string, number>();
  network.endpoints.forEach((e, i) => index.set(e.id, i));
  const at = eps.map((e) => index.get(e.id) ?? -1);
  const rows: (Uint32Array[] | undefined)[] = [];
  /**
   * Slot k's verdicts as one row of words per source, over the network's endpoint indexes: the
   * engine's matrix when it has one, else allowed() pair by pair (between scenario endpoints).
   */
  const rowsOf = (k: number): Uint32Array[] => {
    const have = rows[k];
    if (have) return have;
    const slot = slots[k]!;
    const size = network.endpoints.length;
    const words = (size + 31) >>> 5;
    const m = matrix?.(slot.port, slot.protocol);
    const made = network.endpoints.map((_, a) => {
      const from = m?.rows[a] as { words?: Uint32Array } | undefined;
      if (from?.words instanceof Uint32Array && from.words.length === words) return from.words;
      const row = new Uint32Array(words);
      for (let d = 0; d < eps.length; d++) {
        const i = at[d]!;
        if (i < 0) continue;
        const yes = m?.rows[a] ? m.rows[a].has(i) : network.allowed(network.endpoints[a]!.id, eps[d]!.id, slot.port, slot.protocol);
        if (yes) row[i >>> 5]! |= 1 << (i & 31);
      }
      return row;
    });
    rows[k] = made;
    return made;
  };
  const allowed = (s: number, d: number, k: number): boolean => {
    const i = at[d]!;
    return i >= 0 && at[s]! >= 0 ? ((rowsOf(k)[at[s]!]![i >>> 5]! >>> (i & 31)) & 1) === 1 : network.allowed(eps[s]!.id, eps[d]!.id, slots[k]!.port, slots[k]!.protocol);
  };
  return { eps, slots, portSlots, at, rowsOf, allowed };
}

/**
 * Every flow of the full form, in its order, without building the list: one call per entry.
 * The same verdicts as `connectivity()` (the matrix's path; tests compare them on every scenario).
 */
export function forEachFlow(network: NetworkAnalysis, fn: (from: string, to: string, port: number, protocol: Protocol, allowed: boolean) => void): void {
  const { eps, slots, portSlots, allowed } = prepare(network);
  for (let s = 0; s < eps.length; s++) {
    for (let d = 0; d < eps.length; d++) {
      if (s === d || (!eps[s]!.isPod && !eps[d]!.isPod)) continue;
      for (const k of portSlots[d]!) fn(eps[s]!.id, eps[d]!.id, slots[k]!.port, slots[k]!.protocol, allowed(s, d, k));
    }
  }
}

/**
 * The compact form by words, not by pairs (issue 11: ~2 s at 500 pods, building N²·ports arrays and
 * joining them into keys). Per port slot the engine's matrix gives each source's allowed row as bits
 * over its endpoints; the slot's domain (destinations holding that port) is a mask over the same
 * indexes, so a source's allowed set is an AND of a few words, keyed by those words: ports that
 * answer alike group by one short string. Ids are read off the bits into endpoint (id) order.
 */
export function compactConnectivity(network: NetworkAnalysis): CompactConnectivity {
  const { eps, slots, portSlots, at, rowsOf } = prepare(network);
  const ports: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  eps.forEach((e, i) => { if (e.ports.length > 0) ports[e.id] = portSlots[i]!.map((k) => slots[k]!.label); });
  const order = slots.map((_, k) => k).sort((a, b) => slots[a]!.port - slots[b]!.port || cmp(slots[a]!.protocol, slots[b]!.protocol));
  const size = network.endpoints.length;
  const words = (size + 31) >>> 5;
  // Over the network's endpoint indexes: per slot the destinations whose ports hold it; the pods;
  // and back from an index to its place in `eps`.
  const domainMask = slots.map(() => new Uint32Array(words));
  const podMask = new Uint32Array(words);
  const place = new Int32Array(size).fill(-1);
  for (let d = 0; d < eps.length; d++) {
    const i = at[d]!;
    if (i < 0) continue;
    place[i] = d;
    if (eps[d]!.isPod) podMask[i >>> 5]! |= 1 << (i & 31);
    for (const k of portSlots[d]!) domainMask[k]![i >>> 5]! |= 1 << (i & 31);
  }
  const bits = new Uint32Array(words);
  const idsOf = (mask: Uint32Array): string[] => {
    const found: number[] = [];
    for (let w = 0; w < words; w++) {
      let v = mask[w]!;
      while (v !== 0) {
        found.push(place[w * 32 + 31 - Math.clz32(v & -v)]!);
        v &= v - 1;
      }
    }
    return found.sort((a, b) => a - b).map((d) => eps[d]!.id);
  };
  const allowed: CompactConnectivity['allowed'] = [];
  for (let s = 0; s < eps.length; s++) {
    const a = at[s]!;
    const sourceIsPod = eps[s]!.isPod;
    const groups = new Map<string, CompactEntry>();
    for (const k of order) {
      const row = rowsOf(k)[a]!;
      const dm = domainMask[k]!;
      // The domain of (s, k): destinations with port k, not s itself, not external to external;
      // `bits` first holds the allowed ones, then (when shorter) the denied ones.
      let inDomain = 0, yes = 0;
      for (let w = 0; w < words; w++) {
        let v = sourceIsPod ? dm[w]! : dm[w]! & podMask[w]!;
        if (w === a >>> 5) v &= ~(1 << (a & 31));
        const y = v & row[w]!;
        inDomain += popcount(v);
        yes += popcount(y);
        bits[w] = y;
      }
      if (yes === 0) continue;
      const complement = inDomain - yes < yes;
      let key = complement ? '*' : '';
      for (let w = 0; w < words; w++) {
        if (complement) {
          let v = sourceIsPod ? dm[w]! : dm[w]! & podMask[w]!;
          if (w === a >>> 5) v &= ~(1 << (a & 31));
          bits[w] = v & ~bits[w]!;
        }
        key += String.fromCharCode(bits[w]! & 0xffff, bits[w]! >>> 16);
      }
      const g = groups.get(key);
      if (g) g.ports.push(slots[k]!.label);
      else groups.set(key, complement
        ? { from: eps[s]!.id, ports: [slots[k]!.label], to: '*', except: idsOf(bits) }
        : { from: eps[s]!.id, ports: [slots[k]!.label], to: idsOf(bits) });
    }
    for (const g of groups.values()) allowed.push(g);
  }
  return { form: 'compact', ports, allowed };
}

function popcount(w: number): number {
  let v = w - ((w >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The compact form as JSON at the contract's indentation, one line per destination and per entry. */
export function compactJson(c: CompactConnectivity, indent: string): string {
  const inner = `${indent}  `;
  const ports = Object.entries(c.ports).map(([to, p]) => `${inner}  ${JSON.stringify(to)}: ${JSON.stringify(p)}`);
  const allowed = c.allowed.map((e) => `${inner}  ${JSON.stringify(e)}`);
  return `{\n${inner}"form": "compact",\n${inner}"ports": ${ports.length ? `{\n${ports.join(',\n')}\n${inner}}` : '{}'},\n`
    + `${inner}"allowed": ${allowed.length ? `[\n${allowed.join(',\n')}\n${inner}]` : '[]'}\n${indent}}`;
}
