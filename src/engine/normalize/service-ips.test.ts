// ClusterIP and NodePort allocation. kubeadm: --service-cluster-ip-range 10.96.0.0/12 (the
// `kubernetes` Service takes the first address, kube-dns the tenth: cmd/kubeadm/app/constants),
// --service-node-port-range 30000-32767. pkg/registry/core/service/ipallocator/bitmap.go
// calculateRangeOffset min(max(16, size/16), 256) and portallocator calculateRangeOffset
// min(max(16, size/32), 128): the lower band is left for addresses people write (KEP-3070, KEP-3668).
// Errors as pkg/registry/core/service/storage/alloc.go and the allocators word them.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';
import { DYNAMIC_IPS, DYNAMIC_NODE_PORTS, ipAt, ipOffset } from './service-ips.js';

const svc = (name: string, spec = 'ports: [{port: 80}]', namespace = 'default') =>
  `{apiVersion: v1, kind: Service, metadata: {name: ${name}, namespace: ${namespace}}, spec: {${spec}}}`;
const services = (...docs: string[]) => run(docs.join('\n---\n'));
const ipOf = (r: ReturnType<typeof run>, name: string) => r.cluster.services.find((s) => s.name === name)?.clusterIP;

describe('service CIDR arithmetic', () => {
  it('offsets exclude the network and broadcast addresses', () => {
    expect(ipOffset('10.96.0.1')).toBe(0);
    expect(ipAt(9)).toBe('10.96.0.10');
    expect(ipOffset('10.96.0.0')).toBeNull();
    expect(ipOffset('10.111.255.255')).toBeNull();
    expect(ipOffset('10.111.255.254')).toBe(2 ** 20 - 3);
    expect(ipOffset('10.112.0.1')).toBeNull();
    expect(ipOffset('fd00::1')).toBeNull();
  });

  it('the static band of a /12 is 256 addresses; of 30000-32767, 86 ports', () => {
    expect(DYNAMIC_IPS).toEqual({ first: '10.96.1.1', last: '10.111.255.254' });
    expect(DYNAMIC_NODE_PORTS).toEqual({ first: 30086, last: 32767 });
  });
});

describe('ClusterIP allocation', () => {
  it('generates a stable address in the dynamic band, whatever else exists', () => {
    const alone = ipOf(services(svc('web')), 'web');
    const crowded = ipOf(services(svc('a'), svc('z', 'ports: [{port: 81}]', 'other'), svc('web')), 'web');
    expect(crowded).toBe(alone);
    const offset = ipOffset(alone ?? '') ?? -1;
    expect(offset).toBeGreaterThanOrEqual(256);
    expect(ipOf(services(svc('web', 'ports: [{port: 80}]', 'shop')), 'web')).not.toBe(alone);
  });

  it('keeps declared addresses and never hands them out again', () => {
    const generated = ipOf(services(svc('web')), 'web') ?? '';
    const r = services(svc('web'), svc('pinned', `clusterIP: ${generated}, ports: [{port: 80}]`));
    expect(ipOf(r, 'pinned')).toBe(generated);
    expect(ipOf(r, 'web')).not.toBe(generated);
    expect(r.errors).toEqual([]);
  });

  it.each([
    ['outside the service CIDR', 'clusterIP: 10.0.0.5', 'spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    ['the network address', 'clusterIP: 10.96.0.0', 'failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) is not in the valid range'],
    ["kube-dns's address", 'clusterIP: 10.96.0.10', 'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated'],
    ['the kubernetes Service address', 'clusterIP: 10.96.0.1', 'failed to allocate IP 10.96.0.1: provided IP is already allocated'],
  ])('refuses a declared ClusterIP %s', (_, spec, message) => {
    const r = services(svc('web', `${spec}, ports: [{port: 80}]`));
    expect(r.errors.map((d) => d.path)).toEqual(['spec.clusterIP']);
    expect(r.errors[0]?.message).toContain(message);
    expect(r.cluster.services).toEqual([]);
  });

  it('the first Service to claim an address keeps it (apply order)', () => {
    const r = services(svc('first', 'clusterIP: 10.96.0.50, ports: [{port: 80}]'), svc('second', 'clusterIP: 10.96.0.50, ports: [{port: 80}]'));
    expect(r.cluster.services.map((s) => s.name)).toEqual(['first']);
    expect(r.errors.map((d) => d.message)).toEqual(['spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated']);
  });

  it('a scenario that declares kube-system/kube-dns gets 10.96.0.10', () => {
    const r = services(svc('kube-dns', 'selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]', 'kube-system'));
    expect(ipOf(r, 'kube-dns')).toBe('10.96.0.10');
  });

  it('headless and ExternalName Services get no address', () => {
    const r = services(svc('h', 'clusterIP: None'), svc('x', 'type: ExternalName, externalName: db.example.com'));
    expect(r.cluster.services.map((s) => [s.name, s.clusterIP])).toEqual([['h', 'None'], ['x', '']]);
  });
});

describe('NodePort allocation', () => {
  it('generates stable ports in the dynamic band for NodePort and LoadBalancer Services only', () => {
    const r = services(svc('np', 'type: NodePort, ports: [{name: a, port: 80}, {name: b, port: 443}]'), svc('lb', 'type: LoadBalancer, ports: [{port: 80}]'), svc('c'));
    const np = r.cluster.services.find((s) => s.name === 'np');
    const [a, b, c] = [np?.ports[0]?.nodePort, np?.ports[1]?.nodePort, r.cluster.services.find((s) => s.name === 'lb')?.ports[0]?.nodePort];
    for (const p of [a, b, c]) {
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
    expect(new Set([a, b, c]).size).toBe(3);
    expect(r.cluster.services.find((s) => s.name === 'c')?.ports[0]?.nodePort).toBeUndefined();
    expect(services(svc('np', 'type: NodePort, ports: [{name: a, port: 80}, {name: b, port: 443}]')).cluster.services[0]?.ports.map((p) => p.nodePort)).toEqual([a, b]);
  });

  it.each([
    ['below the range', 'nodePort: 80', 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['above the range', 'nodePort: 32768', 'spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767'],
  ])('refuses a nodePort %s', (_, port, message) => {
    const r = services(svc('web', `type: NodePort, ports: [{port: 80, ${port}}]`));
    expect(r.errors.map((d) => d.message)).toEqual([message]);
    expect(r.cluster.services).toEqual([]);
  });

  it('a nodePort another Service holds is refused; one Service may use it for TCP and UDP', () => {
    const r = services(
      svc('dns', 'type: NodePort, ports: [{name: u, port: 53, protocol: UDP, nodePort: 30053}, {name: t, port: 53, nodePort: 30053}]'),
      svc('other', 'type: NodePort, ports: [{port: 80, nodePort: 30053}]'),
    );
    expect(r.cluster.services.map((s) => s.name)).toEqual(['dns']);
    expect(r.errors.map((d) => d.message)).toEqual(['spec.ports[0].nodePort: Invalid value: 30053: provided port is already allocated']);
  });
});
