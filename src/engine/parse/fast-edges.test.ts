// readSimpleDocument on exact inputs: the value it reads (as the `yaml` package reads it, YAML 1.1
// scalars: `y` is true, `0644` is 420) or undefined where it leaves the document to the package.
// A planted bug either misreads (fast.test.ts compares with the package) or gives up on a plain
// shape it should read (only pinned here).
import { describe, expect, it } from 'vitest';
import { readSimpleDocument } from './fast.js';

describe('readSimpleDocument reads', () => {
  it.each([
    { text: '', value: undefined, empty: true },
    { text: '# c\n\n', value: undefined, empty: true },
    { text: '---\n', value: undefined, empty: true },
    { text: '---  \na: 1', value: { a: 1 }, empty: false },
    { text: 'a', value: 'a', empty: false },
    { text: '-#c', value: '-#c', empty: false },
    { text: 'a:b', value: 'a:b', empty: false },
    { text: 'a:# c', value: 'a:# c', empty: false },
  ])('$text', ({ text, value, empty }) => {
    expect(readSimpleDocument(text)).toEqual({ value, empty });
  });

  it.each([
    { text: 'a: 1\nb: x', value: { a: 1, b: 'x' } },
    { text: 'a:\n  b: 1\n  c: 2\nd: 3', value: { a: { b: 1, c: 2 }, d: 3 } },
    { text: 'a:\n  b:\n    c:\n      d: 1', value: { a: { b: { c: { d: 1 } } } } },
    { text: 'a:\n- 1\n- 2', value: { a: [1, 2] } },
    { text: 'a:\n  - 1\n  - 2', value: { a: [1, 2] } },
    { text: 'a:\n- x\nb: 1', value: { a: ['x'], b: 1 } },
    { text: 'a:\n  - p\n  - q\nb: 1', value: { a: ['p', 'q'], b: 1 } },
    { text: '- a\n- b', value: ['a', 'b'] },
    { text: ' - a\n - b', value: ['a', 'b'] },
    { text: '  a: 1\n  b: 2', value: { a: 1, b: 2 } },
    { text: '-\n- b', value: [null, 'b'] },
    { text: '- \n  x: 1', value: [{ x: 1 }] },
    { text: '-\n  p: 1\n  q: 2', value: [{ p: 1, q: 2 }] },
    { text: '- # c\n  a: 1', value: [{ a: 1 }] },
    { text: '- p: 1\n  q: 2\n- z: 3', value: [{ p: 1, q: 2 }, { z: 3 }] },
    { text: 'a:\n- p: 1\n  q: 2\n- z', value: { a: [{ p: 1, q: 2 }, 'z'] } },
    { text: 'a:\n-   b: 1\n    c: 2', value: { a: [{ b: 1, c: 2 }] } },
    { text: '- [a]\n- {b: c}', value: [['a'], { b: 'c' }] },
    { text: '- "q"', value: ['q'] },
    { text: 'a: # c\n  b: 1', value: { a: { b: 1 } } },
    { text: 'a:\n', value: { a: null } },
    { text: 'a:\nb:', value: { a: null, b: null } },
    { text: 'a: b:c', value: { a: 'b:c' } },
    { text: 'a: b # c', value: { a: 'b' } },
    { text: 'a: b#c', value: { a: 'b#c' } },
    { text: 'a: b  ', value: { a: 'b' } },
    { text: 'a:  1', value: { a: 1 } },
    { text: 'a: 1 #c\n', value: { a: 1 } },
    { text: 'a: "x" # c', value: { a: 'x' } },
    { text: 'a: [1, 2] # c', value: { a: [1, 2] } },
    { text: 'a: {b: 1}', value: { a: { b: 1 } } },
    { text: '"k": v', value: { k: 'v' } },
    { text: "'k': v", value: { k: 'v' } },
    { text: 'k : v', value: { k: 'v' } },
    { text: 'a: -1', value: { a: -1 } },
    { text: 'a: yes', value: { a: true } },
    { text: 'a: 0644', value: { a: 420 } },
    { text: 'a: ~', value: { a: null } },
    { text: 'a: ""', value: { a: '' } },
    { text: "a: ''", value: { a: '' } },
    { text: 'a: x\n\n\nb: z', value: { a: 'x', b: 'z' } },
    { text: 'a: x\n# c\nb: z', value: { a: 'x', b: 'z' } },
    { text: 'a: x\nb: y', value: { a: 'x', b: true } },
    // A null value whose next line is the parent sequence's next item is null, not a sequence.
    { text: 'l:\n- a:\n  b:\n- c', value: { l: [{ a: null, b: null }, 'c'] } },
  ])('$text', ({ text, value }) => {
    expect(readSimpleDocument(text)).toEqual({ value, empty: false });
  });
});

describe('readSimpleDocument leaves to the yaml package', () => {
  it.each([
    '--- a\n', 'a: 1\n---\n', 'a: 1\n...\n', '~', 'null', '- - x', 'a: b: c', 'a: "x"#c', 'a: "x" y', 'a: [1, 2] x',
    '"k" : v', '1: a', 'true: a', 'y: 1', '__proto__: 1', 'a: 1\na: 2', 'a: 1\n  b: 2', 'a:\n  b: 1\n c: 2', 'a:\n    b: 1\n  c: 2',
    'a: x\n  y', 'a\tb: 1', 'a: \u0085', 'a: \u2028', 'a: \ud800', 'a: \u007f', 'a: \ufeff', 'a: -', 'a: ?x', 'a: :x', 'a: <x', 'a: &x y', 'a: *x',
    'a: !t x', 'a: |\n  x', 'a: >\n  x', 'a: x\r\nb: z', `${'x'.repeat(1001)}: 1`, '- a\n  b', 'a:\n  - b\n c', '- p: 1\n   q: 2',
    '- p: 1\n q: 2', 'a:\n- p\n  - q', 'a:\n  p: 1\n  - q', '? a\n: b',
    // `... ` at column 0 ends the document; `b:` at the end of a value is a mapping the reader does not take.
    'a: 1\n... : b', 'a: b:',
  ])('%j', (text) => {
    expect(readSimpleDocument(text)).toBeUndefined();
  });

  it('` #` starts a comment even before a colon: the document is the scalar', () => {
    expect(readSimpleDocument('a #b: 1')).toEqual({ value: 'a', empty: false });
  });

  it('a key of 1000 characters is still read', () => {
    expect(readSimpleDocument(`${'x'.repeat(1000)}: 1`)).toEqual({ value: { ['x'.repeat(1000)]: 1 }, empty: false });
  });
});
