// Go's path/filepath Match (match.go), as the kubelet keyring uses it on each host label: '?' is any
// character but the separator; a class is '[' ['^'] ranges ']' where getEsc refuses a missing, '-'
// or ']' member or range end (ErrBadPattern: the keyring takes it as no match); a range lo-hi holds
// lo <= c <= hi. Runs of '*' mean one '*', so a pattern of many stars still answers at once.
import { describe, expect, it } from 'vitest';
import { globMatch } from './glob.js';

describe('globMatch: classes, ranges and the separator', () => {
  it.each([
    ['a?c', 'a/c', false],
    ['a?c', 'a.c', true],
    // '^' negates; after it, '^' is an ordinary character.
    ['[^a]', '^', true],
    ['[^a]', 'a', false],
    ['[^^]', '^', false],
    // Both ends of a range count.
    ['[b-d]', 'a', false],
    ['[b-d]', 'b', true],
    ['[b-d]', 'd', true],
    ['[b-d]', 'e', false],
    // An empty class and an unescaped ']' as a range's end are bad patterns.
    ['[^]', 'a', false],
    ['[]', ']', false],
    ['[A-]]', 'B', false],
    ['[A-\\]]', 'B', true],
  ])('%s vs %s ⇒ %s', (pattern, text, expected) => expect(globMatch(pattern, text)).toBe(expected));

  it('a run of stars is one star: forty of them before a missing letter still fail at once', () => {
    expect(globMatch(`${'*'.repeat(40)}b`, 'a'.repeat(40))).toBe(false);
    expect(globMatch(`${'*'.repeat(40)}b`, `${'a'.repeat(40)}b`)).toBe(true);
  });
});
