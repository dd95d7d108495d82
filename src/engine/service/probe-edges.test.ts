// The probe at its edges, found by mutation testing (issue 15). Facts: a TCP/UDP port is 1..65535
// (core/v1 validation, IsValidPortNum; a client cannot connect to port 0); kube-proxy's
// iptables rules exist only for the Service's own ports (kubernetes/kubernetes#72236: traffic to
// other ports is dropped) and a Service port without ready endpoints is REJECTed
// (pkg/proxy/iptables/proxier.go "has no endpoints"); the lab's stand-in for kube-proxy's random
// choice is the first ready endpoint in name order (pod key, else IP) (engine-spec §8).
import { describe, expect, it } from 'vitest';
import { probeCluster } from '../../testing/probe.js';
import { probeIcmp } from './icmp.js';
import { probe } from './probe.js';

const from = 'prod/client';
const open = probeCluster();
const tcp = (a: ReturnType<typeof probeCluster>, host: string, port: number) => probe(a, { from, host, port, protocol: 'TCP' });

describe('ports at the edges of the valid range', () => {
  it.each([1, 65535])('port %i is tried: the Service has no such port, so the packets go nowhere', (port) => {
    expect(tcp(open, 'web-svc', port)).toMatchObject({ outcome: 'timeout', reason: 'no-service-port', address: expect.stringMatching(/^10\.9[6-9]\./) });
  });
  it.each([0, 65536, 80.5, -1])('port %s is refused before any lookup', (port) => {
    expect(tcp(open, 'web-svc', port)).toMatchObject({ outcome: 'refused', reason: 'not-listening', dns: null, address: null });
  });
});

describe('the host as typed', () => {
  it('spaces around it and upper case are ignored', () => {
    expect(tcp(open, '  LOCALHOST ', 80)).toMatchObject({ outcome: 'refused', dns: null, address: '127.0.0.1' });
    expect(tcp(open, ' Web-Svc ', 8080)).toMatchObject({ outcome: 'connected', dns: { answer: { fqdn: 'web-svc.prod.svc.cluster.local' } } });
  });
});

describe('what the request names', () => {
  it('a Service port of another protocol is no port of it', () => {
    expect(probe(open, { from, host: 'web-svc', port: 8080, protocol: 'UDP' })).toMatchObject({ outcome: 'timeout', reason: 'no-service-port' });
  });
  it('a host that is not text (a hand-built request) is looked up as nothing, never thrown on (engine-spec §2)', () => {
    const req = { from, host: 42 as unknown as string, port: 80, protocol: 'TCP' as const };
    expect(probe(open, req)).toMatchObject({ outcome: 'nxdomain', dns: { answer: { status: 'NXDOMAIN', name: '' } } });
    expect(probeIcmp(open, { from, host: req.host })).toMatchObject({ outcome: 'nxdomain' });
  });
});

describe('endpoints written by hand', () => {
  const EXT = '{apiVersion: v1, kind: Service, metadata: {name: legacy, namespace: prod}, spec: {ports: [{name: http, port: 80}]}}';
  it('the first ready one in address order answers; the not-ready one is no candidate', () => {
    const a = probeCluster(EXT,
      '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: legacy-1, namespace: prod, labels: {kubernetes.io/service-name: legacy}}, addressType: IPv4, endpoints: [{addresses: [203.0.113.12]}, {addresses: [203.0.113.10]}, {addresses: [203.0.113.11], conditions: {ready: false}}], ports: [{name: http, port: 443}]}');
    const r = tcp(a, 'legacy', 80);
    expect(r).toMatchObject({ outcome: 'connected', endpoint: { id: '203.0.113.10', ip: '203.0.113.10', port: 443 }, service: { key: 'prod/legacy', port: 80, targetPort: 443, portName: 'http' } });
    expect(r.candidates.map((c) => c.id)).toEqual(['203.0.113.10', '203.0.113.12']);
  });
  it('no ready endpoint: REJECT, the declared numeric targetPort shown; a named one shows 0', () => {
    expect(tcp(probeCluster(EXT), 'legacy', 80)).toMatchObject({ outcome: 'refused', reason: 'no-endpoints', service: { targetPort: 80, portName: 'http' } });
    const named = '{apiVersion: v1, kind: Service, metadata: {name: named, namespace: prod}, spec: {selector: {app: nobody}, ports: [{port: 80, targetPort: http}]}}';
    const r = tcp(probeCluster(named), 'named', 80);
    expect(r).toMatchObject({ outcome: 'refused', reason: 'no-endpoints', service: { key: 'prod/named', port: 80, targetPort: 0 } });
    expect(r.service).not.toHaveProperty('portName');
  });
});
