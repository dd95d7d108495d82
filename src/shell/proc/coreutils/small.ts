import type { Program } from '../../sh/system.js';
import { getopt, L } from './getopt.js';
import { qShell, Tool, type ToolSpec } from './lib.js';

/**
 * The small ones: /bin/echo (coreutils src/echo.c; busybox coreutils/echo.c, where -E does not
 * undo -e), pwd, basename, dirname (coreutils src/basename.c, src/dirname.c; busybox's take one
 * name, `//` stays `//`) and sleep (coreutils src/sleep.c: `invalid time interval ‘x’`, every bad
 * operand reported; busybox: `invalid number 'x'`). The lab does not wait: sleep returns at once.
 */

const ECHO_ESC: Readonly<Record<string, string>> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Backslash escapes as echo -e reads them; `stop` when `\c` ends the output. */
function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const n = s[++i] as string;
    if (n === 'c') return { text: out, stop: true };
    if (ECHO_ESC[n] !== undefined) { out += ECHO_ESC[n]; continue; }
    if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0] ?? '';
      out += String.fromCharCode(parseInt(hex, 16));
      i += hex.length;
      continue;
    }
    if (/[0-7]/.test(n)) {
      // \0NNN and \NNN: up to three octal digits (after the optional leading 0).
      let j = i;
      if (n === '0' && /[0-7]/.test(s[i + 1] ?? '')) j++;
      const oct = /^[0-7]{1,3}/.exec(s.slice(j))?.[0] ?? '0';
      out += String.fromCharCode(parseInt(oct, 8) & 255);
      i = j + oct.length - 1;
      continue;
    }
    out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echo: Program = (argv, ctx) => {
  const gnu = ctx.sys.flavor !== 'busybox';
  if (gnu && argv.length === 2 && (argv[1] === '--help' || argv[1] === '--version')) {
    return new Tool(ctx, argv[0] ?? 'echo', { gnu: { short: '' }, bb: { short: '' } }).parse(argv) as number;
  }
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else if (gnu) escapes = false;
    }
  }
  const words = argv.slice(i);
  let text = '';
  for (const [k, w] of words.entries()) {
    if (!escapes) { text += (k ? ' ' : '') + w; continue; }
    const r = echoEscapes(w);
    text += (k ? ' ' : '') + r.text;
    if (r.stop) { ctx.out.out(text); return 0; }
  }
  ctx.out.out(newline ? `${text}\n` : text);
  return 0;
};

const PWD: ToolSpec = { gnu: { short: 'LP', long: [L('logical', 0, 'L'), L('physical', 0, 'P')] }, bb: { short: 'LP' } };

export const pwd: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'pwd', PWD);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  if (t.gnu && a.operands.length) t.err('ignoring non-option arguments');
  ctx.out.line(ctx.cwd);
  return 0;
};

const BASENAME: ToolSpec = {
  gnu: { short: 'as:z', long: [L('multiple', 0, 'a'), L('suffix', 1, 's'), L('zero', 0, 'z')] },
  bb: { short: 'as:', stopAtOperand: true },
};

function baseOf(p: string): string {
  if (p === '') return '';
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export const basename: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'basename', BASENAME);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const suffixOpt = a.opts.filter((o) => o.key === 's').pop()?.value ?? null;
  const multi = suffixOpt !== null || a.opts.some((o) => o.key === 'a');
  const ops = a.operands;
  if (ops.length === 0) return t.gnu ? t.usage('missing operand') : t.usage();
  if (!multi && ops.length > 2) return t.gnu ? t.usage(`extra operand ${t.ql(ops[2] as string)}`) : t.usage();
  const names = multi ? ops : [ops[0] as string];
  const suffix = multi ? suffixOpt : (ops[1] ?? null);
  const end = a.opts.some((o) => o.key === 'z') ? '\0' : '\n';
  let out = '';
  for (const n of names) {
    let b = baseOf(n);
    if (suffix && b.length > suffix.length && b.endsWith(suffix) && b !== '/') b = b.slice(0, -suffix.length);
    out += b + end;
  }
  ctx.out.out(out);
  return 0;
};

const DIRNAME: ToolSpec = { gnu: { short: 'z', long: [L('zero', 0, 'z')] }, bb: { short: '' } };

function dirOf(p: string, gnu: boolean): string {
  if (!gnu && /^\/+$/.test(p)) return p.length === 2 ? '//' : '/';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return p.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const d = trimmed.slice(0, i).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}

export const dirname: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'dirname', DIRNAME);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  if (a.operands.length === 0) return t.gnu ? t.usage('missing operand') : t.usage();
  if (!t.gnu && a.operands.length > 1) return t.usage();
  const end = a.opts.some((o) => o.key === 'z') ? '\0' : '\n';
  ctx.out.out(a.operands.map((p) => dirOf(p, t.gnu) + end).join(''));
  return 0;
};

const SLEEP: ToolSpec = { gnu: { short: '' }, bb: { short: '' } };

/** `1`, `0.5`, `2m`, `1.5h`, `inf`: what sleep accepts. */
function validInterval(s: string, gnu: boolean): boolean {
  if (gnu) return /^\s*\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?[smhd]?$/i.test(s) || /^\s*\+?inf(inity)?[smhd]?$/i.test(s);
  return /^(\d+(\.\d*)?|\.\d+)[smhd]?$/.test(s) || /^inf(inity)?$/i.test(s);
}

export const sleep: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'sleep', SLEEP);
  if (!t.gnu) {
    if (argv.length < 2) return t.usage();
    if (argv.length === 2 && argv[1] === '--help') return t.parse(argv) as number;
    for (const a of argv.slice(1)) {
      if (!validInterval(a, false)) {
        t.err(`invalid number '${a.replace(/\.\d*/, '')}'`);
        return 1;
      }
    }
    return 0;
  }
  // GNU sleep parses only --help/--version; `-1` is an unknown option.
  const r = getopt(argv, { short: '', long: [L('help', 0), L('version', 0)] });
  if (!r.ok || r.opts.length) {
    const a = t.parse(argv);
    return typeof a === 'number' ? a : 0;
  }
  if (r.operands.length === 0) return t.usage('missing operand');
  let bad = false;
  for (const a of r.operands) {
    if (!validInterval(a, true)) {
      t.err(`invalid time interval ${t.ql(a)}`);
      bad = true;
    }
  }
  return bad ? t.usage() : 0;
};

const TEE: ToolSpec = {
  gnu: { short: 'aip', long: [L('append', 0, 'a'), L('ignore-interrupts', 0, 'i'), L('output-error', 2, 'p')] },
  bb: { short: 'ai' },
};

/** tee (coreutils src/tee.c, busybox coreutils/tee.c): stdin to stdout and to each FILE; -a appends. */
export const tee: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'tee', TEE);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const append = a.opts.some((o) => o.key === 'a');
  let code = 0;
  for (const f of a.operands) {
    if (f === '-') {
      if (!t.gnu) ctx.out.out(ctx.stdin);
      continue;
    }
    const e = ctx.sys.fs.write(t.path(f), ctx.stdin, append);
    if (e) {
      t.err(`${t.gnu ? qShell(f) : f}: ${t.strerror(e)}`);
      code = 1;
    }
  }
  ctx.out.out(ctx.stdin);
  return code;
};
