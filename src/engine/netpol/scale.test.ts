// Scale is part of correctness (architecture.md §3): a 5,000-pod cluster's full matrix must be
// set algebra over compiled per-policy pod sets, not N²·P rule walks.
import { describe, expect, it } from 'vitest';
import { scaleCluster } from '../../testing/netpol.js';
import { compileNetwork, type CompiledNetwork } from './index.js';

describe('5,000 pods, 50 namespaces, 200 policies', () => {
  it('compiles and answers the full 80/TCP matrix in a few seconds, agreeing with single queries', () => {
    const c = scaleCluster(5000, 50, 200);
    const t0 = performance.now();
    const network = compileNetwork(c).network as CompiledNetwork;
    const t1 = performance.now();
    const m = network.matrix(80, 'TCP');
    const t2 = performance.now();
    // Single queries for the first 1,000 sources to every destination (5M pairs; scripts/bench.ts does all 25M).
    let allowed = 0;
    const ids = m.ids;
    const sources = 1000;
    for (let s = 0; s < sources; s++) for (let d = 0; d < ids.length; d++) if (s !== d && network.allowed(ids[s] ?? '', ids[d] ?? '', 80, 'TCP')) allowed++;
    const t3 = performance.now();
    console.log(`compile ${(t1 - t0).toFixed(0)} ms, full matrix ${(t2 - t1).toFixed(0)} ms, ${sources}x${ids.length} allowed() ${(t3 - t2).toFixed(0)} ms`);
    // Generous bounds (a shared 2-core machine); typical: compile 0.5 s, matrix 0.4 s, 5M queries 1.5 s.
    expect(t1 - t0).toBeLessThan(15000);
    expect(t2 - t1).toBeLessThan(5000);
    expect(t3 - t2).toBeLessThan(10000);
    // Both paths agree, and the policies really cut the matrix (not all allowed, not all denied).
    const fromRows = m.rows.slice(0, sources).reduce((n, row, s) => n + row.count() - (row.has(s) ? 1 : 0), 0);
    expect(fromRows).toBe(allowed);
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(sources * 4999);
    // Spot-check sampled pairs against the rule-by-rule explanation.
    for (let k = 0; k < 200; k++) {
      const s = (k * 7919) % ids.length, d = (k * 104729 + 13) % ids.length;
      if (s === d) continue;
      const e = network.explain(ids[s] ?? '', ids[d] ?? '', 80, 'TCP');
      expect(e?.allowed, `${ids[s]} -> ${ids[d]}`).toBe(m.rows[s]?.has(d));
    }
  }, 60000);
});
