import type { NetworkAnalysis, Protocol } from '../engine/index.js';

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

export function chooseForm(flag: ConnectivityForm | undefined, network: NetworkAnalysis): ConnectivityForm {
  return flag ?? (scenarioEndpointCount(network) > COMPACT_ABOVE ? 'compact' : 'full');
}

/**
 * Every flow of the full form, in its order, without building the list: one call per entry.
 * The same verdicts as `connectivity()` (allowed() is the matrix's path).
 */
export function forEachFlow(network: NetworkAnalysis, fn: (from: string, to: string, port: number, protocol: Protocol, allowed: boolean) => void): void {
  const eps = orderedEndpoints(network);
  for (const s of eps) {
    for (const d of eps) {
      if (s === d || (!s.isPod && !d.isPod)) continue;
      for (const { port, protocol } of d.ports) fn(s.id, d.id, port, protocol, network.allowed(s.id, d.id, port, protocol));
    }
  }
}

export function compactConnectivity(network: NetworkAnalysis): CompactConnectivity {
  const eps = orderedEndpoints(network);
  const ports: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const e of eps) if (e.ports.length > 0) ports[e.id] = e.ports.map((p) => `${p.port}/${p.protocol}`);
  const allowed: CompactConnectivity['allowed'] = [];
  for (const s of eps) {
    // Per port: the domain's size and the allowed destinations, in endpoint order.
    const reach = new Map<string, { domain: number; to: string[]; denied: string[] }>();
    for (const d of eps) {
      if (s === d || (!s.isPod && !d.isPod)) continue;
      for (const { port, protocol } of d.ports) {
        const key = `${port}/${protocol}`;
        let r = reach.get(key);
        if (!r) reach.set(key, (r = { domain: 0, to: [], denied: [] }));
        r.domain += 1;
        if (network.allowed(s.id, d.id, port, protocol)) r.to.push(d.id);
        else r.denied.push(d.id);
      }
    }
    const groups = new Map<string, CompactEntry>();
    for (const [port, r] of [...reach.entries()].sort(([a], [b]) => portOrder(a, b))) {
      if (r.to.length === 0) continue;
      const entry: CompactEntry = r.denied.length < r.to.length
        ? { from: s.id, ports: [port], to: '*', except: r.denied }
        : { from: s.id, ports: [port], to: r.to };
      const key = entry.to === '*' ? `*\n${entry.except.join('\n')}` : entry.to.join('\n');
      const g = groups.get(key);
      if (g) g.ports.push(port);
      else groups.set(key, entry);
    }
    allowed.push(...groups.values());
  }
  return { form: 'compact', ports, allowed };
}

/** By port number, then protocol: "53/TCP", "53/UDP", "80/TCP", "443/TCP". */
function portOrder(a: string, b: string): number {
  const [pa = '', qa = ''] = a.split('/');
  const [pb = '', qb = ''] = b.split('/');
  return Number(pa) - Number(pb) || cmp(qa, qb);
}

/** The compact form as JSON at the contract's indentation, one line per destination and per entry. */
export function compactJson(c: CompactConnectivity, indent: string): string {
  const inner = `${indent}  `;
  const ports = Object.entries(c.ports).map(([to, p]) => `${inner}  ${JSON.stringify(to)}: ${JSON.stringify(p)}`);
  const allowed = c.allowed.map((e) => `${inner}  ${JSON.stringify(e)}`);
  return `{\n${inner}"form": "compact",\n${inner}"ports": ${ports.length ? `{\n${ports.join(',\n')}\n${inner}}` : '{}'},\n`
    + `${inner}"allowed": ${allowed.length ? `[\n${allowed.join(',\n')}\n${inner}]` : '[]'}\n${indent}}`;
}
