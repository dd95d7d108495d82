import type { Compiled } from './compile.js';
import type { EndpointInfo } from './endpoints.js';
import { rulePeersAdmit } from './peers.js';
import { rulePortsAdmit } from './ports.js';

/**
 * Where a pod's name lookups go: the cluster DNS pods behind the kube-dns Service (CoreDNS,
 * labelled `k8s-app: kube-dns` in kube-system, ports `dns` UDP 53 and `dns-tcp` TCP 53, as kubeadm
 * deploys them). Every cluster has them (cluster/system.ts adds kubeadm's two CoreDNS pods unless the
 * scenario declares its own), so an egress allow list is judged against the real pods, after the
 * kube-dns ClusterIP is DNATed to them: an ipBlock for 10.96.0.10 does not admit DNS (policies see
 * the pod address), one for the pod CIDR does.
 */
export function dnsTargets(c: Compiled): EndpointInfo[] {
  return c.endpoints.filter((e) => e.isPod && e.endpoint.namespace === 'kube-system' && e.labels['k8s-app'] === 'kube-dns');
}

/** Does the union of these egress policies let a pod reach some DNS target on UDP 53? */
export function egressAllowsDns(c: Compiled, policyIndexes: readonly number[], targets: readonly EndpointInfo[]): boolean {
  return targets.some((t) => policyIndexes.some((pi) => {
    const cp = c.policies[pi];
    return (cp?.egress ?? []).some((r) => rulePeersAdmit(r.rule, cp?.policy.namespace ?? '', t) && rulePortsAdmit(r.rule, 53, 'UDP', t));
  }));
}
