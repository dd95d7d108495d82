/**
 * The explanation panel's logic as plain data (tested without a DOM): which ports to explain,
 * the overall verdict, and a one-line summary per direction. The panel renders these with
 * translated strings; every key returned here exists in strings.ts.
 */
import type {
  DirectionExplanation, Explanation, NetworkAnalysis, PeerMissReason, PortMissReason, PortProto, RuleMiss,
} from '../../engine/model/index.js';
import { isReportedPair, portsToCheck, type FlowStatus, type PortChoice } from '../graph/flows.js';

export interface PortExplanation {
  readonly port: PortProto;
  readonly exp: Explanation | null;
  readonly allowed: boolean;
}

export type FlowExplanation =
  | { readonly kind: 'unknown-endpoint'; readonly id: string }
  | { readonly kind: 'not-reported' }
  | {
      readonly kind: 'flow';
      readonly status: FlowStatus;
      readonly probe: boolean;
      readonly ports: readonly PortExplanation[];
    };

export function explainFlow(network: NetworkAnalysis, from: string, to: string, choice: PortChoice): FlowExplanation {
  for (const id of [from, to]) if (!network.endpoint(id)) return { kind: 'unknown-endpoint', id };
  if (!isReportedPair(network, from, to)) return { kind: 'not-reported' };
  const { ports, probe } = portsToCheck(network, to, choice);
  const out = ports.map((port): PortExplanation => {
    const exp = network.explain(from, to, port.port, port.protocol);
    return { port, exp, allowed: exp ? exp.allowed : network.allowed(from, to, port.port, port.protocol) };
  });
  const n = out.filter((p) => p.allowed).length;
  const status: FlowStatus = n === out.length ? 'allowed' : n === 0 ? 'denied' : 'partial';
  return { kind: 'flow', status, probe, ports: out };
}

/** The port opened by default: the first denied one (what people ask about), else the first. */
export function defaultExpanded(ports: readonly PortExplanation[]): number {
  const i = ports.findIndex((p) => !p.allowed);
  return i === -1 ? 0 : i;
}

export interface Summary {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** One sentence for a direction: why policies do (not) apply, and the outcome. */
export function directionSummary(d: DirectionExplanation): Summary {
  const subject = d.subject;
  switch (d.notApplicable) {
    case 'external': return { key: 'sumExternal', params: { subject } };
    case 'hostNetwork': return { key: 'sumHostNetwork', params: { subject } };
    case 'not-enforced': return { key: 'sumNotEnforced', params: { subject } };
    case null: break;
  }
  if (!d.isolated) return { key: 'sumNotIsolated', params: { subject } };
  if (d.allowed) return { key: 'sumAllowedBy', params: { subject, n: d.allowedBy.length } };
  const rules = d.misses.length;
  return rules === 0
    ? { key: 'sumDeniedNoRules', params: { subject, policies: d.isolatingPolicies.length } }
    : { key: 'sumDenied', params: { subject, rules } };
}

export interface PolicyMisses {
  readonly policy: string;
  readonly rules: readonly RuleMiss[];
}

/** Rule misses grouped by policy, in the order the engine reported them. */
export function groupMisses(misses: readonly RuleMiss[]): PolicyMisses[] {
  const out: { policy: string; rules: RuleMiss[] }[] = [];
  for (const m of misses) {
    const last = out.find((g) => g.policy === m.policy);
    if (last) last.rules.push(m);
    else out.push({ policy: m.policy, rules: [m] });
  }
  return out;
}

/** Why a rule missed, in one phrase: its peers, or (with a peer matching) its ports. */
export function ruleMissKey(m: RuleMiss): 'missPeers' | 'missPorts' | 'missBoth' {
  if (m.peerMatched) return 'missPorts';
  return m.portMatched ? 'missPeers' : 'missBoth';
}

export const peerReasonKey = (r: PeerMissReason) => `peer_${r}`;
export const portReasonKey = (r: PortMissReason) => `port_${r}`;

/** The far end of the flow for a direction: the destination for egress, the source for ingress. */
export const remoteOf = (exp: Explanation, d: DirectionExplanation) => (d.direction === 'Egress' ? exp.to : exp.from);

/** Namespace part of a `namespace/name` key. */
export const namespaceOf = (key: string) => key.slice(0, Math.max(key.indexOf('/'), 0));
