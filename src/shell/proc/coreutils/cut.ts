import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { fromUtf8, qShell, Tool, utf8, type ToolSpec } from './lib.js';

/**
 * cut: coreutils src/cut.c (-b/-c count bytes, -f fields split on -d (TAB by default), lines
 * without the delimiter printed whole unless -s, ranges merged and in order, --complement,
 * --output-delimiter; set_fields() errors such as `invalid field value ‘x’`,
 * `fields are numbered from 1`, `invalid decreasing range`, then `Try 'cut --help'`) and busybox
 * 1.37.0 coreutils/cut.c (`expected a list of bytes, characters, or fields`, `invalid number 'x'`,
 * `E<S` for a decreasing range, 0 read as 1, only the first character of -d counts).
 */
const SPEC: ToolSpec = {
  gnu: {
    short: 'b:c:d:f:nsz',
    long: [L('bytes', 1, 'b'), L('characters', 1, 'c'), L('delimiter', 1, 'd'), L('fields', 1, 'f'), L('only-delimited', 0, 's'),
      L('output-delimiter', 1, 'O'), L('complement', 0, 'C'), L('zero-terminated', 0, 'z')],
  },
  bb: { short: 'b:c:f:d:O:sDF:n' },
};

type Range = [number, number];
const MAX = Number.MAX_SAFE_INTEGER;

function gnuList(list: string, fields: boolean, ql: (s: string) => string): Range[] | string {
  const zero = fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
  const ranges: Range[] = [];
  for (const item of list.split(/[,\s]/)) {
    if (item === '') return zero;
    if (item === '-') return 'invalid range with no endpoint: -';
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m) {
      if (/^\d*-\d*-/.test(item)) return fields ? 'invalid field range' : 'invalid byte or character range';
      return fields ? `invalid field value ${ql(item)}` : `invalid byte/character position ${ql(item)}`;
    }
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? MAX : Number(m[3]);
    if (lo === 0 || hi === 0) return zero;
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}

function bbList(list: string): Range[] | string {
  const ranges: Range[] = [];
  for (const item of list.split(',')) {
    if (item === '') continue;
    const dash = item.indexOf('-');
    const sTxt = dash < 0 ? item : item.slice(0, dash);
    const eTxt = dash < 0 ? null : item.slice(dash + 1);
    if (sTxt !== '' && !/^\d+$/.test(sTxt)) return `invalid number '${sTxt}'`;
    const s = sTxt === '' ? 0 : Math.max(0, Number(sTxt) - 1);
    let e: number;
    if (eTxt === null) e = s;
    else if (eTxt === '') e = MAX;
    else {
      if (!/^\d+$/.test(eTxt)) return `invalid number '${eTxt}'`;
      if (Number(eTxt) < s) return `${Number(eTxt)}<${s}`;
      e = Number(eTxt) - 1;
    }
    ranges.push([s + 1, e === MAX ? MAX : e + 1]);
  }
  return ranges.length ? ranges : 'missing list of positions';
}

const selected = (ranges: readonly Range[], i: number, complement: boolean) => ranges.some(([lo, hi]) => i >= lo && i <= hi) !== complement;

export const cut: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'cut', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const lists = a.opts.filter((o) => 'bcfF'.includes(o.key) && o.key.length === 1);
  if (!t.gnu && new Set(lists.map((o) => o.key)).size > 1) return t.usage();
  if (lists.length === 0) return t.gnu ? t.usage('you must specify a list of bytes, characters, or fields') : (t.err('expected a list of bytes, characters, or fields'), 1);
  if (t.gnu && new Set(lists.map((o) => o.key)).size > 1) return t.usage('only one list may be specified');
  const mode = (lists[lists.length - 1] as { key: string }).key;
  const fields = mode === 'f' || mode === 'F';
  const delimOpt = a.opts.filter((o) => o.key === 'd').pop()?.value ?? null;
  const suppress = a.opts.some((o) => o.key === 's');
  if (!fields) {
    if (suppress) return t.gnu ? t.usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields') : (t.err('suppressing non-delimited lines makes sense only when operating on fields'), 1);
    if (delimOpt !== null) return t.gnu ? t.usage('an input delimiter may be specified only when operating on fields') : (t.err('a delimiter may be specified only when operating on fields'), 1);
  }
  if (t.gnu && delimOpt !== null && [...delimOpt].length > 1) return t.usage('the delimiter must be a single character');
  const ranges = t.gnu ? gnuList(lists.map((o) => o.value ?? '').join(','), fields, (x) => t.ql(x)) : bbList(lists.map((o) => o.value ?? '').pop() ?? '');
  if (typeof ranges === 'string') {
    if (t.gnu) return t.usage(ranges);
    t.err(ranges);
    return 1;
  }
  const delim = t.gnu ? (delimOpt === '' ? '\0' : (delimOpt ?? '\t')) : (delimOpt ? [...delimOpt][0] as string : '\t');
  const outDelim = a.opts.filter((o) => o.key === 'O').pop()?.value ?? delim;
  const complement = a.opts.some((o) => o.key === 'C');
  const nul = a.opts.some((o) => o.key === 'z');
  const end = nul ? '\0' : '\n';
  let code = 0;
  let out = '';
  for (const f of a.operands.length ? a.operands : ['-']) {
    const r = t.read(f);
    if (r.errno) {
      if (!t.gnu && r.errno === 'EISDIR') continue;
      t.err(`${t.gnu ? qShell(f) : f}: ${t.strerror(r.errno)}`);
      code = 1;
      continue;
    }
    const lines = r.text.split(end);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      if (!fields) {
        const bytes = utf8(line);
        const keep: number[] = [];
        bytes.forEach((b, i) => { if (selected(ranges, i + 1, complement)) keep.push(b); });
        out += fromUtf8(Uint8Array.from(keep)) + end;
        continue;
      }
      if (!line.includes(delim)) {
        if (!suppress) out += line + end;
        continue;
      }
      const parts = line.split(delim);
      out += parts.filter((_p, i) => selected(ranges, i + 1, complement)).join(outDelim) + end;
    }
  }
  ctx.out.out(out);
  return code;
};
