import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { qAlways, qShell, Tool, type ToolSpec } from './lib.js';

/**
 * uniq: coreutils src/uniq.c (adjacent repeats; -c prints `%7d `; -d/-u/-D; -f skips fields,
 * -s chars, -w compares at most N chars, -i folds case; `uniq IN OUT` writes OUT; a missing last
 * newline is added) and busybox coreutils/uniq.c (`can't open 'F'`, no -D, no long options).
 */
const SPEC: ToolSpec = {
  gnu: {
    short: '0123456789Dcdf:is:uw:z',
    long: [L('all-repeated', 2, 'D'), L('count', 0, 'c'), L('repeated', 0, 'd'), L('skip-fields', 1, 'f'), L('ignore-case', 0, 'i'),
      L('unique', 0, 'u'), L('skip-chars', 1, 's'), L('check-chars', 1, 'w'), L('zero-terminated', 0, 'z'), L('group', 2, 'group')],
  },
  bb: { short: 'cduizf:s:w:' },
};

function skip(line: string, fields: number, chars: number): string {
  let p = 0;
  for (let f = 0; f < fields && p < line.length; f++) {
    while (p < line.length && (line[p] === ' ' || line[p] === '\t')) p++;
    while (p < line.length && line[p] !== ' ' && line[p] !== '\t') p++;
  }
  return line.slice(Math.min(line.length, p + chars));
}

export const uniq: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'uniq', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const on = (k: string) => a.opts.some((o) => o.key === k);
  const num = (k: string, what: string): number | string => {
    const v = a.opts.filter((o) => o.key === k).pop()?.value;
    if (v === undefined || v === null) return 0;
    if (!/^\d+$/.test(v)) return t.gnu ? `${v}: ${what}` : `invalid number '${v}'`;
    return Number(v);
  };
  const fields = num('f', 'invalid number of fields to skip');
  const chars = num('s', 'invalid number of bytes to skip');
  const width = a.opts.some((o) => o.key === 'w') ? num('w', 'invalid number of bytes to compare') : Infinity;
  for (const v of [fields, chars, width]) if (typeof v === 'string') { t.err(v); return 1; }
  if (t.gnu && a.operands.length > 2) return t.usage(`extra operand ${t.ql(a.operands[2] as string)}`);
  const input = a.operands[0] ?? '-';
  const r = t.read(input);
  if (r.errno) {
    if (t.gnu) t.err(r.errno === 'EISDIR' ? `error reading ${qAlways(input)}` : `${qShell(input)}: ${t.strerror(r.errno)}`);
    else t.err(r.errno === 'EISDIR' ? `${input}: I/O error` : `can't open '${input}': ${t.strerror(r.errno)}`);
    return 1;
  }
  if (!t.gnu && a.operands.length > 2) return t.usage();
  const nul = on('z');
  const lines = r.text.split(nul ? '\0' : '\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const fold = on('i');
  const keyOf = (l: string) => {
    const k = skip(l, fields as number, chars as number).slice(0, width as number);
    return fold ? k.toLowerCase() : k;
  };
  const count = on('c');
  const dups = on('d');
  const all = on('D');
  const uniques = on('u');
  const end = nul ? '\0' : '\n';
  let out = '';
  for (let i = 0; i < lines.length;) {
    let j = i + 1;
    const k = keyOf(lines[i] as string);
    while (j < lines.length && keyOf(lines[j] as string) === k) j++;
    const n = j - i;
    const repeated = n > 1;
    if (all) {
      if (repeated) for (let x = i; x < j; x++) out += `${lines[x]}${end}`;
    } else if ((!dups || repeated) && (!uniques || !repeated)) {
      out += `${count ? `${String(n).padStart(7)} ` : ''}${lines[i]}${end}`;
    }
    i = j;
  }
  const target = a.operands[1];
  if (target !== undefined && target !== '-') {
    const e = ctx.sys.fs.write(t.path(target), out, false);
    if (e) {
      t.err(t.gnu ? `${qShell(target)}: ${t.strerror(e)}` : `can't open '${target}': ${t.strerror(e)}`);
      return 1;
    }
    return 0;
  }
  ctx.out.out(out);
  return 0;
};
