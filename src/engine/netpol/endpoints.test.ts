// buildEndpoints: what policy matching knows of each endpoint, resolved once (netpol/endpoints.ts).
// Issue 15: written ahead of the mutation run of netpol.
import { describe, expect, it } from 'vitest';
import { cluster, extHost, namespace, pod } from '../../testing/netpol.js';
import { buildEndpoints } from './endpoints.js';

const c = cluster({
  namespaces: [namespace('x', { env: 'test' })],
  pods: [
    pod('x/a', { labels: { app: 'a' }, ip: '10.244.1.10', containers: [{ name: 'one', ports: [{ port: 80, name: 'web' }, { port: 53, protocol: 'UDP' }] }, { name: 'two', ports: [{ port: 9090 }] }] }),
    pod('y/b', { ip: '10.244.1.11', hostNetwork: true }),
  ],
  externalHosts: [extHost('203.0.113.7', [{ port: 443 }, { port: 53, protocol: 'UDP' }], 'mirror'), extHost('2001:db8::1', [], 'v6')],
});
const user = buildEndpoints(c);

describe('buildEndpoints', () => {
  it('pods first in cluster order, then external hosts; ids are namespace/name or the address', () => {
    const all = buildEndpoints(c);
    expect(all.map((e) => e.endpoint.id)).toEqual(['x/a', 'y/b', '203.0.113.7', '2001:db8::1']);
    expect(all.findIndex((e) => !e.isPod)).toBe(all.filter((e) => e.isPod).length);
  });

  it('a pod: its labels, its namespace labels, address, ports of every container with a name only where written', () => {
    const a = user.find((e) => e.endpoint.id === 'x/a');
    expect(a).toMatchObject({ isPod: true, labels: { app: 'a' }, hostNetwork: false });
    expect(a?.nsLabels).toEqual({ env: 'test', 'kubernetes.io/metadata.name': 'x' });
    expect(a?.endpoint).toEqual({ id: 'x/a', kind: 'pod', ip: '10.244.1.10', namespace: 'x', name: 'a', index: c.pods.findIndex((p) => p.name === 'a') });
    expect(a?.ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }, { port: 9090, protocol: 'TCP' }]);
    expect(a?.ports[1]).not.toHaveProperty('name');
    expect(a?.ip).not.toBeNull();
  });

  it('a namespace nobody declared still has its name label; hostNetwork is carried', () => {
    const b = user.find((e) => e.endpoint.id === 'y/b');
    expect(b?.nsLabels).toEqual({ 'kubernetes.io/metadata.name': 'y' });
    expect(b?.hostNetwork).toBe(true);
    expect(b?.ports).toEqual([]);
  });

  it('an external host: no labels, no namespace labels, its ports without names, its index among hosts', () => {
    const h = user.find((e) => e.endpoint.id === '203.0.113.7');
    expect(h).toMatchObject({ isPod: false, labels: {}, nsLabels: null, hostNetwork: false });
    expect(h?.endpoint).toEqual({ id: '203.0.113.7', kind: 'external', ip: '203.0.113.7', name: 'mirror', index: c.externalHosts.findIndex((x) => x.name === 'mirror') });
    expect(h?.ports).toEqual([{ port: 443, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
    expect(user.find((e) => e.endpoint.id === '2001:db8::1')?.ip).not.toBeNull();
  });

  it('system pods are marked; user pods carry no system field', () => {
    const withSystem = { ...c, pods: [...c.pods, { ...c.pods[1]!, namespace: 'kube-system', name: 'coredns', system: true }] };
    const all = buildEndpoints(withSystem);
    expect(all.find((e) => e.endpoint.id === 'kube-system/coredns')?.endpoint.system).toBe(true);
    expect(all.filter((e) => e.endpoint.id !== 'kube-system/coredns').every((e) => !('system' in e.endpoint))).toBe(true);
  });

  it('an id seen before is dropped: a host at a pod id, and a second host at the same address', () => {
    const withDup = { ...c, externalHosts: [...c.externalHosts, { ...c.externalHosts[0]!, name: 'again' }] };
    expect(buildEndpoints(withDup).filter((e) => e.endpoint.id === '203.0.113.7').map((e) => e.endpoint.name)).toEqual(['mirror']);
    const podTwice = { ...c, pods: [...c.pods, c.pods[0]!] };
    expect(buildEndpoints(podTwice).filter((e) => e.endpoint.id === c.pods[0]!.namespace + '/' + c.pods[0]!.name)).toHaveLength(1);
  });

  it('an address that does not parse has no ip (no ipBlock matches it)', () => {
    const bad = { ...c, externalHosts: [{ ...c.externalHosts[0]!, ip: 'not-an-ip' }] };
    expect(buildEndpoints(bad).find((e) => e.endpoint.id === 'not-an-ip')?.ip).toBeNull();
  });
});
