// npx tsx scripts/hostile-big.ts KIND N [--write FILE] — times analyze() on a generated big input
// (issue 12): KIND is policies (20 pods, N NetworkPolicies), pods (N pods) or deep (nesting N).
// With --write, writes the YAML to FILE instead (for `npx kslab analyze FILE`, `node --cpu-prof`).
import { writeFileSync } from 'node:fs';
import { analyze } from '../src/engine/index.js';
import { deepNesting, manyPods, manyPolicies } from '../src/testing/hostile/generate.js';

const [kind = 'policies', nText = '1000', flag, file] = process.argv.slice(2);
const n = Number(nText);
const text = kind === 'pods' ? manyPods(n) : kind === 'deep' ? deepNesting(n) : manyPolicies(n);
if (flag === '--write' && file) {
  writeFileSync(file, text);
  console.log(`${file}: ${(text.length / 1e6).toFixed(1)} MB`);
} else {
  const t0 = performance.now();
  const a = analyze([{ name: 'big.yaml', text }]);
  const t1 = performance.now();
    // Many policies: the whole list even past the bound, to time it; pods: as the CLI asks (bounded).
  const flows = (a.network as unknown as { connectivity(limit?: number): unknown[] }).connectivity(kind === 'policies' ? Infinity : undefined).length;
  const t2 = performance.now();
  console.log(`${kind} ${n}: ${(text.length / 1e6).toFixed(1)} MB, analyze ${(t1 - t0).toFixed(0)} ms, connectivity ${(t2 - t1).toFixed(0)} ms ` +
    `(${flows} flows), ${a.diagnostics.length} diagnostics, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
