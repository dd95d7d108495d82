// Name syntax edges, pinned against k8s.io/apimachinery v0.30 pkg/util/validation/validation.go
// (IsQualifiedName, IsValidLabelValue, IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label,
// IsValidPortName, IsValidPortNum; MaxLenError "must be no more than N characters", RegexError's
// "(e.g. 'a',  or 'b', regex used for validation is '...')") and pkg/api/validation/path
// IsValidPathSegmentName ("may not be '.'", "may not contain '/'").
import { describe, expect, it } from 'vitest';
import {
  goLen, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue,
  isValidPathSegmentName, isValidPortName, isValidPortNum,
} from './names.js';

const QN = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const VALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('isQualifiedName (label keys)', () => {
  it.each(['a', 'A', 'a.b_c-d', 'example.com/MyName', 'k8s.io/a', 'x'.repeat(63), `${'a'.repeat(253)}/n`])('%s is valid', (v) => {
    expect(isQualifiedName(v)).toEqual([]);
  });

  it.each([
    { v: 'x'.repeat(64), errs: ['name part must be no more than 63 characters'] },
    { v: '-a', errs: [`name part ${QN}`] },
    { v: 'a_', errs: [`name part ${QN}`] },
    { v: '/a', errs: ['prefix part must be non-empty'] },
    { v: 'Example.com/a', errs: [`prefix part ${SUBDOMAIN}`] },
    { v: `${'a'.repeat(254)}/n`, errs: ['prefix part must be no more than 253 characters'] },
    { v: 'a.com/-b', errs: [`name part ${QN}`] },
    { v: 'a/b/c', errs: [`a qualified name ${QN} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`] },
  ])('$v', ({ v, errs }) => {
    expect(isQualifiedName(v)).toEqual(errs);
  });

  it('a too-long name part that is also malformed gets both messages, length first', () => {
    expect(isQualifiedName(`${'x'.repeat(64)}-`)).toEqual(['name part must be no more than 63 characters', `name part ${QN}`]);
  });

  it('an empty name part is reported empty and against the regex (upstream matches the regex on "" too)', () => {
    expect(isQualifiedName('')).toEqual(['name part must be non-empty', `name part ${QN}`]);
    expect(isQualifiedName('example.com/')).toEqual(['name part must be non-empty', `name part ${QN}`]);
    expect(isQualifiedName('/')).toEqual(['prefix part must be non-empty', 'name part must be non-empty', `name part ${QN}`]);
  });
});

describe('isValidLabelValue', () => {
  it.each(['', 'a', 'My_value.1', 'x'.repeat(63)])('"%s" is valid', (v) => {
    expect(isValidLabelValue(v)).toEqual([]);
  });
  it.each([
    { v: 'x'.repeat(64), errs: ['must be no more than 63 characters'] },
    { v: '_a', errs: [VALUE] },
    { v: 'a b', errs: [VALUE] },
    { v: `${'x'.repeat(63)}.`, errs: ['must be no more than 63 characters', VALUE] },
  ])('$v', ({ v, errs }) => {
    expect(isValidLabelValue(v)).toEqual(errs);
  });
});

describe('DNS names', () => {
  it('subdomain: 253 characters pass, 254 do not; the regex is checked beside the length', () => {
    const long = Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.'); // 255
    expect(isDNS1123Subdomain(long.slice(0, 253))).toEqual([]);
    expect(isDNS1123Subdomain(`${long.slice(0, 252)}b`)).toEqual([]);
    expect(isDNS1123Subdomain(long.slice(0, 254).replace(/\.$/, 'a'))).toEqual(['must be no more than 253 characters']);
    expect(isDNS1123Subdomain(`${long.slice(0, 253)}-`)).toEqual(['must be no more than 253 characters', SUBDOMAIN]);
    expect(isDNS1123Subdomain('a..b')).toEqual([SUBDOMAIN]);
    expect(isDNS1123Subdomain('a.b-c.d')).toEqual([]);
  });

  it('label: 63 characters pass, 64 do not; dots, capitals and edges fail the regex', () => {
    expect(isDNS1123Label('a'.repeat(63))).toEqual([]);
    expect(isDNS1123Label('1abc')).toEqual([]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isDNS1123Label(`${'a'.repeat(64)}-`)).toEqual(['must be no more than 63 characters', LABEL]);
    // v1.30 has no "must not contain dots" branch (added upstream later): the regex message.
    expect(isDNS1123Label('a.b')).toEqual([LABEL]);
    expect(isDNS1123Label('aB')).toEqual([LABEL]);
    expect(isDNS1123Label('a-')).toEqual([LABEL]);
    expect(isDNS1123Label('')).toEqual([LABEL]);
  });

  it('DNS-1035 label (Service names): must start with a letter', () => {
    expect(isDNS1035Label('web-1')).toEqual([]);
    expect(isDNS1035Label('a'.repeat(63))).toEqual([]);
    expect(isDNS1035Label('1web')).toEqual([DNS1035]);
    expect(isDNS1035Label('web-')).toEqual([DNS1035]);
    expect(isDNS1035Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isDNS1035Label(`1${'a'.repeat(63)}`)).toEqual(['must be no more than 63 characters', DNS1035]);
  });
});

describe('isValidPortName (IANA_SVC_NAME)', () => {
  it.each(['http', 'a', 'web-1', '1a', 'a'.repeat(15)])('%s is valid', (v) => {
    expect(isValidPortName(v)).toEqual([]);
  });
  it.each([
    { v: 'a'.repeat(16), errs: ['must be no more than 15 characters'] },
    { v: 'Http', errs: ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'] },
    { v: '123', errs: ['must contain at least one letter (a-z)'] },
    { v: '-web', errs: ['must not begin or end with a hyphen'] },
    { v: 'we--b', errs: ['must not contain consecutive hyphens'] },
    { v: '--', errs: ['must contain at least one letter (a-z)', 'must not contain consecutive hyphens', 'must not begin or end with a hyphen'] },
    {
      v: 'A_--------------', errs: [
        'must be no more than 15 characters', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)', 'must not contain consecutive hyphens', 'must not begin or end with a hyphen',
      ],
    },
  ])('$v', ({ v, errs }) => {
    expect(isValidPortName(v)).toEqual(errs);
  });
});

describe('isValidPortNum', () => {
  it.each([1, 80, 65535])('%i is valid', (p) => expect(isValidPortNum(p)).toEqual([]));
  it.each([0, -1, 65536, 1.5])('%d is not', (p) => expect(isValidPortNum(p)).toEqual(['must be between 1 and 65535, inclusive']));
});

describe('isValidPathSegmentName (RBAC names)', () => {
  it.each(['system:basic-user', "Jane's Role", '...', '.a', 'a..b'])('%s is valid', (v) => {
    expect(isValidPathSegmentName(v)).toEqual([]);
  });
  it.each([
    { v: '.', errs: ["may not be '.'"] },
    { v: '..', errs: ["may not be '..'"] },
    { v: 'a/b', errs: ["may not contain '/'"] },
    { v: 'a%b', errs: ["may not contain '%'"] },
    { v: '%/', errs: ["may not contain '/'", "may not contain '%'"] },
  ])('$v', ({ v, errs }) => {
    expect(isValidPathSegmentName(v)).toEqual(errs);
  });
});

// Upstream counts a name's length with Go's len(), in UTF-8 bytes (validation.go: `len(value) >
// LabelValueMaxLength`), so a Korean letter counts 3: 21 of them are 63 bytes (the regex alone
// refuses them), 22 are 66 (both messages, length first).
describe('lengths are counted in UTF-8 bytes, as Go counts them', () => {
  it('goLen: ASCII 1, Latin-1 and Greek 2, Hangul 3, an astral emoji 4, a lone surrogate 3 (U+FFFD)', () => {
    expect([goLen(''), goLen('abc'), goLen('é'), goLen('λ'), goLen('웹'), goLen('😀'), goLen('\ud800'), goLen('a\udc00b'), goLen('\ud83d\ude00x')]).toEqual([0, 3, 2, 2, 3, 4, 3, 5, 5]);
    expect(goLen('\u07ff')).toBe(2);
    expect(goLen('\u0800')).toBe(3);
    expect(goLen('\u007f')).toBe(1);
    expect(goLen('\uffff')).toBe(3);
  });
  it('a label value of 21 Hangul letters is only malformed; of 22 it is also too long', () => {
    expect(isValidLabelValue('웹'.repeat(21))).toEqual([VALUE]);
    expect(isValidLabelValue('웹'.repeat(22))).toEqual(['must be no more than 63 characters', VALUE]);
  });
  it('every name check counts bytes', () => {
    expect(isQualifiedName('é'.repeat(32))).toEqual(['name part must be no more than 63 characters', `name part ${QN}`]);
    expect(isQualifiedName(`${'é'.repeat(127)}/a`)).toEqual(['prefix part must be no more than 253 characters', `prefix part ${SUBDOMAIN}`]);
    expect(isDNS1123Subdomain('é'.repeat(127))).toEqual(['must be no more than 253 characters', SUBDOMAIN]);
    expect(isDNS1123Label('é'.repeat(32))).toEqual(['must be no more than 63 characters', LABEL]);
    expect(isDNS1035Label('é'.repeat(32))).toEqual(['must be no more than 63 characters', DNS1035]);
    expect(isValidPortName('é'.repeat(8))[0]).toBe('must be no more than 15 characters');
    expect(isValidPortName('é'.repeat(7))[0]).not.toBe('must be no more than 15 characters');
  });
});
