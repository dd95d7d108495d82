import type { PeerMissReason, PolicyPeer } from '../model/index.js';
import { cidrContains, parseCIDR, type Cidr } from '../net/index.js';
import { formatLabels, formatSelector, matchesSelector } from '../selectors/index.js';
import type { EndpointInfo } from './endpoints.js';

export type PeerVerdict =
  | { readonly match: true }
  | { readonly match: false; readonly reason: PeerMissReason; readonly detail: Readonly<Record<string, string>> };

const MATCH: PeerVerdict = { match: true };

/**
 * Does one `from`/`to` entry match the remote endpoint? (networking/v1 NetworkPolicyPeer)
 * - podSelector alone: pods of the policy's own namespace whose labels match;
 * - namespaceSelector alone: every pod of a matching namespace;
 * - both in one entry: pods matching both (AND);
 * - selector entries never match an address outside the cluster;
 * - ipBlock: the address is in `cidr` and in no `except`. Lab rule, as the upstream e2e
 *   tests use it (test/e2e/network/netpol "should allow egress access to server in CIDR
 *   block"): pod IPs count too.
 */
export function matchPeer(peer: PolicyPeer, policyNamespace: string, remote: EndpointInfo): PeerVerdict {
  if (peer.kind === 'ipBlock') return matchIpBlock(peer.cidr, peer.except, remote);
  if (!remote.isPod || remote.nsLabels === null) {
    return { match: false, reason: 'not-a-pod', detail: { ip: remote.endpoint.ip } };
  }
  const ns = remote.endpoint.namespace ?? '';
  if (peer.namespaceSelector) {
    if (!matchesSelector(peer.namespaceSelector, remote.nsLabels)) {
      return {
        match: false, reason: 'namespace-labels',
        detail: { namespace: ns, selector: formatSelector(peer.namespaceSelector), labels: formatLabels(remote.nsLabels) },
      };
    }
  } else if (ns !== policyNamespace) {
    return { match: false, reason: 'other-namespace', detail: { namespace: ns, policyNamespace } };
  }
  if (peer.podSelector && !matchesSelector(peer.podSelector, remote.labels)) {
    return {
      match: false, reason: 'pod-labels',
      detail: { pod: remote.endpoint.id, selector: formatSelector(peer.podSelector), labels: formatLabels(remote.labels) },
    };
  }
  return MATCH;
}

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

function matchIpBlock(cidrText: string, except: readonly string[], remote: EndpointInfo): PeerVerdict {
  const ipText = remote.endpoint.ip;
  const cidr = cidrOf(cidrText);
  if (remote.ip === null || cidr === null || !cidrContains(cidr, remote.ip)) {
    return { match: false, reason: 'ip-outside-cidr', detail: { ip: ipText, cidr: cidrText } };
  }
  for (const e of except) {
    const ex = cidrOf(e);
    if (ex !== null && cidrContains(ex, remote.ip)) {
      return { match: false, reason: 'ip-in-except', detail: { ip: ipText, cidr: cidrText, except: e } };
    }
  }
  return MATCH;
}
