// The lab's nodes: a kubeadm v1.30 cluster (cmd/kubeadm/app/phases/markcontrolplane: the control
// plane is labelled node-role.kubernetes.io/control-plane and tainted
// node-role.kubernetes.io/control-plane:NoSchedule; node IPAM gives each node a /24 of 10.244.0.0/16).
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';
import { CONTROL_PLANE, NODES, nodeByIP, nodeByName, scheduleNode } from './nodes.js';

describe('NODES', () => {
  it('is a control plane and two workers with fixed addresses and versions', () => {
    expect(NODES.map((n) => [n.name, n.ip, n.roles.join(','), n.podCIDR])).toEqual([
      ['controlplane', '192.168.121.10', 'control-plane', '10.244.0.0/24'],
      ['node01', '192.168.121.11', '', '10.244.1.0/24'],
      ['node02', '192.168.121.12', '', '10.244.2.0/24'],
    ]);
    for (const n of NODES) {
      expect(n).toMatchObject({ kubeletVersion: 'v1.30.0', osImage: 'Ubuntu 22.04.4 LTS', architecture: 'amd64' });
      expect(n.containerRuntime).toMatch(/^containerd:\/\/1\.7\.\d+$/);
      expect(n.kernelVersion).toMatch(/^5\.15\.0-\d+-generic$/);
      expect(n.labels['kubernetes.io/hostname']).toBe(n.name);
    }
  });

  it('taints only the control plane, and only it listens on 6443', () => {
    expect(nodeByName(CONTROL_PLANE)?.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(nodeByName('node01')?.taints).toEqual([]);
    expect(nodeByName(CONTROL_PLANE)?.listening.map((l) => l.port)).toContain(6443);
    expect(nodeByName('node02')?.listening.map((l) => l.port)).toEqual([22, 10250, 10256]);
    expect(nodeByIP('192.168.121.12')?.name).toBe('node02');
    expect(nodeByIP('10.0.0.1')).toBeUndefined();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(NODES)).toBe(true);
    expect(Object.isFrozen(NODES[0])).toBe(true);
  });
});

describe('scheduleNode (lab rule: a hash of namespace/name over the untainted workers)', () => {
  it.each([
    ['spec.nodeName of an existing node wins, even the tainted control plane', 'default', 'a', 'controlplane', 'controlplane'],
    ['spec.nodeName of a worker', 'default', 'a', 'node02', 'node02'],
  ])('%s', (_, ns, name, nodeName, want) => {
    expect(scheduleNode(ns, name, nodeName)).toBe(want);
  });

  it('never puts a pod on the control plane without nodeName, spreads over both workers, is stable', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => scheduleNode('default', `p${i}`));
    expect(new Set(nodes)).toEqual(new Set(['node01', 'node02']));
    expect(Array.from({ length: 50 }, (_, i) => scheduleNode('default', `p${i}`))).toEqual(nodes);
    expect(scheduleNode('default', 'p1', 'nosuchnode')).toBe(scheduleNode('default', 'p1'));
  });

  it('every pod gets nodeName; an unknown spec.nodeName is a warning at its position', () => {
    const r = run(`${pod('a')}\n---\n${pod('b', 'nodeName: worker-7')}`);
    expect(r.cluster.pods.every((p) => NODES.some((n) => n.name === p.nodeName))).toBe(true);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([['warning', 'node-unknown', 'spec.nodeName']]);
    expect(r.diagnostics[0]?.message).toContain('"worker-7"');
  });

  it('validates nodeName, hostname and subdomain as pkg/apis/core/validation does', () => {
    const r = run(pod('a', 'nodeName: Node_1\nhostname: web.0\nsubdomain: -svc'));
    expect(r.errors.map((d) => d.path)).toEqual(['spec.nodeName', 'spec.hostname', 'spec.subdomain']);
  });
});
