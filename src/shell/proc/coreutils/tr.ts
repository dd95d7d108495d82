import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { Tool, type ToolSpec } from './lib.js';

/**
 * tr: coreutils src/tr.c (sets with escapes, ranges, [:class:], [=c=], [c*n]; a short SET2 is
 * padded with its last character; -c complements over the 256 byte values; -d, -s, -t; the
 * operand-count messages and `invalid character class ‘foo’`, `range-endpoints of 'c-a' are in
 * reverse collating sequence order`, `misaligned [:upper:] and/or [:lower:] construct`) and
 * busybox coreutils/tr.c (expand(), map() and complement(): no errors for odd sets, `[x*n]` and
 * [:print:]/[:graph:] are literal text, a missing SET2 means no translation, `STRING2 cannot be
 * empty`).
 */
const SPEC: ToolSpec = {
  gnu: { short: 'AcCdst', long: [L('complement', 0, 'c'), L('delete', 0, 'd'), L('squeeze-repeats', 0, 's'), L('truncate-set1', 0, 't')], stopAtOperand: true },
  bb: { short: 'Ccds', stopAtOperand: true },
};

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_x, i) => String.fromCharCode(a + i));
const ASCII = range(0, 127);
const CLASSES: Readonly<Record<string, () => string[]>> = {
  alpha: () => [...range(65, 90), ...range(97, 122)],
  alnum: () => [...range(48, 57), ...range(65, 90), ...range(97, 122)],
  digit: () => range(48, 57),
  lower: () => range(97, 122),
  upper: () => range(65, 90),
  space: () => ['\t', '\n', '\v', '\f', '\r', ' '],
  blank: () => ['\t', ' '],
  punct: () => ASCII.filter((c) => /[!-/:-@[-`{-~]/.test(c)),
  cntrl: () => ASCII.filter((c) => c < ' ' || c === '\x7f'),
  xdigit: () => [...range(48, 57), ...range(65, 70), ...range(97, 102)],
  print: () => range(32, 126),
  graph: () => range(33, 126),
};
const BB_CLASSES = ['alpha', 'alnum', 'digit', 'lower', 'upper', 'space', 'blank', 'punct', 'cntrl', 'xdigit'];
const ESC: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

interface Parsed { chars: string[]; classes: { name: string; at: number }[]; fill: { ch: string; n: number | null; at: number }[]; warn?: string }

/** One backslash escape at s[i] (after the backslash); returns the char and the next index. */
function escape(s: string, i: number): [string, number] {
  const oct = /^[0-7]{1,3}/.exec(s.slice(i))?.[0];
  if (oct) return [String.fromCharCode(parseInt(oct, 8) & 255), i + oct.length];
  const c = s[i];
  if (c === undefined) return ['\\', i];
  return [ESC[c] ?? c, i + 1];
}

function parseSet(s: string, gnu: boolean, isSet2: boolean, ql: (s: string) => string): Parsed | string {
  const out: Parsed = { chars: [], classes: [], fill: [] };
  let i = 0;
  const next = (): string => {
    if (s[i] === '\\') {
      if (i + 1 >= s.length) { if (gnu) out.warn = 'warning: an unescaped backslash at end of string is not portable'; i++; return '\\'; }
      const [c, j] = escape(s, i + 1);
      i = j;
      return c;
    }
    return s[i++] as string;
  };
  while (i < s.length) {
    if (s[i] === '[' && (s[i + 1] === ':' || s[i + 1] === '=')) {
      const close = s.indexOf(`${s[i + 1]}]`, i + 2);
      const body = close < 0 ? '' : s.slice(i + 2, close);
      if (s[i + 1] === ':' && close >= 0 && (gnu ? true : BB_CLASSES.includes(body))) {
        const cls = CLASSES[body];
        if (!cls) return `invalid character class ${ql(body)}`;
        out.classes.push({ name: body, at: out.chars.length });
        out.chars.push(...cls());
        i = close + 2;
        continue;
      }
      if (s[i + 1] === '=' && close >= 0 && [...body].length === 1) {
        out.chars.push(body);
        i = close + 2;
        continue;
      }
    }
    if (gnu && isSet2 && s[i] === '[') {
      const m = /^\[(\\?.)\*(\d*)\]/.exec(s.slice(i));
      if (m) {
        const ch = m[1]!.startsWith('\\') && m[1]!.length > 1 ? escape(m[1]!, 1)[0] : (m[1] as string);
        out.fill.push({ ch, n: m[2] ? parseInt(m[2], m[2].startsWith('0') ? 8 : 10) : null, at: out.chars.length });
        i += m[0].length;
        continue;
      }
    }
    const c = next();
    if (s[i] === '-' && i + 1 < s.length) {
      i++;
      const e = next();
      if (e.charCodeAt(0) < c.charCodeAt(0)) {
        if (gnu) return `range-endpoints of '${c}-${e}' are in reverse collating sequence order`;
        continue;
      }
      out.chars.push(...range(c.charCodeAt(0), e.charCodeAt(0)));
      continue;
    }
    out.chars.push(c);
  }
  return out;
}

export const tr: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'tr', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const on = (k: string) => a.opts.some((o) => o.key === k);
  const comp = on('c') || on('C');
  const del = on('d');
  const squeeze = on('s');
  const ops = a.operands;
  if (t.gnu) {
    const translating = !del && ops.length >= 1;
    const needTwo = translating && !squeeze ? true : del && squeeze;
    if (ops.length === 0) return t.usage('missing operand');
    if (ops.length === 1 && needTwo) {
      return t.usage(`missing operand after ${t.ql(ops[0] as string)}\n${del ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.'}`);
    }
    if (ops.length > 2 || (ops.length === 2 && del && !squeeze)) {
      const extra = ops[del && !squeeze ? 1 : 2] as string;
      return t.usage(`extra operand ${t.ql(extra)}${del && !squeeze && ops.length === 2 ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''}`);
    }
  } else if (ops.length === 0 || ops.length > 2) return t.usage();
  const p1 = parseSet(ops[0] as string, t.gnu, false, (x) => t.ql(x));
  if (typeof p1 === 'string') { t.err(p1); return 1; }
  if (p1.warn) t.err(p1.warn);
  let set1 = p1.chars;
  if (comp) {
    const has = new Set(set1);
    set1 = range(0, 255).filter((c) => !has.has(c));
  }
  const inSet1 = comp ? ((c: string) => !new Set(p1.chars).has(c)) : ((s) => (c: string) => s.has(c))(new Set(set1));
  let map: Map<string, string> | null = null;
  let set2: string[] = [];
  if (ops.length === 2) {
    if (ops[1] === '' && !del) {
      if (t.gnu && !on('t')) { t.err('when not truncating set1, string2 must be non-empty'); return 1; }
      if (!t.gnu) { t.err('STRING2 cannot be empty'); return 1; }
    }
    const p2 = parseSet(ops[1] as string, t.gnu, true, (x) => t.ql(x));
    if (typeof p2 === 'string') { t.err(p2); return 1; }
    if (t.gnu && !del) {
      const bad = p2.classes.find((c) => c.name !== 'upper' && c.name !== 'lower');
      if (bad) { t.err("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'"); return 1; }
      for (const c of p2.classes) {
        const other = c.name === 'upper' ? 'lower' : 'upper';
        if (comp || !p1.classes.some((x) => x.at === c.at && (x.name === other || x.name === c.name))) { t.err('misaligned [:upper:] and/or [:lower:] construct'); return 1; }
      }
    }
    set2 = [...p2.chars];
    for (const f of p2.fill.reverse()) {
      const n = f.n ?? Math.max(0, set1.length - (p2.chars.length));
      set2.splice(f.at, 0, ...Array<string>(n).fill(f.ch));
    }
    if (!del) {
      map = new Map();
      if (on('t') && t.gnu) set1 = set1.slice(0, set2.length);
      let last = t.gnu ? (set2[set2.length - 1] ?? '') : '0';
      set1.forEach((c, k) => {
        if (k < set2.length) last = set2[k] as string;
        map!.set(c, last);
      });
    }
  }
  const squeezeSet = new Set(ops.length === 2 && (t.gnu || del) ? set2 : []);
  const inSqueeze = (raw: string, coded: string) => (t.gnu ? (ops.length === 2 ? squeezeSet.has(coded) : inSet1(raw)) : inSet1(raw) || squeezeSet.has(coded) || new Set(set2).has(coded));
  let out = '';
  let last: string | null = null;
  for (const c of ctx.stdin) {
    if (del && inSet1(c)) continue;
    const coded = map && (comp ? inSet1(c) : map.has(c)) ? (map.get(c) ?? set2[set2.length - 1] ?? c) : c;
    if (squeeze && last === coded && inSqueeze(c, coded)) continue;
    out += coded;
    last = coded;
  }
  ctx.out.out(out);
  return 0;
};
