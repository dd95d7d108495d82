// The explanation is data (engine-spec §3, architecture.md practice 4): which policies isolate,
// which rule/peer/port allowed, or why every rule of every selecting policy missed.
import { describe, expect, it } from 'vitest';
import type { PeerMissReason, PortMissReason } from '../model/index.js';
import {
  cluster, extHost, namespace, normalizedPeer, normalizedPort, pod, policy, sel, type PeerSpec, type PolicyPortSpec,
} from '../../testing/netpol.js';
import { buildEndpoints } from './endpoints.js';
import { compileNetwork } from './index.js';
import { matchPeer } from './peers.js';
import { matchPort } from './ports.js';

const c = cluster({
  namespaces: [namespace('x', { env: 'test' }), namespace('y', { env: 'prod' })],
  pods: [
    pod('x/a', { labels: { pod: 'a' }, ports: [{ port: 80, name: 'web' }] }),
    pod('x/b', { labels: { pod: 'b' } }), pod('x/c', { labels: { pod: 'c' } }), pod('y/api', { labels: { app: 'api' } }),
  ],
  policies: [
    policy('x/allow-b', {
      podSelector: sel({ pod: 'a' }),
      ingress: [
        { peers: [{ pods: sel({ pod: 'b' }) }], ports: [{ port: 81 }] },
        { peers: [{ namespaces: sel({ env: 'prod' }), pods: sel({ app: 'api' }) }] },
      ],
    }),
    policy('x/deny-all', { ingress: [] }),
  ],
});
const { network } = compileNetwork(c);

describe('explain', () => {
  it('denied: isolating policies, each rule with why it missed, and the empty policy', () => {
    const e = network.explain('x/c', 'x/a', 80, 'TCP');
    expect(e).not.toBeNull();
    expect(e?.allowed).toBe(false);
    expect(e?.egress).toMatchObject({ subject: 'x/c', isolated: false, allowed: true, notApplicable: null, allowedBy: [] });
    const ing = e?.ingress;
    expect(ing).toMatchObject({ subject: 'x/a', isolated: true, allowed: false, isolatingPolicies: ['x/allow-b', 'x/deny-all'] });
    // Anti-model (policy-assistant's "Allow any peers" on a deny-all row): nothing allowed it.
    expect(ing?.allowedBy).toEqual([]);
    expect(ing?.emptyPolicies.map((p) => p.policy)).toEqual(['x/deny-all']);
    expect(ing?.misses.map((m) => ({
      rule: m.ruleIndex, peer: m.peerMatched, port: m.portMatched,
      peers: m.peerMisses.map((p) => `${p.peerIndex}:${p.reason}`), ports: m.portMisses.map((p) => `${p.portIndex}:${p.reason}`),
    }))).toEqual([
      { rule: 0, peer: false, port: false, peers: ['0:pod-labels'], ports: ['0:port'] },
      { rule: 1, peer: false, port: true, peers: ['0:namespace-labels'], ports: [] },
    ]);
    expect(ing?.misses[0]?.ref.path).toEqual(['spec', 'ingress', 0]);
    expect(ing?.misses[0]?.peerMisses[0]?.ref.path).toEqual(['spec', 'ingress', 0, 'from', 0]);
  });

  it('port is why a matching peer missed', () => {
    const miss = network.explain('x/b', 'x/a', 80, 'TCP')?.ingress.misses[0];
    expect(miss).toMatchObject({ ruleIndex: 0, peerMatched: true, portMatched: false, peerMisses: [] });
    expect(miss?.portMisses[0]).toMatchObject({ portIndex: 0, reason: 'port', detail: { port: '81', wanted: '80' } });
  });

  it('allowed: the rule, peer and port that allowed, with refs; no misses', () => {
    const ing = network.explain('x/b', 'x/a', 81, 'TCP')?.ingress;
    expect(ing?.allowed).toBe(true);
    expect(ing?.allowedBy).toHaveLength(1);
    expect(ing?.allowedBy[0]).toMatchObject({ policy: 'x/allow-b', direction: 'Ingress', ruleIndex: 0, peerIndex: 0, portIndex: 0 });
    expect(ing?.allowedBy[0]?.peerRef?.path).toEqual(['spec', 'ingress', 0, 'from', 0]);
    expect(ing?.allowedBy[0]?.portRef?.path).toEqual(['spec', 'ingress', 0, 'ports', 0]);
    expect(ing?.misses).toEqual([]);
    const viaNs = network.explain('y/api', 'x/a', 443, 'TCP')?.ingress.allowedBy[0];
    expect(viaNs).toMatchObject({ ruleIndex: 1, peerIndex: 0, portIndex: null });
  });

  it('external subject and hostNetwork subject are not applicable', () => {
    const c2 = cluster({ pods: [pod('x/h', { hostNetwork: true }), pod('x/p')], externalHosts: [extHost('198.51.100.1')], policies: [policy('x/deny', { policyTypes: ['Ingress', 'Egress'] })] });
    const n2 = compileNetwork(c2).network;
    expect(n2.explain('x/p', '198.51.100.1', 443, 'TCP')?.ingress.notApplicable).toBe('external');
    expect(n2.explain('x/p', '198.51.100.1', 443, 'TCP')?.egress).toMatchObject({ isolated: true, allowed: false, emptyPolicies: [{ policy: 'x/deny' }] });
    expect(n2.explain('x/p', 'x/h', 80, 'TCP')?.ingress).toMatchObject({ notApplicable: 'hostNetwork', isolated: false, allowed: true });
  });
});

describe('miss reasons', () => {
  const eps = buildEndpoints(cluster({
    namespaces: [namespace('x'), namespace('y')],
    pods: [pod('x/a', { labels: { app: 'a' }, ip: '10.0.0.1', ports: [{ port: 8080, name: 'http' }] }), pod('y/b', { labels: { app: 'b' }, ip: '10.0.0.2' })],
    externalHosts: [extHost('192.0.2.7')],
  }));
  const ep = (id: string) => eps.find((e) => e.endpoint.id === id) ?? (eps[0] as (typeof eps)[number]);
  // Each peer and port is written as in a manifest and read by normalize/ (protocol defaulting included).
  const peerRows: [string, PeerSpec, string, PeerMissReason][] = [
    ['podSelector alone, other namespace', { pods: sel() }, 'y/b', 'other-namespace'],
    ['podSelector labels', { pods: sel({ app: 'z' }) }, 'x/a', 'pod-labels'],
    ['namespaceSelector labels', { namespaces: sel({ team: 'z' }) }, 'y/b', 'namespace-labels'],
    ['both: namespace checked', { namespaces: sel({ team: 'z' }), pods: sel({ app: 'b' }) }, 'y/b', 'namespace-labels'],
    ['selector vs outside IP', { namespaces: sel() }, '192.0.2.7', 'not-a-pod'],
    ['ipBlock outside', { cidr: '10.0.0.0/8' }, '192.0.2.7', 'ip-outside-cidr'],
    ['ipBlock except', { cidr: '10.0.0.0/8', except: ['10.0.0.2/32'] }, 'y/b', 'ip-in-except'],
  ];
  it.each(peerRows)('%s', (_n, peer, remote, reason) => {
    const v = matchPeer(normalizedPeer(peer, 'x'), 'x', ep(remote));
    expect(v.match ? 'match' : v.reason).toBe(reason);
  });
  const portRows: [string, PolicyPortSpec, string, number, PortMissReason | 'match'][] = [
    ['protocol', { protocol: 'UDP', port: 8080 }, 'x/a', 8080, 'protocol'],
    ['port', { protocol: 'TCP', port: 80 }, 'x/a', 8080, 'port'],
    ['range', { protocol: 'TCP', port: 80, endPort: 90 }, 'x/a', 91, 'range'],
    ['range hit', { protocol: 'TCP', port: 80, endPort: 91 }, 'x/a', 91, 'match'],
    ['named unresolved', { protocol: 'TCP', port: 'grpc' }, 'x/a', 8080, 'named-port-unresolved'],
    ['named on an outside host', { protocol: 'TCP', port: 'http' }, '192.0.2.7', 8080, 'named-port-unresolved'],
    ['named, other number', { protocol: 'TCP', port: 'http' }, 'x/a', 80, 'named-port-other-number'],
    ['named hit', { protocol: 'TCP', port: 'http' }, 'x/a', 8080, 'match'],
    // protocol omitted: the API server's default (TCP) decides.
    ['defaulted protocol is TCP', { port: 8080 }, 'x/a', 8080, 'match'],
    ['defaulted named port is TCP', { port: 'http' }, 'x/a', 8080, 'match'],
  ];
  it.each(portRows)('%s', (_n, entry, dest, port, reason) => {
    const v = matchPort(normalizedPort(entry), port, 'TCP', ep(dest));
    expect(v.match ? 'match' : v.reason).toBe(reason);
  });
});
