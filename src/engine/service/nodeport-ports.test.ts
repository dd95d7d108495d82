// A NodePort connection: which Service port, which endpoints, in which order, and what the result
// carries (mutation testing, issue 15). Facts: KUBE-NODEPORTS has one rule per Service port, matched
// on the nodePort AND its protocol (pkg/proxy/iptables/proxier.go); one Service may use one nodePort
// for TCP and for UDP (pkg/apis/core/validation ValidateService: "Check for duplicate NodePorts,
// considering (protocol,port) pairs"); only ready
// endpoints are DNATed to (none: REJECT "has no endpoints"); kube-proxy reads every EndpointSlice
// labelled with the Service's name, hand-written ones too; the lab's stand-in for the random choice
// is the first ready endpoint in name order (pod key, else IP; engine-spec §8); the server's ingress
// sees the client's node address (KUBE-MARK-MASQ with externalTrafficPolicy Cluster).
import { describe, expect, it } from 'vitest';
import { ONLY_WEB_A, probeCluster } from '../../testing/probe.js';
import { probe } from './probe.js';

const NODE = '192.168.121.12';
const at = (port: number, protocol: 'TCP' | 'UDP', ...extra: string[]) => probe(probeCluster(...extra), { from: 'prod/client', host: NODE, port, protocol });
const np = (ports: string, selector = '{app: web}', name = 'np') =>
  `{apiVersion: v1, kind: Service, metadata: {name: ${name}, namespace: prod}, spec: {type: NodePort, selector: ${selector}, ports: [${ports}]}}`;

describe('the Service port a nodePort leads to', () => {
  it('the port holding that nodePort, not the first port of the Service', () => {
    const r = at(30080, 'TCP', np('{name: alt, port: 81, targetPort: 8080, nodePort: 30081}, {name: http, port: 80, nodePort: 30080}'));
    expect(r).toMatchObject({ outcome: 'connected', service: { key: 'prod/np', port: 30080, targetPort: 80, portName: 'http' } });
  });
  it('one nodePort for UDP and TCP: the protocol picks the port', () => {
    const r = at(30053, 'TCP', np('{name: dns-udp, port: 53, protocol: UDP, targetPort: 5353, nodePort: 30053}, {name: dns-tcp, port: 53, protocol: TCP, targetPort: 80, nodePort: 30053}'));
    expect(r).toMatchObject({ outcome: 'connected', service: { portName: 'dns-tcp', targetPort: 80 } });
  });
  it('the Service holding it, not another NodePort Service sorted before it', () => {
    const r = at(30080, 'TCP', np('{name: other, port: 80, nodePort: 30090}', '{app: web}', 'aaa'), np('{name: http, port: 80, nodePort: 30080}'));
    expect(r).toMatchObject({ outcome: 'connected', service: { key: 'prod/np', portName: 'http' } });
  });
  it('an unnamed port gives no portName', () => {
    const r = at(30080, 'TCP', np('{port: 80, nodePort: 30080}'));
    expect(r).toMatchObject({ outcome: 'connected', service: { key: 'prod/np', targetPort: 80 } });
    expect(r.service).not.toHaveProperty('portName');
  });
  it('no ready endpoint and a named targetPort: the target port shown is 0', () => {
    const r = at(30080, 'TCP', np('{name: http, port: 80, targetPort: http, nodePort: 30080}', '{app: nobody}'));
    expect(r).toMatchObject({ outcome: 'refused', reason: 'no-endpoints', service: { targetPort: 0, portName: 'http' } });
  });
});

describe('the endpoints behind a nodePort', () => {
  const SLICE = '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: np-extra, namespace: prod, labels: {kubernetes.io/service-name: np}}, addressType: IPv4, endpoints: [{addresses: [203.0.113.10]}], ports: [{name: http, port: 443}]}';
  it('in name order, a hand-written address (an IP) before the pods, and it answers first', () => {
    const r = at(30080, 'TCP', np('{name: http, port: 80, nodePort: 30080}'), SLICE);
    expect(r.candidates.map((c) => [c.id, c.port])).toEqual([['203.0.113.10', 443], ['prod/web-a', 80], ['prod/web-b', 80]]);
    expect(r).toMatchObject({ outcome: 'connected', endpoint: { id: '203.0.113.10', port: 443 } });
  });
  it('a pod that is not ready is no candidate', () => {
    const r = at(30080, 'TCP', np('{name: http, port: 80, nodePort: 30080}'),
      '{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: reg.example.com, images: []}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: web-0, namespace: prod, labels: {app: web}}, spec: {containers: [{name: c, image: reg.example.com/web}]}}');
    expect(r.candidates.map((c) => c.id)).toEqual(['prod/web-a', 'prod/web-b']);
  });
  it('each candidate carries its own verdict', () => {
    const r = at(30080, 'TCP', np('{name: http, port: 80, nodePort: 30080}'), ONLY_WEB_A);
    expect(r.candidates.map((c) => [c.id, c.allowed])).toEqual([['prod/web-a', true], ['prod/web-b', false]]);
  });
});

describe('what the chosen pod answers', () => {
  it('connected: the listener that answered, and every port the pod listens on', () => {
    const r = at(30080, 'TCP', np('{name: http, port: 80, nodePort: 30080}'));
    expect(r).toMatchObject({ outcome: 'connected', reason: 'ok', server: { kind: 'nginx', podKey: 'prod/web-a', container: 'nginx', image: 'nginx:latest' } });
    expect(r.listening).toEqual([{ port: 80, protocol: 'TCP' }]);
  });
  it('nothing on the target port: refused by the pod', () => {
    const r = at(30080, 'TCP', np('{name: http, port: 80, targetPort: 8081, nodePort: 30080}'));
    expect(r).toMatchObject({ outcome: 'refused', reason: 'not-listening', server: { kind: 'generic', podKey: 'prod/web-a', container: null, image: null }, listening: [{ port: 80, protocol: 'TCP' }] });
  });
});
