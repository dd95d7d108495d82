import type { Direction, Protocol } from './objects.js';
import type { SourceRef } from './source.js';

/** A pod (`namespace/name`) or an external host (its bare IP). */
export interface Endpoint {
  readonly id: string;
  readonly kind: 'pod' | 'external';
  readonly ip: string;
  readonly namespace?: string;
  readonly name: string;
  /** Index into `cluster.pods` or `cluster.externalHosts`. */
  readonly index: number;
  /** An implicit system pod (CoreDNS, control plane, kube-proxy, CNI): answers flows, left out of connectivity(). */
  readonly system?: boolean;
}

export interface PortProto {
  readonly port: number;
  readonly protocol: Protocol;
}

/** Why one peer of a rule did not match the remote end. */
export type PeerMissReason =
  | 'pod-labels' // podSelector did not match the pod's labels
  | 'namespace-labels' // namespaceSelector did not match the pod's namespace labels
  | 'other-namespace' // podSelector alone: only pods of the policy's namespace
  | 'not-a-pod' // a selector peer never matches an IP outside the cluster
  | 'ip-outside-cidr'
  | 'ip-in-except';

export interface PeerMiss {
  readonly peerIndex: number;
  readonly reason: PeerMissReason;
  readonly ref: SourceRef;
  /** e.g. { cidr, except, ip, namespace, labels } for the formatter. */
  readonly detail: Readonly<Record<string, string>>;
}

export type PortMissReason =
  | 'protocol' // entry is for another protocol
  | 'port' // numeric port differs
  | 'range' // outside port..endPort
  | 'named-port-unresolved' // the destination declares no port by that name and protocol
  | 'named-port-other-number'; // the name resolves, but to another number

export interface PortMiss {
  readonly portIndex: number;
  readonly reason: PortMissReason;
  readonly ref: SourceRef;
  readonly detail: Readonly<Record<string, string>>;
}

export interface RuleMatch {
  readonly policy: string; // namespace/name
  readonly direction: Direction;
  readonly ruleIndex: number;
  /** null when the rule has no from/to (all peers). */
  readonly peerIndex: number | null;
  /** null when the rule has no ports (all ports). */
  readonly portIndex: number | null;
  readonly ref: SourceRef;
  readonly peerRef?: SourceRef;
  readonly portRef?: SourceRef;
}

export interface RuleMiss {
  readonly policy: string;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly ref: SourceRef;
  /** True when some peer matched (so the ports are why it missed). */
  readonly peerMatched: boolean;
  readonly portMatched: boolean;
  readonly peerMisses: readonly PeerMiss[];
  readonly portMisses: readonly PortMiss[];
}

/** A policy that selects the subject pod for this direction but has no rules at all. */
export interface EmptyPolicy {
  readonly policy: string;
  readonly direction: Direction;
  readonly ref: SourceRef;
}

export interface DirectionExplanation {
  readonly direction: Direction;
  /** The endpoint whose policies decide this direction (source for Egress, destination for Ingress). */
  readonly subject: string;
  /**
   * The other end as the subject's policies saw it, when it is not the flow's other end: NodePort
   * traffic is masqueraded, so the server's ingress sees the node's address, not the client pod.
   */
  readonly remote?: string;
  /**
   * Why policies do not apply at all: an external host, a hostNetwork pod (lab rule), or a CNI
   * that does not enforce. null when they apply.
   */
  readonly notApplicable: 'external' | 'hostNetwork' | 'not-enforced' | null;
  readonly isolated: boolean;
  /** Policies (namespace/name) that select the subject with this direction. */
  readonly isolatingPolicies: readonly string[];
  readonly allowed: boolean;
  readonly allowedBy: readonly RuleMatch[];
  readonly misses: readonly RuleMiss[];
  readonly emptyPolicies: readonly EmptyPolicy[];
}

export interface Explanation {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly allowed: boolean;
  readonly enforced: boolean;
  readonly egress: DirectionExplanation;
  readonly ingress: DirectionExplanation;
}

/** ICMP between a pod and an endpoint or an address, direction by direction. */
export interface IcmpVerdict {
  readonly allowed: boolean;
  readonly enforced: boolean;
  readonly egress: DirectionExplanation;
  readonly ingress: DirectionExplanation;
}

export interface ConnectivityEntry {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly allowed: boolean;
}

/** Compiled policies: answers flows by set algebra, explains them on demand. */
export interface NetworkAnalysis {
  readonly endpoints: readonly Endpoint[];
  readonly enforcing: boolean;
  endpoint(id: string): Endpoint | undefined;
  /** Policies (namespace/name) isolating a pod per direction; empty for externals. */
  isolation(id: string): { readonly ingress: readonly string[]; readonly egress: readonly string[] };
  /** Pods (namespace/name) a policy selects. */
  selectedBy(policy: string): readonly string[];
  allowed(from: string, to: string, port: number, protocol: Protocol): boolean;
  explain(from: string, to: string, port: number, protocol: Protocol): Explanation | null;
  /**
   * The egress of pod `from` toward an address no endpoint has (a node IP, the internet): only
   * ipBlock rules and rules without peers can allow it; the far end is never isolated. Not part of
   * the matrix (computed on demand). Null when `from` is not a pod.
   */
  explainToAddress(from: string, ip: string, port: number, protocol: Protocol): Explanation | null;
  /**
   * ICMP (ping) from pod `from` to an endpoint id or an address: in an isolated direction only a
   * rule without ports admits it (Calico, Cilium). Null when `from` is not a pod.
   */
  explainIcmp(from: string, to: string): IcmpVerdict | null;
  /**
   * The ingress of endpoint `to` for traffic whose source address is `ip` (not a pod: a node after
   * kube-proxy's masquerade, a host outside): only ipBlock rules and rules without peers admit it.
   * Null when `to` is unknown.
   */
  explainIngressFromAddress(ip: string, to: string, port: number, protocol: Protocol): DirectionExplanation | null;
  /** Ports listed for a destination: its declared ports plus every numeric port policies name. */
  portsOf(to: string): readonly PortProto[];
  /** Every port/protocol in play (the scenario's endpoints and policies; system pods' ports left out), sorted by protocol then port. */
  allPorts(): readonly PortProto[];
  /**
   * Every ordered pair of distinct endpoints (never external→external), for each port of the
   * destination. The scenario's endpoints only: pairs with a system pod are left out.
   */
  connectivity(): readonly ConnectivityEntry[];
}
