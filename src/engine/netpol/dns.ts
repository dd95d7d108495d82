import type { Cluster, Labels, PolicyRule } from '../model/index.js';
import { parseIP } from '../net/index.js';
import type { Compiled } from './compile.js';
import type { EndpointInfo } from './endpoints.js';
import { matchPeer } from './peers.js';
import { matchPort } from './ports.js';

/**
 * Where a pod's name lookups go: the cluster DNS pods (CoreDNS, labelled `k8s-app: kube-dns`
 * in kube-system, ports `dns` UDP 53 and `dns-tcp` TCP 53, as kubeadm deploys them). When the
 * scenario declares none, a stand-in with those labels and kubeadm's default DNS address
 * 10.96.0.10 is used (lab rule), so an egress allow list is judged as on a real cluster.
 */
export function dnsTargets(cluster: Cluster, c: Compiled): EndpointInfo[] {
  const real = c.endpoints.filter((e) => e.isPod && e.endpoint.namespace === 'kube-system' && e.labels['k8s-app'] === 'kube-dns');
  if (real.length > 0) return real;
  const nsLabels: Labels = cluster.namespaces.find((n) => n.name === 'kube-system')?.labels ?? { 'kubernetes.io/metadata.name': 'kube-system' };
  return [{
    endpoint: { id: 'kube-system/coredns', kind: 'pod', ip: '10.96.0.10', namespace: 'kube-system', name: 'coredns', index: -1 },
    isPod: true, labels: { 'k8s-app': 'kube-dns' }, nsLabels, ip: parseIP('10.96.0.10'), hostNetwork: false,
    ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }],
  }];
}

/** Does the union of these egress policies let a pod reach some DNS target on UDP 53? */
export function egressAllowsDns(c: Compiled, policyIndexes: readonly number[], targets: readonly EndpointInfo[]): boolean {
  return targets.some((t) => policyIndexes.some((pi) => {
    const cp = c.policies[pi];
    return (cp?.egress ?? []).some((r) => ruleAllows(r.rule, cp?.policy.namespace ?? '', t));
  }));
}

function ruleAllows(rule: PolicyRule, policyNs: string, target: EndpointInfo): boolean {
  const peerOk = rule.allPeers || rule.peers.some((p) => matchPeer(p, policyNs, target).match);
  const portOk = rule.allPorts || rule.ports.some((p) => matchPort(p, 53, 'UDP', target).match);
  return peerOk && portOk;
}
