// The probe (engine-spec §8), branch by branch. Facts: docs "Debug Services" and "Virtual IPs and
// Service Proxies" (ClusterIP DNAT before policy); pkg/proxy/iptables/proxier.go ("%s has no
// endpoints" → -j REJECT in the filter table: Connection refused at once); no rule for a port the
// Service lacks, so the packets are lost (kubernetes/kubernetes#72236: "reject or drop traffic to
// unexpected ports (as is the behaviour in iptables mode)"); coredns plugin/kubernetes for names;
// a policy drop is a silent timeout, nothing listening is an RST (Connection refused).
import { describe, expect, it } from 'vitest';
import { ALLOW_DNS, DENY_EGRESS, FLANNEL, ONLY_WEB_A, WEB_IN_80, WEB_IN_8080, probeCluster } from '../../testing/probe.js';
import { probe } from './probe.js';

const from = 'prod/client';
const tcp = (a: ReturnType<typeof probeCluster>, host: string, port: number) => probe(a, { from, host, port, protocol: 'TCP' });
const open = probeCluster();
const ipOf = (key: string) => open.pods.find((p) => p.key === key)?.pod.ip ?? '';

describe('probe: through a Service', () => {
  it('a name → DNS → ClusterIP → DNAT to the target port → nginx answers', () => {
    const r = tcp(open, 'web-svc', 8080);
    expect(r).toMatchObject({ outcome: 'connected', reason: 'ok', enforced: true });
    expect(r.dns).toMatchObject({ server: '10.96.0.10', allowed: true, answer: { status: 'NOERROR', fqdn: 'web-svc.prod.svc.cluster.local' } });
    expect(r.dns?.serverPod).toMatch(/^kube-system\/coredns-7db6d8ff4d-/);
    expect(r.address).toBe(open.services.find((s) => s.key === 'prod/web-svc')?.clusterIP);
    expect(r.service).toEqual({ key: 'prod/web-svc', port: 8080, targetPort: 80 });
    expect(r.endpoint).toEqual({ id: 'prod/web-a', ip: ipOf('prod/web-a'), port: 80 });
    expect(r.candidates.map((c) => [c.id, c.port, c.allowed])).toEqual([['prod/web-a', 80, true], ['prod/web-b', 80, true]]);
    expect(r.server).toEqual({ kind: 'nginx', podKey: 'prod/web-a', container: 'nginx', image: 'nginx:latest' });
  });

  it('a named targetPort, and the FQDN with a trailing dot', () => {
    expect(tcp(open, 'web.prod.svc.cluster.local.', 80)).toMatchObject({ outcome: 'connected', service: { key: 'prod/web', targetPort: 80, portName: 'http' } });
  });

  it('a port the Service does not define: no DNAT rule, the packets go nowhere → timeout', () => {
    expect(tcp(open, 'web-svc', 80)).toMatchObject({ outcome: 'timeout', reason: 'no-service-port', endpoint: null });
  });

  it('a Service without ready endpoints: kube-proxy REJECTs → refused at once', () => {
    expect(tcp(open, 'idle', 80)).toMatchObject({ outcome: 'refused', reason: 'no-endpoints', service: { key: 'prod/idle', port: 80, targetPort: 80 } });
  });

  it('the kubernetes Service reaches the API server on the control plane', () => {
    expect(tcp(open, 'kubernetes.default', 443)).toMatchObject({ outcome: 'connected', address: '10.96.0.1', endpoint: { ip: '192.168.121.10', port: 6443 } });
  });

  it('the service-port trap: a policy allowing 8080 admits nothing, the pod is reached on 80', () => {
    const r = tcp(probeCluster(WEB_IN_8080), 'web-svc', 8080);
    expect(r).toMatchObject({ outcome: 'timeout', reason: 'policy', service: { port: 8080, targetPort: 80 } });
    expect(r.serviceTrap).toEqual({ servicePort: 8080, targetPort: 80, policy: 'prod/web-in', direction: 'Ingress' });
    expect(r.explanation).toMatchObject({ from, to: 'prod/web-a', port: 80, allowed: false });
    const fixed = tcp(probeCluster(WEB_IN_80), 'web-svc', 8080);
    expect(fixed.outcome).toBe('connected');
    expect(fixed.serviceTrap).toBeUndefined();
  });

  it('endpoints with different verdicts: the first in name order answers, every candidate is listed', () => {
    const r = tcp(probeCluster(ONLY_WEB_A), 'web-svc', 8080);
    expect(r.outcome).toBe('connected');
    expect(r.candidates.map((c) => [c.id, c.allowed])).toEqual([['prod/web-a', true], ['prod/web-b', false]]);
  });
});

describe('probe: DNS', () => {
  it('a name that does not exist → nxdomain, with every name tried', () => {
    const r = tcp(open, 'nope', 80);
    expect(r).toMatchObject({ outcome: 'nxdomain', reason: 'nxdomain', address: null });
    expect(r.dns?.answer?.tried).toEqual(['nope.prod.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local', 'nope']);
  });

  it('an egress deny-all drops the lookup itself → dns-timeout, with the DNS flow explained', () => {
    const r = tcp(probeCluster(DENY_EGRESS), 'web-svc', 8080);
    expect(r).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-policy', address: null });
    expect(r.dns?.explanation).toMatchObject({ from, port: 53, protocol: 'UDP', allowed: false, egress: { allowed: false, isolatingPolicies: ['prod/deny-egress'] } });
  });

  it('the usual kube-system DNS rule lets the lookup through', () => {
    expect(tcp(probeCluster(DENY_EGRESS, ALLOW_DNS), 'web-svc', 8080).outcome).toBe('connected');
  });

  it('a headless name is the pod itself; an ExternalName outside the cluster does not resolve', () => {
    expect(tcp(open, 'web-headless', 80)).toMatchObject({ outcome: 'connected', address: ipOf('prod/web-a'), service: null, endpoint: { id: 'prod/web-a' } });
    expect(tcp(open, 'ext', 443)).toMatchObject({ outcome: 'nxdomain', dns: { answer: { kind: 'external-name', cname: 'api.example.com' } } });
  });
});

describe('probe: addresses', () => {
  it('a pod IP: nginx listens on 80 only, whatever containerPort says', () => {
    expect(tcp(open, ipOf('prod/web-a'), 80).outcome).toBe('connected');
    expect(tcp(open, ipOf('prod/web-a'), 8080)).toMatchObject({ outcome: 'refused', reason: 'not-listening' });
  });

  it('known servers and declared ports', () => {
    expect(tcp(open, ipOf('prod/cache'), 6379)).toMatchObject({ outcome: 'connected', server: { kind: 'redis' } });
    expect(tcp(open, ipOf('prod/tool'), 9000)).toMatchObject({ outcome: 'connected', server: { kind: 'generic', container: 'c' } });
    expect(tcp(open, ipOf('prod/tool'), 9001).outcome).toBe('refused');
  });

  it('own pod IP and localhost: always allowed, only the pod\'s own listeners', () => {
    expect(tcp(probeCluster(DENY_EGRESS), 'localhost', 80)).toMatchObject({ outcome: 'refused', dns: null, explanation: null });
    expect(probe(probeCluster(DENY_EGRESS), { from: 'prod/web-a', host: '127.0.0.1', port: 80, protocol: 'TCP' }).outcome).toBe('connected');
    expect(probe(open, { from: 'prod/web-a', host: ipOf('prod/web-a'), port: 80, protocol: 'TCP' }).outcome).toBe('connected');
  });

  it('an external host: its declared ports answer', () => {
    expect(tcp(open, '203.0.113.10', 443)).toMatchObject({ outcome: 'connected', server: { kind: 'generic', podKey: null } });
    expect(tcp(open, '203.0.113.10', 80).outcome).toBe('refused');
    expect(tcp(probeCluster(DENY_EGRESS), '203.0.113.10', 443)).toMatchObject({ outcome: 'timeout', reason: 'policy' });
  });

  it('a node: sshd, kubelet, the API server on the control plane; egress judged by ipBlock', () => {
    expect(tcp(open, '192.168.121.10', 6443).outcome).toBe('connected');
    expect(tcp(open, '192.168.121.11', 10250).outcome).toBe('connected');
    expect(tcp(open, '192.168.121.11', 6443).outcome).toBe('refused');
    expect(tcp(probeCluster(ALLOW_DNS), '192.168.121.10', 6443)).toMatchObject({ outcome: 'timeout', reason: 'policy' });
    const toNodes = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: nodes, namespace: prod}, spec: {podSelector: {}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 192.168.121.0/24}}]}]}}';
    expect(tcp(probeCluster(toNodes), '192.168.121.10', 6443).outcome).toBe('connected');
  });

  it('an address nothing has (no internet): egress first, then a timeout', () => {
    expect(tcp(open, '8.8.8.8', 53)).toMatchObject({ outcome: 'timeout', reason: 'no-route' });
    expect(tcp(probeCluster(DENY_EGRESS), '8.8.8.8', 53)).toMatchObject({ outcome: 'timeout', reason: 'policy' });
  });
});

// kube-proxy iptables: KUBE-NODEPORTS DNATs node:nodePort to an endpoint and, with
// externalTrafficPolicy Cluster, jumps to KUBE-MARK-MASQ (pkg/proxy/iptables/proxier.go): the
// server sees the node's address, so a podSelector rule for the client does not admit it.
describe('probe: through a NodePort', () => {
  const NP = '{apiVersion: v1, kind: Service, metadata: {name: web-np, namespace: prod}, spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, nodePort: 30080}]}}';
  const client = (a: ReturnType<typeof probeCluster>) => a.pods.find((p) => p.key === from)?.pod.nodeName;
  const nodeIP = (a: ReturnType<typeof probeCluster>) => a.nodes.find((n) => n.name === client(a))?.ip ?? '';

  it('any node address on the NodePort reaches an endpoint; the server sees the client\'s node', () => {
    const a = probeCluster(NP);
    const r = tcp(a, '192.168.121.10', 30080);
    expect(r).toMatchObject({ outcome: 'connected', service: { key: 'prod/web-np', port: 30080, targetPort: 80 }, masqueradedFrom: nodeIP(a) });
    expect(tcp(a, '192.168.121.10', 30081).outcome).toBe('refused');
  });

  it('a podSelector rule for the client does not admit masqueraded traffic; an ipBlock for the nodes does', () => {
    const a = probeCluster(NP, WEB_IN_80);
    const r = tcp(a, '192.168.121.11', 30080);
    expect(r).toMatchObject({ outcome: 'timeout', reason: 'policy', explanation: { egress: { allowed: true }, ingress: { allowed: false, remote: nodeIP(a) } } });
    const nodes = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: from-nodes, namespace: prod}, spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{ipBlock: {cidr: 192.168.121.0/24}}]}]}}';
    expect(tcp(probeCluster(NP, WEB_IN_80, nodes), '192.168.121.11', 30080).outcome).toBe('connected');
  });
});

describe('probe: CNI and bad input', () => {
  it('flannel enforces nothing: the trap and a deny-all connect', () => {
    const r = tcp(probeCluster(FLANNEL, WEB_IN_8080, DENY_EGRESS), 'web-svc', 8080);
    expect(r).toMatchObject({ outcome: 'connected', enforced: false });
  });

  it.each([
    ['an unknown client', { from: 'prod/ghost', host: 'web', port: 80 }, 'no-client'],
    ['port 0', { from, host: 'web', port: 0 }, 'not-listening'],
    ['port 70000', { from, host: 'web', port: 70000 }, 'not-listening'],
  ])('%s', (_, req, reason) => {
    expect(probe(open, { ...req, protocol: 'TCP' }).reason).toBe(reason);
  });
});
