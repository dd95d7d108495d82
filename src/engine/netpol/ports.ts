import type { PolicyPort, PortMissReason, Protocol } from '../model/index.js';
import type { EndpointInfo } from './endpoints.js';

export type PortVerdict =
  | { readonly match: true }
  | { readonly match: false; readonly reason: PortMissReason; readonly detail: Readonly<Record<string, string>> };

const MATCH: PortVerdict = { match: true };

/**
 * A flow's protocol: one NetworkPolicy can name (TCP, UDP, SCTP), or ICMP (ping), which no
 * `ports` entry can name: only a rule without ports admits it (service/icmp.ts).
 */
export type FlowProtocol = Protocol | 'ICMP';

/**
 * Does one `ports` entry admit traffic to `port`/`protocol` on the destination?
 * (networking/v1 NetworkPolicyPort) The protocol must be equal; no `port` means every port of
 * that protocol; `endPort` makes an inclusive range; a named port resolves against the
 * destination pod's declared containerPorts with that name AND protocol, so two pods may
 * resolve one name to different numbers, and a destination without it never matches.
 */
export function matchPort(entry: PolicyPort, port: number, protocol: FlowProtocol, dest: EndpointInfo): PortVerdict {
  if (entry.protocol !== protocol) {
    return { match: false, reason: 'protocol', detail: { protocol: entry.protocol, wanted: protocol } };
  }
  if (entry.port === undefined) return MATCH;
  if (typeof entry.port === 'string') {
    const name = entry.port;
    const resolved = dest.isPod ? dest.ports.filter((p) => p.name === name && p.protocol === entry.protocol) : [];
    if (resolved.length === 0) {
      return { match: false, reason: 'named-port-unresolved', detail: { name, protocol: entry.protocol, destination: dest.endpoint.id } };
    }
    if (resolved.some((p) => p.port === port)) return MATCH;
    return {
      match: false, reason: 'named-port-other-number',
      detail: { name, protocol: entry.protocol, resolved: String(resolved[0]?.port ?? ''), wanted: String(port) },
    };
  }
  if (entry.endPort !== undefined) {
    if (port >= entry.port && port <= entry.endPort) return MATCH;
    return { match: false, reason: 'range', detail: { port: String(entry.port), endPort: String(entry.endPort), wanted: String(port) } };
  }
  if (entry.port === port) return MATCH;
  return { match: false, reason: 'port', detail: { port: String(entry.port), wanted: String(port) } };
}

/**
 * The numeric ports a policy names (with endPort, just `port`): listed for every destination
 * so a matrix shows what the policies talk about.
 */
export function numericPolicyPorts(entries: Iterable<PolicyPort>): { port: number; protocol: Protocol }[] {
  const out: { port: number; protocol: Protocol }[] = [];
  for (const e of entries) if (typeof e.port === 'number') out.push({ port: e.port, protocol: e.protocol });
  return out;
}
