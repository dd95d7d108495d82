// splitDocuments and sameData, pinned on exact outputs. The document marker rule is YAML 1.2
// §9.1.4 (c-directives-end `---` at the start of a line, followed by a space, a tab or a line
// break); `...` (c-document-end) and `%` directives are left to the parser (null).
import { describe, expect, it } from 'vitest';
import { sameData } from './index.js';
import { pieceEnd, splitDocuments } from './split.js';

describe('splitDocuments', () => {
  it.each([
    { text: '', starts: [] },
    { text: '\n\n', starts: [] },
    { text: '# only a comment\n  # and another', starts: [] },
    { text: 'a: 1', starts: [0] },
    { text: '---\na: 1', starts: [0] },
    { text: '---', starts: [0] },
    { text: 'a: 1\n---\nb: 2', starts: [0, 5] },
    { text: 'a: 1\n---\n', starts: [0, 5] },
    { text: '# c\n---\nb: 2', starts: [0] },
    { text: '# c\n---\nb: 2\n--- \nc: 3', starts: [0, 13] },
    { text: 'a: 1\n---\tx\nb', starts: [0, 5] },
    { text: 'a: 1\n---\r\nb', starts: [0, 5] },
    { text: 'a: 1\n----\nb', starts: [0] },
    { text: 'a: 1\n--x\nb', starts: [0] },
    { text: 'a: 1\n -- -\nb', starts: [0] },
    { text: 'a: |\n  x\n---\nb', starts: [0, 9] },
    { text: '\ufeffa: 1\n---\nb', starts: [0, 6] },
    { text: '\ufeff# c\n---\nb', starts: [0] },
  ])('$text', ({ text, starts }) => {
    expect(splitDocuments(text)).toEqual(starts);
  });

  it.each(['%YAML 1.2\n---\na: 1', 'a: 1\n...\n', 'a: 1\n...', 'a: 1\n---\n\ufeffb: 2', 'a: 1\n% x'])('%j is left whole (null)', (text) => {
    expect(splitDocuments(text)).toBeNull();
  });

  it('a `...` not followed by a space or break, and `%` inside a line, are plain text', () => {
    expect(splitDocuments('a: 1\n....\nb: 2')).toEqual([0]);
    expect(splitDocuments('a: "%x"\n---\nb')).toEqual([0, 8]);
  });

  it('pieceEnd runs to the next start, the last to the end', () => {
    expect(pieceEnd([0, 5, 9], 0, 20)).toBe(5);
    expect(pieceEnd([0, 5, 9], 1, 20)).toBe(9);
    expect(pieceEnd([0, 5, 9], 2, 20)).toBe(20);
  });
});

describe('sameData', () => {
  it.each([
    { a: 1, b: 1, same: true },
    { a: Number.NaN, b: Number.NaN, same: true },
    { a: 0, b: -0, same: false },
    { a: 'x', b: 'y', same: false },
    { a: null, b: null, same: true },
    { a: null, b: {}, same: false },
    { a: {}, b: null, same: false },
    { a: [1, 2], b: [1, 2], same: true },
    { a: [1, 2], b: [1, 2, 3], same: false },
    { a: [1, 2], b: [2, 1], same: false },
    { a: [1], b: { 0: 1 }, same: false },
    { a: [1], b: { 0: 1, length: 1 }, same: false },
    { a: { 0: 1 }, b: [1], same: false },
    { a: { x: 1, y: [1, { z: 2 }] }, b: { x: 1, y: [1, { z: 2 }] }, same: true },
    { a: { x: 1, y: [1, { z: 2 }] }, b: { x: 1, y: [1, { z: 3 }] }, same: false },
    { a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, same: false },
    { a: { x: 1 }, b: { x: 1, y: undefined }, same: false },
    { a: { x: 1 }, b: { y: 1 }, same: false },
    { a: new Map(), b: new Map(), same: false },
    { a: Object.create(null) as object, b: Object.create(null) as object, same: true },
    { a: Object.create(null) as object, b: {}, same: false },
  ])('$a vs $b', ({ a, b, same }) => {
    expect(sameData(a, b, 0)).toBe(same);
  });

  it('gives up (false) past 200 levels, not before', () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : [nest(n - 1)]);
    expect(sameData(nest(200), nest(200), 0)).toBe(true);
    expect(sameData(nest(201), nest(201), 0)).toBe(true);
    expect(sameData(nest(202), nest(202), 0)).toBe(false);
    expect(sameData(nest(10), nest(10), 195)).toBe(false);
  });
});
