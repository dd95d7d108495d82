// CompiledNetwork's answers besides the verdicts (netpol/analysis.ts): the size connectivity()
// would have, its order and bound, the ports asked per destination, unknown ids. The verdicts
// themselves agree across paths in laws/agreement.test.ts. Issue 15: written ahead of the
// mutation run of netpol.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { clusterFiles } from '../laws/generators.js';
import { cluster, extHost, namespace, pod, policy, sel } from '../../testing/netpol.js';
import { compileNetwork, type CompiledNetwork } from './index.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 25;

const c = cluster({
  namespaces: [namespace('a')],
  pods: [
    pod('a/web', { labels: { app: 'web' }, ports: [{ port: 80, name: 'http' }, { port: 53, protocol: 'UDP' }] }),
    pod('a/db', { labels: { app: 'db' }, ports: [{ port: 5432 }] }),
  ],
  externalHosts: [extHost('203.0.113.9', [{ port: 443 }], 'ext'), extHost('198.51.100.1', [], 'ext2')],
  policies: [policy('a/p', {
    podSelector: sel({ app: 'db' }),
    ingress: [{ peers: [{ pods: sel({ app: 'web' }) }], ports: [{ port: 5432 }, { port: 'http' }, { port: 8000, endPort: 8080 }, { port: 9000, protocol: 'SCTP' }] }],
  })],
});
const withSystem = { ...c, pods: [...c.pods, { ...c.pods[0]!, namespace: 'kube-system', name: 'sys', system: true, containers: c.pods[0]!.containers.map((k) => ({ ...k, ports: [{ ...k.ports[0]!, containerPort: 7777 }] })) }] };
const net = compileNetwork(withSystem).network as CompiledNetwork;
const pp = (list: readonly { port: number; protocol: string }[]) => list.map((p) => `${p.port}/${p.protocol}`);

describe('ports', () => {
  it('portsOf: the destination\'s own ports and every numbered policy port (a range by its start; not a named one)', () => {
    expect(new Set(pp(net.portsOf('a/db')))).toEqual(new Set(['5432/TCP', '8000/TCP', '9000/SCTP']));
    expect(new Set(pp(net.portsOf('a/web')))).toEqual(new Set(['80/TCP', '53/UDP', '5432/TCP', '8000/TCP', '9000/SCTP']));
    expect(new Set(pp(net.portsOf('198.51.100.1')))).toEqual(new Set(['5432/TCP', '8000/TCP', '9000/SCTP']));
    expect(net.portsOf('nobody')).toEqual([]);
  });

  it('allPorts: every scenario endpoint\'s ports and the policy ports, once each, never a system pod\'s', () => {
    const all = pp(net.allPorts());
    expect(new Set(all)).toEqual(new Set(['80/TCP', '53/UDP', '5432/TCP', '443/TCP', '8000/TCP', '9000/SCTP']));
    expect(all).toHaveLength(new Set(all).size);
  });
});

describe('unknown ids', () => {
  it('answer nothing rather than throw', () => {
    expect(net.endpoint('nobody')).toBeUndefined();
    expect(net.endpoint('a/db')?.name).toBe('db');
    expect(net.isolation('nobody')).toEqual({ ingress: [], egress: [] });
    expect(net.isolation('a/db')).toEqual({ ingress: ['a/p'], egress: [] });
    expect(net.selectedBy('a/nope')).toEqual([]);
    expect(net.selectedBy('a/p')).toEqual(['a/db']);
    expect(net.allowed('nobody', 'a/db', 5432, 'TCP')).toBe(false);
    expect(net.allowed('a/web', 'nobody', 5432, 'TCP')).toBe(false);
  });

  it('an endpoint to itself is allowed though a policy denies everyone else', () => {
    expect(net.allowed('a/db', 'a/db', 1, 'TCP')).toBe(true);
    expect(net.allowed('203.0.113.9', 'a/db', 1, 'TCP')).toBe(false);
  });
});

describe('connectivity', () => {
  it('sorted by source then destination, ports in portsOf order; no system endpoint, no host to host', () => {
    const list = net.connectivity();
    const pairs = list.map((e) => `${e.from}>${e.to}`);
    expect(pairs).toEqual([...pairs].sort());
    expect(list.some((e) => e.from.startsWith('kube-system/') || e.to.startsWith('kube-system/'))).toBe(false);
    expect(list.some((e) => e.from === '198.51.100.1' && e.to === '203.0.113.9')).toBe(false);
    const toDb = list.filter((e) => e.from === 'a/web' && e.to === 'a/db');
    expect(pp(toDb)).toEqual(pp(net.portsOf('a/db')));
    expect(toDb.map((e) => e.allowed)).toEqual(net.portsOf('a/db').map((p) => net.allowed('a/web', 'a/db', p.port, p.protocol)));
  });

  it('connectivitySize is its length; over the limit the list is empty, at the limit whole', () => {
    const size = net.connectivitySize();
    expect(net.connectivity()).toHaveLength(size);
    expect(net.connectivity(size)).toHaveLength(size);
    expect(net.connectivity(size - 1)).toEqual([]);
  });

  it('connectivitySize is connectivity().length on generated clusters', () => {
    fc.assert(fc.property(clusterFiles(), (g) => {
      const n = analyze(g.files).network as CompiledNetwork;
      expect(n.connectivitySize()).toBe(n.connectivity(Number.MAX_SAFE_INTEGER).length);
    }), { numRuns: RUNS });
  });
});

describe('matrix', () => {
  it('rows are allowed() for every pair of two endpoints', () => {
    for (const [port, protocol] of [[5432, 'TCP'], [80, 'TCP'], [53, 'UDP'], [9000, 'SCTP'], [8080, 'TCP']] as const) {
      const m = net.matrix(port, protocol);
      expect(m.ids).toEqual(net.endpoints.map((e) => e.id));
      m.ids.forEach((from, s) => m.ids.forEach((to, d) => {
        if (s !== d) expect(m.rows[s]?.has(d)).toBe(net.allowed(from, to, port, protocol));
      }));
    }
  });
});
