// Command matching edges (issue 15, survivors of the src/course parse-check/answer/command-match/
// markdown mutation run): a word that starts with an escaped character, and `--` / `-` as words
// whose place in the line counts (`kubectl exec web -- whoami`, `cat - file`), not flags that may
// stand anywhere.
import { describe, expect, it } from 'vitest';
import { matchesPattern, tokenize } from './command-match.js';

const words = (text: string) => ({ kind: 'words', text }) as const;

describe('tokenize: a word that starts with a backslash escape', () => {
  it.each<[string, string[]]>([
    ['echo \\a b', ['echo', 'a', 'b']],
    ['echo \\$HOME', ['echo', '$HOME']],
    ['ls \\x', ['ls', 'x']],
  ])('%j', (line, expected) => expect(tokenize(line)).toEqual(expected));
});

describe('-- and - are words in order', () => {
  it.each<[string, string, boolean]>([
    ['kubectl exec web -- whoami', 'kubectl exec web -- whoami', true],
    ['kubectl exec web -- whoami', 'kubectl exec web whoami --', false],
    ['kubectl exec web -- whoami', 'kubectl exec -- web whoami', false],
    ['cat - file', 'cat - file', true],
    ['cat - file', 'cat file -', false],
  ])('%s ~ %s: %s', (pattern, line, ok) => expect(matchesPattern(words(pattern), line)).toBe(ok));
});
