// normalizeAnswer (issue 15, a survivor of the src/course parse-check/answer/command-match/markdown
// mutation run): the space left before a final full stop is trimmed too.
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
