// Pod records send their references to their own document relative to it (worker/pack.ts, `~`
// chunks and `$here`): pods that differ only in where they are written share their verdicts,
// containers and Pod Security checks as one chunk each. Before, each pod's were a text of their own
// for their document's index alone: 70,000 identical pods made ~440 MB of JSON (issue 12).
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../engine/index.js';
import { AnalysisCore } from '../worker/core.js';
import { batchEntries, type ResultMessage } from '../worker/protocol.js';
import { AnalysisView, ChunkTable } from './analysis-view.js';

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ns1, labels: {app: web}}
spec:${extra}
  containers: [{name: c, image: nginx:1.27, ports: [{containerPort: 80}]}]
`;

function packed(files: SourceFile[]) {
  const core = new AnalysisCore();
  core.receive({ type: 'update', revision: 1, order: files.map((f) => f.name), changed: files });
  const result = structuredClone(core.run() as ResultMessage);
  const table = new ChunkTable();
  const view = AnalysisView.create(files, 1, table.take(result.chunks, result.dropped, result.packed), result.packed, () => {
    throw new Error('the view fell back to the engine');
  });
  return { view, chunks: batchEntries(result.chunks) };
}

describe("pod records' references to their own document", () => {
  // A file name JSON must escape, so the reference is matched as JSON writes it.
  const name = 'pods "ns1" ✓.yaml';

  it('are shared between pods written alike, and rebuilt per pod on the page', () => {
    const three = [{ name, text: [pod('a'), pod('b'), pod('c')].join('---\n') }];
    const one = [{ name, text: pod('a') }];
    const relative = (c: [number, string][]) => c.filter(([, json]) => json.startsWith('~')).length;
    // Three pods send no more relative chunks than one.
    expect(relative(packed(three).chunks)).toBeGreaterThan(0);
    expect(relative(packed(three).chunks)).toBe(relative(packed(one).chunks));
    const { view } = packed(three);
    const engine = analyze(three);
    expect(JSON.parse(JSON.stringify(view.pods))).toEqual(JSON.parse(JSON.stringify(engine.pods)));
    // Each pod's references name its own document again.
    const mine = view.pods.filter((p) => p.pod.namespace === 'ns1');
    expect(mine.map((p) => p.pss.violations[0]?.ref?.doc)).toEqual([0, 1, 2]);
    expect(mine.map((p) => p.containers[0]?.image.source?.file)).toEqual([name, name, name]);
  });

  it('leave references to other documents as they are', () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: ns1}\ntype: Opaque\ndata: {x: eA==}\n';
    const files = [{ name, text: [secret, pod('a', '\n  imagePullSecrets: [{name: creds}]'), pod('b', '\n  imagePullSecrets: [{name: creds}]')].join('---\n') }];
    const { view } = packed(files);
    expect(JSON.parse(JSON.stringify(view.pods))).toEqual(JSON.parse(JSON.stringify(analyze(files).pods)));
    expect(JSON.stringify(view.pods)).not.toContain('"file":0');
  });
});
