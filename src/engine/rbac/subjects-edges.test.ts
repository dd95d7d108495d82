// Edges of the identity helpers (issue 15, written ahead of the rbac mutation run): Go's
// strconv.Quote escapes (src/strconv/quote.go appendEscapedRune: \a \b \f \n \r \t \v, \xNN below a
// space and for DEL, \uNNNN below U+10000, \UNNNNNNNN above; unicode.IsPrint keeps only the ASCII
// space among spaces), SplitUsername's two name checks (k8s.io/apiserver
// pkg/authentication/serviceaccount/util.go), impersonation of system:anonymous
// (pkg/endpoints/filters/impersonation.go) and rule.go describeSubject with a subject's own namespace.
import { describe, expect, it } from 'vitest';
import type { Subject } from '../model/index.js';
import { describeSubject, goQuote, impersonate, isPrint, splitServiceAccountUsername, subjectAppliesTo } from './subjects.js';

describe('goQuote (strconv.Quote)', () => {
  it.each<[string, string]>([
    ['', '""'],
    ['plain text', '"plain text"'],
    ['\x07', '"\\a"'],
    ['\b', '"\\b"'],
    ['\f', '"\\f"'],
    ['\n', '"\\n"'],
    ['\r', '"\\r"'],
    ['\t', '"\\t"'],
    ['\v', '"\\v"'],
    ['\x00', '"\\x00"'],
    ['\x1f', '"\\x1f"'],
    ['\x7f', '"\\x7f"'],
    // Non-printable below U+10000: \u with four lower-case hex digits.
    ['\u00a0', '"\\u00a0"'],
    ['\u00ad', '"\\u00ad"'],
    ['\u3000', '"\\u3000"'],
    ['\ue000', '"\\ue000"'],
    ['\uffff', '"\\uffff"'],
    // Above: \U with eight.
    ['\u{e0001}', '"\\U000e0001"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    // Printable runes of every width stay as they are.
    ['é', '"é"'],
    ['日本', '"日本"'],
    ['\u{1f600}', '"\u{1f600}"'],
    ['"\\', '"\\"\\\\"'],
  ])('%j → %s', (input, quoted) => expect(goQuote(input)).toBe(quoted));

  it('isPrint: letters, marks, numbers, punctuation, symbols and only the ASCII space', () => {
    expect(['a', 'Z', '9', '.', '+', ' ', '\u0301', '€'].every(isPrint)).toBe(true);
    expect(['\t', '\u00a0', '\u2028', '\u200b', 'ab', ''].some(isPrint)).toBe(false);
  });
});

describe('SplitUsername', () => {
  it.each([
    // The namespace must be a DNS label, the name a DNS subdomain: either failing is enough.
    { u: 'system:serviceaccount:dev:Robot', out: null },
    { u: 'system:serviceaccount:dev.x:robot', out: null },
    { u: 'system:serviceaccount:dev:', out: null },
    { u: 'system:serviceaccount:dev:robot.v2', out: ['dev', 'robot.v2'] },
    { u: 'system:serviceaccount:dev', out: null },
    { u: 'xsystem:serviceaccount:dev:robot', out: null },
  ])('$u', ({ u, out }) => expect(splitServiceAccountUsername(u)).toEqual(out));
});

describe('impersonation of system:anonymous', () => {
  it.each([
    { groups: ['x'], out: ['x', 'system:unauthenticated'] },
    { groups: ['system:unauthenticated'], out: ['system:unauthenticated'] },
    // system:authenticated does not stop system:unauthenticated for the anonymous user.
    { groups: ['system:authenticated'], out: ['system:authenticated', 'system:unauthenticated'] },
  ])('--as system:anonymous --as-group $groups', ({ groups, out }) => {
    expect(impersonate('system:anonymous', groups)).toEqual({ name: 'system:anonymous', groups: out });
  });

  it('a ServiceAccount-looking name that does not split gets no ServiceAccount groups', () => {
    expect(impersonate('system:serviceaccount:Dev:robot')).toEqual({ name: 'system:serviceaccount:Dev:robot', groups: ['system:authenticated'] });
  });

  it('the given groups are copied, not the caller\'s array', () => {
    const given = ['devs'];
    impersonate('jane', given);
    expect(given).toEqual(['devs']);
  });
});

describe('subjects', () => {
  const sa = (name: string, namespace?: string): Subject => ({ kind: 'ServiceAccount', name, apiGroup: '', ...(namespace ? { namespace } : {}) });

  it('describeSubject: a ServiceAccount\'s own namespace wins over the binding\'s; other kinds by name', () => {
    expect(describeSubject(sa('robot', 'prod'), 'dev')).toBe('ServiceAccount "robot/prod"');
    expect(describeSubject({ kind: 'User', name: 'jane\n', apiGroup: '' }, 'dev')).toBe('User "jane\\n"');
  });

  it('an unknown subject kind applies to no one; a Group is matched by membership, not by user name', () => {
    const user = { name: 'ops', groups: ['devs'] };
    expect(subjectAppliesTo(user, { kind: 'Robot', name: 'ops', apiGroup: '' } as unknown as Subject, 'dev')).toBe(false);
    expect(subjectAppliesTo(user, { kind: 'Group', name: 'ops', apiGroup: '' }, 'dev')).toBe(false);
    expect(subjectAppliesTo(user, { kind: 'Group', name: 'devs', apiGroup: '' }, 'dev')).toBe(true);
  });
});
