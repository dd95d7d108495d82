// npm run bench — the engine's cost, measured (performance is part of correctness).
// Prints timings for a small course scenario and a 5,000-pod cluster; exits 1 if a budget is blown.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type SourceFile } from '../src/engine/index.js';

function time<T>(label: string, fn: () => T, budgetMs: number, failures: string[]): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  const ok = ms <= budgetMs;
  if (!ok) failures.push(`${label}: ${ms.toFixed(1)} ms > ${budgetMs} ms`);
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  (budget ${budgetMs} ms)`);
  return out;
}

export function bigCluster(pods: number, namespaces: number, policies: number): SourceFile[] {
  const docs: string[] = [];
  for (let n = 0; n < namespaces; n++) docs.push(`{apiVersion: v1, kind: Namespace, metadata: {name: ns${n}, labels: {team: t${n % 7}, env: ${n % 2 ? 'prod' : 'dev'}}}}`);
  for (let i = 0; i < pods; i++) {
    docs.push(`{apiVersion: v1, kind: Pod, metadata: {name: p${i}, namespace: ns${i % namespaces}, labels: {app: a${i % 23}, tier: t${i % 3}}}, spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80, name: http}]}]}}`);
  }
  for (let k = 0; k < policies; k++) {
    const ns = `ns${k % namespaces}`;
    const peers = [
      `{podSelector: {matchLabels: {tier: t${k % 3}}}}`,
      `{namespaceSelector: {matchLabels: {team: t${k % 7}}}, podSelector: {matchExpressions: [{key: app, operator: In, values: [a${k % 23}, a${(k + 1) % 23}]}]}}`,
      `{ipBlock: {cidr: 10.244.0.0/16, except: [10.244.${k % 200}.0/24]}}`,
    ];
    docs.push(`{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: np${k}, namespace: ${ns}}, spec: {podSelector: {matchLabels: {app: a${k % 23}}}, policyTypes: [Ingress, Egress], ingress: [{from: [${peers.join(', ')}], ports: [{port: 80}, {port: http}]}], egress: [{to: [${peers[k % 3]}]}]}}`);
  }
  return [{ name: 'big.yaml', text: docs.join('\n---\n') + '\n' }];
}

const failures: string[] = [];
const root = 'src/testing/scenarios/db-api-backup';
const small = readdirSync(root).sort().map((f) => ({ name: f, text: readFileSync(join(root, f), 'utf8') }));
analyze(small); // warm up the JIT
time('course scenario: analyze', () => analyze(small), 50, failures);
time('course scenario: analyze + connectivity', () => analyze(small).network.connectivity(), 50, failures);

for (const [pods, ns, pol] of [[500, 10, 50], [5000, 50, 200]] as const) {
  const src = bigCluster(pods, ns, pol);
  const a = time(`${pods} pods, ${pol} policies: analyze`, () => analyze(src), pods === 5000 ? 8000 : 1500, failures);
  const ids = a.network.endpoints.filter((e) => e.kind === 'pod').map((e) => e.id);
  let allowed = 0;
  time(`${pods} pods: full matrix on 80/TCP (${ids.length}² pairs)`, () => {
    for (const f of ids) for (const t of ids) if (f !== t && a.network.allowed(f, t, 80, 'TCP')) allowed++;
  }, pods === 5000 ? 15000 : 1000, failures);
  console.log(`     ${allowed} of ${ids.length * (ids.length - 1)} pairs allowed`);
  time(`${pods} pods: one explain`, () => a.network.explain(ids[0]!, ids[ids.length - 1]!, 80, 'TCP'), 100, failures);
}

if (failures.length) {
  console.error(`\nOver budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
