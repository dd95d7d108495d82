// The pod bound (README "Bounds", assemble.ts MAX_PODS, issue 12): a paste of 70,000 pods took a
// minute and 1–2 GB in the lab's worker. Past 10,000 pods in file order the analysis keeps the
// first ones, says so once at the first pod left out, and analyses everything else.
import { describe, expect, it } from 'vitest';
import { replicaDeployment } from '../../testing/hostile/generate.js';
import { analyze } from '../analyze.js';
import { MAX_PODS } from './assemble.js';

const deployment = (i: number) => replicaDeployment(i);
const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: late}
spec: {containers: [{name: c, image: nginx:1.27${extra}}]}
`;

describe(`the pod bound: ${MAX_PODS} pods`, () => {
  it('keeps the first pods in file order, warns at the first one left out, and reads no Pod past it', () => {
    expect(MAX_PODS).toBe(10_000);
    // 200 Deployments of 50 replicas are the first 10,000 pods; then bare pods, a Service after them.
    const docs = Array.from({ length: MAX_PODS / 50 }, (_, i) => deployment(i));
    docs.push(pod('first-out'), pod('second-out'), pod('broken', ', bogusField: 1'));
    docs.push('apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: ns0}\nspec: {selector: {app: d0}, ports: [{port: 80}]}\n');
    const text = docs.join('---\n');
    const a = analyze([{ name: 'big.yaml', text }]);
    const user = a.cluster.pods.filter((p) => !p.system);
    expect(user).toHaveLength(MAX_PODS);
    expect(user.some((p) => p.namespace === 'late')).toBe(false);
    // Left-out pods make no namespace either.
    expect(a.cluster.namespaces.some((n) => n.name === 'late')).toBe(false);
    const bound = a.diagnostics.filter((d) => d.code === 'pods-bounded');
    expect(bound).toHaveLength(1);
    const firstOutLine = text.slice(0, text.indexOf('name: first-out')).split('\n').length - 2;
    expect(bound[0]).toMatchObject({
      severity: 'warning', file: 'big.yaml', line: firstOutLine,
      params: { pods: MAX_PODS + 3, limit: MAX_PODS, left: 3 },
      message: `This scenario has ${MAX_PODS + 3} pods, over the lab's limit of ${MAX_PODS}: the first ${MAX_PODS} in file order are analysed, ` +
        'and this pod (late/first-out) and the 2 after it are left out — no status, report, verdict or Service endpoint for them. ' +
        'Everything else is analysed. To study the others, analyse them in smaller files.',
    });
    // The broken pod past the bound is not read: no strict-field error for it.
    expect(a.diagnostics.some((d) => d.message.includes('bogusField'))).toBe(false);
    // Everything else is analysed: the Service after the pods selects its 50 replicas.
    const web = a.services.find((s) => s.key === 'ns0/web');
    expect(web?.endpoints[0]?.addresses).toHaveLength(50);
  }, 60_000);

  it('says nothing at the bound itself', () => {
    const docs = Array.from({ length: MAX_PODS / 50 }, (_, i) => deployment(i));
    const a = analyze([{ name: 'big.yaml', text: docs.join('---\n') }]);
    expect(a.cluster.pods.filter((p) => !p.system)).toHaveLength(MAX_PODS);
    expect(a.diagnostics.some((d) => d.code === 'pods-bounded')).toBe(false);
  }, 60_000);
});
