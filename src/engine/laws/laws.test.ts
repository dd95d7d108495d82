import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { baseScenario, documents, policyDoc } from './generators.js';

// Algebraic laws every correct NetworkPolicy engine obeys (engine-spec.md section 3):
// rules are a union (order-free), policies only add allowances to an isolated pod, and
// without policies everything is allowed.
// Runs: KSLAB_PROPERTY_RUNS overrides the counts below (mutation testing lowers it; a long run raises it).
const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 0;

const flows = (texts: { name: string; text: string }[]) =>
  analyze(texts).network.connectivity().map((c) => `${c.from}>${c.to}:${c.port}/${c.protocol}=${c.allowed}`).sort();

describe('laws', () => {
  it('removing every policy allows every flow', () => {
    const a = analyze([{ name: 'base.yaml', text: baseScenario() }]);
    // Every object of the base scenario is accepted: 3 namespaces x 3 pods and the external host.
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.network.endpoints.filter((e) => !e.system)).toHaveLength(10);
    const all = a.network.connectivity();
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((c) => c.allowed)).toBe(true);
  });

  it('results do not depend on document order or on how documents are split into files', () => {
    fc.assert(fc.property(fc.array(policyDoc, { minLength: 1, maxLength: 4 }), fc.integer(), (policies, seed) => {
      const docs = [...baseScenario().split('\n---\n').map((d) => d.trim()), ...policies];
      const shuffled = [...docs].sort((p, q) => hash(p, seed) - hash(q, seed));
      const half = Math.floor(shuffled.length / 2);
      const one = flows([{ name: 'all.yaml', text: documents(docs) }]);
      const two = flows([{ name: 'b.yaml', text: documents(shuffled.slice(half)) }, { name: 'a.yaml', text: documents(shuffled.slice(0, half)) }]);
      expect(two).toEqual(one);
    }), { numRuns: RUNS || 40 });
  });

  it('adding a policy never denies an ingress flow that an already-isolated pod allowed', () => {
    fc.assert(fc.property(fc.array(policyDoc, { minLength: 1, maxLength: 3 }), policyDoc, (policies, extra) => {
      const before = analyze([{ name: 'a.yaml', text: documents([baseScenario().trim(), ...policies]) }]);
      const after = analyze([{ name: 'a.yaml', text: documents([baseScenario().trim(), ...policies, extra]) }]);
      for (const c of before.network.connectivity()) {
        if (!c.to.includes('/')) continue;
        if (before.network.isolation(c.to).ingress.length === 0) continue;
        const ingressBefore = before.network.explain(c.from, c.to, c.port, c.protocol)?.ingress.allowed;
        if (!ingressBefore) continue;
        expect(after.network.explain(c.from, c.to, c.port, c.protocol)?.ingress.allowed, `${c.from}>${c.to}:${c.port}`).toBe(true);
      }
    }), { numRuns: RUNS || 30 });
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h >>> 0;
}
