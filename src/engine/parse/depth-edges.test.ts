// findTooDeep with a small limit, so each counting rule shows in the exact offset it reports: a
// level per indentation step and per compact `- `, one per `[`/`{` where a value may start (YAML
// 1.2 flow collections start a node: after `key: `, `- `, `? `, or inside a flow collection), none
// inside comments, quoted or block scalars; `---` and `...` at column 0 end a document (§9.1.4).
import { describe, expect, it } from 'vitest';
import { blankDocuments, findTooDeep } from './depth.js';

describe('findTooDeep (limit 2)', () => {
  it.each([
    { text: '[x]', deep: [] },
    { text: '[[x]]', deep: [{ start: 0, end: 5, at: 1 }] },
    { text: 'a:\n  b: 1', deep: [] },
    { text: 'a:\n  b:\n    c: 1', deep: [{ start: 0, end: 16, at: 12 }] },
    { text: 'a:\r\n  b:\r\n    c: 1', deep: [{ start: 0, end: 18, at: 14 }] },
    { text: '- - x', deep: [{ start: 0, end: 5, at: 4 }] },
    { text: 'a:\n- b:\n  - c', deep: [{ start: 0, end: 13, at: 12 }] },
    { text: 'a: {b: [c]}', deep: [{ start: 0, end: 11, at: 7 }] },
    { text: 'a:\t[[[x]]]', deep: [{ start: 0, end: 10, at: 4 }] },
    { text: '? [[x]]', deep: [{ start: 0, end: 7, at: 3 }] },
    { text: 'a: [\n  [\n    [x]]]', deep: [{ start: 0, end: 18, at: 7 }] },
  ])('$text', ({ text, deep }) => {
    expect(findTooDeep(text, 2)).toEqual(deep);
  });

  it.each([
    'a: 1 # [[[[', "a: '[[[['", "a: 'it''s [[[['", 'a: "\\"[[[["', 'x: "a\n [[[[ "', 'a: >\n  {{{{\n  x\nb: 1',
    'a: b[[[[', 'a: b#[[[', 'a: -[[[x]]]', "a: x'[[[['",
  ])('%j: brackets that open nothing', (text) => {
    expect(findTooDeep(text, 2)).toEqual([]);
  });

  it('a document past the limit at its first character is reported at 0', () => {
    expect(findTooDeep('x', 0)).toEqual([{ start: 0, end: 1, at: 0 }]);
  });

  it.each([
    // A CR LF blank line inside a block scalar is blank: the scalar goes on.
    { text: 'a: |\r\n  x\r\n\r\n  [[[[', deep: [] },
    // `---` followed by a tab is a marker.
    { text: '[[[x]]]\n---\t\n[x]', deep: [{ start: 0, end: 8, at: 1 }] },
    // `#` inside a plain scalar is no comment.
    { text: 'a: [x#y, [[z]]]', deep: [{ start: 0, end: 15, at: 9 }] },
    // Inside a flow collection a quote opens after `:` and after a space.
    { text: '{a:"[[[["}', deep: [] },
    { text: '[ "[[[["]', deep: [] },
    // Inside a flow collection every bracket counts (hostile text is caught early).
    { text: '[x[[y]]]', deep: [{ start: 0, end: 8, at: 2 }] },
    // A stray closing bracket outside flow closes nothing.
    { text: 'a: b]\nc: [[[x]]]', deep: [{ start: 0, end: 16, at: 10 }] },
  ])('$text', ({ text, deep }) => {
    expect(findTooDeep(text, 2)).toEqual(deep);
  });

  it('a block scalar ends at a line indented no more than its key', () => {
    expect(findTooDeep('a: |\n  [[[[\nb: [[[x]]]', 2)).toEqual([{ start: 0, end: 22, at: 16 }]);
  });

  it('--- and ... end a document; each document is judged on its own', () => {
    expect(findTooDeep('[[[x]]]\n---\n[x]', 2)).toEqual([{ start: 0, end: 8, at: 1 }]);
    expect(findTooDeep('[x]\n---\n[[[x]]]', 2)).toEqual([{ start: 8, end: 15, at: 9 }]);
    expect(findTooDeep('a: [[[x]]]\n...\nb: 1', 2)).toEqual([{ start: 0, end: 11, at: 4 }]);
    expect(findTooDeep('---\na:\n  b:\n    c: 1\n---\nd: 1', 2)).toEqual([{ start: 4, end: 21, at: 16 }]);
  });

  it('an unclosed flow collection is closed by the next document marker', () => {
    expect(findTooDeep('a: [[x\n---\n[[y]]', 3)).toEqual([]);
    expect(findTooDeep('a: "x\n---\n[[[y]]]', 2)).toEqual([{ start: 10, end: 17, at: 11 }]);
  });
});

describe('blankDocuments', () => {
  it('blanks every character but line breaks of the listed documents, and nothing else', () => {
    expect(blankDocuments('ab\r\ncd\nef', [{ start: 0, end: 7, at: 1 }])).toBe('  \r\n  \nef');
    expect(blankDocuments('ab\n---\ncd\n---\nef', [{ start: 7, end: 10, at: 7 }])).toBe('ab\n---\n  \n---\nef');
    expect(blankDocuments('abc', [])).toBe('abc');
  });
});
