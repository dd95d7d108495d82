import type { Analysis, Explanation, NodeInfo, PodReport, ProbeCandidate, ProbeRequest, ProbeResult } from '../model/index.js';
import { nodeByName } from '../cluster/nodes.js';
import { listensOn, podListeners } from './listen.js';
import { reachAddress, type Reach } from './target.js';

export type NodePortPart = Pick<ProbeResult, 'outcome' | 'reason' | 'service' | 'endpoint' | 'candidates' | 'explanation' | 'server' | 'listening' | 'masqueradedFrom'>;

/**
 * A pod connecting to a node's address on a NodePort (NodePort and LoadBalancer Services):
 * kube-proxy's KUBE-NODEPORTS rules DNAT it to a ready endpoint of that Service port (none: the
 * "has no endpoints" REJECT), and, with externalTrafficPolicy Cluster (the default), mark it for
 * masquerade (KUBE-MARK-MASQ, pkg/proxy/iptables/proxier.go): the client's egress is judged toward
 * the endpoint pod, but the server's ingress sees the address of the client's node, not the client
 * pod, so only ipBlock rules (or rules without peers) admit it. Null when no Service has that
 * NodePort (then the node itself answers, or not).
 */
export function throughNodePort(analysis: Analysis, client: PodReport, node: NodeInfo, req: ProbeRequest): NodePortPart | null {
  const svc = analysis.services.find((s) => (s.type === 'NodePort' || s.type === 'LoadBalancer')
    && s.endpoints.some((e) => e.port.nodePort === req.port && e.port.protocol === req.protocol));
  const sp = svc?.endpoints.find((e) => e.port.nodePort === req.port && e.port.protocol === req.protocol);
  if (!svc || !sp) return null;
  const source = nodeByName(client.pod.nodeName)?.ip ?? node.ip;
  const portName = sp.port.name !== undefined ? { portName: sp.port.name } : {};
  const ready = sp.addresses.filter((a) => a.ready).sort((a, b) => cmp(a.pod ?? a.ip, b.pod ?? b.ip));
  const none = { endpoint: null, candidates: [], explanation: null, server: null, listening: null, masqueradedFrom: source };
  if (ready.length === 0) {
    const targetPort = typeof sp.port.targetPort === 'number' ? sp.port.targetPort : 0;
    return { ...none, outcome: 'refused', reason: 'no-endpoints', service: { key: svc.key, port: req.port, targetPort, ...portName } };
  }
  const reached = ready.map((a) => {
    const pod = a.pod === null ? undefined : analysis.pods.find((p) => p.key === a.pod && !p.pod.hostNetwork);
    return { a, r: pod ? masqueraded(analysis, client, pod, source, a.port, req) : reachAddress(analysis, client, a.ip, a.port, req.protocol) };
  });
  const candidates: ProbeCandidate[] = reached.map(({ a, r }) => ({ id: a.pod ?? a.ip, ip: a.ip, port: a.port, allowed: r.reason !== 'policy' }));
  const chosen = reached[0] as (typeof reached)[number];
  return {
    ...chosen.r,
    endpoint: { id: chosen.a.pod ?? chosen.a.ip, ip: chosen.a.ip, port: chosen.a.port },
    service: { key: svc.key, port: req.port, targetPort: chosen.a.port, ...portName },
    candidates, masqueradedFrom: source,
  };
}

/** Egress of the client toward the pod, ingress of the pod from the node's address, then what listens. */
function masqueraded(analysis: Analysis, client: PodReport, pod: PodReport, source: string, port: number, req: ProbeRequest): Reach {
  const net = analysis.network;
  const endpoint = { id: pod.key, ip: pod.pod.ip, port };
  const direct = net.explain(client.key, pod.key, port, req.protocol);
  const ingress = net.explainIngressFromAddress(source, pod.key, port, req.protocol);
  const explanation: Explanation | null = direct && ingress
    ? { ...direct, ingress, allowed: direct.egress.allowed && ingress.allowed }
    : direct;
  if (explanation && !explanation.allowed) return { outcome: 'timeout', reason: 'policy', endpoint, explanation, server: null, listening: null };
  const listeners = podListeners(pod);
  const listening = listeners.map((l) => ({ port: l.port, protocol: l.protocol }));
  const l = listensOn(listeners, port, req.protocol);
  if (!l) return { outcome: 'refused', reason: 'not-listening', endpoint, explanation, listening, server: { kind: 'generic', podKey: pod.key, container: null, image: null } };
  return { outcome: 'connected', reason: 'ok', endpoint, explanation, listening, server: { kind: l.kind, podKey: pod.key, container: l.container, image: l.image } };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
