import type { Analysis, IcmpResult, IcmpVerdict } from '../model/index.js';
import { nodeByIP } from '../cluster/nodes.js';
import { dnsStep } from './lookup.js';
import { literalAddress } from './target.js';

/**
 * `ping` from a pod: ICMP echo. NetworkPolicy names no ICMP port; with an enforcing CNI an isolated
 * direction admits ICMP only through a rule without `ports` (Calico: such a rule has no protocol
 * match, projectcalico/calico#2543; Cilium: ICMP passes L3-only rules and is denied once a rule
 * limits ports, cilium/cilium#14609). Flannel and kindnet before v0.24 (kindnet-legacy) enforce nothing: every ping goes.
 * A ClusterIP never answers ping under kube-proxy's iptables mode: it is no interface's address and
 * only the Service's TCP/UDP/SCTP ports are DNATed (docs "Virtual IPs and Service Proxies"), so the
 * echo goes unanswered. Pods, nodes and the lab's external hosts answer. The name is looked up first,
 * like any probe.
 */
export function probeIcmp(analysis: Analysis, req: { readonly from: string; readonly host: string }): IcmpResult {
  const base = { request: req, dns: null, address: null, target: null, egress: null, ingress: null, enforced: analysis.network.enforcing };
  const client = analysis.pods.find((p) => p.key === req.from);
  if (!client || client.pod.ip === '') return { ...base, outcome: 'timeout', reason: 'no-client' };
  const host = typeof req.host === 'string' ? req.host.trim().toLowerCase() : '';
  let address = literalAddress(host);
  let dns: IcmpResult['dns'] = null;
  if (address === null) {
    dns = dnsStep(analysis, client, host);
    if (dns.serverPod === null) return { ...base, dns, outcome: 'dns-timeout', reason: 'dns-no-server' };
    if (!dns.allowed) return { ...base, dns, outcome: 'dns-timeout', reason: 'dns-policy' };
    const answer = dns.answer;
    if (!answer || answer.status !== 'NOERROR' || answer.addresses.length === 0) return { ...base, dns, outcome: 'nxdomain', reason: 'nxdomain' };
    address = answer.addresses[0] ?? '';
  }
  const at = { ...base, dns, address, target: address };
  if (address.startsWith('127.') || address === '::1' || (!client.pod.hostNetwork && address === client.pod.ip)) return { ...at, outcome: 'reply', reason: 'ok' };
  if (analysis.services.some((s) => s.clusterIP === address && !s.headless && s.type !== 'ExternalName')) {
    return { ...at, outcome: 'timeout', reason: 'cluster-ip' };
  }
  const pod = analysis.pods.find((p) => !p.pod.hostNetwork && p.pod.ip === address);
  const external = analysis.cluster.externalHosts.some((h) => h.ip === address);
  const target = pod ? pod.key : address;
  const verdict: IcmpVerdict | null = analysis.network.explainIcmp(client.key, target);
  const directions = { target, ...(verdict ? { egress: verdict.egress, ingress: verdict.ingress } : {}) };
  if (verdict && !verdict.allowed) return { ...at, ...directions, outcome: 'timeout', reason: 'policy' };
  if (pod || external || nodeByIP(address)) return { ...at, ...directions, outcome: 'reply', reason: 'ok' };
  return { ...at, ...directions, outcome: 'timeout', reason: 'no-route' };
}
