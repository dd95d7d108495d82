import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { qAlways, qShell, Tool, type ToolSpec } from './lib.js';

/**
 * sort: coreutils src/sort.c in the C.UTF-8 locale (code point order): keys `-k F[.C][OPTS][,F[.C][OPTS]]`
 * located as begfield()/limfield() do (without -t a field starts at the blanks before it), a key
 * without ordering options takes the global ones, ties fall back to the whole line unless -s/-u,
 * -u keeps the first of equal lines; -n -h -g -M -V -f -d -i -r; -c reports
 * `sort: FILE:N: disorder: LINE`; errors exit 2 (`cannot read: F: …`, `multi-character tab ‘ab’`,
 * `field number is zero: invalid field specification ‘0’`). busybox coreutils/sort.c: -n reads
 * numbers with strtod, ties always break on the whole line before -u drops repeats,
 * `bad field specification`, `Check line N`, an unreadable file is `sort: F: …`.
 */
const SPEC: ToolSpec = {
  gnu: {
    short: 'bcCdfghik:mMno:rRsS:t:T:uVz',
    long: [L('ignore-leading-blanks', 0, 'b'), L('check', 2, 'c'), L('dictionary-order', 0, 'd'), L('ignore-case', 0, 'f'),
      L('general-numeric-sort', 0, 'g'), L('human-numeric-sort', 0, 'h'), L('ignore-nonprinting', 0, 'i'), L('key', 1, 'k'),
      L('merge', 0, 'm'), L('month-sort', 0, 'M'), L('numeric-sort', 0, 'n'), L('output', 1, 'o'), L('reverse', 0, 'r'),
      L('random-sort', 0, 'R'), L('stable', 0, 's'), L('buffer-size', 1, 'S'), L('field-separator', 1, 't'),
      L('temporary-directory', 1, 'T'), L('unique', 0, 'u'), L('version-sort', 0, 'V'), L('zero-terminated', 0, 'z'),
      L('parallel', 1, 'parallel'), L('sort', 1, 'sort')],
  },
  bb: { short: 'nrufbdMgciszk:o:t:S:T:hV' },
  status: 2,
  bbStatus: 2,
};

const ORDERING = 'bdfghiMnRrV';
interface Key { sword: number; schar: number; eword: number; echar: number; flags: string; sblank: boolean; eblank: boolean }

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function begfield(line: string, k: Key, tab: string | null): number {
  let p = 0;
  const lim = line.length;
  for (let w = k.sword; p < lim && w > 0; w--) {
    if (tab !== null) { while (p < lim && line[p] !== tab) p++; if (p < lim) p++; } else {
      while (p < lim && isBlank(line[p])) p++;
      while (p < lim && !isBlank(line[p])) p++;
    }
  }
  if (k.sblank) while (p < lim && isBlank(line[p])) p++;
  return Math.min(lim, p + k.schar);
}

function limfield(line: string, k: Key, tab: string | null): number {
  if (k.eword < 0) return line.length;
  let p = 0;
  const lim = line.length;
  let w = k.echar === 0 ? k.eword + 1 : k.eword;
  while (p < lim && w-- > 0) {
    if (tab !== null) { while (p < lim && line[p] !== tab) p++; if (p < lim && (w > 0 || k.echar)) p++; } else {
      while (p < lim && isBlank(line[p])) p++;
      while (p < lim && !isBlank(line[p])) p++;
    }
  }
  if (k.echar !== 0) {
    if (k.eblank) while (p < lim && isBlank(line[p])) p++;
    p = Math.min(lim, p + k.echar);
  }
  return p;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** strtod-like prefix value (busybox -n, -g); NaN when there is no number. */
function strtod(s: string): number {
  const m = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?inf(inity)?)/i.exec(s);
  return m ? Number(m[1]!.replace(/inf(inity)?/i, 'Infinity')) : NaN;
}

/** GNU -n: blanks, an optional '-', digits and one decimal point; anything else is 0. */
function gnuNumber(s: string): number {
  const m = /^[ \t]*(-?(\d*)(\.\d*)?)/.exec(s);
  const v = m && /\d/.test(m[1] as string) ? Number(m[1]) : 0;
  return Object.is(v, -0) ? 0 : v;
}

/**
 * GNU -h (sort.c find_unit_order, then the numbers): a nonzero number's unit order, K or k = 1 up to
 * Y = 8 (9.1 knows no R or Q), negated for a '-' number, and 0 without a unit or for a zero; equal orders compare as numbers.
 */
function human(s: string): [number, number] {
  const m = /^[ \t]*(-?\d*\.?\d*)([KkMGTPEZY]?)/.exec(s);
  const n = m && /\d/.test(m[1] as string) ? Number(m[1]) : 0;
  const unit = m?.[2] ? 'KMGTPEZY'.indexOf(m[2].toUpperCase()) + 1 : 0;
  return [n === 0 ? 0 : Math.sign(n) * unit, n];
}

function version(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const d = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : cmp(x, y);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(pa.length - pb.length);
}

function compareText(a: string, b: string, flags: string, gnu: boolean): number {
  if (flags.includes('n')) return gnu ? Math.sign(gnuNumber(a) - gnuNumber(b)) : Math.sign((strtod(a) || 0) - (strtod(b) || 0));
  if (flags.includes('g')) {
    const x = strtod(a);
    const y = strtod(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
    return Math.sign(x - y);
  }
  if (flags.includes('h') && !gnu) {
    const scale = (s: string) => {
      const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(.?)/.exec(s);
      const c = m?.[3] ?? '';
      const i = 'kmgtpezy'.indexOf(c.toLowerCase());
      return c === '' || i < 0 || (i > 0 && c >= 'a') ? -1 : i;
    };
    return Math.sign(scale(a) - scale(b)) || Math.sign((strtod(a) || 0) - (strtod(b) || 0));
  }
  if (flags.includes('h')) {
    const [sx, x] = human(a);
    const [sy, y] = human(b);
    return sx !== sy ? Math.sign(sx - sy) : Math.sign(x - y);
  }
  if (flags.includes('M')) {
    const mon = (s: string) => MONTHS.indexOf(s.trimStart().slice(0, 3).toUpperCase()) + 1;
    return Math.sign(mon(a) - mon(b));
  }
  if (flags.includes('V')) return version(a, b);
  let x = a;
  let y = b;
  if (flags.includes('d')) { x = x.replace(/[^\sA-Za-z0-9]/g, ''); y = y.replace(/[^\sA-Za-z0-9]/g, ''); }
  if (flags.includes('i')) { x = x.replace(/[^\x20-\x7e]/g, ''); y = y.replace(/[^\x20-\x7e]/g, ''); }
  if (flags.includes('f')) { x = x.toUpperCase(); y = y.toUpperCase(); }
  return cmp(x, y);
}

/** Parses `-k` the way key_init()/parse_field_count() do; a string is the error message. */
function parseKey(raw: string, gnu: boolean, ql: (s: string) => string): Key | string {
  let spec = raw;
  const bad = gnu ? null : 'bad field specification';
  if (!gnu && /^\d+,$/.test(spec)) spec = spec.slice(0, -1);
  if (!gnu && /^\d+(\.\d+)?[a-zA-Z]*(,\d+(\.\d+)?[a-zA-Z]*)?$/.test(spec) && /[^0-9.,bdfghiMnRrV]/.test(spec)) return 'unknown key option';
  const m = /^(\d*)(?:\.(\d*))?([a-zA-Z]*)(?:,(\d*)(?:\.(\d*))?([a-zA-Z]*))?$/.exec(spec);
  if (!m || m[1] === '') return bad ?? `invalid number at field start: invalid count at start of ${ql(spec)}`;
  if (Number(m[1]) === 0) return bad ?? `field number is zero: invalid field specification ${ql(spec)}`;
  if (m[2] !== undefined && (m[2] === '' || Number(m[2]) === 0)) {
    if (m[2] === '') return bad ?? `invalid number after '.': invalid count at start of ${ql(spec.slice(spec.indexOf('.') + 1))}`;
    return bad ?? `character offset is zero: invalid field specification ${ql(spec)}`;
  }
  if (m[4] !== undefined && (m[4] === '' || Number(m[4]) === 0)) {
    return bad ?? (m[4] === '' ? `invalid number after ',': invalid count at start of ${ql(spec.slice(spec.indexOf(',') + 1))}` : `field number is zero: invalid field specification ${ql(spec)}`);
  }
  const flags = `${m[3] ?? ''}${m[6] ?? ''}`;
  if ([...flags].some((c) => !ORDERING.includes(c))) return bad ?? `stray character in field spec: invalid field specification ${ql(spec)}`;
  return {
    sword: Number(m[1]) - 1, schar: m[2] ? Number(m[2]) - 1 : 0,
    eword: m[4] === undefined ? -1 : Number(m[4]) - 1, echar: m[5] ? Number(m[5]) : 0,
    flags: flags.replace(/b/g, ''), sblank: (m[3] ?? '').includes('b'), eblank: (m[6] ?? '').includes('b'),
  };
}

export const sort: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'sort', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const global = a.opts.filter((o) => ORDERING.includes(o.key) && o.key.length === 1).map((o) => o.key).join('');
  const on = (k: string) => a.opts.some((o) => o.key === k);
  const tabs = a.opts.filter((o) => o.key === 't').map((o) => o.value ?? '');
  let tab: string | null = null;
  for (const v of tabs) {
    if ([...v].length !== 1 && v !== '\\0') {
      t.err(t.gnu ? (v === '' ? 'empty tab' : `multi-character tab ${t.ql(v)}`) : 'bad -t parameter');
      return 2;
    }
    if (tab !== null && tab !== v && t.gnu) { t.err('incompatible tabs'); return 2; }
    tab = v === '\\0' ? '\0' : v;
  }
  const keys: Key[] = [];
  for (const o of a.opts.filter((x) => x.key === 'k')) {
    const k = parseKey(o.value ?? '', t.gnu, (x) => t.ql(x));
    if (typeof k === 'string') { t.err(k); return 2; }
    if (k.flags === '' && !k.sblank && !k.eblank) Object.assign(k, { flags: global.replace(/b/g, ''), sblank: global.includes('b'), eblank: global.includes('b') });
    keys.push(k);
  }
  const whole: Key = { sword: 0, schar: 0, eword: -1, echar: 0, flags: global.replace(/b/g, ''), sblank: global.includes('b'), eblank: false };
  const useKeys = keys.length ? keys : [whole];
  const reverse = global.includes('r');
  const stable = on('s');
  const unique = on('u');
  const compare = (x: string, y: string, tieBreak: boolean): number => {
    for (const k of useKeys) {
      const xa = x.slice(begfield(x, k, tab), Math.max(begfield(x, k, tab), limfield(x, k, tab)));
      const ya = y.slice(begfield(y, k, tab), Math.max(begfield(y, k, tab), limfield(y, k, tab)));
      const d = compareText(xa, ya, k.flags, t.gnu);
      if (d !== 0) return k.flags.includes('r') ? -d : d;
    }
    if (!tieBreak) return 0;
    const d = cmp(x, y);
    return reverse ? -d : d;
  };
  const check = t.gnu ? checkMode(t, a.opts) : on('c') ? 'c' : null;
  if (typeof check === 'number') return check;
  if (check !== null && t.gnu) {
    // sort.c: -c reads one input and writes nothing.
    if (a.operands.length > 1) { t.err(`extra operand ${qAlways(a.operands[1] ?? '')} not allowed with -${check}`); return 2; }
    if (on('o')) { t.err(`options '-${check}o' are incompatible`); return 2; }
  }
  const nul = on('z');
  const lines: { line: string; file: string; n: number; input: number }[] = [];
  const operands = a.operands.length ? a.operands : ['-'];
  for (const [input, f] of operands.entries()) {
    const r = t.read(f);
    if (r.errno) {
      if (!t.gnu && r.errno === 'EISDIR') continue;
      t.err(t.gnu ? (r.errno === 'EISDIR' ? `read failed: ${qShell(f)}: ${t.strerror(r.errno)}` : `cannot read: ${qShell(f)}: ${t.strerror(r.errno)}`) : `${f}: ${t.strerror(r.errno)}`);
      return 2;
    }
    const parts = r.text.split(nul ? '\0' : '\n');
    if (parts[parts.length - 1] === '') parts.pop();
    parts.forEach((line, i) => lines.push({ line, file: f, n: i + 1, input }));
  }
  if (check !== null) {
    for (let i = 1; i < lines.length; i++) {
      const d = compare((lines[i - 1] as { line: string }).line, (lines[i] as { line: string }).line, t.gnu ? !unique && !stable : !unique);
      if (d > 0 || (unique && d === 0)) {
        const l = lines[i] as { line: string; file: string; n: number };
        if (check === 'c') ctx.out.err(t.gnu ? `${t.name}: ${l.file === '-' ? '-' : l.file}:${l.n}: disorder: ${l.line}\n` : `Check line ${i}\n`);
        return 1;
      }
    }
    return 0;
  }
  const tieBreak = t.gnu ? !unique && !stable : !stable;
  let sorted: string[];
  if (on('m') && t.gnu) sorted = merged(lines, (x, y) => compare(x, y, tieBreak));
  else sorted = lines.map((l, i) => ({ line: l.line, i })).sort((x, y) => compare(x.line, y.line, tieBreak) || x.i - y.i).map((x) => x.line);
  if (unique) sorted = sorted.filter((l, i) => i === 0 || compare(sorted[i - 1] as string, l, false) !== 0);
  const end = nul ? '\0' : '\n';
  const text = sorted.map((l) => l + end).join('');
  const outFile = a.opts.filter((o) => o.key === 'o').pop()?.value;
  if (outFile !== undefined && outFile !== null) {
    const e = ctx.sys.fs.write(t.path(outFile), text, false);
    if (e) { t.err(t.gnu ? `open failed: ${qShell(outFile)}: ${t.strerror(e)}` : `can't open '${outFile}': ${t.strerror(e)}`); return 2; }
    return 0;
  }
  ctx.out.out(text);
  return 0;
};

const CHECK_WORDS: readonly [string, 'c' | 'C'][] = [['quiet', 'C'], ['silent', 'C'], ['diagnose-first', 'c']];

/**
 * GNU sort's check mode from -c, -C and --check[=WORD], in their order (sort.c: XARGMATCH over
 * quiet, silent and diagnose-first, unambiguous prefixes accepted; a second, different mode is
 * `options '-cC' are incompatible`); null without one, or the exit status after an error.
 */
function checkMode(t: Tool, opts: readonly { key: string; value: string | null }[]): 'c' | 'C' | null | number {
  let mode: 'c' | 'C' | null = null;
  for (const o of opts) {
    if (o.key !== 'c' && o.key !== 'C') continue;
    let m: 'c' | 'C' = o.key;
    if (o.key === 'c' && o.value !== null) {
      const exact = CHECK_WORDS.find(([w]) => w === o.value);
      const near = CHECK_WORDS.filter(([w]) => w.startsWith(o.value ?? ''));
      const found = exact ?? (new Set(near.map(([, v]) => v)).size === 1 ? near[0] : undefined);
      if (!found) {
        t.err(`${near.length > 1 ? 'ambiguous' : 'invalid'} argument ${t.ql(o.value)} for ${t.ql('--check')}`);
        t.ctx.out.errLine('Valid arguments are:');
        t.ctx.out.errLine(`  - ${t.ql('quiet')}, ${t.ql('silent')}`);
        t.ctx.out.errLine(`  - ${t.ql('diagnose-first')}`);
        t.ctx.out.errLine(`Try '${t.name} --help' for more information.`);
        // usage (EXIT_FAILURE): 1, not sort's own 2.
        return 1;
      }
      m = found[1];
    }
    if (mode !== null && mode !== m) { t.err("options '-cC' are incompatible"); return 2; }
    mode = m;
  }
  return mode;
}

/** sort -m: the inputs merged as they are, not sorted; the smallest head goes first, the earlier input on a tie. */
function merged(lines: readonly { line: string; input: number }[], compare: (x: string, y: string) => number): string[] {
  const inputs: string[][] = [];
  for (const l of lines) (inputs[l.input] ??= []).push(l.line);
  const at = inputs.map(() => 0);
  for (let i = 0; i < inputs.length; i++) inputs[i] ??= [];
  const out: string[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < inputs.length; i++) {
      const line = (inputs[i] as string[])[at[i] as number];
      if (line === undefined) continue;
      if (best < 0 || compare(line, (inputs[best] as string[])[at[best] as number] as string) < 0) best = i;
    }
    if (best < 0) return out;
    out.push((inputs[best] as string[])[at[best] as number] as string);
    at[best] = (at[best] as number) + 1;
  }
}
