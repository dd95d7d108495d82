import { describe, expect, it } from 'vitest';
import { answerMatches, normalizeAnswer } from './answer.js';

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
  ])('%j accepts %j: %s', (accept, given, expected) => expect(answerMatches(accept, given)).toBe(expected));

  it('normalizes width and spacing', () => expect(normalizeAnswer('  Ｒｏｏｔ   user ')).toBe('root user'));
});
