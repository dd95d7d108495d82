// Bitset (the compiled policies' sets of endpoint indexes) against a plain Set: every operation,
// on sizes around the 32-bit word edges. Issue 15: written ahead of the mutation run of netpol.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset.js';

const SIZES = [0, 1, 2, 31, 32, 33, 63, 64, 65, 100];
const sizeAndMembers = fc.constantFrom(...SIZES).chain((size) =>
  fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat(Math.max(0, size - 1)), { maxLength: size })));
const build = (size: number, members: readonly number[]) => {
  const b = new Bitset(size);
  for (const i of members) b.add(i);
  return b;
};
const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);

describe('Bitset', () => {
  it('has one word per 32 indexes', () => {
    expect(SIZES.map((s) => new Bitset(s).words.length)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 3, 4]);
  });

  it('full(n) holds exactly 0..n-1 (the last word masked)', () => {
    for (const size of SIZES) {
      const b = Bitset.full(size);
      expect(b.toArray()).toEqual(Array.from({ length: size }, (_, i) => i));
      expect(b.count()).toBe(size);
      expect(b.has(size)).toBe(false);
      expect(b.isEmpty()).toBe(size === 0);
    }
    expect([...Bitset.full(33).words]).toEqual([0xffffffff, 1]);
    expect([...Bitset.full(64).words]).toEqual([0xffffffff, 0xffffffff]);
  });

  it('add, has, count, toArray and isEmpty agree with a Set', () => {
    fc.assert(fc.property(sizeAndMembers, ([size, members]) => {
      const b = build(size, members);
      const set = new Set(members);
      for (let i = 0; i < size + 2; i++) expect(b.has(i)).toBe(set.has(i));
      expect(b.count()).toBe(set.size);
      expect(b.toArray()).toEqual(sorted(set));
      expect(b.isEmpty()).toBe(set.size === 0);
    }), { numRuns: 200 });
  });

  it('the index 31 of a word (the sign bit) and every bit of a word counted', () => {
    const b = build(64, [31, 63]);
    expect(b.has(31) && b.has(63) && !b.has(30) && !b.has(32)).toBe(true);
    expect(b.toArray()).toEqual([31, 63]);
    expect(b.count()).toBe(2);
    expect(Bitset.full(32).count()).toBe(32);
    expect(build(32, [0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 24]).count()).toBe(11);
  });

  it('add returns the set itself; clone is independent', () => {
    const b = new Bitset(40);
    expect(b.add(3)).toBe(b);
    const c = b.clone();
    c.add(39);
    expect(b.has(39)).toBe(false);
    expect(c.toArray()).toEqual([3, 39]);
    expect(c.size).toBe(40);
  });

  it('orWith is the union in place; orAndWith adds the intersection of two others', () => {
    const arb = fc.constantFrom(...SIZES).chain((size) => {
      const m = fc.uniqueArray(fc.nat(Math.max(0, size - 1)), { maxLength: size });
      return fc.tuple(fc.constant(size), m, m, m);
    });
    fc.assert(fc.property(arb, ([size, a, x, y]) => {
      const base = build(size, a);
      const union = base.clone();
      expect(union.orWith(build(size, x))).toBe(union);
      expect(union.toArray()).toEqual(sorted(new Set([...a, ...x])));
      const withAnd = base.clone();
      expect(withAnd.orAndWith(build(size, x), build(size, y))).toBe(withAnd);
      expect(withAnd.toArray()).toEqual(sorted(new Set([...a, ...x.filter((i) => y.includes(i))])));
      expect(base.toArray()).toEqual(sorted(a)); // clones were changed, not the original
    }), { numRuns: 200 });
  });

  it('a word past the end reads as empty', () => {
    const b = new Bitset(10);
    expect(b.has(40)).toBe(false);
    const small = build(10, [1]);
    expect(small.orWith(build(40, [2, 35])).toArray()).toEqual([1, 2]);
  });
});
