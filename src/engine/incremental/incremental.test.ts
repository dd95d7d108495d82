// The incremental analysis gives exactly what a cold one gives (issue 11): on generated clusters,
// random sequences of edits — a comment, a label or number changed, a document removed, duplicated
// or added, a syntax error, files reordered, renamed, removed, added, a return to an earlier text —
// are analysed by one IncrementalAnalyzer and by analyze() from scratch, and every part of the two
// results is compared deeply (diagnostics with positions, cluster, reports, RBAC, admission, every
// flow, isolation, explanations, located references).
//
// Runs: KSLAB_PROPERTY_RUNS (default below) for `npm test`; e.g. KSLAB_PROPERTY_RUNS=500 for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalAnalyzer } from '../index.js';
import { clusterFiles, policyDoc } from '../laws/generators.js';
import { follows, type Edit } from './view.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 0;
const TIMEOUT = RUNS > 0 ? Math.max(60_000, RUNS * 600) : 60_000;


/** The n-th match of `re` in one file replaced by `to`. */
const replaceNth = (re: RegExp, n: number, file: number, to: (m: string) => string): Edit => (files) => {
  const i = file % Math.max(1, files.length);
  const f = files[i];
  if (!f) return files;
  const matches = [...f.text.matchAll(new RegExp(re.source, 'g'))];
  const m = matches.length > 0 ? matches[n % matches.length] : undefined;
  if (!m || m.index === undefined) return files;
  const text = f.text.slice(0, m.index) + to(m[0]) + f.text.slice(m.index + m[0].length);
  return files.map((g, j) => (j === i ? { ...g, text } : g));
};
const docsOf = (text: string) => text.split(/\n---\n/);
const onDocs = (file: number, change: (docs: string[]) => string[]): Edit => (files) => {
  const i = file % Math.max(1, files.length);
  const f = files[i];
  if (!f) return files;
  return files.map((g, j) => (j === i ? { ...g, text: change(docsOf(g.text)).join('\n---\n') } : g));
};

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // A comment line somewhere (positions of everything after it move).
  fc.tuple(fc.nat(), fc.nat()).map(([line, file]): Edit => (files) => {
    const i = file % Math.max(1, files.length);
    return files.map((g, j) => {
      if (j !== i) return g;
      const lines = g.text.split('\n');
      lines.splice(line % (lines.length + 1), 0, '# a note');
      return { ...g, text: lines.join('\n') };
    });
  }),
  // A label value (or any a/b/c value) changed.
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('a', 'b', 'c', 'z')).map(([n, file, v]) => replaceNth(/: [abc]\b/, n, file, () => `: ${v}`)),
  // A number changed (ports, IPs, replicas).
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('80', '81', '443', '9', '53')).map(([n, file, v]) => replaceNth(/\b\d+\b/, n, file, () => v)),
  // A key renamed (an unknown field, a missing one).
  fc.tuple(fc.nat(), fc.nat()).map(([n, file]) => replaceNth(/\b(app|tier|env|team|name|port)\b/, n, file, (m) => `${m}x`)),
  // A document removed, duplicated (AlreadyExists), or a policy added.
  fc.tuple(fc.nat(), fc.nat()).map(([d, file]) => onDocs(file, (docs) => docs.filter((_, k) => k !== d % docs.length))),
  fc.tuple(fc.nat(), fc.nat()).map(([d, file]) => onDocs(file, (docs) => [...docs, docs[d % docs.length] ?? ''])),
  fc.tuple(policyDoc, fc.nat()).map(([p, file]) => onDocs(file, (docs) => [...docs, p])),
  // A syntax error.
  fc.tuple(fc.nat(), fc.nat()).map(([n, file]) => replaceNth(/\n/, n, file, () => '\n  : {[\n')),
  // Files reordered, renamed, removed, added (a Dockerfile tab is not a manifest).
  fc.constant<Edit>((files) => [...files].reverse()),
  fc.nat().map((file): Edit => (files) => files.map((g, j) => (j === file % files.length ? { ...g, name: `renamed-${g.name}` } : g))),
  fc.nat().map((file): Edit => (files) => (files.length > 1 ? files.filter((_, j) => j !== file % files.length) : files)),
  fc.tuple(policyDoc, fc.boolean()).map(([p, docker]): Edit => (files) => [...files, { name: docker ? 'Dockerfile' : `extra-${files.length}.yaml`, text: docker ? 'FROM nginx\n' : `${p}\n` }]),
  // Back to an earlier state (its texts may still be cached).
  fc.nat().map((k): Edit => (files, history) => history[k % Math.max(1, history.length)] ?? files),
);

describe('IncrementalAnalyzer', () => {
  it('gives what a cold analysis gives after every edit of random edit sequences', () => {
    fc.assert(fc.property(clusterFiles({ maxPods: 5, maxPolicies: 4 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (g, edits) => {
      follows(g.files.map((f) => ({ ...f })), edits, (a, b) => expect(a).toStrictEqual(b));
    }), { numRuns: RUNS || 25 });
  }, TIMEOUT);

  it('reuses work: an unchanged pod keeps its reports, unchanged sources keep the whole result', () => {
    const pod = (name: string, app: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: nginx}]}\n`;
    const inc = new IncrementalAnalyzer();
    const first = inc.analyze([{ name: 'a.yaml', text: pod('a', 'x') }, { name: 'b.yaml', text: pod('b', 'x') }]);
    const edited = inc.analyze([{ name: 'a.yaml', text: pod('a', 'web') }, { name: 'b.yaml', text: pod('b', 'x') }]);
    const b1 = first.pods.find((p) => p.key === 'default/b'), b2 = edited.pods.find((p) => p.key === 'default/b');
    expect(b2?.pss).toBe(b1?.pss);
    expect(edited.pods.find((p) => p.key === 'default/a')?.pod.labels).toEqual({ app: 'web' });
    // A comment: the documents' data is unchanged, so the cluster is the same object; positions move.
    const commented = inc.analyze([{ name: 'a.yaml', text: `# note\n${pod('a', 'web')}` }, { name: 'b.yaml', text: pod('b', 'x') }]);
    expect(commented.cluster).toBe(edited.cluster);
    expect(commented.locate(commented.pods.find((p) => p.key === 'default/a')!.pod.ref)?.line).toBe(2);
  });
});
