// The oracle checked by hand, so that agreeing with it means something: one row per sentence of
// engine-spec §3, with the facts from kubernetes/kubernetes pkg/apis/networking/types.go
// (NetworkPolicyPeer, NetworkPolicyPort, IPBlock comments), pkg/apis/networking/v1/defaults.go
// (policyTypes, protocol), apimachinery labels.Selector (NotIn/DoesNotExist hold without the key)
// and the kubernetes.io "Network Policies" page.
import { describe, expect, it } from 'vitest';
import { inCidr, netpolOracle, parseAddress, selectorMatches } from './netpol-oracle.js';

describe('oracle arithmetic', () => {
  it.each([
    ['10.244.1.5', '10.244.0.0/16', true],
    ['10.245.0.1', '10.244.0.0/16', false],
    ['10.244.1.5', '10.244.1.5/32', true],
    ['10.244.1.6', '10.244.1.5/32', false],
    ['203.0.113.7', '0.0.0.0/0', true],
    ['10.244.1.20', '10.244.1.16/28', true],
    ['10.244.1.32', '10.244.1.16/28', false],
    ['10.244.1.5', '10.244.9.9/16', true], // host bits of the network are dropped (Go's ParseCIDR)
    ['fd00::5', 'fd00::4/126', true],
    ['fd00::8', 'fd00::4/126', false],
    ['fd00::1:7', 'fd00::1:0/112', true],
    ['fd00:0:0:1::9', 'fd00::/64', false],
    ['fd00:0:0:1::9', 'fd00::/8', true],
    ['2001:db8::7', '::/0', true],
    ['10.244.1.5', '::/0', false], // an IPv4 address is in no IPv6 block
    ['fd00::5', '0.0.0.0/0', false],
  ] as const)('%s in %s: %s', (ip, cidr, want) => {
    expect(inCidr(ip, cidr)).toBe(want);
  });

  it('parses the text forms it is given, and nothing else', () => {
    expect(parseAddress('::')?.value).toBe(0n);
    expect(parseAddress('fd00::1:7')?.value).toBe((0xfd00n << 112n) + (1n << 16n) + 7n);
    expect(parseAddress('1:2:3:4:5:6:7:8')?.bits).toBe(128);
    for (const bad of ['1:2:3:4:5:6:7', '1::2::3', '10.0.0', '10.0.0.256', 'x::1']) expect(parseAddress(bad), bad).toBeNull();
  });

  it.each([
    [{}, {}, true],
    [{ matchLabels: { app: 'a' } }, { app: 'a', tier: 'b' }, true],
    [{ matchLabels: { app: 'a', tier: 'c' } }, { app: 'a', tier: 'b' }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] }, { app: 'b' }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['a'] }] }, {}, false],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }, { app: 'a' }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: '' }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, {}, true],
    [{ matchLabels: { app: 'a' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, { app: 'a', tier: 'b' }, false],
    [{ matchLabels: { constructor: 'x' } }, {}, false],
  ] as const)('selector %j on %j: %s', (selector, labels, want) => {
    expect(selectorMatches(selector, labels)).toBe(want);
  });
});

const POD = (ns: string, name: string, labels: string, ip: string, extra = '') =>
  `{apiVersion: v1, kind: Pod, metadata: {name: ${name}, namespace: ${ns}, labels: {${labels}}}, spec: {${extra}containers: [{name: c, image: busybox, ports: [{containerPort: 8080, name: http}, {containerPort: 5353, protocol: UDP, name: dns}]}]}, status: {podIP: ${ip}}}`;
const BASE = [
  '{apiVersion: v1, kind: Namespace, metadata: {name: prod, labels: {env: prod}}}',
  POD('prod', 'web', 'app: web', '10.244.1.10'),
  POD('prod', 'api', 'app: api', '10.244.1.11'),
  POD('dev', 'tool', 'app: tool', '10.244.2.11'),
  POD('prod', 'agent', 'app: agent', '192.168.121.11', 'hostNetwork: true, '),
  '{apiVersion: lab/v1, kind: ExternalHost, metadata: {name: bank}, spec: {ip: 203.0.113.5, ports: [{port: 443}]}}',
];
const policy = (ns: string, spec: string) => `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: p, namespace: ${ns}}, spec: ${spec}}`;
const oracle = (...docs: string[]) => netpolOracle([{ name: 'x.yaml', text: [...BASE, ...docs].join('\n---\n') }]);

describe('oracle verdicts, one per rule of engine-spec §3', () => {
  type Row = [string, string[], string, string, number, 'TCP' | 'UDP' | 'SCTP', boolean | null];
  const rows: Row[] = [
    ['no policy: allowed', [], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['self is not reported', [], 'prod/web', 'prod/web', 8080, 'TCP', null],
    ['external → external is not reported', ['{apiVersion: lab/v1, kind: ExternalHost, metadata: {name: b2}, spec: {ip: 203.0.113.6}}'], '203.0.113.5', '203.0.113.6', 443, 'TCP', null],
    ['ingress: [] isolates', [policy('prod', '{podSelector: {}, ingress: []}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['- {} allows all', [policy('prod', '{podSelector: {}, ingress: [{}]}')], '203.0.113.5', 'prod/web', 8080, 'TCP', true],
    ['defaulted policyTypes: egress rules isolate egress', [policy('dev', '{podSelector: {}, egress: [{ports: [{port: 1}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['policyTypes [Ingress]: egress rules ignored', [policy('dev', '{podSelector: {}, policyTypes: [Ingress], ingress: [{}], egress: [{ports: [{port: 1}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['podSelector alone: own namespace only', [policy('prod', '{podSelector: {}, ingress: [{from: [{podSelector: {}}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['namespaceSelector by the name label', [policy('prod', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['AND in one peer', [policy('prod', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['selectors never match an outside host', [policy('prod', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {}}]}]}')], '203.0.113.5', 'prod/web', 8080, 'TCP', false],
    ['ipBlock matches pod IPs (lab rule)', [policy('prod', '{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.244.2.0/24}}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['ipBlock except', [policy('prod', '{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.3.0/24, 10.244.2.8/29]}}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['protocol defaults to TCP', [policy('prod', '{podSelector: {}, ingress: [{ports: [{port: 5353}]}]}')], 'dev/tool', 'prod/web', 5353, 'UDP', false],
    ['named port with its protocol', [policy('prod', '{podSelector: {}, ingress: [{ports: [{port: dns, protocol: UDP}]}]}')], 'dev/tool', 'prod/web', 5353, 'UDP', true],
    ['named port under another protocol', [policy('prod', '{podSelector: {}, ingress: [{ports: [{port: dns}]}]}')], 'dev/tool', 'prod/web', 5353, 'TCP', false],
    ['named port in an egress rule resolves on the destination', [policy('dev', '{podSelector: {}, policyTypes: [Egress], egress: [{ports: [{port: http}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['named port never resolves on an outside host', [policy('dev', '{podSelector: {}, policyTypes: [Egress], egress: [{ports: [{port: http}]}]}')], 'dev/tool', '203.0.113.5', 8080, 'TCP', false],
    ['endPort is inclusive (top)', [policy('prod', '{podSelector: {}, ingress: [{ports: [{port: 8000, endPort: 8080}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['endPort is inclusive (bottom)', [policy('prod', '{podSelector: {}, ingress: [{ports: [{port: 8080, endPort: 9000}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['endPort: one past', [policy('prod', '{podSelector: {}, ingress: [{ports: [{port: 8000, endPort: 8079}]}]}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['port without number: the whole protocol', [policy('prod', '{podSelector: {}, ingress: [{ports: [{protocol: UDP}]}]}')], 'dev/tool', 'prod/web', 5353, 'UDP', true],
    ['egress AND ingress', [policy('dev', '{podSelector: {}, egress: [{}]}'), policy('prod', '{podSelector: {}, ingress: []}')], 'dev/tool', 'prod/web', 8080, 'TCP', false],
    ['external hosts are never isolated', [policy('dev', '{podSelector: {}, policyTypes: [Egress], egress: [{}]}')], 'dev/tool', '203.0.113.5', 443, 'TCP', true],
    ['hostNetwork pods are never isolated', [policy('prod', '{podSelector: {}, ingress: []}')], 'dev/tool', 'prod/agent', 8080, 'TCP', true],
    ['hostNetwork pods match no selector', [policy('prod', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {}}]}]}')], 'prod/agent', 'prod/web', 8080, 'TCP', false],
    ['hostNetwork pods match an ipBlock on their node address', [policy('prod', '{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{ipBlock: {cidr: 192.168.121.0/24}}]}]}')], 'prod/agent', 'prod/web', 8080, 'TCP', true],
    ['flannel enforces nothing', [policy('prod', '{podSelector: {}, ingress: []}'), '{apiVersion: lab/v1, kind: Cluster, metadata: {name: lab}, spec: {cni: flannel}}'], 'dev/tool', 'prod/web', 8080, 'TCP', true],
    ['cilium enforces', [policy('prod', '{podSelector: {}, ingress: []}'), '{apiVersion: lab/v1, kind: Cluster, metadata: {name: lab}, spec: {cni: cilium}}'], 'dev/tool', 'prod/web', 8080, 'TCP', false],
  ];
  it.each(rows)('%s', (_name, docs, from, to, port, protocol, want) => {
    expect(oracle(...docs).allowed(from, to, port, protocol)).toBe(want);
  });

  it('isolation per direction', () => {
    const o = oracle(policy('prod', '{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress]}'));
    expect([o.isolated('prod/web', 'Egress'), o.isolated('prod/web', 'Ingress'), o.isolated('prod/api', 'Egress')]).toEqual([true, false, false]);
  });
});
