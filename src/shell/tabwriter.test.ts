import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter.js';
import { tokenize } from './tokenize.js';

// golang/go src/text/tabwriter: a column block is a run of lines that have that column; the last
// cell of a line is never padded; a line without tabs ends a block.
describe('tabwrite', () => {
  it.each([
    ['NAME\tREADY\nweb\t1/1\n', 3, 'NAME   READY\nweb    1/1\n'],
    ['a:\t1\nlonger:\t2\nbreak\nx:\t3\n', 2, 'a:       1\nlonger:  2\nbreak\nx:  3\n'],
    ['Labels:\ta=b\n\tc=d\n', 2, 'Labels:  a=b\n         c=d\n'],
  ])('%j', (input, padding, expected) => {
    expect(tabwrite(input, { padding })).toBe(expected);
  });
});

describe('tokenize (bash quoting)', () => {
  it.each([
    [`date -s '2024-01-01 10:00:00'`, ['date', '-s', '2024-01-01 10:00:00']],
    [`echo "a \\"b\\"" c\\ d`, ['echo', 'a "b"', 'c d']],
    [`k get   pods`, ['k', 'get', 'pods']],
  ])('%s', (line, words) => {
    expect(tokenize(line)).toEqual({ ok: true, words });
  });
  it('reports an unterminated quote as bash does', () => {
    expect(tokenize(`echo 'x`).ok).toBe(false);
  });
});
