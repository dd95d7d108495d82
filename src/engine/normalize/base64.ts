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
  let quantumStart = 0;
  let padding = 0;
  let padStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\r' || c === '\n') continue;
    if (quantum.length === 0 && padding === 0) quantumStart = i;
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
  if (padding > 0) {
    if (quantum.length + padding !== 4) return fail(quantumStart);
    flush(quantum, out);
  } else if (quantum.length > 0) {
    return fail(quantumStart);
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

/** UTF-8 → string; malformed sequences become U+FFFD (as Go's string conversion prints them). */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b0 < 0x80) { out += String.fromCharCode(b0); i++; continue; }
    if (b0 >= 0xc2 && b0 <= 0xdf) { need = 1; cp = b0 & 0x1f; min = 0x80; }
    else if (b0 >= 0xe0 && b0 <= 0xef) { need = 2; cp = b0 & 0x0f; min = 0x800; }
    else if (b0 >= 0xf0 && b0 <= 0xf4) { need = 3; cp = b0 & 0x07; min = 0x10000; }
    else { out += '\uFFFD'; i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const b = bytes[i + j];
      if (b === undefined || (b & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\uFFFD';
      i += Math.max(1, j);
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** base64 text → UTF-8 string, or the decoder's error. */
export function decodeBase64Text(text: string): { ok: true; text: string } | { ok: false; error: string } {
  const r = decodeBase64(text);
  return r.ok ? { ok: true, text: decodeUtf8(r.bytes) } : { ok: false, error: r.error };
}
