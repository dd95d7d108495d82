// Semantics from kubernetes/apimachinery pkg/labels/selector.go (Requirement.Matches) and
// pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector): requirements are ANDed, an empty
// selector matches everything, NotIn / DoesNotExist hold when the key is absent.
import { describe, expect, it } from 'vitest';
import type { LabelSelector, LabelSelectorRequirement } from '../model/index.js';
import { formatLabels, formatSelector, isEmptySelector, matchesSelector } from './match.js';

const sel = (matchLabels: Record<string, string>, matchExpressions: LabelSelectorRequirement[] = []): LabelSelector =>
  ({ matchLabels, matchExpressions });
const req = (key: string, operator: LabelSelectorRequirement['operator'], values: string[] = []): LabelSelectorRequirement =>
  ({ key, operator, values });

describe('matchesSelector', () => {
  const rows: [string, LabelSelector, Record<string, string>, boolean][] = [
    ['empty selector matches labels', sel({}), { app: 'web' }, true],
    ['empty selector matches no labels', sel({}), {}, true],
    ['matchLabels equal', sel({ app: 'web' }), { app: 'web', tier: 'x' }, true],
    ['matchLabels other value', sel({ app: 'web' }), { app: 'db' }, false],
    ['matchLabels key missing', sel({ app: 'web' }), {}, false],
    ['matchLabels all pairs ANDed', sel({ app: 'web', tier: 'fe' }), { app: 'web' }, false],
    ['matchLabels empty value needs the key', sel({ app: '' }), {}, false],
    ['matchLabels empty value present', sel({ app: '' }), { app: '' }, true],
    ['In hit', sel({}, [req('app', 'In', ['a', 'b'])]), { app: 'b' }, true],
    ['In miss', sel({}, [req('app', 'In', ['a', 'b'])]), { app: 'c' }, false],
    ['In key missing', sel({}, [req('app', 'In', ['a'])]), {}, false],
    ['NotIn hit', sel({}, [req('app', 'NotIn', ['a'])]), { app: 'a' }, false],
    ['NotIn other value', sel({}, [req('app', 'NotIn', ['a'])]), { app: 'b' }, true],
    ['NotIn key missing matches', sel({}, [req('app', 'NotIn', ['a'])]), {}, true],
    ['Exists present', sel({}, [req('app', 'Exists')]), { app: '' }, true],
    ['Exists missing', sel({}, [req('app', 'Exists')]), {}, false],
    ['DoesNotExist missing matches', sel({}, [req('app', 'DoesNotExist')]), { other: 'x' }, true],
    ['DoesNotExist present', sel({}, [req('app', 'DoesNotExist')]), { app: 'x' }, false],
    ['labels AND expressions: label fails', sel({ a: '1' }, [req('b', 'Exists')]), { b: 'x' }, false],
    ['labels AND expressions: expr fails', sel({ a: '1' }, [req('b', 'Exists')]), { a: '1' }, false],
    ['labels AND expressions: both hold', sel({ a: '1' }, [req('b', 'Exists')]), { a: '1', b: '' }, true],
    ['prototype keys are not labels', sel({}, [req('constructor', 'Exists')]), {}, false],
  ];
  it.each(rows)('%s', (_name, selector, labels, want) => {
    expect(matchesSelector(selector, labels)).toBe(want);
  });
});

describe('selector helpers', () => {
  it('isEmptySelector only for {} ', () => {
    expect(isEmptySelector(sel({}))).toBe(true);
    expect(isEmptySelector(sel({ a: 'b' }))).toBe(false);
    expect(isEmptySelector(sel({}, [req('a', 'Exists')]))).toBe(false);
  });
  it('formats like kubectl', () => {
    expect(formatSelector(sel({ b: '2', a: '1' }, [req('t', 'In', ['y', 'x']), req('u', 'NotIn', ['z']), req('e', 'Exists'), req('d', 'DoesNotExist')])))
      .toBe('a=1,b=2,t in (x,y),u notin (z),e,!d');
    expect(formatSelector(sel({}))).toBe('{}');
    expect(formatLabels({ z: '1', a: '2' })).toBe('a=2,z=1');
    expect(formatLabels({})).toBe('(none)');
  });
});

describe('formatting order (mutation testing, issue 15)', () => {
  it('sorts any number of keys, and values of a set, as kubectl prints them', () => {
    expect(formatLabels({ m: '1', z: '2', a: '3', k: '4', b: '5' })).toBe('a=3,b=5,k=4,m=1,z=2');
    expect(formatSelector(sel({ m: '1', z: '2', a: '3', k: '4' }, [req('s', 'In', ['c', 'a', 'b'])]))).toBe('a=3,k=4,m=1,z=2,s in (a,b,c)');
    expect(formatSelector(sel({}, [req('x', 'DoesNotExist')]))).toBe('!x');
  });
  it('an In/NotIn on an absent key does not look at a value', () => {
    expect(matchesSelector(sel({}, [req('app', 'In', [''])]), {})).toBe(false);
    expect(matchesSelector(sel({}, [req('app', 'NotIn', [''])]), {})).toBe(true);
    expect(matchesSelector(sel({}, [req('app', 'In', [''])]), { app: '' })).toBe(true);
  });
});
