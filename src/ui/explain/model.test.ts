import { describe, expect, it } from 'vitest';
import type { RuleMiss } from '../../engine/model/index.js';
import { buildAnalysis, directionExplanation, explanation, ref } from '../../testing/ui.js';
import { defaultExpanded, directionSummary, explainFlow, groupMisses, ruleMissKey } from './model.js';
import { strings } from './strings.js';

const a = buildAnalysis({
  pods: [{ key: 'n/a' }, { key: 'n/b', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }, { key: 'n/c' }],
  externals: [{ name: 'e', ip: '192.0.2.1' }, { name: 'f', ip: '192.0.2.2' }],
  allow: ['n/a->n/b@443/TCP'],
});

describe('explainFlow', () => {
  it.each([
    ['n/a', 'n/b', 'any', 'partial', ['80/TCP', '443/TCP'], 0],
    ['n/c', 'n/b', 'any', 'denied', ['80/TCP', '443/TCP'], 0],
    ['n/a', 'n/b', { port: 443, protocol: 'TCP' }, 'allowed', ['443/TCP'], 0],
  ] as const)('%s → %s on %j: %s', (from, to, port, status, ports, expanded) => {
    const f = explainFlow(a.network, from, to, port);
    if (f.kind !== 'flow') throw new Error(f.kind);
    expect(f.status).toBe(status);
    expect(f.ports.map((p) => `${p.port.port}/${p.port.protocol}`)).toEqual(ports);
    expect(defaultExpanded(f.ports)).toBe(expanded);
  });
  it('opens the first denied port by default', () => {
    const f = explainFlow(buildAnalysis({ pods: [{ key: 'n/a' }, { key: 'n/b', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }], allow: ['n/a->n/b@80/TCP'] }).network, 'n/a', 'n/b', 'any');
    if (f.kind !== 'flow') throw new Error(f.kind);
    expect(defaultExpanded(f.ports)).toBe(1);
  });
  it.each([
    ['n/a', 'n/zz', { kind: 'unknown-endpoint', id: 'n/zz' }],
    ['n/a', 'n/a', { kind: 'not-reported' }],
    ['192.0.2.1', '192.0.2.2', { kind: 'not-reported' }],
  ] as const)('%s → %s is %j', (from, to, out) => expect(explainFlow(a.network, from, to, 'any')).toEqual(out));
  it('probes one port for a destination that lists none', () => {
    const f = explainFlow(a.network, 'n/a', 'n/c', 'any');
    expect(f.kind === 'flow' && f.probe).toBe(true);
  });
});

describe('directionSummary', () => {
  const base = { direction: 'Ingress', subject: 'n/b' } as const;
  const miss: RuleMiss = { policy: 'n/p', direction: 'Ingress', ruleIndex: 0, ref: ref('p.yaml'), peerMatched: false, portMatched: true, peerMisses: [], portMisses: [] };
  it.each([
    [directionExplanation({ ...base, notApplicable: 'external' }), 'sumExternal'],
    [directionExplanation({ ...base, notApplicable: 'hostNetwork' }), 'sumHostNetwork'],
    [directionExplanation({ ...base, notApplicable: 'not-enforced' }), 'sumNotEnforced'],
    [directionExplanation({ ...base }), 'sumNotIsolated'],
    [directionExplanation({ ...base, isolated: true, allowed: true }), 'sumAllowedBy'],
    [directionExplanation({ ...base, isolated: true, allowed: false, isolatingPolicies: ['n/deny'] }), 'sumDeniedNoRules'],
    [directionExplanation({ ...base, isolated: true, allowed: false, misses: [miss] }), 'sumDenied'],
  ])('%# → %s', (d, key) => {
    const s = directionSummary(d);
    expect(s.key).toBe(key);
    expect(strings.en).toHaveProperty(key);
  });
});

describe('misses', () => {
  const m = (policy: string, ruleIndex: number, peerMatched: boolean, portMatched: boolean): RuleMiss =>
    ({ policy, direction: 'Ingress', ruleIndex, ref: ref('p.yaml', 'spec', 'ingress', ruleIndex), peerMatched, portMatched, peerMisses: [], portMisses: [] });
  it('groups by policy in order', () => {
    const g = groupMisses([m('n/p', 0, false, true), m('n/q', 0, false, true), m('n/p', 1, true, false)]);
    expect(g.map((x) => [x.policy, x.rules.map((r) => r.ruleIndex)])).toEqual([['n/p', [0, 1]], ['n/q', [0]]]);
  });
  it.each([
    [false, true, 'missPeers'], [true, false, 'missPorts'], [false, false, 'missBoth'],
  ] as const)('peerMatched=%s portMatched=%s → %s', (peer, port, key) => expect(ruleMissKey(m('n/p', 0, peer, port))).toBe(key));
  it('the default builder explains with the verdict it was given', () => {
    expect(explanation({ from: 'a', to: 'b', port: 1, protocol: 'TCP', allowed: false }).ingress.allowed).toBe(false);
  });
});
