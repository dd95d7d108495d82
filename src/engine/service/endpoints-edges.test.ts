// Endpoints at their edges, found by mutation testing (issue 15). Facts: discovery/v1 EndpointSlice
// (addressType FQDN is not used by kube-proxy: pkg/proxy/endpointslicecache.go skips slices that
// are not IPv4/IPv6; a port whose `port` is unset means "all ports"; a slice belongs to the Service
// named by its kubernetes.io/service-name label in its own namespace), core/v1 EndpointPort (matched
// to the Service port by name, protocol defaulting to TCP), pkg/controller/endpoint (a pod's
// hostname is published only when its spec.subdomain names the Service), the EndpointSliceMirroring
// controller (Endpoints of a selector-less Service become slices: an address listed ready in one
// and not ready in another is one endpoint, and kube-proxy uses it: ready wins).
import { describe, expect, it } from 'vitest';
import type { ServiceReport } from '../model/index.js';
import { analyze } from '../index.js';
import { resolveName } from './dns.js';

const yaml = (...docs: string[]) => analyze([{ name: 's.yaml', text: docs.join('\n---\n') }]);
const svcOf = (a: ReturnType<typeof yaml>, key: string): ServiceReport | undefined => a.services.find((s) => s.key === key);
const addrs = (s: ServiceReport | undefined, i = 0) => (s?.endpoints[i]?.addresses ?? []).map((x) => `${x.pod ?? x.ip}:${x.port}${x.ready ? '' : ' (not ready)'}`);
const slice = (name: string, body: string, ns = 'default') =>
  `{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ${name}, namespace: ${ns}, labels: {kubernetes.io/service-name: ext}}, ${body}}`;
const EXT = '{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {clusterIP: None, ports: [{name: dns, port: 53, protocol: UDP}, {name: web, port: 80}]}}';

describe('EndpointSlices written by hand', () => {
  it('an FQDN slice is not used (for the port or for DNS)', () => {
    const a = yaml(EXT, slice('ext-fqdn', 'addressType: FQDN, endpoints: [{addresses: [db.example.com]}], ports: [{name: web, port: 80}]'));
    expect(addrs(svcOf(a, 'default/ext'), 1)).toEqual([]);
    expect(svcOf(a, 'default/ext')?.backends).toEqual([]);
  });
  it('a port without a number takes the Service port\'s; protocol and name must both match', () => {
    const a = yaml(EXT, slice('ext-1', 'addressType: IPv4, endpoints: [{addresses: [192.168.50.1]}], ports: [{name: web}, {name: dns, port: 5353, protocol: TCP}]'));
    const ext = svcOf(a, 'default/ext');
    expect(addrs(ext, 1)).toEqual(['192.168.50.1:80']);
    expect(addrs(ext, 0)).toEqual([]);
  });
  it('a slice in another namespace is another Service\'s', () => {
    const a = yaml(EXT, '{apiVersion: v1, kind: Namespace, metadata: {name: other}}',
      slice('ext-1', 'addressType: IPv4, endpoints: [{addresses: [192.168.50.2]}], ports: [{name: web, port: 8080}]', 'other'));
    expect(addrs(svcOf(a, 'default/ext'), 1)).toEqual([]);
  });
  it('an address ready in one place and not ready in another is listed once, ready', () => {
    const a = yaml(EXT,
      '{apiVersion: v1, kind: Endpoints, metadata: {name: ext}, subsets: [{notReadyAddresses: [{ip: 192.168.50.3}], addresses: [{ip: 192.168.50.4}], ports: [{name: web, port: 80}]}]}',
      slice('ext-1', 'addressType: IPv4, endpoints: [{addresses: [192.168.50.3]}, {addresses: [192.168.50.4], conditions: {ready: false}}], ports: [{name: web, port: 80}]'));
    expect(addrs(svcOf(a, 'default/ext'), 1).sort()).toEqual(['192.168.50.3:80', '192.168.50.4:80']);
    expect(svcOf(a, 'default/ext')?.backends.map((b) => [b.ip, b.ready]).sort()).toEqual([['192.168.50.3', true], ['192.168.50.4', true]]);
  });
  it('a hand-written hostname and target pod are kept, and DNS answers the hostname', () => {
    const a = yaml(EXT, slice('ext-1', 'addressType: IPv4, endpoints: [{addresses: [192.168.50.5], hostname: legacy-0, nodeName: node01}], ports: [{name: web, port: 80}]'));
    expect(svcOf(a, 'default/ext')?.backends).toEqual([{ pod: null, ip: '192.168.50.5', ready: true, nodeName: 'node01', hostname: 'legacy-0' }]);
    expect(resolveName(a, 'default', 'legacy-0.ext')).toMatchObject({ status: 'NOERROR', kind: 'endpoint', addresses: ['192.168.50.5'] });
  });
});

describe('hostnames of selected pods', () => {
  it('only under the Service its subdomain names', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: p, labels: {app: db}}, spec: {hostname: one, subdomain: other, containers: [{name: c, image: postgres}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: q, labels: {app: db}}, spec: {hostname: two, subdomain: db, containers: [{name: c, image: postgres}]}}');
    expect(svcOf(a, 'default/db')?.backends.map((b) => [b.pod, b.hostname ?? null])).toEqual([['default/p', null], ['default/q', 'two']]);
  });
});
