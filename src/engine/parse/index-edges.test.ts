// parseSources end to end on small files: documents (ok, empty, value), the diagnostics of
// read-document.ts (YAML syntax errors with their first line only, duplicate keys at the later key,
// an unresolved alias), positions (`locate`: a value, a key with atKey, the nearest existing
// ancestor for a missing path, 1-based lines and columns) and the incremental cache (a document
// whose data is unchanged keeps its value object).
import { describe, expect, it } from 'vitest';
import { parseSources, type ParseCache } from './index.js';
import { parseDocument, type Document } from 'yaml';
import { ENGINE_OPTIONS } from './cache.js';
import { duplicateKeys } from './unique-keys.js';

const parse = (text: string) => parseSources([{ name: 'f.yaml', text }]);
const docs = (text: string) => parse(text).docs.map((d) => [d.index, d.ok, d.empty, d.value]);
const diags = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.message, d.offsets, d.ref?.doc]);

describe('documents and their diagnostics', () => {
  it('empty documents are ok and empty; each gets its index', () => {
    expect(docs('a: 1\n---\n\n---\nb: 2')).toEqual([[0, true, false, { a: 1 }], [1, true, true, undefined], [2, true, false, { b: 2 }]]);
    expect(docs('---\n# c\n')).toEqual([[0, true, true, undefined]]);
  });

  it('a duplicate key is a syntax error at the later key, and the document is left out', () => {
    expect(diags('a: 1\na: 2')).toEqual([['yaml-syntax', 'YAML syntax error: Map keys must be unique', [5, 6], 0]]);
    expect(diags('{a: 1, a: 2}')).toEqual([['yaml-syntax', 'YAML syntax error: Map keys must be unique', [7, 8], 0]]);
    expect(docs('a: 1\na: 2')).toEqual([[0, false, false, undefined]]);
  });

  it('a syntax error keeps the first line of the message, at its offsets, in document order', () => {
    expect(diags('a: [1\n')).toEqual([['yaml-syntax', 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]', [6, 7], 0]]);
    expect(diags('a: 1\n  b: 2\na: 3').map((d) => d[2])).toEqual([[3, 4], [3, 8]]);
  });

  it('syntax errors and duplicate keys come in text order', () => {
    expect(diags('x: @a\na: 1\na: 2').map((d) => d[2])).toEqual([[3, 4], [11, 12]]);
    expect(diags('k: v\nk: w\n@x').map((d) => d[2])).toEqual([[5, 6], [10, 11], [10, 12]]);
  });

  it('an empty error range is widened to one character', () => {
    expect(diags('a: 1\n- b').map((d) => d[2])).toEqual([[5, 6], [5, 6], [5, 6]]);
  });

  it('a document that is a null scalar is empty', () => {
    expect(docs('null')).toEqual([[0, true, true, undefined]]);
    expect(docs('---\n~\n')).toEqual([[0, true, true, undefined]]);
  });

  it('a document whose value cannot be built is not ok', () => {
    expect(docs('a: &x 1\nb: *y')).toEqual([[0, false, false, undefined]]);
  });

  it('the second document of a file has index 1 in its diagnostics', () => {
    expect(diags('a: 1\n---\nb: [').map((d) => d[3])).toEqual([1]);
  });

  it('an unresolved alias is a YAML error without offsets', () => {
    expect(diags('a: &x 1\nb: *y')).toEqual([['yaml-syntax', 'YAML error: Unresolved alias (the anchor must be set before the alias): y', undefined, 0]]);
  });

  it('aliases resolve (YAML 1.1: the key y is true)', () => {
    expect(docs('x: &a [1]\ny: [*a, *a]')).toEqual([[0, true, false, { x: [1], true: [[1], [1]] }]]);
  });
});

describe('locate', () => {
  const text = 'a:\n  b: [x, y]\n  "c": 1\n---\nd: e';
  const p = parse(text);
  const at = (path: (string | number)[], atKey = false, doc = 0) => {
    const r = p.locate({ file: 'f.yaml', doc, path }, atKey);
    return r && [r.line, r.column, r.endLine, r.endColumn, r.start, r.end];
  };

  it('a sequence item, a value, a key', () => {
    expect(at(['a', 'b', 1])).toEqual([2, 10, 2, 11, 12, 13]);
    expect(at(['a', 'b'])).toEqual([2, 6, 2, 12, 8, 14]);
    expect(at(['a', 'b'], true)).toEqual([2, 3, 2, 4, 5, 6]);
    expect(at(['a', 'c'], true)).toEqual([3, 3, 3, 6, 17, 20]);
  });

  it('a number-like key is found by its string path segment', () => {
    const q = parse('ports:\n  8080: web');
    const r = q.locate({ file: 'f.yaml', doc: 0, path: ['ports', '8080'] });
    expect(r && [r.start, r.end]).toEqual([15, 18]);
  });

  it('a missing key or index stops at the nearest existing node', () => {
    expect(at(['a', 'zz'])).toEqual([2, 3, 4, 1, 5, 24]);
    expect(at(['a', 'b', 5])).toEqual([2, 6, 2, 12, 8, 14]);
    expect(at([])).toEqual([1, 1, 4, 1, 0, 24]);
  });

  it('positions in a later document are the file\'s', () => {
    expect(at(['d'], false, 1)).toEqual([5, 4, 5, 5, 31, 32]);
  });

  it('an unknown file or document is null; offsets are clamped to the text', () => {
    expect(p.locate({ file: 'g.yaml', doc: 0, path: [] })).toBeNull();
    expect(p.locate({ file: 'f.yaml', doc: 7, path: [] })).toBeNull();
    expect(p.locateOffsets('f.yaml', 3, 999)).toMatchObject({ line: 2, column: 1, endLine: 5, endColumn: 5, start: 3, end: 32 });
    expect(p.locateOffsets('nope', 0, 1)).toBeNull();
  });

  it('rough: a document read on its own gets its document\'s lines, from after its `---`', () => {
    const rough = p.locate({ file: 'f.yaml', doc: 1, path: ['d'] }, false, true);
    expect(p.reparses({ file: 'f.yaml', doc: 1, path: [] })).toBe(true);
    expect(rough && [rough.line, rough.start, rough.end]).toEqual([5, 28, 32]);
  });
});

describe('the parse cache', () => {
  it('an unchanged file is not parsed again; an unchanged document keeps its value object; a dropped file leaves the cache', () => {
    const cache: ParseCache = new Map();
    const first = parseSources([{ name: 'a.yaml', text: 'a: 1\n---\nb: 2' }, { name: 'b.yaml', text: 'c: 3' }], cache);
    const again = parseSources([{ name: 'a.yaml', text: 'a: 1\n---\nb: 2' }, { name: 'b.yaml', text: 'c: 3' }], cache);
    expect(again.docs[0]?.value).toBe(first.docs[0]?.value);
    const edited = parseSources([{ name: 'a.yaml', text: 'a: 1   # same data\n---\nb: 3' }], cache);
    expect(edited.docs[0]?.value).toBe(first.docs[0]?.value);
    expect(edited.docs[1]?.value).toEqual({ b: 3 });
    expect([...cache.keys()]).toEqual(['a.yaml']);
  });
});

describe('duplicateKeys', () => {
  const dups = (text: string) => duplicateKeys(parseDocument(text, { ...ENGINE_OPTIONS, uniqueKeys: false }) as Document.Parsed).map((d) => d.pos);

  it('finds duplicates in every map, in text order, keys of complex keys included', () => {
    expect(dups('x:\n  a: 1\n  a: 2\ny:\n  b: 1\n  b: 2')).toEqual([[12, 13], [29, 30]]);
    expect(dups('- {a: 1, a: 2}\n- {b: 1, b: 2}')).toEqual([[9, 10], [24, 25]]);
    expect(dups('? {a: 1, a: 2}\n: v')).toEqual([[9, 10]]);
  });
});
