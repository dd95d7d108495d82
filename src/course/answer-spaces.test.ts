// normalizeAnswer (issue 15, a survivor of the src/course parse-check/answer/command-match/markdown
// mutation runs): the space left before a final full stop is trimmed too; quotes are stripped only
// when they wrap the whole answer; an empty answer matches nothing.
import { describe, expect, it } from 'vitest';
import { answerMatches, normalizeAnswer } from './answer.js';

describe('a final full stop after a space', () => {
  it.each<[string, string]>([
    ['root .', 'root'],
    ['root !', 'root'],
    ['"root" .', 'root'],
    ['2 ?', '2'],
  ])('%j → %j', (given, normalized) => {
    expect(normalizeAnswer(given)).toBe(normalized);
    expect(answerMatches([normalized], given)).toBe(true);
  });
});

describe('quotes around the whole answer only', () => {
  it.each<[string, string]>([
    ['say "x"', 'say "x"'],
    ['"a" b', '"a" b'],
    ['`kubectl` get', '`kubectl` get'],
    ['"\'x\'"', 'x'],
  ])('%j → %j', (given, normalized) => expect(normalizeAnswer(given)).toBe(normalized));
});

describe('an answer that normalizes to nothing', () => {
  it('matches no form, not even one that normalizes to nothing too', () => {
    expect(answerMatches(['.'], '!')).toBe(false);
    expect(answerMatches(['""'], '  ')).toBe(false);
  });
});
