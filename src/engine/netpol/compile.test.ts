// compile(): policies → per-policy and per-rule endpoint sets (netpol/compile.ts). The verdict
// tables and the slow oracle check what these sets decide; this file checks the sets themselves.
// Issue 15: written ahead of the mutation run of netpol.
import { describe, expect, it } from 'vitest';
import { cluster, extHost, namespace, pod, policy, sel } from '../../testing/netpol.js';
import { compile } from './compile.js';

const c = cluster({
  namespaces: [namespace('a', { team: 'x' }), namespace('b', { team: 'y' })],
  pods: [
    pod('a/web', { labels: { app: 'web' }, ip: '10.244.1.1', ports: [{ port: 80, name: 'http' }] }),
    pod('a/db', { labels: { app: 'db' }, ip: '10.244.1.2' }),
    pod('a/host', { labels: { app: 'web' }, ip: '10.244.1.3', hostNetwork: true }),
    pod('b/web', { labels: { app: 'web' }, ip: '10.244.2.1' }),
  ],
  externalHosts: [extHost('203.0.113.9', [{ port: 443 }], 'ext')],
  policies: [
    // Both in their own namespace, the same podSelector peer: a/ and b/ must get different sets.
    policy('a/p', { podSelector: sel({ app: 'web' }), ingress: [{ peers: [{ pods: sel({ app: 'web' }) }], ports: [{ port: 'http' }] }] }),
    policy('b/p', { podSelector: sel({ app: 'web' }), ingress: [{ peers: [{ pods: sel({ app: 'web' }) }], ports: [{ port: 80 }] }] }),
    policy('a/out', { policyTypes: ['Egress'], egress: [{}, { peers: [{ cidr: '10.244.1.0/24', except: ['10.244.1.2/32'] }] }, { peers: [{ namespaces: sel({ team: 'y' }) }] }] }),
  ],
});
const compiled = compile(c);
const ids = (b: { toArray(): number[] }) => b.toArray().map((i) => compiled.endpoints[i]?.endpoint.id);
const pol = (key: string) => compiled.policies.find((p) => p.key === key)!;

describe('compile', () => {
  it('byId indexes every endpoint', () => {
    expect([...compiled.byId]).toEqual(compiled.endpoints.map((e, i) => [e.endpoint.id, i]));
  });

  it('selected: the pods of the policy namespace its podSelector matches, hostNetwork ones included', () => {
    expect(ids(pol('a/p').selected)).toEqual(['a/host', 'a/web']); // cluster order: namespace, name
    expect(ids(pol('b/p').selected)).toEqual(['b/web']);
    expect(ids(pol('a/out').selected)).toEqual(['a/db', 'a/host', 'a/web']);
  });

  it('a podSelector peer without namespaceSelector is the policy namespace only, per policy', () => {
    expect(ids(pol('a/p').ingress![0]!.peers)).toEqual(['a/web']); // not a/host (host network), not b/web
    expect(ids(pol('b/p').ingress![0]!.peers)).toEqual(['b/web']);
  });

  it('rules of a direction policyTypes leaves out are null; the other direction keeps its rules in order', () => {
    expect(pol('a/p').egress).toBeNull();
    expect(pol('a/out').ingress).toBeNull();
    const at = compiled.policies.indexOf(pol('a/out'));
    expect(compiled.policies.map((p) => p.key)).toEqual(['a/out', 'a/p', 'b/p']);
    expect(pol('a/out').egress?.map((r) => [r.policy, r.direction, r.index])).toEqual([[at, 'Egress', 0], [at, 'Egress', 1], [at, 'Egress', 2]]);
    expect(pol('b/p').ingress?.map((r) => [r.policy, r.direction, r.index])).toEqual([[2, 'Ingress', 0]]);
  });

  it('no to/from is every endpoint; an ipBlock holds the addressed endpoints inside it, minus except; a namespaceSelector its namespaces\' pods', () => {
    const [all, block, ns] = pol('a/out').egress!;
    expect(all!.peers.count()).toBe(compiled.endpoints.length);
    expect(ids(block!.peers)).toEqual(['a/host', 'a/web']); // a/db is the except; hostNetwork pods keep their address for ipBlocks
    expect(ids(ns!.peers)).toEqual(['b/web']);
  });

  it('hasNamedPort when a ports entry names a port', () => {
    expect(pol('a/p').ingress![0]!.hasNamedPort).toBe(true);
    expect(pol('b/p').ingress![0]!.hasNamedPort).toBe(false);
  });

  it('ingressBy / egressBy: the policies isolating each endpoint, never a hostNetwork pod, never an external host', () => {
    const by = (list: readonly (readonly number[])[], id: string) => list[compiled.byId.get(id)!]!.map((pi) => compiled.policies[pi]!.key);
    expect(by(compiled.ingressBy, 'a/web')).toEqual(['a/p']);
    expect(by(compiled.egressBy, 'a/web')).toEqual(['a/out']);
    expect(by(compiled.egressBy, 'a/db')).toEqual(['a/out']);
    expect(by(compiled.ingressBy, 'a/host')).toEqual([]);
    expect(by(compiled.egressBy, 'a/host')).toEqual([]);
    expect(by(compiled.ingressBy, 'b/web')).toEqual(['b/p']);
    expect(by(compiled.ingressBy, '203.0.113.9')).toEqual([]);
  });

  it('an ipBlock that does not parse holds nothing', () => {
    const bad = cluster({ pods: [pod('a/x', { ip: '10.0.0.1' })], policies: [policy('a/p', { policyTypes: ['Egress'], egress: [{ peers: [{ cidr: '10.0.0.0/8' }] }] })] });
    const broken = { ...bad, policies: bad.policies.map((p) => ({ ...p, egress: p.egress.map((r) => ({ ...r, peers: r.peers.map((peer) => ({ ...peer, cidr: 'nonsense' })) })) })) };
    expect(compile(bad).policies[0]!.egress![0]!.peers.count()).toBe(1);
    expect(compile(broken as typeof bad).policies[0]!.egress![0]!.peers.count()).toBe(0);
  });
});
