// The explanation is data (engine-spec §3, architecture.md practice 4): which policies isolate,
// which rule/peer/port allowed, or why every rule of every selecting policy missed.
import { describe, expect, it } from 'vitest';
import type { PeerMissReason, PortMissReason } from '../model/index.js';
import {
  cluster, extHost, namespace, normalizedPeer, normalizedPort, pod, policy, sel, type PeerSpec, type PolicyPortSpec,
} from '../../testing/netpol.js';
import { buildEndpoints } from './endpoints.js';
import { compileNetwork } from './index.js';
import { ipBlockPosition, IN_BLOCK, matchPeer, OUTSIDE_BLOCK, parseIpBlock, rulePeersAdmit } from './peers.js';
import { matchPort, portEntryAdmits } from './ports.js';

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

// The detail of each miss is what the explanation prints (the i18n messages fill it in): every
// field, not only the reason. Mutation testing (issue 15) found these unchecked.
describe('miss details', () => {
  const eps = buildEndpoints(cluster({
    namespaces: [namespace('x'), namespace('y', { team: 'y' })],
    pods: [
      pod('x/a', { labels: { app: 'a', tier: 'web' }, ip: '10.0.0.1', ports: [{ port: 8080, name: 'http' }, { port: 53, protocol: 'UDP', name: 'dns' }] }),
      pod('y/b', { labels: { app: 'b' }, ip: '10.0.0.2' }),
      pod('x/h', { labels: { app: 'h' }, hostNetwork: true, ports: [{ port: 9100, name: 'metrics' }] }),
    ],
    externalHosts: [extHost('192.0.2.7')],
  }));
  const ep = (id: string) => {
    const e = eps.find((x) => x.endpoint.id === id);
    if (!e) throw new Error(`no endpoint ${id}`);
    return e;
  };
  const hostIp = ep('x/h').endpoint.ip;
  it('the hostNetwork pod has its node address', () => {
    expect(hostIp).not.toBe('');
    expect(ep('x/h').hostNetwork).toBe(true);
  });

  const peerRows: [string, PeerSpec, string, Record<string, string> | 'match'][] = [
    ['other namespace', { pods: sel() }, 'y/b', { namespace: 'y', policyNamespace: 'x' }],
    ['pod labels, sorted by key', { pods: sel({ app: 'z' }) }, 'x/a', { pod: 'x/a', selector: 'app=z', labels: 'app=a,tier=web' }],
    ['namespace labels', { namespaces: sel({ team: 'z' }) }, 'y/b', { namespace: 'y', selector: 'team=z', labels: 'kubernetes.io/metadata.name=y,team=y' }],
    ['both: the pod half, after the namespace half held', { namespaces: sel({ team: 'y' }), pods: sel({ app: 'c' }) }, 'y/b', { pod: 'y/b', selector: 'app=c', labels: 'app=b' }],
    ['both hold', { namespaces: sel({ team: 'y' }), pods: sel({ app: 'b' }) }, 'y/b', 'match'],
    ['outside address', { namespaces: sel() }, '192.0.2.7', { ip: '192.0.2.7' }],
    ['ipBlock outside', { cidr: '10.0.0.0/8' }, '192.0.2.7', { ip: '192.0.2.7', cidr: '10.0.0.0/8' }],
    ['ipBlock: the except that holds it, not the first', { cidr: '10.0.0.0/8', except: ['10.9.0.0/16', '10.0.0.0/30', '10.0.0.2/32'] }, 'y/b', { ip: '10.0.0.2', cidr: '10.0.0.0/8', except: '10.0.0.0/30' }],
    ['ipBlock: in no except', { cidr: '10.0.0.0/8', except: ['10.9.0.0/16', '10.0.0.1/32'] }, 'y/b', 'match'],
  ];
  it.each(peerRows)('peer: %s', (_n, peer, remote, want) => {
    const v = matchPeer(normalizedPeer(peer, 'x'), 'x', ep(remote));
    expect(v.match ? 'match' : v.detail).toEqual(want);
  });
  it('peer: a hostNetwork pod is its node address, named in the detail', () => {
    const v = matchPeer(normalizedPeer({ namespaces: sel() }, 'x'), 'x', ep('x/h'));
    expect(v).toEqual({ match: false, reason: 'not-a-pod', detail: { ip: hostIp, hostNetwork: 'x/h' } });
  });

  const portRows: [string, PolicyPortSpec, string, number, 'TCP' | 'UDP', Record<string, string> | 'match'][] = [
    ['protocol', { protocol: 'UDP', port: 8080 }, 'x/a', 8080, 'TCP', { protocol: 'UDP', wanted: 'TCP' }],
    ['port', { protocol: 'TCP', port: 80 }, 'x/a', 8080, 'TCP', { port: '80', wanted: '8080' }],
    ['range, above', { protocol: 'TCP', port: 80, endPort: 90 }, 'x/a', 91, 'TCP', { port: '80', endPort: '90', wanted: '91' }],
    ['range, below', { protocol: 'TCP', port: 80, endPort: 90 }, 'x/a', 79, 'TCP', { port: '80', endPort: '90', wanted: '79' }],
    ['range, first port', { protocol: 'TCP', port: 80, endPort: 90 }, 'x/a', 80, 'TCP', 'match'],
    ['range, last port', { protocol: 'TCP', port: 80, endPort: 90 }, 'x/a', 90, 'TCP', 'match'],
    ['named, unresolved', { protocol: 'TCP', port: 'grpc' }, 'x/a', 8080, 'TCP', { name: 'grpc', protocol: 'TCP', destination: 'x/a' }],
    ['named, declared for another protocol only', { protocol: 'TCP', port: 'dns' }, 'x/a', 53, 'TCP', { name: 'dns', protocol: 'TCP', destination: 'x/a' }],
    ['named, UDP', { protocol: 'UDP', port: 'dns' }, 'x/a', 53, 'UDP', 'match'],
    ['named, other number', { protocol: 'TCP', port: 'http' }, 'x/a', 80, 'TCP', { name: 'http', protocol: 'TCP', resolved: '8080', wanted: '80' }],
    // A hostNetwork pod is its node's address to a policy: its declared names resolve nothing.
    ['named, on a hostNetwork pod', { protocol: 'TCP', port: 'metrics' }, 'x/h', 9100, 'TCP', { name: 'metrics', protocol: 'TCP', destination: 'x/h' }],
  ];
  it.each(portRows)('port: %s', (_n, entry, dest, port, protocol, want) => {
    const v = matchPort(normalizedPort(entry), port, protocol, ep(dest));
    expect(v.match ? 'match' : v.detail).toEqual(want);
  });
});

describe('explain: which entry allowed, and the other entry points', () => {
  const world = (cni?: 'flannel') => compileNetwork(cluster({
    namespaces: [namespace('x')],
    pods: [pod('x/a', { labels: { pod: 'a' }, ip: '10.1.0.1', ports: [{ port: 80, name: 'web' }] }), pod('x/b', { labels: { pod: 'b' }, ip: '10.1.0.2' }), pod('x/c', { labels: { pod: 'c' }, ip: '10.1.0.3' })],
    externalHosts: [extHost('198.51.100.1')],
    policies: [
      policy('x/to-a', {
        podSelector: sel({ pod: 'a' }),
        ingress: [
          // Two peers and two ports admit x/b on 80: the first of each is named.
          { peers: [{ pods: sel({ pod: 'c' }) }, { pods: sel({ pod: 'b' }) }, { pods: sel() }], ports: [{ port: 99 }, { port: 80 }, { port: 'web' }] },
          { peers: [{ cidr: '192.0.2.0/24' }], ports: [{ port: 80 }] },
        ],
      }),
      policy('x/from-b', {
        podSelector: sel({ pod: 'b' }), policyTypes: ['Egress'],
        egress: [{ peers: [{ cidr: '8.8.8.0/24' }], ports: [{ port: 53, protocol: 'UDP' }] }, { peers: [{ pods: sel({ pod: 'a' }) }] }],
      }),
    ],
    ...(cni ? { cni } : {}),
  })).network;
  const n = world();

  it('the first matching peer and port of a rule, and no misses once a peer matched', () => {
    expect(n.explain('x/b', 'x/a', 80, 'TCP')?.ingress.allowedBy).toMatchObject([{ policy: 'x/to-a', ruleIndex: 0, peerIndex: 1, portIndex: 1 }]);
    // Peer 2 ({}) matches x/c too, but peer 0 comes first; port 443 misses every entry.
    const miss = n.explain('x/c', 'x/a', 443, 'TCP')?.ingress.misses[0];
    expect(miss).toMatchObject({ ruleIndex: 0, peerMatched: true, portMatched: false, peerMisses: [] });
    expect(miss?.portMisses.map((p) => `${p.portIndex}:${p.reason}`)).toEqual(['0:port', '1:port', '2:named-port-other-number']);
    // x/b misses rule 1 on both halves: both lists are given.
    const both = n.explain('x/b', 'x/a', 443, 'TCP')?.ingress.misses[1];
    expect(both).toMatchObject({ ruleIndex: 1, peerMatched: false, portMatched: false });
    expect(both?.peerMisses.map((p) => p.reason)).toEqual(['ip-outside-cidr']);
    expect(both?.portMisses.map((p) => p.reason)).toEqual(['port']);
  });

  it('no explanation for an unknown end, a pod to itself, or two outside ends', () => {
    expect(n.explain('x/nope', 'x/a', 80, 'TCP')).toBeNull();
    expect(n.explain('x/b', 'x/nope', 80, 'TCP')).toBeNull();
    expect(n.explain('x/a', 'x/a', 80, 'TCP')).toBeNull();
    expect(n.explain('198.51.100.1', '198.51.100.1', 80, 'TCP')).toBeNull();
    expect(n.explain('198.51.100.1', 'x/a', 80, 'TCP')?.ingress.allowed).toBe(false);
  });

  it('to an address: judged by the source egress only', () => {
    const dns = n.explainToAddress('x/b', '8.8.8.8', 53, 'UDP');
    expect(dns).toMatchObject({ from: 'x/b', to: '8.8.8.8', port: 53, protocol: 'UDP', allowed: true, enforced: true });
    expect(dns?.egress.allowedBy).toMatchObject([{ policy: 'x/from-b', ruleIndex: 0, peerIndex: 0, portIndex: 0 }]);
    expect(dns?.ingress).toMatchObject({ subject: '8.8.8.8', notApplicable: 'external', isolated: false });
    expect(n.explainToAddress('x/b', '9.9.9.9', 53, 'UDP')?.allowed).toBe(false);
    expect(n.explainToAddress('x/b', '8.8.8.8', 53, 'TCP')?.allowed).toBe(false);
    expect(n.explainToAddress('x/c', '9.9.9.9', 53, 'TCP')?.allowed).toBe(true);
    expect(n.explainToAddress('x/nope', '8.8.8.8', 53, 'UDP')).toBeNull();
    expect(n.explainToAddress('198.51.100.1', '8.8.8.8', 53, 'UDP')).toBeNull();
  });

  it('ICMP: only a rule without ports admits it; a pod always reaches itself', () => {
    // x/from-b's rule 1 (to x/a, no ports) admits ICMP out of x/b; x/to-a names ports in every rule.
    const ping = n.explainIcmp('x/b', 'x/a');
    expect(ping).toMatchObject({ allowed: false, enforced: true, egress: { allowed: true }, ingress: { allowed: false, isolated: true } });
    expect(ping?.ingress.misses.map((m) => m.portMisses.map((p) => p.reason))).toEqual([['protocol', 'protocol', 'protocol'], ['protocol']]);
    expect(n.explainIcmp('x/a', 'x/b')?.allowed).toBe(true);
    expect(n.explainIcmp('x/b', '8.8.8.8')).toMatchObject({ allowed: false, egress: { allowed: false }, ingress: { notApplicable: 'external' } });
    expect(n.explainIcmp('x/c', '203.0.113.9')).toMatchObject({ allowed: true, egress: { isolated: false } });
    expect(n.explainIcmp('x/a', 'x/a')?.allowed).toBe(true);
    expect(n.explainIcmp('198.51.100.1', 'x/a')).toBeNull();
    expect(n.explainIcmp('x/nope', 'x/a')).toBeNull();
  });

  it('ingress from an address: ipBlock rules decide, the address is named', () => {
    const inBlock = n.explainIngressFromAddress('192.0.2.9', 'x/a', 80, 'TCP');
    expect(inBlock).toMatchObject({ remote: '192.0.2.9', subject: 'x/a', allowed: true, allowedBy: [{ ruleIndex: 1, peerIndex: 0, portIndex: 0 }] });
    expect(n.explainIngressFromAddress('192.0.3.9', 'x/a', 80, 'TCP')).toMatchObject({ remote: '192.0.3.9', allowed: false });
    expect(n.explainIngressFromAddress('192.0.2.9', 'x/nope', 80, 'TCP')).toBeNull();
    // An address is no pod (and no hostNetwork pod): the detail names only the address.
    const viaSelector = n.explainIngressFromAddress('192.0.3.9', 'x/a', 80, 'TCP')?.misses[0]?.peerMisses[0];
    expect(viaSelector).toMatchObject({ reason: 'not-a-pod', detail: { ip: '192.0.3.9' } });
    expect(Object.keys(viaSelector?.detail ?? {})).toEqual(['ip']);
  });

  it('each half is named by its direction', () => {
    const e = n.explainToAddress('x/b', '8.8.8.8', 53, 'UDP');
    expect([e?.egress.direction, e?.ingress.direction]).toEqual(['Egress', 'Ingress']);
    const ping = n.explainIcmp('x/b', '8.8.8.8');
    expect([ping?.egress.direction, ping?.ingress.direction]).toEqual(['Egress', 'Ingress']);
    expect(n.explainIngressFromAddress('192.0.2.9', 'x/a', 80, 'TCP')?.direction).toBe('Ingress');
  });

  it('ports listed for a destination: its own and every number a policy names (not a named port)', () => {
    // Built inside the test: the list is computed when the network is, and a mutant switched on for
    // this test (Stryker's runtime activation) is not seen by a network built when the file loads.
    const fresh = world();
    expect(fresh.portsOf('x/a')).toEqual([{ port: 80, protocol: 'TCP' }, { port: 99, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
    expect(fresh.allPorts()).toEqual([{ port: 80, protocol: 'TCP' }, { port: 99, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
    expect(n.portsOf('x/nope')).toEqual([]);
  });

  it('a CNI that enforces nothing: every direction is not applicable', () => {
    const f = world('flannel');
    const e = f.explain('x/c', 'x/a', 443, 'TCP');
    expect(e).toMatchObject({ allowed: true, enforced: false, ingress: { notApplicable: 'not-enforced', isolated: false, misses: [], isolatingPolicies: [], allowedBy: [], emptyPolicies: [] } });
    expect(f.explainIcmp('x/b', 'x/a')).toMatchObject({ allowed: true, enforced: false });
    expect(f.explainToAddress('x/b', '9.9.9.9', 53, 'UDP')).toMatchObject({ allowed: true, enforced: false, egress: { notApplicable: 'not-enforced' } });
  });
});

describe('matching helpers on edge inputs', () => {
  const eps = buildEndpoints(cluster({
    namespaces: [namespace('x')],
    pods: [pod('x/a', { labels: { app: 'a' }, ip: '10.0.0.1', ports: [{ port: 53, protocol: 'UDP', name: 'dns' }] })],
  }));
  const a = eps.find((e) => e.endpoint.id === 'x/a') ?? (eps[0] as (typeof eps)[number]);

  it('a named port declared for UDP never admits TCP on that number', () => {
    expect(portEntryAdmits(normalizedPort({ protocol: 'UDP', port: 'dns' }), 53, 'TCP', a)).toBe(false);
    expect(portEntryAdmits(normalizedPort({ protocol: 'UDP', port: 'dns' }), 53, 'UDP', a)).toBe(true);
    expect(portEntryAdmits(normalizedPort({ protocol: 'TCP', port: 54 }), 53, 'TCP', a)).toBe(false);
  });

  it('a rule admits a peer when any entry matches (OR), not every one', () => {
    const rule = cluster({ policies: [policy('x/p', { ingress: [{ peers: [{ pods: sel({ app: 'zzz' }) }, { pods: sel({ app: 'a' }) }] }] })] }).policies[0]?.ingress[0];
    expect(rule && rulePeersAdmit(rule, 'x', a)).toBe(true);
    expect(rule && rulePeersAdmit(rule, 'y', a)).toBe(false);
  });

  it('an address or a block that does not parse lies outside', () => {
    const block = normalizedPeer({ cidr: '10.0.0.0/8', except: ['10.0.0.0/24'] }, 'x');
    if (block.kind !== 'ipBlock') throw new Error('not an ipBlock');
    const parsed = parseIpBlock(block);
    expect(ipBlockPosition(parsed, a.ip)).toBe(0);
    expect(ipBlockPosition(parsed, null)).toBe(OUTSIDE_BLOCK);
    expect(ipBlockPosition({ cidr: null, except: [] }, a.ip)).toBe(OUTSIDE_BLOCK);
    expect(ipBlockPosition({ ...parsed, except: [null] }, a.ip)).toBe(IN_BLOCK);
    expect(matchPeer({ ...block, cidr: 'not-a-cidr' }, 'x', a)).toEqual({ match: false, reason: 'ip-outside-cidr', detail: { ip: '10.0.0.1', cidr: 'not-a-cidr' } });
    expect(matchPeer(block, 'x', { ...a, ip: null })).toMatchObject({ match: false, reason: 'ip-outside-cidr' });
  });
});
