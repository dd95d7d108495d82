// parseCheck edges (issue 15, survivors of the src/course parse-check/answer/command-match/markdown
// mutation run): values that are not objects where one is read (null, a number), lists that must be
// strings throughout, the answer's expects/choices text rules, a resource written as `/sub`, and
// the parsed check carrying only the keys the lesson wrote.
import { describe, expect, it } from 'vitest';
import type { Check } from './model.js';
import { parseCheck } from './parse-check.js';

const parse = (raw: unknown): { check: Check | null; problems: string[] } => {
  const problems: string[] = [];
  return { check: parseCheck(raw, 'x', problems), problems };
};
const refused = (raw: unknown) => {
  const { check, problems } = parse(raw);
  expect(check).toBeNull();
  expect(problems.length).toBeGreaterThan(0);
  return problems.join('\n');
};

describe('parseCheck refuses, without throwing', () => {
  it.each<[string, unknown, string]>([
    ['a null flow', { flow: null, allowed: true }, '"flow" needs from, to and port'],
    ['a null command pattern', { ran: null }, '"ran" must be a command'],
    ['a null pattern in a list', { ran: ['ls', null] }, '"ran" must be a command'],
    ['a number as a capability expectation', { pod: 'a/b', effective: 5 }, '"effective"/"bounding" take {includes?, excludes?}'],
    ['a boolean as a capability expectation', { pod: 'a/b', bounding: true }, '"effective"/"bounding" take {includes?, excludes?}'],
    ['a label value that is not a string', { namespace: 'prod', labels: { name: 'prod', tier: 1 } }, '"labels" must map strings to strings'],
    ['null among the accepted answers', { answer: ['yes', null] }, '"answer" must list the accepted answers'],
    ['true as an accepted answer', { answer: [true] }, '"answer" must list the accepted answers'],
    ['an expects whose en is blank', { answer: ['x'], expects: { ko: '이름', en: '  ' } }, '"expects" must be {"ko": …, "en": …}'],
    ['an expects whose ko is blank', { answer: ['x'], expects: { ko: ' ', en: 'a name' } }, '"expects" must be {"ko": …, "en": …}'],
    ['choices that are strings', { answer: ['x'], choices: ['yes', 'no'] }, '"choices" must list at least two'],
    ['a choice without en', { answer: ['x'], choices: [{ ko: '예' }, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a choice without ko', { answer: ['x'], choices: [{ en: 'yes' }, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a choice with an empty ko', { answer: ['x'], choices: [{ ko: '', en: 'yes' }, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a choice with a blank ko', { answer: ['x'], choices: [{ ko: '  ', en: 'yes' }, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a choice with a blank en', { answer: ['x'], choices: [{ ko: '예', en: ' ' }, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a choice with a third key', { answer: ['x'], choices: [{ ko: '예', en: 'yes', id: 1 }, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a null choice', { answer: ['x'], choices: [null, { ko: '아니요', en: 'no' }] }, '"choices" must list at least two'],
    ['a resource that is only a subresource', { rbac: { user: 'jane', verb: 'get', resource: '/log' }, allowed: true }, 'the server doesn\'t have a resource type \'\''],
  ])('%s', (_label, raw, message) => {
    expect(refused(raw)).toContain(message);
  });
});

describe('parseCheck keeps only what was written', () => {
  it.each<[string, unknown, Check]>([
    ['a namespace without labels', { namespace: 'prod' }, { kind: 'namespace', namespace: 'prod' }],
    ['a cluster check without enforcing', { cluster: { cni: 'calico' } }, { kind: 'cluster', cni: 'calico' }],
    ['a command without exit code', { ran: 'ls' }, { kind: 'command', ran: [{ kind: 'words', text: 'ls' }] }],
    ['a probe without port', { probed: { to: 'a/b' }, outcome: 'connected' }, { kind: 'probed', to: 'a/b', outcome: 'connected', which: 'last' }],
    ['a pod check with none of its optional fields', { pod: 'a/b' }, { kind: 'pod', pod: 'a/b' }],
    ['an rbac check without subresource, namespace or name', { rbac: { user: 'jane', verb: 'get', resource: 'pods' }, allowed: true },
      { kind: 'rbac', subject: { kind: 'User', name: 'jane' }, verb: 'get', resource: 'pods', apiGroup: '', allowed: true }],
  ])('%s', (_label, raw, expected) => {
    const { check, problems } = parse(raw);
    expect(problems).toEqual([]);
    // toStrictEqual: a key present with the value undefined is not the key left out.
    expect(check).toStrictEqual(expected);
  });

  it('null for username and credentials is kept (expected absent), a missing one is not', () => {
    expect(parse({ pod: 'a/b', username: null, credentials: null }).check).toStrictEqual({ kind: 'pod', pod: 'a/b', username: null, credentials: null });
    expect(parse({ pod: 'a/b', uid: 0, gid: 0 }).check).toStrictEqual({ kind: 'pod', pod: 'a/b', uid: 0, gid: 0 });
  });
});
