import type { PolicyPort, PolicyRule, PortMissReason, Protocol } from '../model/index.js';
import type { EndpointInfo } from './endpoints.js';

// The one place where NetworkPolicy `ports` are matched (engine-spec §3, networking/v1
// NetworkPolicyPort). The fast path (analysis.ts: per-port endpoint sets), the explanation
// (explain.ts: per-entry verdicts with reasons) and the DNS check (dns.ts) all decide through
// `portEntryDecision` and `namedPortAdmits`, so they cannot drift apart.

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
 * How one `ports` entry stands toward `port`/`protocol` before the destination is known:
 * - `protocol`: the entry is for another protocol (the protocol must be equal; defaulted to TCP);
 * - `match`: no `port` (every port of the protocol), the number itself, or inside `port..endPort`;
 * - `port` / `range`: a number or a range that leaves `port` out;
 * - `named`: a named port; only the destination can say (`namedPortAdmits`).
 */
export type PortEntryDecision = 'match' | 'named' | 'protocol' | 'port' | 'range';

export function portEntryDecision(entry: PolicyPort, port: number, protocol: FlowProtocol): PortEntryDecision {
  if (entry.protocol !== protocol) return 'protocol';
  const p = entry.port;
  if (p === undefined) return 'match';
  if (typeof p === 'string') return 'named';
  if (entry.endPort !== undefined) return port >= p && port <= entry.endPort ? 'match' : 'range';
  return p === port ? 'match' : 'port';
}

/**
 * Does the destination declare a container port named `name` on `protocol` with number `port`?
 * A named port resolves against the destination pod's declared containerPorts with that name AND
 * protocol, so two pods may resolve one name to different numbers, and a destination without it
 * never matches. An address outside the cluster declares no names; nor does a hostNetwork pod,
 * which policies see as its node's address (peers.ts `selectablePeer`).
 */
export function namedPortAdmits(name: string, protocol: Protocol, port: number, dest: EndpointInfo): boolean {
  for (const p of namedPorts(dest)) if (p.name === name && p.protocol === protocol && p.port === port) return true;
  return false;
}

function namedPorts(dest: EndpointInfo): EndpointInfo['ports'] {
  return dest.isPod && !dest.hostNetwork ? dest.ports : [];
}

/** Does one `ports` entry admit traffic to `port`/`protocol` on the destination? */
export function portEntryAdmits(entry: PolicyPort, port: number, protocol: FlowProtocol, dest: EndpointInfo): boolean {
  const d = portEntryDecision(entry, port, protocol);
  return d === 'match' || (d === 'named' && namedPortAdmits(entry.port as string, entry.protocol, port, dest));
}

/**
 * The ports half of a rule for one flow: `ports` absent or `[]` admits every port and protocol,
 * otherwise any entry (OR).
 */
export function rulePortsAdmit(rule: PolicyRule, port: number, protocol: FlowProtocol, dest: EndpointInfo): boolean {
  if (rule.allPorts) return true;
  for (const entry of rule.ports) if (portEntryAdmits(entry, port, protocol, dest)) return true;
  return false;
}

/**
 * The part of `rulePortsAdmit` that holds whatever the destination: no ports, or an entry that
 * admits the number. When false, only the rule's named entries (`portEntryDecision` = `named`) can
 * still admit the flow, destination by destination.
 */
export function rulePortsAdmitAnyDestination(rule: PolicyRule, port: number, protocol: FlowProtocol): boolean {
  if (rule.allPorts) return true;
  for (const entry of rule.ports) if (portEntryDecision(entry, port, protocol) === 'match') return true;
  return false;
}

/** One entry's verdict, with the reason for a miss (the explanation's view of `portEntryAdmits`). */
export function matchPort(entry: PolicyPort, port: number, protocol: FlowProtocol, dest: EndpointInfo): PortVerdict {
  const d = portEntryDecision(entry, port, protocol);
  switch (d) {
    case 'match':
      return MATCH;
    case 'protocol':
      return { match: false, reason: 'protocol', detail: { protocol: entry.protocol, wanted: protocol } };
    case 'range':
      return { match: false, reason: 'range', detail: { port: String(entry.port), endPort: String(entry.endPort), wanted: String(port) } };
    case 'port':
      return { match: false, reason: 'port', detail: { port: String(entry.port), wanted: String(port) } };
    case 'named': {
      const name = entry.port as string;
      if (namedPortAdmits(name, entry.protocol, port, dest)) return MATCH;
      const resolved = namedPorts(dest).filter((p) => p.name === name && p.protocol === entry.protocol);
      if (resolved.length === 0) {
        return { match: false, reason: 'named-port-unresolved', detail: { name, protocol: entry.protocol, destination: dest.endpoint.id } };
      }
      return {
        match: false, reason: 'named-port-other-number',
        detail: { name, protocol: entry.protocol, resolved: String(resolved[0]?.port ?? ''), wanted: String(port) },
      };
    }
  }
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
