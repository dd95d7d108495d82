import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { Tool, type ToolSpec } from './lib.js';

/**
 * seq: coreutils src/seq.c (options stop at the first operand and negative numbers are operands;
 * the output precision is the larger of FIRST's and INCREMENT's decimals; -w pads with zeros to
 * the widest of FIRST and LAST; `invalid floating point argument: ‘x’`, `invalid Zero increment
 * value: ‘0’`) and busybox coreutils/seq.c (bad numbers show the usage). A zero increment makes
 * busybox print FIRST forever; the lab stops after LIMIT lines.
 */
const SPEC: ToolSpec = {
  gnu: { short: 'f:s:w', long: [L('format', 1, 'f'), L('separator', 1, 's'), L('equal-width', 0, 'w')], stopAtOperand: true },
  bb: { short: 'ws:', stopAtOperand: true },
};
const LIMIT = 100_000;
const NUM = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function decimals(s: string): number {
  if (/[eE]/.test(s)) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** printf's %g with six significant digits (seq -f default for non-integers with exponents). */
function g(n: number): string {
  return String(Number(n.toPrecision(6)));
}

export const seq: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'seq', SPEC);
  // A leading negative number is an operand, not an option (seq.c checks before getopt).
  let cut = 1;
  while (cut < argv.length && (argv[cut] as string).startsWith('-') && !/^-(\d|\.\d)/.test(argv[cut] as string) && argv[cut] !== '--') {
    const a = argv[cut] as string;
    cut += /^-[^-]*[fs]$/.test(a) || /^--(format|separator)$/.test(a) ? 2 : 1;
  }
  const a = t.parse(argv.slice(0, cut).concat(argv[cut] === '--' ? argv.slice(cut) : ['--', ...argv.slice(cut)]));
  if (typeof a === 'number') return a;
  const ops = a.operands;
  if (ops.length === 0) return t.gnu ? t.usage('missing operand') : t.usage();
  if (ops.length > 3) return t.gnu ? t.usage(`extra operand ${t.ql(ops[3] as string)}`) : t.usage();
  for (const o of ops) {
    if (!NUM.test(o)) {
      if (!t.gnu) return t.usage();
      return t.usage(/^nan$/i.test(o) ? `invalid ‘not-a-number’ argument: ${t.ql(o)}` : `invalid floating point argument: ${t.ql(o)}`);
    }
  }
  const [firstS, stepS, lastS] = ops.length === 1 ? ['1', '1', ops[0] as string] : ops.length === 2 ? [ops[0] as string, '1', ops[1] as string] : (ops as [string, string, string]);
  const first = Number(firstS);
  const step = Number(stepS);
  const last = Number(lastS);
  if (step === 0 && t.gnu) return t.usage(`invalid Zero increment value: ${t.ql(stepS)}`);
  const sep = a.opts.filter((o) => o.key === 's').pop()?.value ?? '\n';
  const fmtOpt = a.opts.filter((o) => o.key === 'f').pop()?.value ?? null;
  const prec = Math.max(decimals(firstS.trim()), decimals(stepS.trim()));
  const exp = /[eE]/.test(firstS + stepS);
  const fmt = (n: number): string => {
    if (fmtOpt !== null) {
      const m = /^(.*?)%(0?)(\d*)(?:\.(\d+))?([gfe])(.*)$/.exec(fmtOpt);
      if (!m) return String(n);
      const body = m[5] === 'f' ? n.toFixed(m[4] === undefined ? 6 : Number(m[4])) : m[5] === 'e' ? n.toExponential(m[4] === undefined ? 6 : Number(m[4])) : g(n);
      return `${m[1]}${body.padStart(Number(m[3] || '0'), m[2] === '0' ? '0' : ' ')}${m[6]}`;
    }
    return exp && !Number.isInteger(n) ? g(n) : n.toFixed(prec);
  };
  const values: string[] = [];
  for (let i = 0; values.length < LIMIT; i++) {
    const x = first + i * step;
    if (step > 0 ? x > last : step < 0 ? x < last : first > last) break;
    values.push(fmt(x));
  }
  if (a.opts.some((o) => o.key === 'w') && fmtOpt === null) {
    const width = Math.max(fmt(first).length, fmt(last).length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string;
      values[i] = v.startsWith('-') ? `-${v.slice(1).padStart(width - 1, '0')}` : v.padStart(width, '0');
    }
  }
  if (values.length) ctx.out.out(`${values.join(sep)}\n`);
  return 0;
};
