// Cluster DNS as a pod sees it. resolv.conf from docs "DNS for Services and Pods" (search
// <ns>.svc.cluster.local svc.cluster.local cluster.local, options ndots:5; a trailing dot means
// absolute); answers as coredns plugin/kubernetes (kubernetes.go findServices/findPods, parse.go,
// README: `pods insecure` "Always return an A record with IP from request (without checking k8s)")
// and plugin/backend_lookup.go (CNAME chasing inside the zone, A records deduplicated).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { resolveName, searchList } from './dns.js';

const text = [
  '{apiVersion: v1, kind: Namespace, metadata: {name: prod}}',
  '{apiVersion: v1, kind: Service, metadata: {name: web, namespace: prod}, spec: {clusterIP: 10.96.100.10, selector: {app: web}, ports: [{port: 80}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: db, namespace: prod}, spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: empty, namespace: prod}, spec: {clusterIP: None, selector: {app: nothing}}}',
  '{apiVersion: v1, kind: Service, metadata: {name: idle, namespace: prod}, spec: {selector: {app: nothing}, ports: [{port: 80}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: ext, namespace: prod}, spec: {type: ExternalName, externalName: api.example.com}}',
  '{apiVersion: v1, kind: Service, metadata: {name: alias, namespace: prod}, spec: {type: ExternalName, externalName: web.prod.svc.cluster.local}}',
  '{apiVersion: v1, kind: Service, metadata: {name: byip, namespace: prod}, spec: {type: ExternalName, externalName: 1.2.3.4}}',
  '{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: db, namespace: prod}, spec: {serviceName: db, replicas: 2, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: postgres}]}}}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: db-x, namespace: prod, labels: {app: db}, }, spec: {containers: [{name: c, image: reg.example.com/nope}]}}',
  '{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: reg.example.com, images: []}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: web-1, namespace: prod, labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}',
].join('\n---\n');
const a = analyze([{ name: 'dns.yaml', text }]);
const ipOf = (key: string) => a.pods.find((p) => p.key === key)?.pod.ip ?? '';
const resolve = (name: string, ns = 'prod') => resolveName(a, ns, name);

describe('search list and ndots:5', () => {
  it.each([
    ['web', 'prod', ['web.prod.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']],
    ['web.prod', 'dev', ['web.prod.dev.svc.cluster.local', 'web.prod.svc.cluster.local', 'web.prod.cluster.local', 'web.prod']],
    ['a.b.c.d.e.f', 'x', ['a.b.c.d.e.f', 'a.b.c.d.e.f.x.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']],
    ['web.prod.svc.cluster.local.', 'x', ['web.prod.svc.cluster.local']],
  ])('%s from %s', (name, ns, want) => {
    expect(searchList(ns, name)).toEqual(want);
  });
});

describe('resolveName', () => {
  it.each([
    ['web', 'prod', 'web.prod.svc.cluster.local', 1],
    ['web.prod', 'default', 'web.prod.svc.cluster.local', 2],
    ['web.prod.svc', 'default', 'web.prod.svc.cluster.local', 3],
    // Four dots are fewer than ndots:5: the search list goes first, the name as is comes fourth.
    ['web.prod.svc.cluster.local', 'default', 'web.prod.svc.cluster.local', 4],
    ['WEB.Prod.svc.cluster.local.', 'default', 'web.prod.svc.cluster.local', 1],
  ])('%s from %s → the ClusterIP, found at try %s', (name, ns, fqdn, tries) => {
    const r = resolve(name, ns);
    expect(r).toMatchObject({ status: 'NOERROR', fqdn, addresses: ['10.96.100.10'], kind: 'service', service: 'prod/web' });
    expect(r.tried).toHaveLength(tries);
  });

  it('a ClusterIP Service resolves even with no endpoints', () => {
    expect(resolve('idle')).toMatchObject({ status: 'NOERROR', kind: 'service' });
  });

  it('kubernetes.default and kube-dns.kube-system are there in every cluster', () => {
    expect(resolve('kubernetes.default', 'app')).toMatchObject({ addresses: ['10.96.0.1'], fqdn: 'kubernetes.default.svc.cluster.local' });
    expect(resolve('kube-dns.kube-system.svc.cluster.local', 'app')).toMatchObject({ addresses: ['10.96.0.10'] });
  });

  it('headless: the ready pods\' IPs, sorted; not-ready pods are left out; none ready → NXDOMAIN', () => {
    const r = resolve('db');
    const want = [ipOf('prod/db-0'), ipOf('prod/db-1')].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
    expect(r).toMatchObject({ status: 'NOERROR', kind: 'headless', addresses: want });
    expect(r.status === 'NOERROR' && r.addresses).not.toContain(ipOf('prod/db-x'));
    expect(resolve('empty').status).toBe('NXDOMAIN');
  });

  // plugin/kubernetes endpointHostname: the endpoint's hostname when it has one, else its dashed IP.
  it('a StatefulSet pod by hostname under its headless Service, another endpoint by dashed IP', () => {
    expect(resolve('db-0.db')).toMatchObject({ status: 'NOERROR', kind: 'endpoint', addresses: [ipOf('prod/db-0')] });
    expect(resolve(`${ipOf('prod/db-1').replaceAll('.', '-')}.db.prod.svc.cluster.local`).status).toBe('NXDOMAIN');
    expect(resolve(`${ipOf('prod/web-1').replaceAll('.', '-')}.web.prod.svc.cluster.local`)).toMatchObject({ kind: 'endpoint', addresses: [ipOf('prod/web-1')] });
    expect(resolve('db-9.db').status).toBe('NXDOMAIN');
  });

  it('pods insecure: a-b-c-d.ns.pod.cluster.local is a.b.c.d, pod or not; the namespace must exist', () => {
    expect(resolve('10-244-1-5.prod.pod.cluster.local')).toMatchObject({ status: 'NOERROR', kind: 'pod', addresses: ['10.244.1.5'] });
    expect(resolve('10-244-1-5.nope.pod.cluster.local').status).toBe('NXDOMAIN');
    expect(resolve('10-244-1.prod.pod.cluster.local').status).toBe('NXDOMAIN');
    expect(resolve('10--244-1-5.prod.pod.cluster.local').status).toBe('NXDOMAIN');
  });

  it('ExternalName: a CNAME; outside the cluster it leads nowhere (no internet); inside it is followed', () => {
    expect(resolve('ext')).toMatchObject({ status: 'NOERROR', kind: 'external-name', cname: 'api.example.com', addresses: [] });
    expect(resolve('alias')).toMatchObject({ status: 'NOERROR', kind: 'external-name', cname: 'web.prod.svc.cluster.local', addresses: ['10.96.100.10'] });
    expect(resolve('byip').status).toBe('NXDOMAIN');
  });

  it('everything else is NXDOMAIN, with every name tried in order', () => {
    expect(resolve('nope')).toEqual({
      status: 'NXDOMAIN', name: 'nope',
      tried: ['nope.prod.svc.cluster.local', 'nope.svc.cluster.local', 'nope.cluster.local', 'nope'],
    });
    expect(resolve('google.com').status).toBe('NXDOMAIN');
    expect(resolve('web.staging').status).toBe('NXDOMAIN');
    expect(resolve('prod.svc.cluster.local').status).toBe('NXDOMAIN');
  });

  it.each(['', ' ', '..', 'a..b', 'http://web', 'web:80', '-'.repeat(300)])('never throws on %j', (name) => {
    expect(resolve(name).status).toBe('NXDOMAIN');
  });
});
