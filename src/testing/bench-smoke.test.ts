import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/bench.js';

// `npm run bench` (issue 11) is not part of npm test; its measurement runs here once, small, so the
// script cannot rot: every phase measured, the JSON written, a one-character edit analysed.
describe('npm run bench, smoke (50 pods, one repeat)', () => {
  it('measures every phase of the seeded cluster', () => {
    const r = measure(50, 1);
    expect(r).toMatchObject({ pods: 50, namespaces: 2, policies: 10, repeats: 1 });
    expect(r.bytes).toBeGreaterThan(50_000);
    for (const k of ['floor', 'analyze', 'edit', 'matrix', 'explain', 'json'] as const) expect(r[k]).toBeGreaterThan(0);
    expect(r.jsonBytes).toBeGreaterThan(10_000);
    expect(r.analyzeOverFloor).toBeCloseTo(r.analyze / r.floor);
    expect(r.maxRssMiB).toBeGreaterThan(0);
  });
});
