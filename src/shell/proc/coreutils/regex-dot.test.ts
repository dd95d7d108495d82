// `.` and the newline (POSIX regcomp): without REG_NEWLINE, `.` matches a newline, as sed's pattern
// space after N and awk's records hold (GNU sed 4.9 and mawk 1.3.4 on this machine: `printf 'a\nb\n'
// | sed 'N;s/a.b/X/'` prints X); grep's lines never hold one, so its `.` stops at a newline.
import { describe, expect, it } from 'vitest';
import { translate } from './regex.js';

const re = (pattern: string, syntax: 'basic' | 'extended', dotAll: boolean) => {
  const t = translate(pattern, syntax, false, dotAll);
  if (typeof t === 'string') throw new Error(t);
  return new RegExp(t.source);
};

describe('translate: dotAll', () => {
  it.each(['basic', 'extended'] as const)('%s: `.` crosses a newline only with dotAll', (syntax) => {
    expect(re('a.b', syntax, true).test('a\nb')).toBe(true);
    expect(re('a.b', syntax, false).test('a\nb')).toBe(false);
    expect(re('a.b', syntax, false).test('axb')).toBe(true);
  });
  it('a bracket is not a dot: `[.]` stays a literal dot, `[^x]` is left as written', () => {
    expect(re('a[.]b', 'extended', true).test('a\nb')).toBe(false);
    expect(re('a[.]b', 'extended', true).test('a.b')).toBe(true);
    expect(re('a[^x]b', 'extended', false).test('a\nb')).toBe(true);
  });
  it('an escaped dot is a dot either way', () => {
    expect(re('a\\.b', 'basic', true).test('a\nb')).toBe(false);
    expect(re('.*', 'extended', true).exec('ab\ncd')?.[0]).toBe('ab\ncd');
    expect(re('.*', 'extended', false).exec('ab\ncd')?.[0]).toBe('ab');
  });
});
