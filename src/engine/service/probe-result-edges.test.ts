// What a probe or a ping reports at its edges (mutation testing, issue 15). Facts: loopback is
// 127.0.0.0/8 and ::1 only (RFC 4291 §2.5.3: 0:0:0:0:0:0:0:1; 2001:db8::1 is a documentation
// address, RFC 3849), traffic to the pod's own address never leaves its network namespace (no
// policy is judged), a hostNetwork pod's loopback is its node's (sshd, the kubelet on 10250; the
// API server's 6443 only on the control plane); a bracketed IPv6 literal is a URL host (RFC 3986
// §3.2.2), text that only ends in `]` is a name; the resolver sends the name trimmed and lower-cased
// (DNS names are case-insensitive, RFC 4343); a DNS query rejected for want of a CoreDNS endpoint
// is no answer (pkg/proxy/iptables/proxier.go "has no endpoints"); a Service port kube-proxy has no
// rule for leads nowhere (kubernetes/kubernetes#72236).
import { describe, expect, it } from 'vitest';
import { probeCluster } from '../../testing/probe.js';
import { probeIcmp } from './icmp.js';
import { probe } from './probe.js';

const open = probeCluster();
const tcp = (from: string, host: string, port: number, a = open) => probe(a, { from, host, port, protocol: 'TCP' });
const NO_DNS = '{apiVersion: v1, kind: Service, metadata: {name: kube-dns, namespace: kube-system}, spec: {clusterIP: 10.96.0.10, selector: {app: none}, ports: [{name: dns, port: 53, protocol: UDP}]}}';
const AGENT = '{apiVersion: v1, kind: Pod, metadata: {name: agent, namespace: prod}, spec: {hostNetwork: true, nodeName: node01, containers: [{name: a, image: busybox, command: [sleep, "3600"]}]}}';

describe('addresses that look like loopback or a literal', () => {
  it('2001:db8::1 ends in 1 but is no loopback: nothing owns it', () => {
    expect(tcp('prod/web-a', '2001:db8::1', 80)).toMatchObject({ outcome: 'timeout', reason: 'no-route', address: '2001:db8::1' });
  });
  it('text ending in ] without the opening bracket is a name, not [::1]', () => {
    expect(tcp('prod/web-a', '1::1]', 80)).toMatchObject({ outcome: 'nxdomain', address: null });
  });
  it('a pod reaching its own IP stays inside it: no policy explanation', () => {
    const ip = open.pods.find((p) => p.key === 'prod/web-a')?.pod.ip ?? '';
    expect(tcp('prod/web-a', ip, 80)).toMatchObject({ outcome: 'connected', explanation: null, endpoint: { id: 'prod/web-a', port: 80 } });
  });
  it('a hostNetwork pod\'s localhost is its own node\'s', () => {
    const a = probeCluster(AGENT);
    expect(tcp('prod/agent', 'localhost', 10250, a)).toMatchObject({ outcome: 'connected', server: { podKey: null } });
    expect(tcp('prod/agent', 'localhost', 6443, a)).toMatchObject({ outcome: 'refused', reason: 'not-listening' });
  });
});

describe('results that end before any connection', () => {
  it('no CoreDNS endpoint: dns-no-server, no candidates', () => {
    const r = tcp('prod/client', 'web-svc', 8080, probeCluster(NO_DNS));
    expect(r).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-no-server', candidates: [], endpoint: null, service: null });
    expect(probeIcmp(probeCluster(NO_DNS), { from: 'prod/client', host: 'web-svc' })).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-no-server', dns: { serverPod: null }, address: null, target: null });
  });
  it('no such Service port: nothing answers, nothing is chosen', () => {
    expect(tcp('prod/client', 'web-svc', 9999)).toMatchObject({
      outcome: 'timeout', reason: 'no-service-port', endpoint: null, candidates: [], explanation: null, server: null, listening: null,
    });
  });
});

describe('ping', () => {
  it('the name is trimmed and lower-cased before the lookup', () => {
    const ip = open.pods.find((p) => p.key === 'prod/web-a')?.pod.ip ?? '';
    expect(probeIcmp(open, { from: 'prod/client', host: '  WEB-Headless ' })).toMatchObject({ outcome: 'reply', address: ip });
  });
  it('a literal is trimmed and lower-cased too: no lookup for it', () => {
    expect(probeIcmp(open, { from: 'prod/client', host: ' 127.0.0.1 ' })).toMatchObject({ outcome: 'reply', dns: null, address: '127.0.0.1' });
    expect(probeIcmp(open, { from: 'prod/client', host: 'LOCALHOST' })).toMatchObject({ outcome: 'reply', dns: null, address: '127.0.0.1' });
  });
  it('a name whose answer has no address (an ExternalName leading outside the lab) is no host', () => {
    expect(probeIcmp(open, { from: 'prod/client', host: 'ext' })).toMatchObject({ outcome: 'nxdomain', reason: 'nxdomain', address: null, dns: { answer: { status: 'NOERROR', addresses: [] } } });
  });
  it('a host that is not text is the empty name: NXDOMAIN for it', () => {
    const r = probeIcmp(open, { from: 'prod/client', host: 42 as unknown as string });
    expect(r).toMatchObject({ outcome: 'nxdomain', reason: 'nxdomain', dns: { answer: { status: 'NXDOMAIN', name: '' } } });
  });
  it('an external host answers when several are declared', () => {
    const a = probeCluster('{apiVersion: lab/v1, kind: ExternalHost, metadata: {name: mirror}, spec: {ip: 203.0.113.20, ports: [{port: 80}]}}');
    expect(probeIcmp(a, { from: 'prod/client', host: '203.0.113.10' })).toMatchObject({ outcome: 'reply', reason: 'ok' });
  });
});
