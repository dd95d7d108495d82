/**
 * A fixed-size set of endpoint indexes. Policies compile to these so that a whole connectivity
 * matrix is unions and intersections of words, not a walk over every rule for every pair.
 */
export class Bitset {
  readonly words: Uint32Array;
  constructor(readonly size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    const extra = b.words.length * 32 - size;
    if (extra > 0 && b.words.length > 0) b.words[b.words.length - 1] = 0xffffffff >>> extra;
    return b;
  }

  has(i: number): boolean {
    return ((this.words[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;
  }

  add(i: number): this {
    const w = i >>> 5;
    this.words[w] = (this.words[w] ?? 0) | (1 << (i & 31));
    return this;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  /** In place: this ∪ other. */
  orWith(other: Bitset): this {
    const a = this.words, b = other.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) | (b[i] ?? 0);
    return this;
  }

  /** In place: this ∪ (x ∩ y), without allocating. */
  orAndWith(x: Bitset, y: Bitset): this {
    const a = this.words, b = x.words, c = y.words;
    for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) | ((b[i] ?? 0) & (c[i] ?? 0));
    return this;
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  count(): number {
    let n = 0;
    for (const w of this.words) {
      let v = w - ((w >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  /** Indexes in ascending order. */
  toArray(): number[] {
    const out: number[] = [];
    this.words.forEach((w, wi) => {
      let v = w;
      while (v !== 0) {
        const bit = 31 - Math.clz32(v & -v);
        out.push(wi * 32 + bit);
        v &= v - 1;
      }
    });
    return out;
  }
}
