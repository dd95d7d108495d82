import { describe, expect, it } from 'vitest';
import { ANSWER_SETS, answerMatches, normalizeAnswer } from './answer.js';

describe('answers', () => {
  it.each<[readonly string[], string | undefined, boolean]>([
    [['root'], 'root', true],
    [['root'], ' ROOT. ', true],
    [['root'], '`root`', true],
    [['root'], '"root"', true],
    [['root'], 'roots', false],
    [['root'], '', false],
    [['root'], undefined, false],
    [['docker.io/library/nginx:latest'], 'docker.io/library/nginx:latest', true],
    [['docker.io/library/nginx:latest'], 'docker.io/nginx:latest', false],
    [['2'], '2', true],
    [['2'], '2개', true],
    [['2'], '2 policies', true],
    [['2'], '12', false],
    [['2'], '2.5', false],
    [['yes', '예'], '예', true],
    [['--privileged'], '--privileged', true],
    // Words before the number, as people write it.
    [['1'], 'PID 1', true],
    [['1'], 'pid는 1', true],
    [['1001'], 'UID 1001', true],
    [['1001'], '1001번', true],
    [['1'], 'PID 3222', false],
    [['1'], 'not 1', false],
    [['1'], '1 아님', false],
    [['1000'], '1000:1000', false],
    // @yes / @no: every common way of saying it, in both languages, never the other one.
    [['@yes'], '가능합니다', true],
    [['@yes'], '허용됨', true],
    [['@yes'], '네, 접속할 수 있습니다.', true],
    [['@yes'], 'Yes', true],
    [['@yes'], '불가능합니다', false],
    [['@yes'], '아니요', false],
    [['@no'], '차단됨', true],
    [['@no'], '안 됩니다', true],
    [['@no'], 'No.', true],
    [['@no'], '가능합니다', false],
    [['@no'], 'yes', false],
  ])('%j accepts %j: %s', (accept, given, expected) => expect(answerMatches(accept, given)).toBe(expected));

  it('no form is both a yes and a no', () => {
    const yes = new Set(ANSWER_SETS['@yes']?.map(normalizeAnswer));
    expect(ANSWER_SETS['@no']?.map(normalizeAnswer).filter((f) => yes.has(f))).toEqual([]);
    expect(ANSWER_SETS['@yes']?.filter((f) => /아니|않|없|불가|안 ?되|안 ?돼|안됨|not|n't|^no\b/.test(f))).toEqual([]);
  });

  // A minus sign in front of digits is the number's sign, never a word: `-1` is not 1, and
  // `uid -1` answers -1.
  it.each<[readonly string[], string, boolean]>([
    [['1'], '-1', false],
    [['1'], 'uid -1', false],
    [['1'], 'UID-1', false],
    [['1'], '-1번', false],
    [['-1'], 'uid -1', true],
    [['-1'], 'UID -1', true],
    [['-1'], 'uid-1', true],
    [['-1'], 'uid는 -1', true],
    [['-1'], '-1번', true],
    [['-1'], '-1 (minus one)', false],
    [['-1'], '- 1', false],
    [['-1'], '--1', false],
    [['-1'], 'not -1', false],
    [['1000'], 'non-root 1000', true],
    [['1'], 'pid는1', true],
    [['2'], '2 network policies', true],
    [['1'], '1-', false],
  ])('signed numbers: %j accepts %j: %s', (accept, given, expected) =>
    expect(answerMatches(accept, given)).toBe(expected));

  it('a long run of letters is refused at once (the word pattern does not backtrack exponentially)', () => {
    // Before words had to be separated by spaces, 28 letters and a `!` took seconds.
    const start = performance.now();
    expect(answerMatches(['1'], `${'a'.repeat(28)}!`)).toBe(false);
    expect(answerMatches(['1'], `1${'a-'.repeat(28)}!`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('normalizes width and spacing', () => expect(normalizeAnswer('  Ｒｏｏｔ   user ')).toBe('root user'));
});
