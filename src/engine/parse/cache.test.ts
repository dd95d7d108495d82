// Re-analysis after an edit (the lab re-analyzes on every keystroke; `kslab shell` and lesson
// checks after every command) parses only the files whose text changed.
import { describe, expect, it } from 'vitest';
import { scenarioPods } from '../../testing/analysis.js';
import { analyze } from '../index.js';
import { parseFileCached, PARSE_CACHE_CHARS } from './cache.js';

describe('parse cache', () => {
  it('returns the same documents for the same text, new ones for a new text', () => {
    const a = parseFileCached('a: 1\n---\nb: 2\n');
    expect(parseFileCached('a: 1\n---\nb: 2\n')).toBe(a);
    expect(parseFileCached('a: 1\n---\nb: 3\n')).not.toBe(a);
    expect(a.docs).toHaveLength(2);
  });

  it('forgets the least recently used texts beyond its budget', () => {
    const first = parseFileCached(`keep: ${'x'.repeat(100)}\n`);
    const big = 'y'.repeat(Math.ceil(PARSE_CACHE_CHARS / 4));
    for (let i = 0; i < 5; i++) parseFileCached(`k${i}: ${big}\n`);
    expect(parseFileCached(`keep: ${'x'.repeat(100)}\n`)).not.toBe(first);
  });

  it('an analysis from cached documents equals a fresh one, syntax errors included', () => {
    const files = [
      { name: 'ok.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n' },
      { name: 'bad.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: q\n' },
    ];
    const one = analyze(files);
    const two = analyze(files.map((f) => ({ ...f })));
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(scenarioPods(two).map((p) => p.key)).toEqual(['default/p']);
    expect(two.locate({ file: 'ok.yaml', doc: 0, path: ['spec'] })).toEqual(one.locate({ file: 'ok.yaml', doc: 0, path: ['spec'] }));
  });
});
