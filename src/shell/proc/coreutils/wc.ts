import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { qShell, Tool, utf8, type ToolSpec } from './lib.js';

/**
 * wc: coreutils src/wc.c — counts in the order lines, words, chars, bytes, max line length, each
 * right-aligned to a common width: compute_number_width() takes the digits of the regular files'
 * total size, at least 7 when an input is not a regular file (a pipe, a directory), and 1 when
 * only one count of one input is asked for; a `total` line for several files. Standard input
 * here is always a pipe (the interpreter gives programs text, not file descriptors), as it is for
 * `cmd | wc`. busybox coreutils/wc.c prints `%9u` columns, or a bare number for one count of one
 * input.
 */
const SPEC: ToolSpec = {
  gnu: {
    short: 'clLmw',
    long: [L('bytes', 0, 'c'), L('chars', 0, 'm'), L('lines', 0, 'l'), L('files0-from', 1, 'files0-from'), L('max-line-length', 0, 'L'),
      L('words', 0, 'w'), L('total', 1, 'total')],
  },
  bb: { short: 'lwmcL' },
};

const ORDER = ['l', 'w', 'm', 'c', 'L'] as const;
type Counts = Record<(typeof ORDER)[number], number>;

function count(text: string, utf8Locale: boolean): Counts {
  let lines = 0;
  let words = 0;
  let inWord = false;
  let chars = 0;
  let maxLen = 0;
  let col = 0;
  for (const ch of text) {
    chars++;
    if (ch === '\n') {
      lines++;
      maxLen = Math.max(maxLen, col);
      col = 0;
    } else if (ch === '\t') col += 8 - (col % 8);
    else if (ch !== '\r' && ch !== '\f' && ch !== '\v') col++;
    if (/[ \t\n\v\f\r]/.test(ch)) inWord = false;
    else if (!inWord) { inWord = true; words++; }
  }
  maxLen = Math.max(maxLen, col);
  const bytes = utf8(text).length;
  return { l: lines, w: words, m: utf8Locale ? chars : bytes, c: bytes, L: maxLen };
}

export const wc: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'wc', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  let show = ORDER.filter((k) => a.opts.some((o) => o.key === k));
  if (show.length === 0) show = ['l', 'w', 'c'];
  const files = a.operands.length ? a.operands : ['-'];
  const named = a.operands.length > 0;
  // Stat every input first (compute_number_width).
  let regularTotal = 0;
  let minWidth = 1;
  for (const f of files) {
    if (f === '-') { minWidth = 7; continue; }
    const st = ctx.sys.fs.stat(t.path(f));
    if (typeof st === 'string') continue;
    if (st.type === 'file') regularTotal += st.size;
    else minWidth = 7;
  }
  const width = t.gnu
    ? (files.length === 1 && show.length === 1 ? 1 : Math.max(minWidth, String(regularTotal).length))
    : 0;
  const one = !t.gnu && files.length <= 1 && show.length === 1;
  const fmt = (c: Counts, name: string | null) => {
    const nums = show.map((k, i) => (t.gnu ? String(c[k]).padStart(width) : one ? String(c[k]) : `${i ? ' ' : ''}${String(c[k]).padStart(9)}`));
    const sep = t.gnu ? ' ' : '';
    return `${nums.join(sep)}${name === null ? '' : ` ${t.gnu && name.includes('\n') ? qShell(name) : name}`}\n`;
  };
  const total: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  let code = 0;
  for (const f of files) {
    const r = t.read(f);
    let c: Counts;
    if (r.errno) {
      code = 1;
      t.err(`${t.gnu ? qShell(f) : f}: ${t.strerror(r.errno)}`);
      if (r.errno !== 'EISDIR') continue;
      c = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    } else c = count(r.text, t.utf8 || !t.gnu);
    for (const k of ORDER) total[k] = k === 'L' ? Math.max(total[k], c[k]) : total[k] + c[k];
    ctx.out.out(fmt(c, named ? f : null));
  }
  if (files.length > 1) ctx.out.out(fmt(total, 'total'));
  return code;
};
