import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { fromUtf8, qShell, Tool, utf8, type ToolSpec } from './lib.js';

/**
 * base64: coreutils src/basenc.c (encode wrapped at 76 columns, -w COLS / -w0; -d decodes four
 * characters at a time, newlines skipped, and stops at the first bad one after writing what it
 * had: `base64: invalid input`, exit 1; -i skips garbage) and busybox coreutils/uudecode.c with
 * libbb/uuencode.c read_base64() (skips characters outside the alphabet, stops at `=`, an
 * unfinished quantum is `base64: truncated input`).
 */
const SPEC: ToolSpec = {
  gnu: { short: 'diw:', long: [L('decode', 0, 'd'), L('ignore-garbage', 0, 'i'), L('wrap', 1, 'w')] },
  bb: { short: 'diw:' },
};
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHA[(n >> 18) & 63]! + ALPHA[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHA[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHA[n & 63]! : '=';
  }
  return out;
}

/** GNU's decoder; `ok` false after the first invalid character (the bytes before it are kept). */
function gnuDecode(text: string, ignoreGarbage: boolean): { bytes: number[]; ok: boolean } {
  const s = ignoreGarbage ? text.replace(/[^A-Za-z0-9+/=]/g, '') : text.replace(/\n/g, '');
  const bytes: number[] = [];
  const v = (c: string | undefined) => (c === undefined ? -1 : ALPHA.indexOf(c));
  for (let i = 0; i < s.length; i += 4) {
    const [a, b, c, d] = [v(s[i]), v(s[i + 1]), s[i + 2], s[i + 3]];
    if (a < 0 || b < 0) return { bytes, ok: false };
    bytes.push(((a << 2) | (b >> 4)) & 255);
    if (c === '=') {
      if (d !== '=') return { bytes, ok: false };
      continue;
    }
    const cv = v(c);
    if (cv < 0) return { bytes, ok: false };
    bytes.push(((b << 4) | (cv >> 2)) & 255);
    if (d === '=') continue;
    const dv = v(d);
    if (dv < 0) return { bytes, ok: false };
    bytes.push(((cv << 6) | dv) & 255);
  }
  return { bytes, ok: true };
}

/** busybox decode_base64(): returns the bytes and where the undecoded rest starts. */
function bbDecodeChunk(buf: string, out: number[]): number {
  let ch = 0;
  let i = 0;
  let k = 0;
  while (k < buf.length) {
    const c = buf[k++] as string;
    let v = ALPHA.indexOf(c);
    if (v < 0) {
      if (c === '=' && (i === 3 || (i === 2 && buf[k] === '='))) v = 0;
      else continue;
    }
    ch = ((ch << 6) | v) & 0xffffff;
    i = (i + 1) & 3;
    if (i === 0) {
      const got = [(ch >> 16) & 255, (ch >> 8) & 255, ch & 255];
      // `=` ends the data: one pad drops the last byte, two pads the last two.
      const lastPad = c === '=';
      const twoPads = lastPad && buf[k - 2] === '=';
      out.push(...got.slice(0, twoPads ? 1 : lastPad ? 2 : 3));
      if (lastPad) break;
      ch = 0;
    }
  }
  return k - i;
}

/** busybox read_base64(): up to 80 characters at a time, a chunk ends at any space or control character. */
function bbDecode(text: string): { bytes: number[]; ok: boolean } {
  const bytes: number[] = [];
  let pos = 0;
  let buf = '';
  for (;;) {
    let term = false;
    while (buf.length < 80) {
      if (pos >= text.length) {
        if (buf.length === 0) return { bytes, ok: true };
        term = true;
        break;
      }
      const ch = text[pos++] as string;
      if (ch <= ' ') break;
      buf += ch;
    }
    const tail = bbDecodeChunk(buf, bytes);
    if (term) return { bytes, ok: tail >= buf.length };
    buf = buf.slice(tail);
  }
}

export const base64: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'base64', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  if (a.operands.length > 1) return t.gnu ? t.usage(`extra operand ${t.ql(a.operands[1] as string)}`) : t.usage();
  const wrapOpt = a.opts.filter((o) => o.key === 'w').pop()?.value ?? null;
  let wrap = 76;
  if (wrapOpt !== null) {
    if (!/^\d+$/.test(wrapOpt)) { t.err(t.gnu ? `invalid wrap size: ${t.ql(wrapOpt)}` : `invalid number '${wrapOpt}'`); return 1; }
    wrap = Number(wrapOpt);
  }
  const file = a.operands[0] ?? '-';
  const r = t.read(file);
  if (r.errno) {
    t.err(r.errno === 'EISDIR' ? `read error: ${t.strerror(r.errno)}` : `${t.gnu ? qShell(file) : file}: ${t.strerror(r.errno)}`);
    return 1;
  }
  if (a.opts.some((o) => o.key === 'd')) {
    const d = t.gnu ? gnuDecode(r.text, a.opts.some((o) => o.key === 'i')) : bbDecode(r.text);
    ctx.out.out(fromUtf8(Uint8Array.from(d.bytes)));
    if (!d.ok) { t.err(t.gnu ? 'invalid input' : 'truncated input'); return 1; }
    return 0;
  }
  const enc = encode(utf8(r.text));
  if (enc === '') return 0;
  if (wrap === 0) { ctx.out.out(enc); return 0; }
  let out = '';
  for (let i = 0; i < enc.length; i += wrap) out += `${enc.slice(i, i + wrap)}\n`;
  ctx.out.out(out);
  return 0;
};
