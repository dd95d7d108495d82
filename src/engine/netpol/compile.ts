import type { Cluster, Direction, NetworkPolicy, PolicyPeer, PolicyRule } from '../model/index.js';
import { matchesSelector } from '../selectors/index.js';
import { Bitset } from './bitset.js';
import { buildEndpoints, type EndpointInfo } from './endpoints.js';
import type { IP } from '../net/index.js';
import { IN_BLOCK, ipBlockPosition, parseIpBlock, peerNamespaceAdmits, peerPodAdmits, selectablePeer } from './peers.js';

export interface CompiledRule {
  readonly policy: number;
  readonly direction: Direction;
  readonly index: number;
  readonly rule: PolicyRule;
  /** Remote endpoints some peer matches (every endpoint when from/to is absent or empty). */
  readonly peers: Bitset;
  /** True when a ports entry names a port: then the match depends on the destination. */
  readonly hasNamedPort: boolean;
}

export interface CompiledPolicy {
  readonly key: string;
  readonly policy: NetworkPolicy;
  /** Pods of the policy's namespace its podSelector matches (hostNetwork pods included). */
  readonly selected: Bitset;
  /** null when the direction is not in policyTypes: its rules are ignored. */
  readonly ingress: readonly CompiledRule[] | null;
  readonly egress: readonly CompiledRule[] | null;
}

export interface Compiled {
  readonly endpoints: readonly EndpointInfo[];
  readonly byId: ReadonlyMap<string, number>;
  readonly policies: readonly CompiledPolicy[];
  /** Per endpoint: indexes of the policies that isolate it, per direction (empty = not isolated). */
  readonly ingressBy: readonly (readonly number[])[];
  readonly egressBy: readonly (readonly number[])[];
}

/** Policies → per-policy and per-rule endpoint sets; done once per cluster. */
export function compile(cluster: Cluster): Compiled {
  const endpoints = buildEndpoints(cluster);
  const n = endpoints.length;
  const byId = new Map(endpoints.map((e, i) => [e.endpoint.id, i]));
  const podsByNs = new Map<string, number[]>();
  endpoints.forEach((e, i) => {
    if (!e.isPod) return;
    const ns = e.endpoint.namespace ?? '';
    const list = podsByNs.get(ns) ?? [];
    list.push(i);
    podsByNs.set(ns, list);
  });
  const everyone = Bitset.full(n);
  const addressed: (readonly [number, IP])[] = [];
  endpoints.forEach((e, i) => { if (e.ip) addressed.push([i, e.ip]); });

  // Many policies repeat the same peer (a team's namespace, 0.0.0.0/0): build each set once.
  const peerSets = new Map<string, Bitset>();
  const peerSet = (peer: PolicyPeer, policyNs: string): Bitset => {
    const key = peer.kind === 'ipBlock'
      ? `ip|${peer.cidr}|${peer.except.join(',')}`
      : `sel|${peer.namespaceSelector ? JSON.stringify(peer.namespaceSelector) : `ns=${policyNs}`}|${JSON.stringify(peer.podSelector ?? null)}`;
    let set = peerSets.get(key);
    if (!set) {
      set = buildPeerSet(peer, policyNs);
      peerSets.set(key, set);
    }
    return set;
  };
  // Each set holds exactly the endpoints `matchPeer` (peers.ts) matches, through the same predicates.
  const buildPeerSet = (peer: PolicyPeer, policyNs: string): Bitset => {
    const set = new Bitset(n);
    if (peer.kind === 'ipBlock') {
      const block = parseIpBlock(peer);
      if (block.cidr === null) return set;
      // Plain loop: a big cluster runs this for every distinct block over every endpoint.
      for (const [i, ip] of addressed) if (ipBlockPosition(block, ip) === IN_BLOCK) set.add(i);
      return set;
    }
    // Selector peers match pods on the pod network only (`selectablePeer`). The namespace half is
    // decided once per namespace, then only its pods are looked at.
    for (const [ns, pods] of podsByNs) {
      const first = endpoints[pods[0] ?? -1];
      if (!first?.nsLabels || !peerNamespaceAdmits(peer, policyNs, ns, first.nsLabels)) continue;
      for (const i of pods) {
        const e = endpoints[i];
        if (e && selectablePeer(e) && peerPodAdmits(peer, e.labels)) set.add(i);
      }
    }
    return set;
  };

  const policies: CompiledPolicy[] = cluster.policies.map((policy, pi) => {
    const selected = new Bitset(n);
    for (const i of podsByNs.get(policy.namespace) ?? []) {
      const e = endpoints[i];
      if (e && matchesSelector(policy.podSelector, e.labels)) selected.add(i);
    }
    const rules = (direction: Direction, list: readonly PolicyRule[]): CompiledRule[] | null => {
      if (!policy.policyTypes.includes(direction)) return null;
      return list.map((rule, index) => {
        let peers: Bitset;
        if (rule.allPeers) peers = everyone;
        else {
          peers = new Bitset(n);
          for (const peer of rule.peers) peers.orWith(peerSet(peer, policy.namespace));
        }
        return { policy: pi, direction, index, rule, peers, hasNamedPort: rule.ports.some((p) => typeof p.port === 'string') };
      });
    };
    return {
      key: `${policy.namespace}/${policy.name}`, policy, selected,
      ingress: rules('Ingress', policy.ingress), egress: rules('Egress', policy.egress),
    };
  });

  const ingressBy: number[][] = endpoints.map(() => []);
  const egressBy: number[][] = endpoints.map(() => []);
  policies.forEach((cp, pi) => {
    for (const i of cp.selected.toArray()) {
      // Lab rule: a hostNetwork pod is shown but no policy applies to it.
      if (endpoints[i]?.hostNetwork) continue;
      if (cp.ingress) ingressBy[i]?.push(pi);
      if (cp.egress) egressBy[i]?.push(pi);
    }
  });
  return { endpoints, byId, policies, ingressBy, egressBy };
}
