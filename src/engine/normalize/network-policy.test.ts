// NetworkPolicy defaulting and validation, from kubernetes/kubernetes
// pkg/apis/networking/v1/defaults.go (policyTypes, protocol TCP) and
// pkg/apis/networking/validation/validation.go (ValidateNetworkPolicyPort/Peer/Spec, ValidateIPBlock),
// with field errors worded by k8s.io/apimachinery pkg/util/validation/field/errors.go.
import { describe, expect, it } from 'vitest';
import { lineOf, netpol, run } from '../../testing/normalize.js';

const policyOf = (spec: string) => {
  const r = run(netpol('p', spec));
  return { r, policy: r.cluster.policies[0] };
};

describe('policyTypes defaulting', () => {
  it.each([
    { spec: 'podSelector: {}', types: ['Ingress'], defaulted: true },
    { spec: 'podSelector: {}\ningress: [{}]', types: ['Ingress'], defaulted: true },
    { spec: 'podSelector: {}\negress: [{}]', types: ['Ingress', 'Egress'], defaulted: true },
    { spec: 'podSelector: {}\negress: []', types: ['Ingress'], defaulted: true },
    { spec: 'podSelector: {}\npolicyTypes: [Egress]', types: ['Egress'], defaulted: false },
    { spec: 'podSelector: {}\npolicyTypes: [Egress, Ingress]\negress: [{}]', types: ['Egress', 'Ingress'], defaulted: false },
  ])('$spec → $types', ({ spec, types, defaulted }) => {
    const { r, policy } = policyOf(spec);
    expect(r.errors).toEqual([]);
    expect(policy?.policyTypes).toEqual(types);
    expect(policy?.policyTypesDefaulted).toBe(defaulted);
  });
});

describe('rules, peers and ports as data', () => {
  it('absent and [] from/ports mean all peers / all ports', () => {
    const { policy } = policyOf('podSelector: {}\ningress:\n- {}\n- from: []\n  ports: []\n- from: [{podSelector: {}}]');
    expect(policy?.ingress.map((r) => [r.allPeers, r.allPorts, r.peers.length])).toEqual([[true, true, 0], [true, true, 0], [false, true, 1]]);
  });

  it('reads the peer union with SourceRefs to each entry', () => {
    const { r, policy } = policyOf([
      'podSelector: {matchLabels: {app: db}}',
      'ingress:',
      '- from:',
      '  - podSelector: {matchLabels: {app: api}}',
      '  - namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [a, b]}]}',
      '    podSelector: {}',
      '  - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}',
      '  ports:',
      '  - port: 5432',
      '  - {port: db, protocol: UDP}',
      '  - {port: 8000, endPort: 8080}',
    ].join('\n'));
    expect(r.errors).toEqual([]);
    const rule = policy?.ingress[0];
    expect(rule?.peers).toEqual([
      { kind: 'selector', podSelector: { matchLabels: { app: 'api' }, matchExpressions: [] }, ref: expect.objectContaining({ path: ['spec', 'ingress', 0, 'from', 0] }) },
      {
        kind: 'selector',
        podSelector: { matchLabels: {}, matchExpressions: [] },
        namespaceSelector: { matchLabels: {}, matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] },
        ref: expect.objectContaining({ path: ['spec', 'ingress', 0, 'from', 1] }),
      },
      { kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'], ref: expect.objectContaining({ path: ['spec', 'ingress', 0, 'from', 2] }) },
    ]);
    expect(rule?.ports.map(({ protocol, port, endPort }) => ({ protocol, port, endPort }))).toEqual([
      { protocol: 'TCP', port: 5432, endPort: undefined },
      { protocol: 'UDP', port: 'db', endPort: undefined },
      { protocol: 'TCP', port: 8000, endPort: 8080 },
    ]);
    expect(rule?.ports[1]?.ref.path).toEqual(['spec', 'ingress', 0, 'ports', 1]);
    expect(rule?.ref.path).toEqual(['spec', 'ingress', 0]);
    expect(policy?.podSelector).toEqual({ matchLabels: { app: 'db' }, matchExpressions: [] });
  });

  it('keeps an absent podSelector in a peer undefined (namespace-only peer)', () => {
    const { policy } = policyOf('podSelector: {}\negress: [{to: [{namespaceSelector: {}}]}]');
    const peer = policy?.egress[0]?.peers[0];
    expect(peer && peer.kind === 'selector' ? [peer.podSelector, peer.namespaceSelector] : null).toEqual([undefined, { matchLabels: {}, matchExpressions: [] }]);
  });
});

describe('validation errors', () => {
  const rows: { name: string; rule: string; path: string; msg: string }[] = [
    { name: 'empty peer', rule: 'from: [{}]', path: 'spec.ingress[0].from[0]', msg: 'spec.ingress[0].from[0]: Required value: must specify a peer' },
    { name: 'ipBlock with a selector', rule: 'from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]', path: 'spec.ingress[0].from[0]', msg: 'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer' },
    { name: 'invalid CIDR', rule: 'from: [{ipBlock: {cidr: 10.0.0.0/33}}]', path: 'spec.ingress[0].from[0].ipBlock.cidr', msg: 'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' },
    { name: 'CIDR without prefix', rule: 'from: [{ipBlock: {cidr: 10.0.0.1}}]', path: 'spec.ingress[0].from[0].ipBlock.cidr', msg: 'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' },
    { name: 'empty cidr', rule: 'from: [{ipBlock: {cidr: ""}}]', path: 'spec.ingress[0].from[0].ipBlock.cidr', msg: 'spec.ingress[0].from[0].ipBlock.cidr: Required value' },
    { name: 'except outside cidr', rule: 'from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}}]', path: 'spec.ingress[0].from[0].ipBlock.except[0]', msg: 'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`' },
    { name: 'except equal to cidr', rule: 'from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/16]}}]', path: 'spec.ingress[0].from[0].ipBlock.except[0]', msg: 'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`' },
    { name: 'IPv6 except outside', rule: 'from: [{ipBlock: {cidr: "2001:db8::/64", except: ["2001:db9::/80"]}}]', path: 'spec.ingress[0].from[0].ipBlock.except[0]', msg: 'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "2001:db9::/80": must be a strict subset of `cidr`' },
    { name: 'IPv4 except in IPv6 cidr', rule: 'from: [{ipBlock: {cidr: "::/0", except: [10.0.0.0/8]}}]', path: 'spec.ingress[0].from[0].ipBlock.except[0]', msg: 'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`' },
    { name: 'port 0', rule: 'ports: [{port: 0}]', path: 'spec.ingress[0].ports[0].port', msg: 'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' },
    { name: 'port 70000', rule: 'ports: [{port: 70000}]', path: 'spec.ingress[0].ports[0].port', msg: 'spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive' },
    // Upstream reports port.Port.IntVal (8080) as the invalid value here, not endPort.
    { name: 'endPort below port', rule: 'ports: [{port: 8080, endPort: 8000}]', path: 'spec.ingress[0].ports[0].endPort', msg: 'spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`' },
    { name: 'endPort with a named port', rule: 'ports: [{port: http, endPort: 90}]', path: 'spec.ingress[0].ports[0].endPort', msg: 'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric' },
    { name: 'endPort without port', rule: 'ports: [{endPort: 90}]', path: 'spec.ingress[0].ports[0].endPort', msg: 'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified' },
    { name: 'protocol HTTP', rule: 'ports: [{port: 80, protocol: HTTP}]', path: 'spec.ingress[0].ports[0].protocol', msg: 'spec.ingress[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "TCP", "UDP", "SCTP"' },
    { name: 'lower-case protocol', rule: 'ports: [{port: 80, protocol: tcp}]', path: 'spec.ingress[0].ports[0].protocol', msg: 'spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"' },
    { name: 'quoted number is a named port', rule: 'ports: [{port: "80"}]', path: 'spec.ingress[0].ports[0].port', msg: 'spec.ingress[0].ports[0].port: Invalid value: "80": must contain at least one letter (a-z)' },
    { name: 'named port too long', rule: 'ports: [{port: a-very-long-port-name}]', path: 'spec.ingress[0].ports[0].port', msg: 'spec.ingress[0].ports[0].port: Invalid value: "a-very-long-port-name": must be no more than 15 characters' },
    { name: 'named port with capitals', rule: 'ports: [{port: HTTP}]', path: 'spec.ingress[0].ports[0].port', msg: 'spec.ingress[0].ports[0].port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
  ];
  it.each(rows)('$name', ({ rule, path, msg }) => {
    const text = netpol('p', `podSelector: {}\ningress:\n- ${rule}`);
    const r = run(text);
    expect(r.errors.map((e) => e.message)).toContain(msg);
    expect(r.errors.find((e) => e.message === msg)?.path).toBe(path);
    expect(r.errors.find((e) => e.message === msg)?.line).toBe(lineOf(text, '- '));
    expect(r.cluster.policies).toEqual([]);
  });

  it.each([
    { types: '[Ingress, Egress, Ingress]', msg: 'spec.policyTypes: Invalid value: &[]networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes' },
    { types: '[ingress]', msg: 'spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"' },
  ])('policyTypes $types', ({ types, msg }) => {
    const r = run(netpol('p', `podSelector: {}\npolicyTypes: ${types}`));
    expect(r.errors[0]?.message).toContain(msg);
  });

  it('accepts host bits in a legacy cidr field and IPv6 blocks', () => {
    const r = run(netpol('p', 'podSelector: {}\negress: [{to: [{ipBlock: {cidr: 10.0.0.5/24}}, {ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]}]'));
    expect(r.errors).toEqual([]);
  });
});
