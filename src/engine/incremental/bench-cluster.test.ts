// The incremental analysis on the clusters `npm run bench` and bench:ui type into (issue 11): one
// IncrementalAnalyzer follows random edit sequences — a character typed, deleted or replaced
// anywhere (syntax errors included), a label value, a line added above documents, a document moved,
// duplicated, removed or cut in two, a return to an earlier text — and after every edit its result
// equals a cold analyze() of the same files, positions included. Documents whose text did not
// change are placed again, not read again (kept.ts): this is what shows the placing is exact.
//
// Runs: KSLAB_PROPERTY_RUNS (default below) for `npm test`; e.g. KSLAB_PROPERTY_RUNS=100 for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with bench and bench:ui, without types
import { generateCluster } from '../../../scripts/lib/gen-cluster.mjs';
import { follows, type Edit, type Files } from './view.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? '') || 0;
const TIMEOUT = Math.max(120_000, RUNS * 4_000);


const inFile = (file: number, change: (text: string) => string): Edit => (files) => {
  const i = file % files.length;
  return files.map((f, j) => (j === i ? { ...f, text: change(f.text) } : f));
};
const docs = (text: string) => text.split(/(?<=\n)(?=---\n)/);
const at = (text: string, n: number) => n % (text.length + 1);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // A character typed, deleted or replaced anywhere: often a syntax error, a document cut or merged.
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('a', '1', ' ', ':', '-', '#', '\n', '[', '"', '---\n')).map(([n, file, c]) =>
    inFile(file, (t) => t.slice(0, at(t, n)) + c + t.slice(at(t, n)))),
  fc.tuple(fc.nat(), fc.nat()).map(([n, file]) => inFile(file, (t) => t.slice(0, at(t, n)) + t.slice(at(t, n) + 1))),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('x', ' ', '\n', '0')).map(([n, file, c]) =>
    inFile(file, (t) => t.slice(0, at(t, n)) + c + t.slice(at(t, n) + 1))),
  // A label value: what a student types most, the document's data changes, nothing else does.
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('v1', 'v2', 'v9', 'web', 'db')).map(([n, file, v]) => inFile(file, (t) => {
    const m = [...t.matchAll(/(version|app): \S+/g)];
    const hit = m.length > 0 ? m[n % m.length] : undefined;
    return hit?.index === undefined ? t : `${t.slice(0, hit.index)}${hit[1]}: ${v}${t.slice(hit.index + hit[0].length)}`;
  })),
  // A comment or a blank line above a document: every later position moves.
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('# a note\n', '\n')).map(([n, file, line]) => inFile(file, (t) => {
    const lines = t.split('\n');
    lines.splice(n % lines.length, 0, line.slice(0, -1));
    return lines.join('\n');
  })),
  // A document moved (the last one too: it is parsed without a `---` after it), duplicated, removed.
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, b, file]) => inFile(file, (t) => {
    const d = docs(t);
    const [moved] = d.splice(a % d.length, 1);
    d.splice(b % (d.length + 1), 0, moved as string);
    return d.map((x) => (x.endsWith('\n') ? x : `${x}\n`)).join('');
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, file]) => inFile(file, (t) => { const d = docs(t); return [...d, d[a % d.length] as string].join(''); })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, file]) => inFile(file, (t) => { const d = docs(t); return d.length > 1 ? d.filter((_, k) => k !== a % d.length).join('') : t; })),
  // Back to an earlier state (its pieces may still be held).
  fc.nat().map((k): Edit => (files, history) => history[k % history.length] ?? files),
);

const same = (a: unknown, b: unknown) => expect(a).toStrictEqual(b);

describe('IncrementalAnalyzer on the bench clusters', () => {
  it('a small one (12 pods): every result equals a cold analysis after random edits', () => {
    const cluster = generateCluster({ pods: 12, namespaces: 2, policies: 4 }) as Files;
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => follows(cluster, edits, same)), { numRuns: RUNS || 6 });
  }, TIMEOUT);

  it("bench's 50 pods (two files of 34 KB): every result equals a cold analysis after random edits", () => {
    const cluster = generateCluster({ pods: 50, namespaces: 2, policies: 10 }) as Files;
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => follows(cluster, edits, same)), { numRuns: RUNS || 3 });
  }, TIMEOUT);
});
