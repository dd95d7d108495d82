import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSources } from './index.js';
import { PARSE_OPTIONS } from './cache.js';

// The engine's one-pass duplicate-key check gives what the yaml package's own (quadratic) check
// gives: the same message at the same offsets (issue 12: a map of 50,000 keys took minutes).
const TEXTS = [
  'a: 1\nb: 2\na: 3\n',
  'spec:\n  containers:\n  - name: c\n    name: d\n    image: x\n',
  'm: {x: 1, y: 2, x: 3}\n---\nk: 1\nk: 2\nk: 3\n',
  '1: a\n"1": b\ntrue: c\n"true": d\n',
  'list: [{a: 1, a: 2}, {b: 1}]\nnested: {deep: {deeper: {k: 1, k: 2}}}\n',
  '&anchor key: 1\nkey: 2\n',
];

const upstream = (text: string) => parseAllDocuments(text, PARSE_OPTIONS).flatMap((d) =>
  d.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => [e.pos[0], e.pos[1]]));

describe('duplicate keys (one pass, as the yaml package words and places them)', () => {
  it.each(TEXTS)('%j', (text) => {
    const ours = parseSources([{ name: 'f.yaml', text }]).diagnostics
      .filter((d) => d.message === 'YAML syntax error: Map keys must be unique').map((d) => [...(d.offsets ?? [])]);
    expect(ours).toEqual(upstream(text));
  });

  it('a map of 50,000 keys is linear work (seconds, not minutes)', () => {
    const text = `data:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: v`).join('\n')}\n  k7: again\n`;
    const t0 = performance.now();
    const d = parseSources([{ name: 'f.yaml', text }]).diagnostics;
    expect(d.map((x) => x.message)).toEqual(['YAML syntax error: Map keys must be unique']);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});
