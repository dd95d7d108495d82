/**
 * awk's number ↔ string rules and its printf (mawk 1.3.4): an integral value that fits a C int
 * prints as an integer, others through CONVFMT / OFMT ("%.6g"); strtod's prefix reading; C's
 * %d %i %o %x %X %u %c %s %e %E %f %F %g %G with flags, width and precision (`*` from the args).
 */

/** mawk's Max_Int: an integral double beyond it is printed with the format, not as an integer. */
const MAX_INT = 2147483647;

/** strtod's reading of a string's numeric prefix (blanks first; glibc's hex, inf and nan included). */
export function toNumber(s: string): number {
  const m = /^[ \t\n\r\f\v]*([+-]?)(0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  const t = (m[2] as string).toLowerCase();
  if (t.startsWith('inf')) return sign * Infinity;
  if (t === 'nan') return NaN;
  if (t.startsWith('0x')) {
    const hm = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(t) as RegExpExecArray;
    const int = hm[1] ? parseInt(hm[1], 16) : 0;
    const frac = hm[2] ? parseInt(hm[2], 16) / 16 ** hm[2].length : 0;
    return sign * (int + frac) * 2 ** Number(hm[3] ?? 0);
  }
  return sign * Number(t);
}

/**
 * A string that is all number (blanks around allowed): input fields like it compare as numbers.
 * mawk 1.3.4 takes glibc strtod's whole reading but only over digits, signs, `.`, `e` and `x`:
 * "0x10" is a number, "0x1A" and "inf" are strings (run on this machine).
 */
export function looksNumeric(s: string): boolean {
  return /^[ \t\n\r\f\v]*[+-]?(?:0[xX]\d+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[ \t\n\r\f\v]*$/.test(s);
}

export function numberToString(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) <= MAX_INT) return String(n === 0 ? 0 : n);
  // glibc prints the NaN that x86 arithmetic makes (0/0, log(-1)) with its sign bit set.
  if (Number.isNaN(n)) return '-nan';
  return cFormat(fmt, [n]).text;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+\- ]|^0[xX]/.exec(s)?.[0] ?? '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

/**
 * `n` with `digits` decimals as glibc prints it: an exact tie (110996.5 to 0 decimals) goes to the
 * even neighbour, where JavaScript's toFixed rounds it up.
 */
function fixed(n: number, digits: number): string {
  const scaled = n * 10 ** digits;
  if (Number.isSafeInteger(scaled * 2) && !Number.isInteger(scaled) && scaled / 10 ** digits === n) {
    const down = Math.floor(scaled);
    const even = down % 2 === 0 ? down : down + 1;
    return (even / 10 ** digits).toFixed(digits);
  }
  return n.toFixed(digits);
}

function expo(n: number, prec: number, upper: boolean): string {
  const s = n.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

/** C's %g: %e when the exponent is < -4 or >= precision, trailing zeros gone unless `#`. */
function general(n: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (n === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(n.toExponential(p - 1)))));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = expo(n, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+(e)/i, '$1');
  } else {
    s = fixed(n, Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

function special(n: number, upper: boolean): string | null {
  if (Number.isNaN(n)) return upper ? '-NAN' : '-nan';
  if (!Number.isFinite(n)) return (n < 0 ? '-' : '') + (upper ? 'INF' : 'inf');
  return null;
}

export type FormatArg = number | string;

/** printf ran out of values (mawk: `not enough arguments passed to printf("…")`). */
export class TooFewArgs extends Error {}

/** printf / sprintf: the text, from `fmt` and the values (numbers, or strings read as needed). */
export function cFormat(fmt: string, args: readonly FormatArg[]): { text: string } {
  const num = (v: FormatArg) => (typeof v === 'number' ? v : toNumber(v));
  let out = '';
  let ai = 0;
  const nextArg = (): FormatArg => {
    if (ai >= args.length) throw new TooFewArgs(out);
    return args[ai++] as FormatArg;
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] as string;
    if (c !== '%') { out += c; continue; }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcseEfFgG%])/.exec(fmt.slice(i));
    if (!m) { out += c; continue; }
    i += m[0].length - 1;
    const flags = m[1] ?? '';
    const conv = m[4] as string;
    if (conv === '%') { out += '%'; continue; }
    let width = m[2] === '*' ? Math.trunc(num(nextArg())) : m[2] ? Number(m[2]) : 0;
    let left = flags.includes('-');
    if (width < 0) { left = true; width = -width; }
    const precRaw = m[3] === '*' ? Math.trunc(num(nextArg())) : m[3] === undefined ? null : m[3] === '' ? 0 : Number(m[3]);
    const prec = precRaw !== null && precRaw < 0 ? null : precRaw;
    const zero = flags.includes('0') && !left;
    const plus = flags.includes('+'), space = flags.includes(' '), alt = flags.includes('#');
    const arg = nextArg();
    const sign = (n: number, s: string) => (n < 0 || Object.is(n, -0) ? s : plus ? `+${s}` : space ? ` ${s}` : s);
    let s: string;
    switch (conv) {
      case 'c': {
        if (typeof arg === 'number') s = String.fromCharCode(Math.trunc(arg) & 0xff);
        else s = String(arg).slice(0, 1);
        out += pad(s, width, left, false);
        continue;
      }
      case 's': {
        s = String(arg);
        if (prec !== null) s = s.slice(0, prec);
        out += pad(s, width, left, false);
        continue;
      }
      case 'd': case 'i': {
        const n = num(arg);
        const sp = special(n, false);
        if (sp !== null) { out += pad(sign(n, sp), width, left, false); continue; }
        let digits = String(Math.abs(Math.trunc(n)));
        if (prec !== null) digits = prec === 0 && digits === '0' ? '' : digits.padStart(prec, '0');
        out += pad(sign(Math.trunc(n) === 0 ? 0 : n, n < 0 && digits !== '' ? `-${digits}` : digits), width, left, zero && prec === null);
        continue;
      }
      case 'o': case 'x': case 'X': case 'u': {
        let n = Math.trunc(num(arg));
        if (n < 0) n = n + 2 ** 64;
        const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
        let digits = n.toString(base);
        if (conv === 'X') digits = digits.toUpperCase();
        if (prec !== null) digits = prec === 0 && n === 0 ? '' : digits.padStart(prec, '0');
        if (alt && conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
        if (alt && (conv === 'x' || conv === 'X') && n !== 0) digits = `0${conv}${digits}`;
        out += pad(digits, width, left, zero && prec === null);
        continue;
      }
      default: {
        const n = num(arg);
        const upper = conv === 'E' || conv === 'G' || conv === 'F';
        const sp = special(n, upper);
        if (sp !== null) { out += pad(sign(n, sp), width, left, false); continue; }
        const p = prec ?? 6;
        const abs = Math.abs(n);
        if (conv === 'e' || conv === 'E') s = expo(abs, p, upper);
        else if (conv === 'f' || conv === 'F') s = fixed(abs, p);
        else s = general(abs, p, alt, upper);
        if (alt && !s.includes('.') && p === 0 && conv !== 'g' && conv !== 'G') s = s.replace(/^(\d+)/, '$1.');
        out += pad(sign(n, n < 0 ? `-${s}` : s), width, left, zero);
      }
    }
  }
  return { text: out };
}
