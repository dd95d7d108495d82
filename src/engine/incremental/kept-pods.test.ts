// A pod an edit did not change is the same object in the next analysis (analyze.ts keptPods, issue
// 11): the worker's packing and the page's records keep work by object, so an edit of one label
// must not hand them every pod anew. The results stay those of a cold analysis (incremental.test.ts).
import { describe, expect, it } from 'vitest';
import { analyze, IncrementalAnalyzer, type SourceFile } from '../index.js';

const POD = (name: string, app: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${app}}
spec:
  containers: [{name: c, image: nginx${extra}}]
`;
const files = (a: string, b: string, c: string): SourceFile[] => [{ name: 'pods.yaml', text: [POD('a', a), POD('b', b), POD('c', c)].join('---\n') }];
const byName = <P extends { name: string }>(pods: readonly P[], name: string): P | undefined => pods.find((p) => p.name === name);

describe('keptPods', () => {
  it('keeps every pod the edit did not change, and only those', () => {
    const inc = new IncrementalAnalyzer();
    const before = inc.analyze(files('web', 'web', 'db'));
    const after = inc.analyze(files('web', 'webx', 'db'));
    expect(byName(after.cluster.pods, 'a')).toBe(byName(before.cluster.pods, 'a'));
    expect(byName(after.cluster.pods, 'c')).toBe(byName(before.cluster.pods, 'c'));
    expect(byName(after.cluster.pods, 'b')).not.toBe(byName(before.cluster.pods, 'b'));
    expect(byName(after.cluster.pods, 'b')?.labels).toEqual({ app: 'webx' });
    // The pod reports carry the kept pods, and their container reports name the kept containers.
    const report = after.pods.find((r) => r.pod.name === 'a');
    expect(report?.pod).toBe(byName(before.cluster.pods, 'a'));
    expect(report?.containers[0]?.container).toBe(byName(before.cluster.pods, 'a')?.containers[0]);
    expect(JSON.stringify(after.cluster)).toBe(JSON.stringify(analyze(files('web', 'webx', 'db')).cluster));
  });

  it('a pod whose document moved (one added before it) is a new object; addresses are those of a cold analysis', () => {
    const inc = new IncrementalAnalyzer();
    const before = inc.analyze(files('web', 'web', 'db'));
    const after = inc.analyze([{ name: 'pods.yaml', text: [POD('a', 'web'), POD('a2', 'web'), POD('b', 'web'), POD('c', 'db')].join('---\n') }]);
    const cold = analyze([{ name: 'pods.yaml', text: [POD('a', 'web'), POD('a2', 'web'), POD('b', 'web'), POD('c', 'db')].join('---\n') }]);
    for (const name of ['a', 'a2', 'b', 'c']) expect(byName(after.cluster.pods, name)?.ip).toBe(byName(cold.cluster.pods, name)?.ip);
    expect(byName(after.cluster.pods, 'b')?.ref.doc).toBe(2); // was document 1: its JSON changed
    expect(byName(after.cluster.pods, 'b')).not.toBe(byName(before.cluster.pods, 'b'));
    expect(byName(after.cluster.pods, 'a')).toBe(byName(before.cluster.pods, 'a'));
  });

  it('an edit back to an earlier text keeps the objects of the analysis just before, not older ones', () => {
    const inc = new IncrementalAnalyzer();
    const first = inc.analyze(files('web', 'web', 'db'));
    const second = inc.analyze(files('web', 'webx', 'db'));
    const third = inc.analyze(files('web', 'web', 'db'));
    expect(byName(third.cluster.pods, 'b')).not.toBe(byName(second.cluster.pods, 'b'));
    expect(byName(third.cluster.pods, 'b')).toEqual(byName(first.cluster.pods, 'b'));
    expect(byName(third.cluster.pods, 'a')).toBe(byName(first.cluster.pods, 'a'));
  });

  it('is frozen like every cluster', () => {
    const inc = new IncrementalAnalyzer();
    inc.analyze(files('web', 'web', 'db'));
    const after = inc.analyze(files('web', 'webx', 'db'));
    expect(Object.isFrozen(after.cluster)).toBe(true);
    expect(Object.isFrozen(after.cluster.pods)).toBe(true);
  });
});
