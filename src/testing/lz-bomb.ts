/**
 * A hostile share link of issue 12, built directly as lz-string's code stream (compressing
 * megabytes with lz-string takes seconds): one literal `{`, then codes each naming the entry about
 * to be added (w + w[0]), so `codes` codes decode to about codes²/2 characters. Used by the share
 * link unit tests (src/state/share.test.ts, which checks it against lz-string itself) and the
 * browser journey (e2e/hostile-links.spec.ts).
 */
export function lzBombHash(codes: number): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const bits: number[] = [];
  const put = (value: number, count: number) => { for (let i = 0; i < count; i++) bits.push((value >> i) & 1); };
  put(0, 2); // a literal of 8 bits follows
  put('{'.charCodeAt(0), 8);
  let size = 4, numBits = 3, enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    put(size, numBits);
    size++;
    if (--enlargeIn === 0) { enlargeIn = 2 ** numBits; numBits++; }
  }
  put(2, numBits); // end of stream
  while (bits.length % 6 !== 0) bits.push(0);
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += ALPHABET[bits.slice(i, i + 6).reduce((v, b) => v * 2 + b, 0)];
  return out + 'A';
}
