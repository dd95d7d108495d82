// Pod IPs (engine-spec section 1): declared status.podIP kept; others hashed from namespace/name
// into the pod CIDR, independent of unrelated objects, never colliding.
import { describe, expect, it } from 'vitest';
import { cidrContainsText } from '../net/index.js';
import { pod, run } from '../../testing/normalize.js';
import { NODES } from '../cluster/nodes.js';

const ipOf = (yaml: string | Record<string, string>, name: string) => run(yaml).cluster.pods.find((p) => p.name === name)?.ip;

describe('pod IPs', () => {
  it('keeps a declared IP', () => {
    const r = run(`${pod('a')}\nstatus: {podIP: 10.244.9.9}`);
    expect(r.cluster.pods[0]).toMatchObject({ ip: '10.244.9.9', ipDeclared: true });
  });

  it('assigns from 10.244.0.0/16, not network or broadcast', () => {
    const names = Array.from({ length: 40 }, (_, i) => `p${i}`);
    const r = run(names.map((n) => pod(n)).join('\n---\n'));
    const ips = r.cluster.pods.map((p) => p.ip);
    expect(new Set(ips).size).toBe(40);
    for (const ip of ips) {
      expect(cidrContainsText('10.244.0.0/16', ip)).toBe(true);
      expect(['10.244.0.0', '10.244.255.255']).not.toContain(ip);
    }
    expect(r.cluster.pods.every((p) => !p.ipDeclared)).toBe(true);
  });

  it('does not depend on unrelated objects or their order', () => {
    const alone = ipOf(pod('web', '', { namespace: 'shop' }), 'web');
    const crowded = ipOf({
      'z.yaml': ['x', 'y', 'z'].map((n) => pod(n)).join('\n---\n'),
      'a.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\n${pod('web', '', { namespace: 'shop' })}`,
    }, 'web');
    expect(crowded).toBe(alone);
  });

  it('depends on namespace and name', () => {
    expect(ipOf(pod('web', '', { namespace: 'a' }), 'web')).not.toBe(ipOf(pod('web', '', { namespace: 'b' }), 'web'));
  });

  it('never takes a declared IP: the hashed pod moves, the declared one stays', () => {
    const hashed = ipOf(pod('web'), 'web');
    const r = run(`${pod('web')}\n---\n${pod('pinned')}\nstatus: {podIP: ${hashed}}`);
    const ips = Object.fromEntries(r.cluster.pods.map((p) => [p.name, p.ip]));
    expect(ips.pinned).toBe(hashed);
    expect(ips.web).not.toBe(hashed);
  });

  it('probes deterministically in a tiny CIDR and uses it all', () => {
    const cluster = 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podCIDR: 10.9.0.0/29}';
    const text = [cluster, ...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => pod(n))].join('\n---\n');
    const first = run(text).cluster.pods.map((p) => p.ip);
    expect(new Set(first).size).toBe(6);
    expect([...first].sort()).toEqual(['10.9.0.1', '10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.0.5', '10.9.0.6']);
    expect(run(text).cluster.pods.map((p) => p.ip)).toEqual(first);
  });

  it('assigns IPv6 addresses from an IPv6 pod CIDR', () => {
    const r = run(`apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podCIDR: "fd00:10:244::/64"}\n---\n${pod('a')}`);
    expect(cidrContainsText('fd00:10:244::/64', r.cluster.pods[0]?.ip ?? '')).toBe(true);
  });

  // The kubelet reports a hostNetwork pod's IP as its node's InternalIP (pkg/kubelet/kubelet_pods.go
  // generateAPIPodStatus: hostNetwork pods get status.podIPs from the node's addresses).
  it('gives hostNetwork pods their node\'s IP', () => {
    const r = run(`${pod('agent', 'hostNetwork: true')}\n---\n${pod('cp', 'hostNetwork: true\nnodeName: controlplane')}`);
    const agent = r.cluster.pods.find((p) => p.name === 'agent');
    expect(agent).toMatchObject({ ipDeclared: false, hostNetwork: true });
    expect(agent?.ip).toBe(NODES.find((n) => n.name === agent?.nodeName)?.ip);
    expect(r.cluster.pods.find((p) => p.name === 'cp')).toMatchObject({ nodeName: 'controlplane', ip: '192.168.121.10' });
  });

  it('warns when two pods declare the same IP', () => {
    const r = run(`${pod('a')}\nstatus: {podIP: 10.244.1.1}\n---\n${pod('b')}\nstatus: {podIP: 10.244.1.1}`);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([['warning', 'pod-ip-duplicate', 'status.podIP']]);
  });

  it('a full pod CIDR: every address used once, then each further pod warned about, without probing the full range again (issue 12)', () => {
    const cluster = 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podCIDR: 10.9.8.0/28}';
    // A /28 holds 14 pods (network and broadcast left out).
    const r = run([cluster, ...Array.from({ length: 30 }, (_, i) => pod(`p${i}`))].join('\n---\n'));
    const ips = r.cluster.pods.filter((p) => !p.hostNetwork).map((p) => p.ip);
    const exhausted = r.diagnostics.filter((d) => d.code === 'pod-cidr-exhausted');
    expect(new Set(ips).size).toBe(14);
    // The scenario's pods are placed first: 14 get an address, 16 are warned about (system pods share, silently).
    expect(exhausted.length).toBe(16);
    expect(exhausted[0]?.message).toMatch(/^pod CIDR 10\.9\.8\.0\/28 has no free address left for pod default\/p/);
  });
});
