// Keys such as __proto__ are data, never prototype changes.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

describe('__proto__ keys', () => {
  it('is an unknown field where the type has no such field', () => {
    const r = run('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  __proto__: {}\n  containers: [{name: a, image: b}]');
    expect(r.errors.map((e) => e.message)).toEqual(['unknown field "spec.__proto__"']);
  });
  it('is kept as a secret key', () => {
    const r = run('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {__proto__: x, a: "y"}');
    expect(r.errors).toEqual([]);
    expect(r.cluster.secrets[0]?.keys).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(r.cluster.secrets[0]?.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(r.cluster.secrets[0]?.data, '__proto__')?.value).toBe('x');
  });
  it('is a label key like any other (and invalid)', () => {
    const r = run('apiVersion: v1\nkind: Namespace\nmetadata: {name: ns1, labels: {__proto__: x}}');
    expect(r.errors[0]?.code).toBe('label-invalid');
  });
});
