import type { Analysis, PodReport, ProbeResult } from '../model/index.js';
import { CLUSTER_DNS_IP, resolveName } from './dns.js';

export type DnsStep = NonNullable<ProbeResult['dns']>;

/**
 * A name lookup is a flow (engine-spec §8): the client sends its query to 10.96.0.10:53/UDP,
 * kube-proxy DNATs it to a ready CoreDNS pod, and the client's egress and CoreDNS's ingress are
 * judged on that pod and port 53/UDP. kube-proxy picks the pod at random; the lab takes the first
 * ready one in name order, so the answer is reproducible. No ready CoreDNS pod: kube-proxy REJECTs
 * (the resolver gives up at once). Then the answer is CoreDNS's (service/dns.ts).
 */
export function dnsStep(analysis: Analysis, client: PodReport, host: string): DnsStep {
  const kubeDns = analysis.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  const ep = kubeDns?.endpoints.find((e) => e.port.port === 53 && e.port.protocol === 'UDP');
  const chosen = ep?.addresses.filter((a) => a.ready && a.pod !== null).sort((a, b) => cmp(a.pod ?? '', b.pod ?? ''))[0];
  const server = chosen?.pod ?? undefined;
  if (!chosen || server === undefined || server === null) return { server: CLUSTER_DNS_IP, serverPod: null, allowed: false, answer: null, explanation: null };
  const explanation = analysis.network.explain(client.key, server, chosen.port, 'UDP');
  const allowed = client.key === server || analysis.network.allowed(client.key, server, chosen.port, 'UDP');
  if (!allowed) return { server: CLUSTER_DNS_IP, serverPod: server, allowed, answer: null, explanation };
  return { server: CLUSTER_DNS_IP, serverPod: server, allowed, answer: resolveName(analysis, client.pod.namespace, host), explanation };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
