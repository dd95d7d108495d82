// Pod IP assignment edges (lab rules, normalize/pod-ips.ts): declared status.podIP values are
// compared as addresses (the API server's IP parser tolerates leading zeros: forked net.ParseIP);
// hostNetwork pods share their node's address and never count as duplicates; scenario pods take
// addresses before the implicit system pods; network and broadcast addresses are skipped in a
// CIDR of 4 or more addresses, a /31 or /32 uses every address (RFC 3021).
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';

const withIP = (name: string, ip: string, extra = '') => `${pod(name, extra)}\nstatus: {podIP: "${ip}"}`;
const clusterCIDR = (cidr: string) => `apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podCIDR: "${cidr}"}`;
const codes = (yaml: string) => run(yaml).diagnostics.map((d) => d.code);

describe('pod IP edges', () => {
  it('a declared IP written with leading zeros is the same address', () => {
    expect(codes(`${withIP('a', '10.244.1.5')}\n---\n${withIP('b', '10.244.001.5')}`)).toEqual(['pod-ip-duplicate']);
  });

  it('a hostNetwork pod never makes or meets a duplicate declared IP', () => {
    expect(codes(`${withIP('a', '10.244.1.5', 'hostNetwork: true')}\n---\n${withIP('b', '10.244.1.5')}`)).toEqual([]);
    expect(codes(`${withIP('a', '10.244.1.5')}\n---\n${withIP('b', '10.244.1.5', 'hostNetwork: true')}`)).toEqual([]);
  });

  it('a /32 pod CIDR gives its one address; the network address is used there', () => {
    const r = run(`${clusterCIDR('10.9.9.9/32')}\n---\n${pod('a')}`);
    expect(r.cluster.pods[0]?.ip).toBe('10.9.9.9');
  });

  it('scenario pods take addresses before the system pods, whatever their namespace sorts like', () => {
    const r = run(`${clusterCIDR('10.9.9.0/30')}\n---\n${pod('a', '', { namespace: 'zz' })}`);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(['10.9.9.1', '10.9.9.2']).toContain(r.cluster.pods[0]?.ip);
  });

  it.each(['a', 'b', 'c', 'd', 'e', 'f'])('a declared first usable address is taken (pod %s gets the other one)', (name) => {
    const r = run(`${clusterCIDR('10.9.9.0/30')}\n---\n${withIP('declared', '10.9.9.1')}\n---\n${pod(name, '', { namespace: 'app' })}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.pods.find((p) => p.name === name)?.ip).toBe('10.9.9.2');
  });
});
