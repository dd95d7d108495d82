// NetworkPolicy edges: pkg/apis/networking/v1/defaults.go (protocol TCP; policyTypes from the
// rules when unset or empty) and pkg/apis/networking/validation/validation.go
// (ValidateNetworkPolicyPort: endPort >= port, both 1..65535; ValidateNetworkPolicyPeer: exactly one
// of ipBlock or selectors; ValidateIPBlock: except strictly inside cidr).
import { describe, expect, it } from 'vitest';
import { netpol, run } from '../../testing/normalize.js';

const ingress = (rule: string) => run(netpol('p', `podSelector: {}\ningress:\n- ${rule}`));
const errs = (rule: string) => ingress(rule).errors.map((e) => e.message);

describe('ports', () => {
  it('endPort equal to port is fine and kept; protocol defaults to TCP, UDP kept', () => {
    const r = ingress('ports: [{port: 8000, endPort: 8000}, {port: 53, protocol: UDP}, {protocol: SCTP}]');
    expect(r.errors).toEqual([]);
    const ports = r.cluster.policies[0]?.ingress[0]?.ports;
    expect(ports?.map((p) => [p.port, p.endPort, p.protocol])).toEqual([[8000, 8000, 'TCP'], [53, undefined, 'UDP'], [undefined, undefined, 'SCTP']]);
    expect(ports?.[1] && 'endPort' in ports[1]).toBe(false);
  });

  it('endPort above 65535 is out of range', () => {
    expect(errs('ports: [{port: 80, endPort: 65536}]')).toEqual(['spec.ingress[0].ports[0].endPort: Invalid value: 65536: must be between 1 and 65535, inclusive']);
    expect(errs('ports: [{port: 80, endPort: 65535}]')).toEqual([]);
  });

  it('a valid named port is kept', () => {
    const r = ingress('ports: [{port: http}]');
    expect(r.errors).toEqual([]);
    expect(r.cluster.policies[0]?.ingress[0]?.ports[0]?.port).toBe('http');
  });
});

describe('peers', () => {
  it('null selectors are no peer: Required', () => {
    expect(errs('from: [{podSelector: null, namespaceSelector: null}]')).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
  });

  it('ipBlock beside a namespaceSelector is forbidden', () => {
    expect(errs('from: [{ipBlock: {cidr: 10.0.0.0/8}, namespaceSelector: {}}]')).toEqual(['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer']);
  });

  it('podSelector and namespaceSelector together are one peer', () => {
    const r = ingress('from: [{podSelector: {matchLabels: {a: b}}, namespaceSelector: {matchLabels: {c: d}}}]');
    expect(r.errors).toEqual([]);
    expect(r.cluster.policies[0]?.ingress[0]?.peers).toEqual([expect.objectContaining({
      kind: 'selector', podSelector: { matchLabels: { a: 'b' }, matchExpressions: [] }, namespaceSelector: { matchLabels: { c: 'd' }, matchExpressions: [] },
    })]);
  });

  it('a namespace-only peer has no podSelector key', () => {
    const peer = ingress('from: [{namespaceSelector: {}}]').cluster.policies[0]?.ingress[0]?.peers[0];
    expect(peer && 'podSelector' in peer).toBe(false);
    expect(peer && 'namespaceSelector' in peer).toBe(true);
  });

  it('a contained except with a longer prefix is fine; a bad except CIDR is reported on its index', () => {
    expect(errs('from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24, 10.0.255.255/32]}}]')).toEqual([]);
    expect(errs('from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24, nope]}}]')).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    // A shorter prefix that contains the cidr's address is still not a strict subset.
    expect(errs('from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/8]}}]')).toEqual([
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`',
    ]);
  });

  it('an ipBlock keeps cidr and the string excepts', () => {
    const peer = ingress('from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]').cluster.policies[0]?.ingress[0]?.peers[0];
    expect(peer).toMatchObject({ kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] });
  });

  it('egress peers are read from `to`', () => {
    const r = run(netpol('p', 'podSelector: {}\negress:\n- to: [{podSelector: {}}]\n  ports: [{port: 53, protocol: UDP}]'));
    expect(r.errors).toEqual([]);
    const rule = r.cluster.policies[0]?.egress[0];
    expect(rule).toMatchObject({ allPeers: false, allPorts: false });
    expect(rule?.peers[0]?.ref.path).toEqual(['spec', 'egress', 0, 'to', 0]);
  });
});

describe('policyTypes', () => {
  it('an explicit list is not defaulted and keeps each type once', () => {
    const p = run(netpol('p', 'podSelector: {}\npolicyTypes: [Ingress, Ingress]\negress: [{}]')).cluster.policies[0];
    expect(p).toMatchObject({ policyTypes: ['Ingress'], policyTypesDefaulted: false });
  });

  it('two types are allowed, an unsupported one is reported on its index', () => {
    expect(run(netpol('p', 'podSelector: {}\npolicyTypes: [Ingress, Egress]')).errors).toEqual([]);
    expect(run(netpol('p', 'podSelector: {}\npolicyTypes: [Ingress, egress]')).errors.map((e) => e.message)).toEqual(['spec.policyTypes[1]: Unsupported value: "egress": supported values: "Ingress", "Egress"']);
  });

  it('policyTypes: [] is defaulted from the rules', () => {
    expect(run(netpol('p', 'podSelector: {}\npolicyTypes: []\negress: [{}]')).cluster.policies[0]).toMatchObject({ policyTypes: ['Ingress', 'Egress'], policyTypesDefaulted: true });
  });

  it('a bad podSelector is reported on spec.podSelector', () => {
    expect(run(netpol('p', 'podSelector: {matchExpressions: [{key: a, operator: In}]}')).errors.map((e) => e.path)).toEqual(['spec.podSelector.matchExpressions[0].values']);
  });
});
