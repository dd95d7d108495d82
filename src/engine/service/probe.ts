import type { Analysis, PodReport, ProbeCandidate, ProbeRequest, ProbeResult, ServiceReport } from '../model/index.js';
import { nodeByIP } from '../cluster/nodes.js';
import { dnsStep } from './lookup.js';
import { throughNodePort } from './nodeport.js';
import { literalAddress, reachAddress, type Reach } from './target.js';
import { serviceTrap } from './trap.js';

/**
 * What `wget`/`nc`/`curl` in pod `from` sees when it connects to host:port (engine-spec §8;
 * architecture.md practice 13: a flow through a Service = DNS flow + DNAT + the NetworkPolicy
 * verdict, from the same functions that draw the graph):
 * 1. a name is looked up first, itself a flow to CoreDNS on 53/UDP (service/lookup.ts): dropped ⇒
 *    `dns-timeout`; no such name ⇒ `nxdomain`;
 * 2. a ClusterIP is DNATed by kube-proxy to a ready endpoint of the Service port that matches
 *    port/protocol (iptables mode picks at random; the lab takes the first in name order and lists
 *    every candidate with its own verdict). No such Service port: kube-proxy has no rule for it and
 *    the packets go nowhere (`timeout`, kubernetes/kubernetes#72236 "as is the behaviour in iptables
 *    mode"). No ready endpoint: pkg/proxy/iptables/proxier.go installs `-j REJECT` ("has no
 *    endpoints") in the filter table: `refused` at once;
 * 3. the NetworkPolicy verdict on the endpoint and its target port; dropped ⇒ `timeout`, and the
 *    service-port trap is named when it applies;
 * 4. what listens there (service/listen.ts): nothing ⇒ `refused`.
 * A node address on a NodePort goes through the Service too, masqueraded (service/nodeport.ts).
 * Never throws, whatever the host string or port.
 */
export function probe(analysis: Analysis, req: ProbeRequest): ProbeResult {
  const base: Omit<ProbeResult, 'outcome' | 'reason'> = {
    request: req, dns: null, address: null, service: null, endpoint: null, candidates: [], explanation: null, server: null,
    listening: null, enforced: analysis.network.enforcing,
  };
  const client = analysis.pods.find((p) => p.key === req.from);
  if (!client || client.pod.ip === '') return { ...base, outcome: 'timeout', reason: 'no-client' };
  if (!Number.isInteger(req.port) || req.port < 1 || req.port > 65535) return { ...base, outcome: 'refused', reason: 'not-listening' };

  const host = typeof req.host === 'string' ? req.host.trim().toLowerCase() : '';
  let address = literalAddress(host);
  let dns: ProbeResult['dns'] = null;
  if (address === null) {
    const step = dnsStep(analysis, client, host);
    dns = step;
    if (step.serverPod === null) return { ...base, dns, outcome: 'dns-timeout', reason: 'dns-no-server' };
    if (!step.allowed) return { ...base, dns, outcome: 'dns-timeout', reason: 'dns-policy' };
    const answer = step.answer;
    if (!answer || answer.status !== 'NOERROR' || answer.addresses.length === 0) return { ...base, dns, outcome: 'nxdomain', reason: 'nxdomain' };
    address = answer.addresses[0] ?? '';
  }

  const svc = analysis.services.find((s) => !s.headless && s.type !== 'ExternalName' && s.clusterIP === address);
  if (svc) return { ...base, dns, address, ...throughService(analysis, client, svc, req) };
  const node = nodeByIP(address);
  const viaNodePort = node ? throughNodePort(analysis, client, node, req) : null;
  if (viaNodePort) return { ...base, dns, address, ...viaNodePort };
  return { ...base, dns, address, ...reachAddress(analysis, client, address, req.port, req.protocol) };
}

type ServicePart = Pick<ProbeResult, 'outcome' | 'reason' | 'service' | 'endpoint' | 'candidates' | 'explanation' | 'server' | 'listening' | 'serviceTrap'>;

/** kube-proxy's DNAT of ClusterIP:port to one ready endpoint of that Service port. */
function throughService(analysis: Analysis, client: PodReport, svc: ServiceReport, req: ProbeRequest): ServicePart {
  const sp = svc.endpoints.find((e) => e.port.port === req.port && e.port.protocol === req.protocol);
  const none = { endpoint: null, candidates: [], explanation: null, server: null, listening: null };
  if (!sp) return { ...none, outcome: 'timeout', reason: 'no-service-port', service: { key: svc.key, port: req.port, targetPort: req.port } };
  const portName = sp.port.name !== undefined ? { portName: sp.port.name } : {};
  const ready = sp.addresses.filter((a) => a.ready).sort((a, b) => cmp(a.pod ?? a.ip, b.pod ?? b.ip));
  const declaredTarget = typeof sp.port.targetPort === 'number' ? sp.port.targetPort : 0;
  if (ready.length === 0) {
    return { ...none, outcome: 'refused', reason: 'no-endpoints', service: { key: svc.key, port: req.port, targetPort: declaredTarget, ...portName } };
  }
  const reached = ready.map((a) => ({ a, r: reachAddress(analysis, client, a.ip, a.port, req.protocol) }));
  const candidates: ProbeCandidate[] = reached.map(({ a, r }) => ({ id: a.pod ?? a.ip, ip: a.ip, port: a.port, allowed: r.reason !== 'policy' }));
  const chosen = reached[0] as { a: (typeof ready)[number]; r: Reach };
  const trap = chosen.r.reason === 'policy' && chosen.a.pod !== null
    ? serviceTrap(analysis.network, client.key, chosen.a.pod, req.port, chosen.a.port, req.protocol) : undefined;
  return {
    ...chosen.r,
    endpoint: { id: chosen.a.pod ?? chosen.a.ip, ip: chosen.a.ip, port: chosen.a.port },
    service: { key: svc.key, port: req.port, targetPort: chosen.a.port, ...portName },
    candidates,
    ...(trap ? { serviceTrap: trap } : {}),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
