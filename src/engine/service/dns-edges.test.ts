// Cluster DNS at its edges, found by mutation testing (issue 15). Facts: coredns
// plugin/backend_lookup.go (A: a CNAME is added and followed inside the zone while
// `len(previousRecords) <= maxCnameChainLength` (10, since coredns v1.12.1, #7153), so at most 11
// CNAMEs; a followed CNAME that finds nothing adds no record; A records deduplicated),
// plugin/kubernetes parse.go parseRequest (`<name>.<ns>.svc.<zone>` or `<a-b-c-d>.<ns>.pod.<zone>`:
// any other type label is no record, more than two labels before the namespace are "too long to
// answer"), `pods insecure` (one label, the dashed IPv4); RFC 1035 §2.3.4
// (labels of at most 63 octets, names of at most 255 octets on the wire, 253 characters as text);
// pkg/controller/endpoint (only ready pods are `addresses`; the rest are notReadyAddresses).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { resolveName } from './dns.js';

const doc = (...docs: string[]) => analyze([{ name: 'dns.yaml', text: docs.join('\n---\n') }]);
const NS = '{apiVersion: v1, kind: Namespace, metadata: {name: prod}}';
const WEB = '{apiVersion: v1, kind: Service, metadata: {name: web, namespace: prod}, spec: {clusterIP: 10.96.100.10, selector: {app: web}, ports: [{port: 80}]}}';
const ext = (name: string, target: string) =>
  `{apiVersion: v1, kind: Service, metadata: {name: ${name}, namespace: prod}, spec: {type: ExternalName, externalName: ${target}}}`;
/** link0 → link1 → … → link(n-1) → web, each an ExternalName holding the next one's FQDN. */
const chain = (n: number) => doc(NS, WEB, ...Array.from({ length: n }, (_, i) =>
  ext(`link${i}`, i === n - 1 ? 'web.prod.svc.cluster.local' : `link${i + 1}.prod.svc.cluster.local`)));

describe('CNAME chains inside the zone', () => {
  it('eleven CNAMEs are followed to the ClusterIP', () => {
    expect(resolveName(chain(11), 'prod', 'link0')).toMatchObject({ status: 'NOERROR', kind: 'external-name', cname: 'link1.prod.svc.cluster.local', addresses: ['10.96.100.10'] });
  });
  it('a twelfth is not added: the chain gives no record', () => {
    expect(resolveName(chain(12), 'prod', 'link0').status).toBe('NXDOMAIN');
    // The same chain asked one link further down is short enough again.
    expect(resolveName(chain(12), 'prod', 'link1')).toMatchObject({ status: 'NOERROR', addresses: ['10.96.100.10'] });
  });
  it('a loop ends (duplicate CNAMEs are not followed) with no record', () => {
    const a = doc(NS, ext('a', 'b.prod.svc.cluster.local'), ext('b', 'a.prod.svc.cluster.local'), ext('self', 'self.prod.svc.cluster.local'));
    expect(resolveName(a, 'prod', 'a').status).toBe('NXDOMAIN');
    expect(resolveName(a, 'prod', 'self').status).toBe('NXDOMAIN');
  });
  it('a CNAME inside the zone to a name that leads outside gives no record', () => {
    const a = doc(NS, ext('out', 'api.example.com'), ext('via', 'out.prod.svc.cluster.local'));
    expect(resolveName(a, 'prod', 'out')).toMatchObject({ status: 'NOERROR', cname: 'api.example.com', addresses: [] });
    expect(resolveName(a, 'prod', 'via').status).toBe('NXDOMAIN');
  });
});

describe('ExternalName without a name', () => {
  it('is refused by the API server (spec.externalName: Required value), so it answers nothing', () => {
    const a = doc(NS, '{apiVersion: v1, kind: Service, metadata: {name: blank, namespace: prod}, spec: {type: ExternalName}}');
    expect(a.diagnostics.some((d) => d.path === 'spec.externalName')).toBe(true);
    expect(resolveName(a, 'prod', 'blank').status).toBe('NXDOMAIN');
  });
});

describe('names a resolver will not send', () => {
  it('a name that is not text is no name (never thrown on, engine-spec §2)', () => {
    expect(resolveName(doc(NS, WEB), 'prod', 42 as unknown as string)).toEqual({ status: 'NXDOMAIN', name: '', tried: [] });
  });
  const a = doc(NS, WEB);
  const label63 = 'a'.repeat(63);
  // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters.
  const name253 = [label63, label63, label63, 'b'.repeat(61)].join('.');
  it.each([
    [label63, 4],
    [`${'a'.repeat(64)}`, 0],
    [name253, 4],
    [`${name253}.`, 1], // a trailing dot: as is only; the dot is not counted
    [`${name253}c`, 0],
    ['web_1', 4],
    ['web:80', 0],
    ['http://web', 0],
    ['wéb', 0],
    ['web.', 1],
    ['.web', 0],
  ] as const)('%s: %i names tried', (name, tries) => {
    const r = resolveName(a, 'prod', name);
    expect(r.status).toBe('NXDOMAIN');
    expect(r.tried).toHaveLength(tries);
  });
});

describe('what parseRequest reads from a name', () => {
  const a = doc(NS, WEB,
    '{apiVersion: v1, kind: Pod, metadata: {name: web-1, namespace: prod, labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}');
  it('only svc and pod are types: web.prod.xyz is no Service', () => {
    expect(resolveName(a, 'prod', 'web.prod.xyz')).toMatchObject({ status: 'NXDOMAIN' });
    expect(resolveName(a, 'prod', 'web.prod.xyz.cluster.local.').status).toBe('NXDOMAIN');
    expect(resolveName(a, 'prod', 'web.prod.svc.cluster.local.').status).toBe('NOERROR');
  });
  it('a pod name is one label: a-b-c-d under another label is no record', () => {
    expect(resolveName(a, 'prod', '10-244-1-5.x.prod.pod.cluster.local.').status).toBe('NXDOMAIN');
    expect(resolveName(a, 'prod', '10-244-1-5.prod.pod.cluster.local.')).toMatchObject({ status: 'NOERROR', addresses: ['10.244.1.5'] });
  });
});

describe('the second run\'s survivors (dns.ts alone, 2026-12-07)', () => {
  const a = doc(NS, WEB, '{apiVersion: v1, kind: Namespace, metadata: {name: other}}',
    '{apiVersion: v1, kind: Pod, metadata: {name: web-1, namespace: prod, labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}');
  const dashed = (a.pods.find((p) => p.key === 'prod/web-1')?.pod.ip ?? '').replaceAll('.', '-');
  it('a name is read without the spaces around it', () => {
    expect(resolveName(a, 'prod', ' web ')).toMatchObject({ status: 'NOERROR', name: 'web', addresses: ['10.96.100.10'] });
  });
  it('a trailing dot is dropped before the name is checked, not the rest of it', () => {
    expect(resolveName(a, 'prod', 'w:b.').tried).toEqual([]);
  });
  it('a zone that only has the length of cluster.local is not it', () => {
    expect(resolveName(a, 'prod', 'web.prod.svc.cluster.locax').status).toBe('NXDOMAIN');
  });
  it('parseRequest: three labels before the namespace are too long to answer', () => {
    expect(dashed).not.toBe('');
    expect(resolveName(a, 'prod', `${dashed}.web.prod.svc.cluster.local.`).status).toBe('NOERROR');
    expect(resolveName(a, 'prod', `${dashed}.web.extra.prod.svc.cluster.local.`).status).toBe('NXDOMAIN');
  });
  it('a Service is looked up in the namespace the name gives', () => {
    expect(resolveName(a, 'prod', 'web.other.svc.cluster.local.').status).toBe('NXDOMAIN');
  });
  it('pods insecure still needs an IPv4 address in the dashes', () => {
    expect(resolveName(a, 'prod', '10-244-1-x.prod.pod.cluster.local.').status).toBe('NXDOMAIN');
    expect(resolveName(a, 'prod', '10-244-1-256.prod.pod.cluster.local.').status).toBe('NXDOMAIN');
  });
});

describe('endpoints by name and headless answers', () => {
  it('a not-ready pod is not answered by its dashed IP', () => {
    const a = doc(NS,
      '{apiVersion: v1, kind: Service, metadata: {name: db, namespace: prod}, spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}}',
      '{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: reg.example.com, images: []}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: db-x, namespace: prod, labels: {app: db}}, spec: {containers: [{name: c, image: reg.example.com/nope}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: db-y, namespace: prod, labels: {app: db}}, spec: {containers: [{name: c, image: postgres}]}}');
    const ip = (name: string) => a.pods.find((p) => p.key === `prod/${name}`)?.pod.ip ?? '';
    expect(ip('db-x')).not.toBe('');
    expect(resolveName(a, 'prod', `${ip('db-x').replaceAll('.', '-')}.db`).status).toBe('NXDOMAIN');
    expect(resolveName(a, 'prod', `${ip('db-y').replaceAll('.', '-')}.db`)).toMatchObject({ status: 'NOERROR', kind: 'endpoint', addresses: [ip('db-y')] });
  });
  it('hand-written addresses of a headless Service: ready ones, once each, in numeric order', () => {
    const a = doc(NS,
      '{apiVersion: v1, kind: Service, metadata: {name: ext, namespace: prod}, spec: {clusterIP: None, ports: [{port: 80}]}}',
      '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ext-1, namespace: prod, labels: {kubernetes.io/service-name: ext}}, addressType: IPv4, endpoints: [{addresses: [10.0.0.10]}, {addresses: [10.0.0.9]}, {addresses: [9.0.0.1]}, {addresses: [10.0.0.9]}, {addresses: [10.0.1.2], conditions: {ready: false}}, {addresses: [10.0.0.100]}], ports: [{port: 80}]}');
    expect(resolveName(a, 'prod', 'ext')).toMatchObject({ status: 'NOERROR', kind: 'headless', addresses: ['9.0.0.1', '10.0.0.9', '10.0.0.10', '10.0.0.100'] });
  });
});
