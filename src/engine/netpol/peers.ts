import type { Labels, PeerMissReason, PolicyPeer, PolicyRule } from '../model/index.js';
import { cidrContains, parseCIDR, type Cidr, type IP } from '../net/index.js';
import { formatLabels, formatSelector, matchesSelector } from '../selectors/index.js';
import type { EndpointInfo } from './endpoints.js';

// The one place where NetworkPolicy peers (`from`/`to` entries, networking/v1 NetworkPolicyPeer)
// are matched (engine-spec §3). compile.ts builds each peer's endpoint set with these predicates
// (the namespace half once per namespace, then the pod half per pod; the ipBlock per address),
// explain.ts and dns.ts judge one remote end with `matchPeer`, built on the same predicates.

export type PeerVerdict =
  | { readonly match: true }
  | { readonly match: false; readonly reason: PeerMissReason; readonly detail: Readonly<Record<string, string>> };

const MATCH: PeerVerdict = { match: true };

export type SelectorPeer = Extract<PolicyPeer, { kind: 'selector' }>;
export type IpBlockPeer = Extract<PolicyPeer, { kind: 'ipBlock' }>;

/**
 * Can a selector peer (podSelector / namespaceSelector) match this remote end at all? Only a pod on
 * the pod network. Not an address outside the cluster, and not a hostNetwork pod: lab rule
 * (engine-spec §3: policies do not apply to hostNetwork pods), as the most common implementation
 * does it (kubernetes.io "Network Policies", "NetworkPolicy and hostNetwork pods": the plugin
 * "ignores hostNetwork pods when matching podSelector and namespaceSelector. Traffic to/from
 * hostNetwork pods is treated the same as all other traffic to/from the node IP"). Such a pod is
 * matched by its address (the node's) through ipBlock only, as service/target.ts judges a probe to it.
 */
export function selectablePeer(remote: EndpointInfo): boolean {
  return remote.isPod && !remote.hostNetwork && remote.nsLabels !== null;
}

/**
 * The namespace half of a selector peer: `namespaceSelector` against the namespace's labels
 * (`{}` = every namespace); without one, only the policy's own namespace.
 */
export function peerNamespaceAdmits(peer: SelectorPeer, policyNamespace: string, namespace: string, namespaceLabels: Labels): boolean {
  return peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, namespaceLabels) : namespace === policyNamespace;
}

/** The pod half: `podSelector` against the pod's labels; without one, every pod of the admitted namespaces. Both halves must hold (AND). */
export function peerPodAdmits(peer: SelectorPeer, labels: Labels): boolean {
  return !peer.podSelector || matchesSelector(peer.podSelector, labels);
}

/** An ipBlock with its blocks parsed (null: does not parse; normalize/ reports it, nothing matches it). */
export interface ParsedIpBlock {
  readonly cidr: Cidr | null;
  readonly except: readonly (Cidr | null)[];
}

/** `ipBlockPosition`: inside `cidr` and in no `except`. */
export const IN_BLOCK = -1;
/** `ipBlockPosition`: outside `cidr` (or an address / a block that does not parse). */
export const OUTSIDE_BLOCK = -2;

// Compiling a big cluster asks about the same few blocks thousands of times.
const cidrCache = new Map<string, Cidr | null>();
function cidrOf(text: string): Cidr | null {
  let c = cidrCache.get(text);
  if (c === undefined) {
    c = parseCIDR(text);
    if (cidrCache.size > 10000) cidrCache.clear();
    cidrCache.set(text, c);
  }
  return c;
}

export function parseIpBlock(peer: IpBlockPeer): ParsedIpBlock {
  return { cidr: cidrOf(peer.cidr), except: peer.except.map(cidrOf) };
}

/**
 * Where an address lies toward an ipBlock (IPv4 and IPv6; an address never lies in a block of
 * the other family): IN_BLOCK, OUTSIDE_BLOCK, or the index of the first `except` that holds it.
 * Lab rule, as the upstream e2e tests use it (test/e2e/network/netpol "should allow egress access
 * to server in CIDR block"): pod IPs count too, so this is asked of every endpoint's address.
 */
export function ipBlockPosition(block: ParsedIpBlock, ip: IP | null): number {
  if (ip === null || block.cidr === null || !cidrContains(block.cidr, ip)) return OUTSIDE_BLOCK;
  const except = block.except;
  for (let k = 0; k < except.length; k++) {
    const x = except[k];
    if (x && cidrContains(x, ip)) return k;
  }
  return IN_BLOCK;
}

/**
 * Does one `from`/`to` entry match the remote endpoint? (networking/v1 NetworkPolicyPeer)
 * - podSelector alone: pods of the policy's own namespace whose labels match;
 * - namespaceSelector alone: every pod of a matching namespace;
 * - both in one entry: pods matching both (AND);
 * - selector entries never match an address outside the cluster, nor a hostNetwork pod (`selectablePeer`);
 * - ipBlock: the address is in `cidr` and in no `except` (`ipBlockPosition`).
 */
export function matchPeer(peer: PolicyPeer, policyNamespace: string, remote: EndpointInfo): PeerVerdict {
  if (peer.kind === 'ipBlock') {
    const at = ipBlockPosition(parseIpBlock(peer), remote.ip);
    if (at === IN_BLOCK) return MATCH;
    const ip = remote.endpoint.ip;
    if (at === OUTSIDE_BLOCK) return { match: false, reason: 'ip-outside-cidr', detail: { ip, cidr: peer.cidr } };
    return { match: false, reason: 'ip-in-except', detail: { ip, cidr: peer.cidr, except: peer.except[at] ?? '' } };
  }
  if (!selectablePeer(remote) || remote.nsLabels === null) {
    // A hostNetwork pod is its node's address here, as any address outside the pod network.
    return { match: false, reason: 'not-a-pod', detail: { ip: remote.endpoint.ip, ...(remote.hostNetwork ? { hostNetwork: remote.endpoint.id } : {}) } };
  }
  const ns = remote.endpoint.namespace ?? '';
  if (!peerNamespaceAdmits(peer, policyNamespace, ns, remote.nsLabels)) {
    return peer.namespaceSelector
      ? {
          match: false, reason: 'namespace-labels',
          detail: { namespace: ns, selector: formatSelector(peer.namespaceSelector), labels: formatLabels(remote.nsLabels) },
        }
      : { match: false, reason: 'other-namespace', detail: { namespace: ns, policyNamespace } };
  }
  if (!peerPodAdmits(peer, remote.labels)) {
    return {
      match: false, reason: 'pod-labels',
      detail: { pod: remote.endpoint.id, selector: peer.podSelector ? formatSelector(peer.podSelector) : '{}', labels: formatLabels(remote.labels) },
    };
  }
  return MATCH;
}

/** The peers half of a rule for one remote end: `from`/`to` absent or `[]` admits every peer, otherwise any entry (OR). */
export function rulePeersAdmit(rule: PolicyRule, policyNamespace: string, remote: EndpointInfo): boolean {
  return rule.allPeers || rule.peers.some((p) => matchPeer(p, policyNamespace, remote).match);
}
