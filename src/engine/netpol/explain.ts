import type {
  Direction, DirectionExplanation, EmptyPolicy, Explanation, PeerMiss, PortMiss, Protocol, RuleMatch, RuleMiss,
} from '../model/index.js';
import type { Compiled, CompiledPolicy, CompiledRule } from './compile.js';
import type { EndpointInfo } from './endpoints.js';
import { parseIP } from '../net/index.js';
import { matchPeer } from './peers.js';
import { matchPort, type FlowProtocol } from './ports.js';

/**
 * One flow, rule by rule. Egress is decided by the source's policies, ingress by the
 * destination's; the flow is allowed only when both allow it. Null for unknown endpoints,
 * a pod to itself, and external to external (none of these are reported).
 */
export function explainFlow(c: Compiled, enforcing: boolean, from: string, to: string, port: number, protocol: Protocol): Explanation | null {
  const s = c.byId.get(from), d = c.byId.get(to);
  if (s === undefined || d === undefined || s === d) return null;
  const src = c.endpoints[s] as EndpointInfo, dst = c.endpoints[d] as EndpointInfo;
  if (!src.isPod && !dst.isPod) return null;
  const flow: Flow = { port, protocol, dest: dst };
  const egress = explainDirection(c, enforcing, 'Egress', src, c.egressBy[s] ?? [], dst, flow);
  const ingress = explainDirection(c, enforcing, 'Ingress', dst, c.ingressBy[d] ?? [], src, flow);
  return { from, to, port, protocol, allowed: egress.allowed && ingress.allowed, enforced: enforcing, egress, ingress };
}

/**
 * An address no endpoint has (a node, a host on the internet, an unused IP), as the remote end of a
 * flow: outside the cluster, so only ipBlock peers (and rules without peers) can match it, and
 * nothing isolates it.
 */
export function addressEndpoint(ip: string): EndpointInfo {
  return {
    endpoint: { id: ip, kind: 'external', ip, name: ip, index: -1 },
    isPod: false, labels: {}, nsLabels: null, ip: parseIP(ip), hostNetwork: false, ports: [],
  };
}

/**
 * The egress of a pod toward an address that is not an endpoint (a node IP, the internet): judged
 * like any address outside the cluster, by ipBlock rules. Nothing is compiled for it, so the
 * matrix does not pay for it. Null when `from` is not a pod.
 */
export function explainToAddress(c: Compiled, enforcing: boolean, from: string, ip: string, port: number, protocol: Protocol): Explanation | null {
  const s = c.byId.get(from);
  const src = s === undefined ? undefined : c.endpoints[s];
  if (s === undefined || !src?.isPod) return null;
  const dst = addressEndpoint(ip);
  const flow: Flow = { port, protocol, dest: dst };
  const egress = explainDirection(c, enforcing, 'Egress', src, c.egressBy[s] ?? [], dst, flow);
  const ingress = explainDirection(c, enforcing, 'Ingress', dst, [], src, flow);
  return { from, to: ip, port, protocol, allowed: egress.allowed, enforced: enforcing, egress, ingress };
}

/**
 * ICMP (ping) from a pod to an endpoint or an address. NetworkPolicy ports name only TCP, UDP and
 * SCTP, so in an isolated direction only a rule without `ports` admits ICMP: Calico translates such
 * a rule to one without a protocol (projectcalico/calico#2543), Cilium allows ICMP only through
 * L3-only rules (cilium/cilium#14609, docs "Limit ingress/egress ports"). Flannel enforces nothing.
 */
export function explainIcmp(c: Compiled, enforcing: boolean, from: string, to: string): { egress: DirectionExplanation; ingress: DirectionExplanation; allowed: boolean } | null {
  const s = c.byId.get(from);
  const src = s === undefined ? undefined : c.endpoints[s];
  if (s === undefined || !src?.isPod) return null;
  const d = c.byId.get(to);
  const dst = d === undefined ? addressEndpoint(to) : c.endpoints[d] ?? addressEndpoint(to);
  const flow: Flow = { port: 0, protocol: 'ICMP', dest: dst };
  const egress = explainDirection(c, enforcing, 'Egress', src, c.egressBy[s] ?? [], dst, flow);
  const ingress = explainDirection(c, enforcing, 'Ingress', dst, d === undefined ? [] : c.ingressBy[d] ?? [], src, flow);
  return { egress, ingress, allowed: s === d || (egress.allowed && ingress.allowed) };
}

/** The ingress of an endpoint for packets from an address that is no endpoint (a node after masquerade). */
export function explainIngressFromAddress(c: Compiled, enforcing: boolean, ip: string, to: string, port: number, protocol: Protocol): DirectionExplanation | null {
  const d = c.byId.get(to);
  const dst = d === undefined ? undefined : c.endpoints[d];
  if (d === undefined || !dst) return null;
  const src = addressEndpoint(ip);
  return { ...explainDirection(c, enforcing, 'Ingress', dst, c.ingressBy[d] ?? [], src, { port, protocol, dest: dst }), remote: ip };
}

interface Flow {
  readonly port: number;
  readonly protocol: FlowProtocol;
  /** Named ports always resolve against the destination, in both directions. */
  readonly dest: EndpointInfo;
}

function explainDirection(
  c: Compiled, enforcing: boolean, direction: Direction, subject: EndpointInfo, isolating: readonly number[],
  remote: EndpointInfo, flow: Flow,
): DirectionExplanation {
  const base = { direction, subject: subject.endpoint.id };
  const notApplicable = !enforcing ? 'not-enforced' : !subject.isPod ? 'external' : subject.hostNetwork ? 'hostNetwork' : null;
  if (notApplicable !== null || isolating.length === 0) {
    return { ...base, notApplicable, isolated: false, isolatingPolicies: [], allowed: true, allowedBy: [], misses: [], emptyPolicies: [] };
  }
  const policies = isolating.map((pi) => c.policies[pi] as CompiledPolicy);
  const allowedBy: RuleMatch[] = [];
  const misses: RuleMiss[] = [];
  const emptyPolicies: EmptyPolicy[] = [];
  for (const cp of policies) {
    const rules = (direction === 'Ingress' ? cp.ingress : cp.egress) ?? [];
    if (rules.length === 0) {
      emptyPolicies.push({ policy: cp.key, direction, ref: cp.policy.ref });
      continue;
    }
    for (const r of rules) {
      const result = evaluateRule(cp, r, remote, flow);
      if ('match' in result) allowedBy.push(result.match);
      else misses.push(result.miss);
    }
  }
  const allowed = allowedBy.length > 0;
  return {
    ...base, notApplicable: null, isolated: true, isolatingPolicies: policies.map((p) => p.key), allowed, allowedBy,
    // When some rule allowed, the others' misses do not change the verdict: leave them out.
    misses: allowed ? [] : misses, emptyPolicies,
  };
}

function evaluateRule(cp: CompiledPolicy, r: CompiledRule, remote: EndpointInfo, flow: Flow): { match: RuleMatch } | { miss: RuleMiss } {
  const rule = r.rule;
  let peerIndex: number | null = null;
  const peerMisses: PeerMiss[] = [];
  if (!rule.allPeers) {
    rule.peers.forEach((peer, i) => {
      if (peerIndex !== null) return;
      const v = matchPeer(peer, cp.policy.namespace, remote);
      if (v.match) peerIndex = i;
      else peerMisses.push({ peerIndex: i, reason: v.reason, ref: peer.ref, detail: v.detail });
    });
  }
  const peerMatched = rule.allPeers || peerIndex !== null;

  let portIndex: number | null = null;
  const portMisses: PortMiss[] = [];
  if (!rule.allPorts) {
    rule.ports.forEach((entry, i) => {
      if (portIndex !== null) return;
      const v = matchPort(entry, flow.port, flow.protocol, flow.dest);
      if (v.match) portIndex = i;
      else portMisses.push({ portIndex: i, reason: v.reason, ref: entry.ref, detail: v.detail });
    });
  }
  const portMatched = rule.allPorts || portIndex !== null;

  if (peerMatched && portMatched) {
    const pi: number | null = peerIndex, qi: number | null = portIndex;
    const peerRef = pi === null ? undefined : rule.peers[pi]?.ref;
    const portRef = qi === null ? undefined : rule.ports[qi]?.ref;
    return {
      match: {
        policy: cp.key, direction: r.direction, ruleIndex: r.index, peerIndex: pi, portIndex: qi, ref: rule.ref,
        ...(peerRef ? { peerRef } : {}), ...(portRef ? { portRef } : {}),
      },
    };
  }
  return {
    miss: {
      policy: cp.key, direction: r.direction, ruleIndex: r.index, ref: rule.ref, peerMatched, portMatched,
      peerMisses: peerMatched ? [] : peerMisses, portMisses: portMatched ? [] : portMisses,
    },
  };
}
