// More of how a lesson recognises a command (command-match.ts: a shell-like split where single
// quotes keep backslashes, as POSIX sh quoting does) and an answer (answer.ts).
import { describe, expect, it } from 'vitest';
import { answerMatches, expandAnswerForms, normalizeAnswer } from './answer.js';
import { matchesPattern, tokenize } from './command-match.js';

const words = (text: string) => ({ kind: 'words', text }) as const;

describe('tokenize: edges', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['   ', []],
    ['k', ['kubectl']],
    ['kubectl k get', ['kubectl', 'k', 'get']],
    ["echo 'a\\b'", ['echo', 'a\\b']],
    ['echo "a\\b"', ['echo', 'ab']],
    ['echo a\\', ['echo', 'a\\']],
    ['echo "a\\', ['echo', 'a\\']],
    ["echo ''", ['echo', '']],
    ["echo 'a b'c", ['echo', 'a bc']],
    ['a\tb\nc', ['a', 'b', 'c']],
    ["echo \"it's\"", ['echo', "it's"]],
  ])('%j', (line, expected) => expect(tokenize(line)).toEqual(expected));
});

describe('matchesPattern: edges', () => {
  it.each<[string, string, boolean]>([
    ['', '', false],
    ['', 'ls', false],
    ['ls', '', false],
    ['ls', 'ls -la', true],
    ['k get pods', 'kubectl get pods', true],
    // A bare flag is also matched by `--flag=true`, not by another value.
    ['docker run --privileged ubuntu', 'docker run --privileged=true ubuntu', true],
    ['docker run --privileged ubuntu', 'docker run --privileged=false ubuntu', false],
    // `--flag value` needs the value right after the flag.
    ['docker run --user=1000 ubuntu', 'docker run --user ubuntu 1000', false],
    ['docker run --user=1000 ubuntu', 'docker run ubuntu --user', false],
    ['docker run --user=1000 ubuntu', 'docker run --user=1000=1 ubuntu', false],
    // A value with `=` in it.
    ['kubectl label ns dev --overwrite pod-security.kubernetes.io/enforce=baseline', 'kubectl label --overwrite ns dev pod-security.kubernetes.io/enforce=baseline', true],
    ['kubectl run x --env=A=1', 'kubectl run x --env A=1', true],
    ['kubectl run x --env=A=1', 'kubectl run x --env=A=2', false],
    // Each word once: a repeated word needs two occurrences.
    ['echo a a', 'echo a', false],
    ['echo a a', 'echo a b a', true],
    // The program itself is not one of the words.
    ['echo echo', 'echo', false],
  ])('%j ~ %j', (pattern, line, expected) => expect(matchesPattern(words(pattern), line)).toBe(expected));

  it('a regex sees the tokens joined by one space, quotes removed', () => {
    expect(matchesPattern({ kind: 'regex', source: '^echo a b$' }, "echo   'a'  \"b\"")).toBe(true);
    expect(matchesPattern({ kind: 'regex', source: '^echo$' }, 'echo x')).toBe(false);
  });
});

describe('answers: edges', () => {
  it.each<[string, string]>([
    ['root!', 'root'], ['root?!', 'root'], ['root。', 'root'], ['root...', 'root'],
    ['"\'root\'"', 'root'], ['` root `', 'root'], ['"root\'', '"root\''], ['a.b', 'a.b'], ['\u00a0Root\tUser\n', 'root user'],
    ['"a. "', 'a.'],
  ])('normalizeAnswer(%j) = %j', (given, out) => expect(normalizeAnswer(given)).toBe(out));

  it.each<[readonly string[], string, boolean]>([
    [['-1'], '-1', true],
    [['-1'], '1', false],
    [['1'], 'never 1', false],
    [['1'], 'no 1', false],
    [['1'], '1 없음', false],
    [['1'], 'nothing 1', true],
    [['1'], '1 2', false],
    [['1'], '  ', false],
    [['root'], 'root user', false],
    [[' Root. '], 'root', true],
    [['@maybe'], '@maybe', true],
  ])('%j accepts %j: %s', (accept, given, expected) => expect(answerMatches(accept, given)).toBe(expected));

  it('expands @yes and @no and keeps every other form', () => {
    const forms = expandAnswerForms(['x', '@yes']);
    expect(forms[0]).toBe('x');
    expect(forms).toContain('예');
    expect(forms).not.toContain('아니요');
    expect(expandAnswerForms(['@no'])).toContain("can't");
  });
});
