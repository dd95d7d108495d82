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
  const rows: (BitRows | undefined)[] = [];
  const allowed = (s: number, d: number, k: number): boolean => {
    const slot = slots[k]!;
    if (!matrix) return network.allowed(eps[s]!.id, eps[d]!.id, slot.port, slot.protocol);
    const m = rows[k] ?? (rows[k] = matrix(slot.port, slot.protocol));
    return m.rows[at[s]!]?.has(at[d]!) ?? network.allowed(eps[s]!.id, eps[d]!.id, slot.port, slot.protocol);
  };
  return { eps, slots, portSlots, allowed };
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

export function compactConnectivity(network: NetworkAnalysis): CompactConnectivity {
  const { eps, slots, portSlots, allowed: verdict } = prepare(network);
  const ports: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  eps.forEach((e, i) => { if (e.ports.length > 0) ports[e.id] = portSlots[i]!.map((k) => slots[k]!.label); });
  const order = slots.map((_, k) => k).sort((a, b) => slots[a]!.port - slots[b]!.port || cmp(slots[a]!.protocol, slots[b]!.protocol));
  const allowed: CompactConnectivity['allowed'] = [];
  for (let s = 0; s < eps.length; s++) {
    // Per port slot: the allowed and the denied destinations of the domain, in endpoint order.
    const to: number[][] = slots.map(() => []);
    const denied: number[][] = slots.map(() => []);
    for (let d = 0; d < eps.length; d++) {
      if (s === d || (!eps[s]!.isPod && !eps[d]!.isPod)) continue;
      for (const k of portSlots[d]!) (verdict(s, d, k) ? to : denied)[k]!.push(d);
    }
    const groups = new Map<string, CompactEntry>();
    for (const k of order) {
      const yes = to[k]!;
      const no = denied[k]!;
      if (yes.length === 0) continue;
      const ids = (xs: number[]) => xs.map((d) => eps[d]!.id);
      const entry: CompactEntry = no.length < yes.length
        ? { from: eps[s]!.id, ports: [slots[k]!.label], to: '*', except: ids(no) }
        : { from: eps[s]!.id, ports: [slots[k]!.label], to: ids(yes) };
      const key = no.length < yes.length ? `*${no.join(',')}` : yes.join(',');
      const g = groups.get(key);
      if (g) g.ports.push(slots[k]!.label);
      else groups.set(key, entry);
    }
    allowed.push(...groups.values());
  }
  return { form: 'compact', ports, allowed };
}

/** The compact form as JSON at the contract's indentation, one line per destination and per entry. */
export function compactJson(c: CompactConnectivity, indent: string): string {
  const inner = `${indent}  `;
  const ports = Object.entries(c.ports).map(([to, p]) => `${inner}  ${JSON.stringify(to)}: ${JSON.stringify(p)}`);
  const allowed = c.allowed.map((e) => `${inner}  ${JSON.stringify(e)}`);
  return `{\n${inner}"form": "compact",\n${inner}"ports": ${ports.length ? `{\n${ports.join(',\n')}\n${inner}}` : '{}'},\n`
    + `${inner}"allowed": ${allowed.length ? `[\n${allowed.join(',\n')}\n${inner}]` : '[]'}\n${indent}}`;
}
