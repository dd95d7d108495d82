// The quick reader's scalars and one-line flow collections on exact inputs: what it reads (so a
// planted bug that makes it give up on plain input shows, not only one that misreads) and what it
// leaves to the `yaml` package (null / NOT). Values follow the YAML 1.1 core the engine parses with
// (yaml11.test.ts: yes/no/on/off/y/n booleans, 0-prefixed octal, underscores in numbers), as
// sigs.k8s.io/yaml (go-yaml v2) reads manifests for kubectl.
import { describe, expect, it } from 'vitest';
import { flow, NOT, PLAIN_FIRST_NOT, quoted, resolvePlain } from './fast-scalars.js';

const read = (t: string) => {
  const r = flow(t, 0, t.length);
  return r ? { value: r[0], end: r[1] } : null;
};

describe('quoted', () => {
  it.each([
    { t: '"abc" x', out: ['abc', 5] },
    { t: "'it''s' x", out: ["it's", 7] },
    { t: "'a''' x", out: ["a'", 5] },
    { t: '"" x', out: ['', 2] },
    { t: "'' x", out: ['', 2] },
    { t: '"a" "b"', out: ['a', 3] },
    { t: '"a\\"b"', out: null },
    { t: '"abc', out: null },
    { t: "'abc", out: null },
  ])('$t', ({ t, out }) => {
    expect(quoted(t, 0, t.length)).toEqual(out);
  });

  it('the closing quote must lie before the end offset', () => {
    expect(quoted('"ab" ', 0, 3)).toBeNull();
    expect(quoted('"ab" ', 0, 4)).toEqual(['ab', 4]);
  });
});

describe('flow', () => {
  it.each([
    { t: '[]', value: [], end: 2 },
    { t: '{}', value: {}, end: 2 },
    { t: '[a, b]', value: ['a', 'b'], end: 6 },
    { t: '[ a , b ]', value: ['a', 'b'], end: 9 },
    { t: '[a,b]', value: ['a', 'b'], end: 5 },
    { t: '[a,  b]', value: ['a', 'b'], end: 7 },
    { t: '[a ]', value: ['a'], end: 4 },
    { t: '[a b ]', value: ['a b'], end: 6 },
    { t: '[a b, c]', value: ['a b', 'c'], end: 8 },
    { t: '[a] x', value: ['a'], end: 3 },
    { t: '[a]]', value: ['a'], end: 3 },
    { t: '[1, true, null, ~, 0x1F, 1.5, -1, -a]', value: [1, true, null, null, 31, 1.5, -1, '-a'], end: 37 },
    { t: '[yes, no, on, off, y, n]', value: [true, false, true, false, true, false], end: 24 },
    { t: '[abcdef, Abcdef]', value: ['abcdef', 'Abcdef'], end: 16 },
    { t: '{a: 1, b: [x, z]}', value: { a: 1, b: ['x', 'z'] }, end: 17 },
    { t: '{a: b }', value: { a: 'b' }, end: 7 },
    { t: '{a : b}', value: { a: 'b' }, end: 7 },
    { t: '{a:  b}', value: { a: 'b' }, end: 7 },
    { t: '{a: b,c: d}', value: { a: 'b', c: 'd' }, end: 11 },
    { t: '{"k": "v"}', value: { k: 'v' }, end: 10 },
    { t: "{'k': v}", value: { k: 'v' }, end: 8 },
    { t: '["a", \'b\']', value: ['a', 'b'], end: 10 },
    { t: '[{a: 1}, [2]]', value: [{ a: 1 }, [2]], end: 13 },
  ])('$t reads', ({ t, value, end }) => {
    expect(read(t)).toEqual({ value, end });
  });

  it('.inf reads as Infinity', () => {
    expect(read('[.inf]')?.value).toEqual([Infinity]);
  });

  it.each([
    '[a, ]', '[a,]', '[,a]', '{a: b, }', '[', '[[a]', '{a: 1', '{a:1}', '{a: }', '{a: 1, a: 2}', '{__proto__: 1}', '{"__proto__": 1}',
    '{1: a}', '{true: a}', '[a:b]', '[a#b]', '[a #b]', '[a"b]', "[a']", '[a, "b]', '[-]', '[- a]', '[-,a]', '[a, -]',
    '[?a]', '[:a]', '[&a]', '[*a]', '[!a]', '[|a]', '[>a]', '[%a]', '[@a]', '[`a]', '[<<]', '{<<: a}',
  ])('%s is left to the yaml package', (t) => {
    expect(read(t)).toBeNull();
  });
});

describe('resolvePlain', () => {
  it.each([
    ['abcdef', 'abcdef'], ['Abcdef', 'Abcdef'], ['zzzzzz', 'zzzzzz'], ['abcde', 'abcde'],
    ['false', false], ['False', false], ['FALSE', false], ['yes', true], ['Yes', true],
    ['null', null], ['Null', null], ['~', null],
    ['123', 123], ['017', 15], ['0o17', '0o17'], ['0x1f', 31], ['1e3', 1000], ['.5', 0.5], ['+1', 1], ['1_000', 1000],
    ['12:30', '12:30'], ['2001-12-14', '2001-12-14'],
  ] as const)('%s', (text, value) => {
    expect(resolvePlain(text, false)).toBe(value);
    expect(resolvePlain(text, true)).toBe(value);
  });

  it('-.inf and .NaN', () => {
    expect(resolvePlain('-.inf', false)).toBe(-Infinity);
    expect(resolvePlain('.NaN', false)).toBeNaN();
  });

  it('a merge key `<<` is a string as a value and left to the package as a key', () => {
    expect(resolvePlain('<<', false)).toBe('<<');
    expect(resolvePlain('<<', true)).toBe(NOT);
  });

  it('indicator characters a plain scalar cannot start with', () => {
    expect([...PLAIN_FIRST_NOT].sort().join('')).toBe([...'-?:,[]{}#&*!|>\'"%@`<'].sort().join(''));
  });
});
