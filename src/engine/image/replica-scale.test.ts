// A workload's pull-secret warnings are said once, for its first pod (diagnostics.ts
// reportsPodWarnings). Finding that first pod scanned every pod for every pod: 10,000 replicas took
// ~20 s, quadratic (found by the pod bound's test, issue 12). Linear now: 16× the replicas cost
// about 12× the time (measured), where the quadratic step took ~60× (the margin absorbs a loaded machine).
import { describe, expect, it } from 'vitest';
import { replicaDeployment } from '../../testing/hostile/generate.js';
import { analyze } from '../analyze.js';

const scenario = (deployments: number) => [
  'apiVersion: v1\nkind: Pod\nmetadata: {name: bare, namespace: ns0}\nspec: {imagePullSecrets: [{name: nope}], containers: [{name: c, image: nginx:1.27}]}\n',
  ...Array.from({ length: deployments }, (_, i) => replicaDeployment(i, 'imagePullSecrets: [{name: nope}], ')),
].join('---\n');

function timed(deployments: number): { ms: number; warnings: number } {
  const t0 = performance.now();
  const a = analyze([{ name: 'w.yaml', text: scenario(deployments) }]);
  return { ms: performance.now() - t0, warnings: a.diagnostics.filter((d) => d.code === 'pull-secret-missing').length };
}

describe("a workload's replicas", () => {
  it('get their pull-secret warning once per workload, in time linear in the replicas', () => {
    timed(2); // warm the module code
    const small = timed(10), big = timed(160);
    // One for the bare pod, one per Deployment (its first replica), none for the other replicas.
    expect(small.warnings).toBe(1 + 10);
    expect(big.warnings).toBe(1 + 160);
    console.log(`${small.ms.toFixed(0)} ms for 500 pods, ${big.ms.toFixed(0)} ms for 8,000`);
    expect(big.ms / small.ms, `${small.ms.toFixed(0)} ms for 500 pods, ${big.ms.toFixed(0)} ms for 8,000`).toBeLessThan(30);
  }, 60_000);
});
