import { describe, expect, it } from 'vitest';
import { elementIdOf, focusOf, sameSelection, selectionOf, stepSelection, type Selection } from './selection.js';

describe('selection ↔ element id', () => {
  it.each<[Selection, string]>([
    [{ kind: 'pod', id: 'prod/web' }, 'pod:prod/web'],
    [{ kind: 'external', id: '203.0.113.5' }, 'ext:203.0.113.5'],
    [{ kind: 'edge', from: 'a/x', to: 'b/y' }, 'edge:a/x->b/y'],
    [{ kind: 'namespace', name: 'prod' }, 'ns:prod'],
    [{ kind: 'service', id: 'prod/web-svc' }, 'svc:prod/web-svc'],
  ])('%j ↔ %s', (sel, id) => expect(elementIdOf(sel)).toBe(id));

  it.each([
    [{ kind: 'pod', key: 'prod/web' }, { kind: 'pod', id: 'prod/web' }],
    [{ kind: 'external', key: '1.2.3.4' }, { kind: 'external', id: '1.2.3.4' }],
    [{ kind: 'edge', from: 'a/x', to: 'b/y' }, { kind: 'edge', from: 'a/x', to: 'b/y' }],
    [{ kind: 'namespace', name: 'prod' }, { kind: 'namespace', name: 'prod' }],
    [{ kind: 'service', key: 'prod/web-svc' }, { kind: 'service', id: 'prod/web-svc' }],
    [{ kind: 'service-edge', key: 'prod/web-svc', to: 'prod/web' }, { kind: 'service', id: 'prod/web-svc' }],
    [{ kind: 'edge', from: 'a/x' }, null],
  ] as const)('data %j → %j', (data, sel) => expect(selectionOf(data)).toEqual(sel));

  it('a namespace and a pod of the same name are different selections', () => {
    expect(sameSelection({ kind: 'namespace', name: 'web' }, { kind: 'pod', id: 'web' })).toBe(false);
    expect(sameSelection({ kind: 'service', id: 'a/web' }, { kind: 'pod', id: 'a/web' })).toBe(false);
    expect(sameSelection({ kind: 'edge', from: 'a', to: 'b' }, { kind: 'edge', from: 'a', to: 'b' })).toBe(true);
    expect(sameSelection(null, null)).toBe(true);
  });
});

describe('stepSelection', () => {
  const order = [{ id: 'a/x', kind: 'pod' }, { id: 'a/y', kind: 'pod' }, { id: '1.2.3.4', kind: 'external' }] as const;
  it.each<[Selection | null, 1 | -1, Selection | null]>([
    [null, 1, { kind: 'pod', id: 'a/x' }],
    [null, -1, { kind: 'external', id: '1.2.3.4' }],
    [{ kind: 'pod', id: 'a/x' }, 1, { kind: 'pod', id: 'a/y' }],
    [{ kind: 'external', id: '1.2.3.4' }, 1, { kind: 'pod', id: 'a/x' }],
    [{ kind: 'pod', id: 'a/x' }, -1, { kind: 'external', id: '1.2.3.4' }],
    [{ kind: 'edge', from: 'a/x', to: 'a/y' }, 1, { kind: 'pod', id: 'a/x' }],
  ])('%j step %i → %j', (cur, d, next) => expect(stepSelection(order, cur, d)).toEqual(next));
  it('nothing to step through', () => expect(stepSelection([], null, 1)).toBeNull());
  it('steps on to the Services drawn after the endpoints', () => {
    const withSvc = [...order, { id: 'a/web-svc', kind: 'service' }] as const;
    expect(stepSelection(withSvc, { kind: 'external', id: '1.2.3.4' }, 1)).toEqual({ kind: 'service', id: 'a/web-svc' });
    expect(stepSelection(withSvc, { kind: 'service', id: 'a/web-svc' }, 1)).toEqual({ kind: 'pod', id: 'a/x' });
  });
});

describe('focusOf', () => {
  it.each<[Selection | null, string[]]>([
    [null, []], [{ kind: 'pod', id: 'a/x' }, ['a/x']], [{ kind: 'external', id: '1.2.3.4' }, ['1.2.3.4']],
    [{ kind: 'edge', from: 'a/x', to: 'b/y' }, ['a/x', 'b/y']], [{ kind: 'namespace', name: 'a' }, []],
    [{ kind: 'service', id: 'a/web-svc' }, []],
  ])('%j → %j', (sel, out) => expect(focusOf(sel)).toEqual(out));
});
