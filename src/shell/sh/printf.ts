import { unescape } from './builtins.js';

/**
 * printf(1) as the shells' builtins do it: %s %b %c %d %i %u %o %x %X %e %f %g %%, flags, width and
 * precision; the format is reused while arguments remain; a non-numeric argument to %d is an error
 * (`invalid number`) and counts as 0.
 */
export function printf(format: string, args: readonly string[]): { text: string; errors: string[] } {
  const errors: string[] = [];
  let text = '';
  let k = 0;
  const re = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sbcdiuoxXeEfgG%])|\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g;
  const num = (s: string | undefined): number => {
    if (s === undefined || s === '') return 0;
    const t = s.trim();
    if (/^['"]/.test(t)) return t.codePointAt(1) ?? 0;
    const n = /^[-+]?0x/i.test(t) ? parseInt(t, 16) : /^[-+]?0[0-7]+$/.test(t) ? parseInt(t, 8) : Number(t);
    if (!Number.isFinite(n)) { errors.push(`${s}: invalid number`); return 0; }
    return n;
  };
  do {
    let consumed = false;
    text += format.replace(re, (m, flags: string | undefined, width: string | undefined, prec: string | undefined, conv: string | undefined, esc: string | undefined) => {
      if (esc !== undefined) return unescape(`\\${esc}`);
      if (conv === '%') return '%';
      const w = width === '*' ? num(args[k++]) : width ? Number(width) : 0;
      const p = prec === '*' ? num(args[k++]) : prec !== undefined ? Number(prec) : undefined;
      const arg = args[k];
      if (k < args.length) { k++; consumed = true; }
      let s: string;
      switch (conv) {
        case 's': s = p !== undefined ? (arg ?? '').slice(0, p) : (arg ?? ''); break;
        case 'b': s = unescape(arg ?? ''); break;
        case 'c': s = (arg ?? '').slice(0, 1); break;
        case 'd': case 'i': case 'u': s = String(Math.trunc(num(arg))); break;
        case 'o': s = Math.trunc(num(arg)).toString(8); break;
        case 'x': s = Math.trunc(num(arg)).toString(16); break;
        case 'X': s = Math.trunc(num(arg)).toString(16).toUpperCase(); break;
        case 'e': case 'E': s = num(arg).toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
        case 'f': s = num(arg).toFixed(p ?? 6); break;
        default: s = String(num(arg));
      }
      const f = flags ?? '';
      if (f.includes('+') && /[dif]/.test(conv ?? '') && !s.startsWith('-')) s = `+${s}`;
      if (s.length < w) s = f.includes('-') ? s.padEnd(w) : f.includes('0') && /[diouxXf]/.test(conv ?? '') ? s.padStart(w, '0') : s.padStart(w);
      void m;
      return s;
    });
    if (!consumed) break;
  } while (k < args.length);
  return { text, errors };
}
