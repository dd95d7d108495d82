// Endpoints: which addresses are ready, and which Service port an unnamed address port belongs to
// (mutation testing, issue 15). Facts: core/v1 EndpointPort and discovery/v1 EndpointPort ("name ...
// Must be a DNS_LABEL. Optional only if one port is defined"): an unnamed port belongs to the
// Service's single unnamed port, with the same protocol; the EndpointSliceMirroring controller copies
// v1 Endpoints `notReadyAddresses` into slices with `conditions.ready: false`
// (pkg/controller/endpointslicemirroring/utils.go addressToEndpoint), and CoreDNS answers a
// headless name only with ready endpoints (coredns plugin/kubernetes/object/endpoint.go
// EndpointSliceToEndpoints keeps `Ready == nil || *Ready`); a pod is ready only when all its
// containers are (pkg/api/v1/pod IsPodReady → the ContainersReady condition: every container ready),
// and a not-ready pod is listed as such (pkg/controller/endpointslice: `ready` condition false).
import { describe, expect, it } from 'vitest';
import type { ServiceReport } from '../model/index.js';
import { analyze } from '../index.js';
import { resolveName } from './dns.js';

const yaml = (...docs: string[]) => analyze([{ name: 's.yaml', text: docs.join('\n---\n') }]);
const svcOf = (a: ReturnType<typeof yaml>, key: string): ServiceReport | undefined => a.services.find((s) => s.key === key);
const addrs = (s: ServiceReport | undefined, i = 0) => (s?.endpoints[i]?.addresses ?? []).map((x) => `${x.ip}:${x.port}${x.ready ? '' : ' (not ready)'}`);

describe('an unnamed port (the Service has one port)', () => {
  const SVC = '{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {ports: [{port: 80, targetPort: 8080}]}}';
  it('of an EndpointSlice belongs to the Service\'s unnamed port', () => {
    const a = yaml(SVC, '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}, addressType: IPv4, endpoints: [{addresses: [192.168.50.21]}], ports: [{port: 9090}]}');
    expect(addrs(svcOf(a, 'default/ext'))).toEqual(['192.168.50.21:9090']);
  });
  it('of v1 Endpoints belongs to it too', () => {
    const a = yaml(SVC, '{apiVersion: v1, kind: Endpoints, metadata: {name: ext}, subsets: [{addresses: [{ip: 192.168.50.22}], ports: [{port: 9091}]}]}');
    expect(addrs(svcOf(a, 'default/ext'))).toEqual(['192.168.50.22:9091']);
  });
  it('a named one does not belong to an unnamed Service port', () => {
    const a = yaml(SVC, '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}, addressType: IPv4, endpoints: [{addresses: [192.168.50.23]}], ports: [{name: web, port: 9090}]}');
    expect(addrs(svcOf(a, 'default/ext'))).toEqual([]);
  });
});

describe('not-ready addresses written by hand', () => {
  it('an Endpoints notReadyAddresses entry is a not-ready backend that DNS does not answer', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {clusterIP: None, ports: [{port: 5432}]}}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: db}, subsets: [{addresses: [{ip: 192.168.50.31}], notReadyAddresses: [{ip: 192.168.50.32}], ports: [{port: 5432}]}]}');
    expect(svcOf(a, 'default/db')?.backends.map((b) => [b.ip, b.ready])).toEqual([['192.168.50.31', true], ['192.168.50.32', false]]);
    expect(addrs(svcOf(a, 'default/db'))).toEqual(['192.168.50.31:5432', '192.168.50.32:5432 (not ready)']);
    expect(resolveName(a, 'default', 'db')).toMatchObject({ status: 'NOERROR', addresses: ['192.168.50.31'] });
  });
  it('only not-ready addresses: the headless name has no record', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {clusterIP: None, ports: [{port: 5432}]}}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: db}, subsets: [{notReadyAddresses: [{ip: 192.168.50.32}], ports: [{port: 5432}]}]}');
    expect(svcOf(a, 'default/db')?.backends.map((b) => b.ready)).toEqual([false]);
    expect(resolveName(a, 'default', 'db').status).toBe('NXDOMAIN');
  });
});

describe('a selected pod with one container that does not run', () => {
  it('is a not-ready endpoint, even though its other container runs', () => {
    const a = yaml(
      '{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: reg.example.com, images: []}}',
      '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: half, labels: {app: web}}, spec: {containers: [{name: a, image: nginx}, {name: b, image: reg.example.com/nope}]}}');
    const half = a.pods.find((p) => p.key === 'default/half');
    expect(half?.containers.map((c) => c.state)).toEqual(['Running', 'ErrImagePull']);
    expect(svcOf(a, 'default/web')?.backends).toMatchObject([{ pod: 'default/half', ready: false, reason: 'ErrImagePull' }]);
    expect(resolveName(a, 'default', 'web').status).toBe('NXDOMAIN');
  });
});

describe('optional fields of a backend are absent, not undefined', () => {
  it('a selected pod without a hostname has no hostname key', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: p, labels: {app: web}}, spec: {subdomain: web, containers: [{name: c, image: nginx}]}}');
    const [backend] = svcOf(a, 'default/web')?.backends ?? [];
    expect(Object.keys(backend ?? {}).sort()).toEqual(['ip', 'nodeName', 'pod', 'ready']);
    expect(Object.keys(svcOf(a, 'default/web')?.endpoints[0]?.addresses[0] ?? {}).sort()).toEqual(['ip', 'nodeName', 'pod', 'port', 'ready']);
  });
  it('an address written without nodeName or hostname has neither key', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {ports: [{port: 80}]}}',
      '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}, addressType: IPv4, endpoints: [{addresses: [192.168.50.41]}], ports: [{port: 80}]}');
    const ext = svcOf(a, 'default/ext');
    expect(Object.keys(ext?.backends[0] ?? {}).sort()).toEqual(['ip', 'pod', 'ready']);
    expect(Object.keys(ext?.endpoints[0]?.addresses[0] ?? {}).sort()).toEqual(['ip', 'pod', 'port', 'ready']);
  });
});
