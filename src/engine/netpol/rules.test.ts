// One row per rule of engine-spec §3, facts from kubernetes/kubernetes
// pkg/apis/networking/types.go (NetworkPolicySpec, NetworkPolicyPeer, NetworkPolicyPort comments)
// and the kubernetes.io "Network Policies" concept page (isolation, AND vs OR, endPort).
import { describe, expect, it } from 'vitest';
import type { Cluster, Protocol } from '../model/index.js';
import { cluster, expr, extHost, namespace, pod, policy, sel, type Manifest, type RuleSpec } from '../../testing/netpol.js';
import { compileNetwork } from './index.js';

const WEB = { labels: { app: 'web' }, ports: [{ port: 8080, name: 'http' }] };
function world(policies: Manifest[], more: Partial<Parameters<typeof cluster>[0]> = {}): Cluster {
  return cluster({
    namespaces: [namespace('prod', { env: 'prod' }), namespace('dev', { env: 'dev' })],
    pods: [
      pod('prod/web', { ...WEB, ip: '10.244.1.10' }),
      pod('prod/api', { labels: { app: 'api' }, ip: '10.244.1.11', ports: [{ port: 9090, name: 'http' }, { port: 53, protocol: 'UDP', name: 'dns' }] }),
      pod('dev/web', { ...WEB, ip: '10.244.2.10' }),
      pod('dev/tool', { labels: { app: 'tool' }, ip: '10.244.2.11' }),
      // No podIP: a hostNetwork pod's address is its node's (the kubelet reports the node IP), as normalize/ gives it.
      pod('prod/node-agent', { labels: { app: 'agent' }, hostNetwork: true }),
    ],
    // Named so the IPv4 host sorts first: normalize/ orders ExternalHosts by name.
    externalHosts: [extHost('203.0.113.5', [{ port: 443 }], 'bank-v4'), extHost('2001:db8::5', [{ port: 443 }], 'bank-v6')],
    policies,
    ...more,
  });
}
const ingressTo = (ns: string, podSel: Record<string, string>, rules: RuleSpec[]) =>
  policy(`${ns}/in`, { podSelector: sel(podSel), policyTypes: ['Ingress'], ingress: rules });
const egressFrom = (ns: string, podSel: Record<string, string>, rules: RuleSpec[]) =>
  policy(`${ns}/out`, { podSelector: sel(podSel), policyTypes: ['Egress'], egress: rules });

type Row = [string, Manifest[], string, string, number, Protocol, boolean];
const rows: Row[] = [
  // isolation and defaults
  ['no policy: everything allowed', [], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['ingress: [] isolates and allows nothing', [ingressTo('prod', {}, [])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['a policy selecting another pod does not isolate', [ingressTo('prod', { app: 'api' }, [])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['a policy in another namespace does not isolate', [ingressTo('dev', {}, [])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['- {} allows everything', [ingressTo('prod', {}, [{}])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['- {} allows outside IPs too', [ingressTo('prod', {}, [{}])], '203.0.113.5', 'prod/web', 8080, 'TCP', true],
  ['ingress rules when policyTypes is [Egress] are ignored', [policy('prod/p', { policyTypes: ['Egress'], ingress: [], egress: [{}] })], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['egress rules when policyTypes is [Ingress] are ignored', [policy('dev/p', { policyTypes: ['Ingress'], ingress: [{}], egress: [] })], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  // pkg/apis/networking/v1/defaults.go: `len(PolicyTypes) == 0` is defaulted, so a written [] is too.
  ['policyTypes: [] is defaulted like an absent list (ingress isolated)', [policy('prod/p', { policyTypes: [], ingress: [] })], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['defaulted policyTypes with egress rules isolates egress', [policy('dev/p', { egress: [{ ports: [{ port: 1 }] }] })], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['union: any rule of any selecting policy allows', [ingressTo('prod', {}, []), policy('prod/allow', { podSelector: sel({ app: 'web' }), ingress: [{}] })], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  // peers
  ['podSelector alone: same namespace only (hit)', [ingressTo('prod', {}, [{ peers: [{ pods: sel({ app: 'api' }) }] }])], 'prod/api', 'prod/web', 8080, 'TCP', true],
  ['podSelector alone: other namespace never', [ingressTo('prod', {}, [{ peers: [{ pods: sel({}) }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['podSelector alone: labels must match', [ingressTo('prod', {}, [{ peers: [{ pods: sel({ app: 'api' }) }] }])], 'prod/web', 'prod/api', 9090, 'TCP', false],
  ['namespaceSelector {}: pods of every namespace', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel() }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['namespaceSelector {}: never an outside IP', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel() }] }])], '203.0.113.5', 'prod/web', 8080, 'TCP', false],
  ['namespaceSelector by label: other namespace', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({ env: 'prod' }) }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['AND in one peer: namespace ok, pod not', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({ env: 'dev' }), pods: sel({ app: 'web' }) }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['AND in one peer: both match', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({ env: 'dev' }), pods: sel({ app: 'tool' }) }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['OR across peers: the pod-only entry matches in the policy namespace', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({ env: 'dev' }) }, { pods: sel({ app: 'api' }) }] }])], 'prod/api', 'prod/web', 8080, 'TCP', true],
  ['OR across peers: the namespace entry matches', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({ env: 'dev' }) }, { pods: sel({ app: 'api' }) }] }])], 'dev/web', 'prod/web', 8080, 'TCP', true],
  ['NotIn on a namespace label', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({}, [expr('env', 'NotIn', ['dev'])]) }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['ipBlock matches an outside IP', [ingressTo('prod', {}, [{ peers: [{ cidr: '203.0.113.0/24' }] }])], '203.0.113.5', 'prod/web', 8080, 'TCP', true],
  ['ipBlock except removes it', [ingressTo('prod', {}, [{ peers: [{ cidr: '203.0.113.0/24', except: ['203.0.113.4/30'] }] }])], '203.0.113.5', 'prod/web', 8080, 'TCP', false],
  ['ipBlock matches pod IPs (lab rule, as upstream e2e)', [ingressTo('prod', {}, [{ peers: [{ cidr: '10.244.2.0/24' }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['ipBlock IPv4 never matches an IPv6 host', [ingressTo('prod', {}, [{ peers: [{ cidr: '0.0.0.0/0' }] }])], '2001:db8::5', 'prod/web', 8080, 'TCP', false],
  ['ipBlock IPv6 matches an IPv6 host', [ingressTo('prod', {}, [{ peers: [{ cidr: '2001:db8::/32' }] }])], '2001:db8::5', 'prod/web', 8080, 'TCP', true],
  ['podSelector peer never matches an outside IP', [egressFrom('prod', { app: 'web' }, [{ peers: [{ pods: sel(), namespaces: sel() }] }])], 'prod/web', '203.0.113.5', 443, 'TCP', false],
  ['egress to ipBlock reaches an outside host', [egressFrom('prod', { app: 'web' }, [{ peers: [{ cidr: '203.0.113.0/24' }], ports: [{ port: 443 }] }])], 'prod/web', '203.0.113.5', 443, 'TCP', true],
  // ports and protocols
  ['numeric port hit', [ingressTo('prod', {}, [{ ports: [{ port: 8080 }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['numeric port miss', [ingressTo('prod', {}, [{ ports: [{ port: 80 }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['protocol defaults to TCP: UDP does not match', [ingressTo('prod', {}, [{ ports: [{ port: 53 }] }])], 'dev/tool', 'prod/api', 53, 'UDP', false],
  ['protocol-only entry: every port of it', [ingressTo('prod', {}, [{ ports: [{ protocol: 'UDP' }] }])], 'dev/tool', 'prod/api', 53, 'UDP', true],
  ['endPort: lower bound inclusive', [ingressTo('prod', {}, [{ ports: [{ port: 8080, endPort: 8090 }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['endPort: upper bound inclusive', [ingressTo('prod', {}, [{ ports: [{ port: 8000, endPort: 8080 }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['endPort: just above', [ingressTo('prod', {}, [{ ports: [{ port: 8000, endPort: 8079 }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['named port resolves on the destination (web: http=8080)', [ingressTo('prod', {}, [{ ports: [{ port: 'http' }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', true],
  ['same name, other pod, other number (api: http=9090)', [ingressTo('prod', {}, [{ ports: [{ port: 'http' }] }])], 'dev/tool', 'prod/api', 9090, 'TCP', true],
  ['named port does not cover another number', [ingressTo('prod', {}, [{ ports: [{ port: 'http' }] }])], 'dev/tool', 'prod/api', 8080, 'TCP', false],
  ['named port needs the protocol too', [ingressTo('prod', {}, [{ ports: [{ port: 'dns', protocol: 'TCP' }] }])], 'dev/tool', 'prod/api', 53, 'UDP', false],
  ['named port with its protocol', [ingressTo('prod', {}, [{ ports: [{ port: 'dns', protocol: 'UDP' }] }])], 'dev/tool', 'prod/api', 53, 'UDP', true],
  ['egress named port resolves on the destination', [egressFrom('dev', { app: 'tool' }, [{ ports: [{ port: 'http' }] }])], 'dev/tool', 'prod/api', 9090, 'TCP', true],
  ['egress named port never resolves on an outside host', [egressFrom('prod', { app: 'web' }, [{ ports: [{ port: 'http' }] }])], 'prod/web', '203.0.113.5', 443, 'TCP', false],
  ['a rule needs peer AND port', [ingressTo('prod', {}, [{ peers: [{ namespaces: sel({ env: 'dev' }) }], ports: [{ port: 80 }] }])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  // both ends
  ['egress of the source denies although ingress allows', [egressFrom('dev', { app: 'tool' }, []), ingressTo('prod', {}, [{}])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['ingress of the destination denies although egress allows', [egressFrom('dev', { app: 'tool' }, [{}]), ingressTo('prod', {}, [])], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ['outside hosts are never isolated: host to pod needs only ingress', [egressFrom('prod', {}, [])], '203.0.113.5', 'dev/web', 8080, 'TCP', true],
  // hostNetwork (lab rule)
  ['hostNetwork pod is never isolated for ingress', [ingressTo('prod', {}, [])], 'dev/tool', 'prod/node-agent', 8080, 'TCP', true],
  ['hostNetwork pod is never isolated for egress', [egressFrom('prod', {}, [])], 'prod/node-agent', 'dev/tool', 8080, 'TCP', true],
  ['hostNetwork pod as a peer still meets the other end\'s policy', [ingressTo('dev', {}, [])], 'prod/node-agent', 'dev/tool', 8080, 'TCP', false],
];

describe('NetworkPolicy rules (allowed and explain agree)', () => {
  it.each(rows)('%s', (_name, policies, from, to, port, protocol, want) => {
    const { network } = compileNetwork(world(policies));
    expect(network.allowed(from, to, port, protocol)).toBe(want);
    expect(network.explain(from, to, port, protocol)?.allowed).toBe(want);
  });
});

// The CNI table is a citation, not a copy: it pins netpol/index.ts against the CNIs' own docs
// (Calico and Cilium enforce NetworkPolicy; Flannel does not implement it; kindnet does since
// kind v0.24 (kube-network-policies, kubernetes-sigs/kind#842) and did not before: kindnet-legacy).
describe('CNI', () => {
  it.each([['calico', false], ['cilium', false], ['flannel', true], ['kindnet', false], ['kindnet-legacy', true]] as const)('%s: deny-all gives allowed=%s', (cni, want) => {
    const { network, diagnostics } = compileNetwork(world([ingressTo('prod', {}, [])], { cni }));
    expect(network.enforcing).toBe(!want);
    expect(network.allowed('dev/tool', 'prod/web', 8080, 'TCP')).toBe(want);
    const warn = diagnostics.filter((d) => d.code === 'cni-not-enforcing');
    expect(warn.length).toBe(want ? 1 : 0);
    const e = network.explain('dev/tool', 'prod/web', 8080, 'TCP');
    expect(e?.enforced).toBe(!want);
    expect(e?.ingress.notApplicable).toBe(want ? 'not-enforced' : null);
    // The policies still exist and still select their pods (kubectl get netpol lists them).
    expect(network.selectedBy('prod/in')).toEqual(['prod/node-agent', 'prod/api', 'prod/web'].sort());
  });
});

describe('endpoints, ports and connectivity', () => {
  const { network } = compileNetwork(world([ingressTo('prod', { app: 'web' }, [{ ports: [{ port: 3000, endPort: 3010 }, { port: 53, protocol: 'UDP' }, { port: 'http' }] }])]));
  it('ids are ns/pod and bare IPs', () => {
    expect(network.endpoints.map((e) => e.id)).toEqual(['dev/tool', 'dev/web', 'prod/api', 'prod/node-agent', 'prod/web', '203.0.113.5', '2001:db8::5']);
    expect(network.endpoint('203.0.113.5')?.kind).toBe('external');
  });
  it('portsOf: declared ports plus every numeric policy port (endPort: just port), sorted', () => {
    expect(network.portsOf('prod/web')).toEqual([{ port: 3000, protocol: 'TCP' }, { port: 8080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
    expect(network.portsOf('203.0.113.5')).toEqual([{ port: 443, protocol: 'TCP' }, { port: 3000, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]);
    expect(network.allPorts()).toEqual([3000, 8080, 9090, 443].sort((a, b) => a - b).map((port) => ({ port, protocol: 'TCP' })).concat([{ port: 53, protocol: 'UDP' }]));
  });
  it('connectivity: every ordered pair of distinct endpoints, never external to external, sorted', () => {
    const c = network.connectivity();
    expect(c.some((e) => e.from === e.to)).toBe(false);
    expect(c.some((e) => !e.from.includes('/') && !e.to.includes('/'))).toBe(false);
    const pairs = new Set(c.map((e) => `${e.from}>${e.to}`));
    expect(pairs.size).toBe(7 * 6 - 2);
    const keys = c.map((e) => `${e.from}\u0000${e.to}`);
    expect(keys).toEqual([...keys].sort());
    expect(c.find((e) => e.from === 'dev/tool' && e.to === 'prod/web' && e.port === 3000)?.allowed).toBe(true);
    // Policies do not care what a pod declares: web lists no UDP 53, but the rule allows it.
    expect(c.find((e) => e.from === 'dev/tool' && e.to === 'prod/web' && e.port === 53)?.allowed).toBe(true);
    expect(c.find((e) => e.from === 'dev/tool' && e.to === 'prod/api' && e.port === 53)?.allowed).toBe(true); // api not isolated
  });
  it('isolation lists policies per direction; hostNetwork and externals have none', () => {
    expect(network.isolation('prod/web')).toEqual({ ingress: ['prod/in'], egress: [] });
    expect(network.isolation('203.0.113.5')).toEqual({ ingress: [], egress: [] });
  });
  it('unknown endpoints, self and external pairs', () => {
    expect(network.allowed('nope/x', 'prod/web', 80, 'TCP')).toBe(false);
    expect(network.explain('prod/web', 'prod/web', 80, 'TCP')).toBeNull();
    expect(network.explain('203.0.113.5', '2001:db8::5', 443, 'TCP')).toBeNull();
  });
});
