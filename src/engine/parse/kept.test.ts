import { describe, expect, it } from 'vitest';
import { pieceTree, readKept, type KeptPiece } from './kept.js';
import { parseSources, type ParseCache } from './index.js';

const pod = (name: string, app: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${app}\n`;
const file = (...docs: string[]) => docs.map((d) => `---\n${d}`).join('');

describe('a kept file read a document at a time (issue 11)', () => {
  it('reads again only the pieces whose text changed; the others keep what they read to, placed where they now are', () => {
    const first = readKept('a.yaml', file(pod('a', 'x'), pod('b', 'x'), pod('c', 'x')), undefined);
    expect(first?.pieces.map((p) => p.read.value)).toEqual([1, 2, 3].map((_, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'abc'[i], labels: { app: 'x' } } })));
    // b's label edited, and a line added above everything: a and c are not read again.
    const text = `# note\n${file(pod('a', 'x'), pod('b', 'web'), pod('c', 'x'))}`;
    const next = readKept('a.yaml', text, first?.reads);
    expect(next?.pieces.map((p, i) => p.read === first?.pieces[i]?.read)).toEqual([false, false, true]);
    expect(next?.pieces[2]?.start).toBe((first?.pieces[2]?.start ?? 0) + '# note\n'.length + 2);
    expect(next?.docs.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(next?.lines.linePos(next.pieces[2]?.start ?? 0)).toEqual({ line: 16, col: 1 });
    // The first piece's text changed too (the comment is in it); its data did not: parse/index.ts
    // shares the value then. The second's did.
    expect((next?.pieces[1]?.read.value as { metadata: { labels: unknown } }).metadata.labels).toEqual({ app: 'web' });
  });

  it('the last piece is read again when it is no longer last (it is parsed with the next --- after it)', () => {
    const a = pod('a', 'x'), b = pod('b', 'x');
    const first = readKept('a.yaml', file(a, b), undefined);
    const swapped = readKept('a.yaml', file(b, a), first?.reads);
    expect(swapped?.pieces.map((p) => p.read.last)).toEqual([false, true]);
    expect(swapped?.pieces[0]?.read).not.toBe(first?.pieces[1]?.read);
    expect(swapped?.pieces[1]?.read).not.toBe(first?.pieces[0]?.read);
    // Back: both found again.
    const back = readKept('a.yaml', file(a, b), swapped?.reads);
    expect(back?.pieces.map((p) => p.read.value)).toEqual(first?.pieces.map((p) => p.read.value));
  });

  it('leaves to the whole-stream parse a file of one document, a syntax error among several, a document nesting too deep', () => {
    expect(readKept('a.yaml', pod('a', 'x'), undefined)).toBeNull();
    expect(readKept('a.yaml', file(pod('a', 'x'), 'a: [\n'), undefined)).toBeNull();
    expect(readKept('a.yaml', file(pod('a', 'x'), `a: ${'['.repeat(120)}${']'.repeat(120)}\n`), undefined)).toBeNull();
    expect(readKept('a.yaml', file(pod('a', 'x'), pod('b', 'x')), undefined)).not.toBeNull();
  });

  it("a kept file's positions: a piece's tree is parsed when a position is asked and kept; lines are the file's", () => {
    const cache: ParseCache = new Map();
    const text = file(pod('a', 'x'), pod('b', 'x'));
    parseSources([{ name: 'a.yaml', text }], cache);
    const moved = `# one\n# two\n${text}`;
    const parsed = parseSources([{ name: 'a.yaml', text: moved }], cache);
    const range = parsed.locate({ file: 'a.yaml', doc: 1, path: ['metadata', 'labels', 'app'] });
    expect(range).toMatchObject({ line: 16, column: 10, start: moved.lastIndexOf('x'), end: moved.lastIndexOf('x') + 1 });
    expect(parsed.locate({ file: 'a.yaml', doc: 1, path: ['metadata', 'name'] }, true)).toMatchObject({ line: 14, column: 3 });
    // The tree parsed for that position is kept with what the piece read to: found again after an edit elsewhere.
    const first = readKept('a.yaml', text, undefined);
    const tree = first && pieceTree(text, first.pieces[1] as KeptPiece);
    expect(tree?.toJS()).toEqual(first?.pieces[1]?.read.value);
    const next = readKept('a.yaml', `# one\n${text}`, first?.reads);
    expect(pieceTree(`# one\n${text}`, next?.pieces[1] as KeptPiece)).toBe(tree);
  });
});

describe("a kept piece's own diagnostics (a value toJS refuses)", () => {
  it('are placed at the piece: the file, the index and offsets of where it now is, as a one-shot parse gives them', () => {
    const aliased = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: *missing}\n';
    const cache: ParseCache = new Map();
    const before = [{ name: 'a.yaml', text: file(pod('a', 'x'), aliased) }];
    const after = [{ name: 'b.yaml', text: '# moved\n' }, { name: 'a.yaml', text: `# note\n${file(pod('z', 'x'), pod('a', 'x'), aliased)}` }];
    for (const files of [before, after]) {
      const kept = parseSources(files, cache), fresh = parseSources(files);
      expect(kept.diagnostics).toEqual(fresh.diagnostics);
      expect(kept.docs).toEqual(fresh.docs);
    }
    const last = parseSources(after, cache);
    expect(last.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', ref: { file: 'a.yaml', doc: 2, path: [] } })]);
    expect(last.docs[2]).toMatchObject({ file: 'a.yaml', index: 2, ok: false });
    // Read by the kept path (the alias is refused by toJS, not a syntax error), its read reused after the move.
    const one = readKept('a.yaml', before[0]!.text, undefined);
    const two = readKept('a.yaml', after[1]!.text, one?.reads);
    expect(two?.pieces[2]?.read).toBe(one?.pieces[1]?.read);
    expect(two?.diagnostics).toEqual([expect.objectContaining({ ref: { file: 'a.yaml', doc: 2, path: [] } })]);
  });
});
