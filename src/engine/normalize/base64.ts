/**
 * Standard base64 (RFC 4648, padded), decoded the way Go's encoding/base64 StdEncoding does for
 * Secret `data` ([]byte in JSON): CR and LF are skipped; anything else off the alphabet, a
 * missing or misplaced `=`, or a short final group is `illegal base64 data at input byte N`.
 * Pure code: no Buffer/atob, so it runs the same in the browser, the worker and the CLI.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string; at: number };

export function decodeBase64(text: string): Base64Result {
  const out: number[] = [];
  const quantum: number[] = [];
  let padding = 0;
  let padStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\r' || c === '\n') continue;
    if (c === '=') {
      // Padding may only fill the last one or two places of the final group.
      if (quantum.length < 2) return fail(i);
      if (padding === 0) padStart = i;
      padding++;
      if (quantum.length + padding > 4) return fail(i);
      continue;
    }
    const v = VALUE.get(c);
    // Go: after "xx=" only "=" may follow (error at the first "="); after full padding, nothing.
    if (padding > 0) return fail(quantum.length === 2 && padding === 1 ? padStart : i);
    if (v === undefined) return fail(i);
    quantum.push(v);
    if (quantum.length === 4) {
      flush(quantum, out);
      quantum.length = 0;
    }
  }
  // At the end Go reports a missing second "=" at the input's length, and a short final group
  // at the length less the group's data characters (line breaks inside it shift the offset).
  if (padding > 0) {
    if (quantum.length + padding !== 4) return fail(text.length);
    flush(quantum, out);
  } else if (quantum.length > 0) {
    return fail(text.length - quantum.length);
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

function flush(q: readonly number[], out: number[]): void {
  const [a = 0, b = 0, c = 0, d = 0] = q;
  const n = (a << 18) | (b << 12) | (c << 6) | d;
  out.push((n >> 16) & 0xff);
  if (q.length > 2) out.push((n >> 8) & 0xff);
  if (q.length > 3) out.push(n & 0xff);
}

function fail(at: number): Base64Result {
  return { ok: false, error: `illegal base64 data at input byte ${at}`, at };
}

/**
 * UTF-8 → string as Go's utf8.DecodeRune reads it: a lead byte fixes the length and the range of
 * its second byte (E0: A0-BF, ED: 80-9F, F0: 90-BF, F4: 80-8F, else 80-BF; later bytes 80-BF), so
 * overlong forms, surrogates and code points past U+10FFFF never decode. Anything else is one
 * U+FFFD for one byte, and reading goes on at the next byte (encoding/json prints it so).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) { out += String.fromCharCode(b0); i++; continue; }
    const seq = utf8Sequence(bytes, i, b0);
    if (seq === null) { out += '\uFFFD'; i++; continue; }
    out += String.fromCodePoint(seq[0]);
    i += seq[1];
  }
  return out;
}

/** The code point and length of the sequence at `i` led by `b0` (>= 0x80), or null when invalid. */
function utf8Sequence(bytes: Uint8Array, i: number, b0: number): readonly [number, number] | null {
  let need: number;
  let cp: number;
  let lo = 0x80, hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; cp = b0 & 0x1f; }
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2; cp = b0 & 0x0f;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3; cp = b0 & 0x07;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  } else return null;
  for (let j = 1; j <= need; j++) {
    const b = bytes[i + j];
    if (b === undefined || b < (j === 1 ? lo : 0x80) || b > (j === 1 ? hi : 0xbf)) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  return [cp, need + 1];
}

/** base64 text → UTF-8 string, or the decoder's error. */
export function decodeBase64Text(text: string): { ok: true; text: string } | { ok: false; error: string } {
  const r = decodeBase64(text);
  return r.ok ? { ok: true, text: decodeUtf8(r.bytes) } : { ok: false, error: r.error };
}
