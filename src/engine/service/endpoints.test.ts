// Endpoints as the controllers compute them: pkg/controller/endpoint and pkg/controller/endpointslice
// (pods of the Service's namespace matching its selector; ready pods carry traffic, others are
// notReadyAddresses; pods without an IP skipped; hostname when spec.subdomain names the Service),
// k8s.io/kubernetes pkg/api/v1/pod FindPort (a named targetPort resolves per pod by name AND protocol;
// a pod without it is not an endpoint for that port), pkg/controller/endpointslicemirroring (a
// selector-less Service's Endpoints are mirrored; a Service with a selector owns its Endpoints).
import { describe, expect, it } from 'vitest';
import type { ServiceReport } from '../model/index.js';
import { analyze } from '../index.js';

const yaml = (...docs: string[]) => analyze([{ name: 's.yaml', text: docs.join('\n---\n') }]);
const svcOf = (services: readonly ServiceReport[], key: string) => services.find((s) => s.key === key);
const addrs = (s: ServiceReport | undefined, i = 0) => (s?.endpoints[i]?.addresses ?? []).map((a) => `${a.pod ?? a.ip}:${a.port}${a.ready ? '' : ' (not ready)'}`);
const pod = (name: string, labels: string, ports = '[]', extra = '') =>
  `{apiVersion: v1, kind: Pod, metadata: {name: ${name}, labels: ${labels}}, spec: {${extra}containers: [{name: c, image: nginx, ports: ${ports}}]}}`;
const REGISTRY = '{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: reg.example.com, images: [{repository: app}]}}';

describe('endpoints of a Service with a selector', () => {
  it('ready pods carry traffic; a pod that cannot start is listed not ready, with why', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}}',
      pod('a', '{app: web}'), pod('other', '{app: api}'), REGISTRY,
      '{apiVersion: v1, kind: Pod, metadata: {name: b, labels: {app: web}}, spec: {containers: [{name: c, image: reg.example.com/app}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: c, labels: {app: web}}, spec: {securityContext: {runAsNonRoot: true}, containers: [{name: c, image: nginx}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: d, namespace: elsewhere, labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}',
    );
    const web = svcOf(a.services, 'default/web');
    expect(addrs(web)).toEqual(['default/a:8080', 'default/b:8080 (not ready)', 'default/c:8080 (not ready)']);
    expect(web?.backends.map((b) => [b.pod, b.ready, b.reason ?? null])).toEqual([
      ['default/a', true, null], ['default/b', false, 'ErrImagePull'], ['default/c', false, 'CreateContainerConfigError'],
    ]);
    expect(web?.backends[0]).toMatchObject({ ip: a.cluster.pods.find((p) => p.name === 'a')?.ip, nodeName: expect.stringMatching(/^node0[12]$/) });
  });

  it('a named targetPort resolves per pod, by name and protocol', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}, {name: dns, port: 53, protocol: TCP, targetPort: dns}]}}',
      pod('a', '{app: web}', '[{name: http, containerPort: 8080}, {name: dns, containerPort: 5353, protocol: UDP}]'),
      pod('b', '{app: web}', '[{name: http, containerPort: 9090}, {name: dns, containerPort: 53, protocol: TCP}]'),
      pod('c', '{app: web}', '[{containerPort: 80}]'),
    );
    const web = svcOf(a.services, 'default/web');
    expect(addrs(web, 0)).toEqual(['default/a:8080', 'default/b:9090']);
    expect(addrs(web, 1)).toEqual(['default/b:53']);
    // c has no port named http: it is selected, but an endpoint of neither port.
    expect(web?.backends.map((b) => b.pod)).toEqual(['default/a', 'default/b', 'default/c']);
  });

  it('a numeric targetPort is used whatever the pod declares (containerPort is informational)', () => {
    const a = yaml('{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}}', pod('a', '{app: web}', '[{containerPort: 80}]'));
    expect(addrs(svcOf(a.services, 'default/web'))).toEqual(['default/a:8080']);
  });

  it('a StatefulSet pod publishes its hostname under the governing Service', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}}',
      '{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: db}, spec: {serviceName: db, replicas: 2, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: postgres}]}}}}',
    );
    expect(svcOf(a.services, 'default/db')?.backends.map((b) => b.hostname)).toEqual(['db-0', 'db-1']);
  });

  it('an Endpoints object written for a Service with a selector is overwritten by the controller', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: web}, subsets: [{addresses: [{ip: 10.1.2.3}], ports: [{port: 80}]}]}',
    );
    expect(addrs(svcOf(a.services, 'default/web'))).toEqual([]);
  });
});

describe('endpoints of a Service without selector', () => {
  it('come from its Endpoints (mirrored) and from EndpointSlices labelled with its name, ports matched by name', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {ports: [{name: pg, port: 5432, targetPort: 9999}, {name: metrics, port: 9187}]}}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: ext}, subsets: [{addresses: [{ip: 192.168.50.10}], notReadyAddresses: [{ip: 192.168.50.11}], ports: [{name: pg, port: 5432}]}]}',
      '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}, addressType: IPv4, endpoints: [{addresses: [192.168.50.12]}], ports: [{name: pg, port: 15432}, {name: metrics, port: 9187}]}',
      '{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: other-1, labels: {kubernetes.io/service-name: other}}, addressType: IPv4, endpoints: [{addresses: [192.168.50.99]}], ports: [{name: pg, port: 5432}]}',
    );
    const ext = svcOf(a.services, 'default/ext');
    expect(ext?.selector).toBeNull();
    // The Service's targetPort is ignored: the written port is the target.
    expect(addrs(ext, 0)).toEqual(['192.168.50.10:5432', '192.168.50.11:5432 (not ready)', '192.168.50.12:15432']);
    expect(addrs(ext, 1)).toEqual(['192.168.50.12:9187']);
  });

  it('a Service without selector and nothing written has no endpoints', () => {
    const a = yaml('{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {ports: [{port: 80}]}}');
    expect(svcOf(a.services, 'default/ext')?.endpoints).toEqual([{ port: { port: 80, protocol: 'TCP', targetPort: 80 }, addresses: [] }]);
  });
});

describe('the implicit Services', () => {
  it('kubernetes: 10.96.0.1, https 443 → the API server at the control plane, 6443', () => {
    const k = svcOf(yaml().services, 'default/kubernetes');
    expect(k).toMatchObject({ clusterIP: '10.96.0.1', system: true, selector: null, ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] });
    expect(addrs(k)).toEqual(['192.168.121.10:6443']);
  });

  it('kube-dns: 10.96.0.10 in front of the two ready CoreDNS pods', () => {
    const dns = svcOf(yaml().services, 'kube-system/kube-dns');
    expect(dns).toMatchObject({ clusterIP: '10.96.0.10', system: true, selector: { 'k8s-app': 'kube-dns' } });
    expect(dns?.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    for (const e of dns?.endpoints ?? []) expect(e.addresses.filter((x) => x.ready && x.pod?.startsWith('kube-system/coredns-'))).toHaveLength(2);
  });

  it('sorted with the scenario\'s, ExternalName without endpoints', () => {
    const a = yaml('{apiVersion: v1, kind: Service, metadata: {name: db}, spec: {type: ExternalName, externalName: db.example.com}}');
    expect(a.services.map((s) => s.key)).toEqual(['default/db', 'default/kubernetes', 'kube-system/kube-dns']);
    expect(svcOf(a.services, 'default/db')).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: '', endpoints: [], system: false });
  });
});
