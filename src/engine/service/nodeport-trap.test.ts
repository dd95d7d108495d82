// The service-port trap on the client's side, and NodePort edges (mutation testing, issue 15).
// Facts: policies see the packet after kube-proxy's DNAT (docs "Virtual IPs and Service Proxies";
// Calico and Cilium evaluate the translated packet), so an egress rule for the Service's port admits
// nothing when the target port differs; KUBE-NODEPORTS matches the nodePort and its protocol, for
// NodePort and LoadBalancer Services alike (pkg/proxy/iptables/proxier.go; docs "Service":
// type LoadBalancer allocates a NodePort), a Service port without ready endpoints is REJECTed there too.
import { describe, expect, it } from 'vitest';
import { probeCluster } from '../../testing/probe.js';
import { probe } from './probe.js';

const from = 'prod/client';
const tcp = (a: ReturnType<typeof probeCluster>, host: string, port: number, protocol: 'TCP' | 'UDP' = 'TCP') => probe(a, { from, host, port, protocol });

describe('the trap on the egress side', () => {
  const egress = (port: number) => `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: client-out, namespace: prod}, spec: {podSelector: {matchLabels: {app: client}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: ${port}}]}, {ports: [{port: 53, protocol: UDP}]}]}}`;
  it('an egress rule for the Service port 8080 is named; one for the target port 80 connects', () => {
    const r = tcp(probeCluster(egress(8080)), 'web-svc', 8080);
    expect(r).toMatchObject({ outcome: 'timeout', reason: 'policy', service: { port: 8080, targetPort: 80 } });
    expect(r.serviceTrap).toEqual({ servicePort: 8080, targetPort: 80, policy: 'prod/client-out', direction: 'Egress' });
    expect(tcp(probeCluster(egress(80)), 'web-svc', 8080)).toMatchObject({ outcome: 'connected' });
  });
  it('no trap when the Service port is the target port, or when nothing would admit the Service port', () => {
    const r = tcp(probeCluster(egress(8080)), 'web', 80);
    expect(r).toMatchObject({ outcome: 'timeout', reason: 'policy', service: { port: 80, targetPort: 80 } });
    expect(r.serviceTrap).toBeUndefined();
    const r2 = tcp(probeCluster(egress(9999)), 'web-svc', 8080);
    expect(r2).toMatchObject({ outcome: 'timeout', reason: 'policy' });
    expect(r2.serviceTrap).toBeUndefined();
  });
});

describe('NodePort edges', () => {
  const svc = (type: string, selector = 'app: web') => `{apiVersion: v1, kind: Service, metadata: {name: np, namespace: prod}, spec: {type: ${type}, selector: {${selector}}, ports: [{name: http, port: 80, nodePort: 30080}]}}`;
  it('a LoadBalancer Service answers on its nodePort too', () => {
    expect(tcp(probeCluster(svc('LoadBalancer')), '192.168.121.10', 30080)).toMatchObject({ outcome: 'connected', service: { key: 'prod/np', port: 30080, targetPort: 80, portName: 'http' } });
  });
  it('the nodePort of another protocol is not it: the node itself answers (nothing there)', () => {
    expect(tcp(probeCluster(svc('NodePort')), '192.168.121.10', 30080, 'UDP')).toMatchObject({ outcome: 'refused', reason: 'not-listening', service: null });
  });
  it('a ClusterIP Service with a nodePort written is no NodePort', () => {
    const a = probeCluster('{apiVersion: v1, kind: Service, metadata: {name: np, namespace: prod}, spec: {selector: {app: web}, ports: [{port: 80}]}}');
    expect(tcp(a, '192.168.121.10', 30080)).toMatchObject({ outcome: 'refused', service: null });
  });
  it('no ready endpoint: REJECT, with the declared target port', () => {
    const r = tcp(probeCluster(svc('NodePort', 'app: nobody')), '192.168.121.11', 30080);
    expect(r).toMatchObject({ outcome: 'refused', reason: 'no-endpoints', endpoint: null, candidates: [], service: { key: 'prod/np', port: 30080, targetPort: 80, portName: 'http' } });
    expect(r.masqueradedFrom).toMatch(/^192\.168\.121\.1[0-2]$/);
  });
  it('candidates in name order, each with its own verdict', () => {
    const r = tcp(probeCluster(svc('NodePort')), '192.168.121.12', 30080);
    expect(r.candidates.map((c) => [c.id, c.port, c.allowed])).toEqual([['prod/web-a', 80, true], ['prod/web-b', 80, true]]);
    expect(r.endpoint).toMatchObject({ id: 'prod/web-a', port: 80 });
  });
});
