import { LAB_NOW } from '../../clock.js';
import type { Ctx } from '../../context.js';
import type { Program } from '../../sh/system.js';
import { getopt, L, type Opt } from './getopt.js';
import { Tool, type ToolSpec } from './lib.js';

/**
 * The tools that run other programs, and `which`:
 * - which: debianutils 5.x /usr/bin/which (a sh script: dash's getopts says `Illegal option -Z`,
 *   the script prints `Usage: /usr/bin/which [-a] args` on stdout and exits 2; a missing name just
 *   makes the status 1; -a also finds /bin/X for /usr/bin/X on a merged-/usr system) and busybox
 *   debianutils/which.c.
 * - xargs: GNU findutils 4.9 xargs/xargs.c and busybox findutils/xargs.c: items split on blanks and
 *   newlines with '…', "…" and \ quoting, -n, -L, -I REPL (whole lines), -0, -d, -r, -t; the
 *   command (echo by default) runs with /dev/null as stdin; status 123 when a run failed, 127 when
 *   the command is not found.
 * - watch: procps watch: one frame only (the lab cannot refresh): the `Every 2.0s: CMD` header with
 *   `HOSTNAME: ctime()` right-aligned on an 80-column line, a blank line, then `sh -c CMD`'s output.
 */

/** Runs `argv` on this machine as a child process would: its own stdin, output into ours. */
export function runChild(ctx: Ctx, argv: string[], stdin: string): number | null {
  const prog = ctx.sys.resolve(argv[0] ?? '');
  if (!prog) return null;
  const saved = { stdin: ctx.stdin, tty: ctx.tty };
  ctx.stdin = stdin;
  ctx.tty = { ...ctx.tty, in: false };
  try {
    return prog(argv, ctx);
  } finally {
    Object.assign(ctx, saved);
  }
}

export const which: Program = (argv, ctx) => {
  const gnu = ctx.sys.flavor !== 'busybox';
  let all = false;
  let i = 1;
  if (gnu) {
    for (; i < argv.length && /^-./.test(argv[i] as string) && argv[i] !== '--'; i++) {
      for (const c of (argv[i] as string).slice(1)) {
        if (c === 'a') all = true;
        else {
          ctx.out.errLine(`Illegal option -${c}`);
          ctx.out.line(`Usage: /usr/bin/which [-a] args`);
          return 2;
        }
      }
    }
    if (argv[i] === '--') i++;
  } else {
    const t = new Tool(ctx, argv[0] ?? 'which', { gnu: { short: 'a' }, bb: { short: 'a' } });
    const a = t.parse(argv);
    if (typeof a === 'number') return a;
    if (a.operands.length === 0) return t.usage();
    all = a.opts.length > 0;
    argv = [argv[0] ?? 'which', ...a.operands];
  }
  const names = argv.slice(i);
  let code = names.length === 0 ? 1 : 0;
  for (const name of names) {
    if (name.includes('/')) {
      const st = ctx.sys.fs.stat(name);
      if (typeof st !== 'string' && st.type === 'file' && ctx.sys.resolve(name)) ctx.out.line(name);
      else code = 1;
      continue;
    }
    const where = ctx.sys.pathOf(name);
    if (where === null || ctx.sys.resolve(name) === null) { code = 1; continue; }
    ctx.out.line(where);
    if (all && gnu) {
      const twin = where.replace(/^\/usr\/(s?bin)\//, '/$1/');
      if (twin !== where) ctx.out.line(twin);
    }
  }
  return code;
};

const XARGS: ToolSpec = {
  gnu: {
    short: '0a:d:E:e::I:i::L:l::n:oP:prs:tx',
    long: [L('null', 0, '0'), L('arg-file', 1, 'a'), L('delimiter', 1, 'd'), L('eof', 2, 'e'), L('replace', 2, 'i'), L('max-lines', 2, 'l'),
      L('max-args', 1, 'n'), L('open-tty', 0, 'o'), L('interactive', 0, 'p'), L('no-run-if-empty', 0, 'r'), L('max-chars', 1, 's'),
      L('verbose', 0, 't'), L('exit', 0, 'x'), L('max-procs', 1, 'P'), L('process-slot-var', 1, 'psv')],
    stopAtOperand: true,
  },
  bb: { short: 'trn:s:e::E:opx0I:i::P:a:', long: [L('no-run-if-empty', 0, 'r')], stopAtOperand: true },
};

/** Splits xargs input into items: blanks and newlines separate, quotes and backslash protect. */
function items(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) return c === "'" ? 'single' : 'double';
      cur += text.slice(i + 1, end);
      i = end;
      any = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      any = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (any) out.push(cur);
      cur = '';
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push(cur);
  return out;
}

export const xargs: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'xargs', XARGS);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const val = (k: string) => a.opts.filter((o) => o.key === k).pop();
  const command = a.operands.length ? a.operands : ['echo'];
  const replOpt = val('I') ?? val('i');
  const repl = replOpt ? (replOpt.value ?? '{}') : null;
  const perRun = val('n')?.value ?? null;
  const perLines = val('L')?.value ?? (val('l') ? (val('l')?.value ?? '1') : null);
  for (const [k, v] of [['n', perRun], ['L', perLines]] as const) {
    if (v === null || /^[1-9]\d*$/.test(v)) continue;
    if (!/^\d+$/.test(v)) return t.gnu ? t.usage(`invalid number "${v}" for -${k} option`) : (t.err(`invalid number '${v}'`), 1);
    return t.gnu ? t.usage(`value ${v} for -${k} option should be >= 1`) : (t.err(`number ${v} is not in 1..2147483647 range`), 1);
  }
  let input = ctx.stdin;
  const argFile = val('a')?.value;
  if (argFile) {
    const r = t.read(argFile);
    if (r.errno) { t.err(`${t.gnu ? `Cannot open input file ${t.ql(argFile)}` : argFile}: ${t.strerror(r.errno)}`); return 1; }
    input = r.text;
  }
  // Items, or lines for -I / -L.
  let list: string[];
  const delim = val('0') ? '\0' : (val('d')?.value ?? null);
  if (delim !== null) {
    list = input.split(delim === '\\n' ? '\n' : delim);
    if (list[list.length - 1] === '' || (delim !== '\0' && list[list.length - 1] === '\n')) list.pop();
  } else if (repl !== null) {
    list = input.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
  } else {
    const r = items(input);
    if (typeof r === 'string') {
      t.err(t.gnu ? `unmatched ${r} quote; by default quotes are special to xargs unless you use the -0 option` : `unmatched ${r} quote`);
      return 1;
    }
    list = r;
  }
  const eof = val('E')?.value ?? (val('e') ? (val('e')?.value ?? null) : null);
  if (eof) { const k = list.indexOf(eof); if (k >= 0) list = list.slice(0, k); }
  const runs: string[][] = [];
  if (repl !== null) {
    for (const item of list) runs.push(command.map((w) => w.split(repl).join(item)));
  } else if (perLines !== null && perRun === null && delim === null) {
    // -L N: N non-blank input lines per run.
    const lines = input.split('\n').filter((l) => l.trim() !== '');
    for (let k = 0; k < lines.length; k += Number(perLines)) {
      const r = items(lines.slice(k, k + Number(perLines)).join('\n'));
      runs.push([...command, ...(typeof r === 'string' ? [] : r)]);
    }
    if (lines.length === 0 && !val('r')) runs.push([...command]);
  } else {
    const n = perRun !== null ? Number(perRun) : Math.max(1, list.length);
    for (let k = 0; k < list.length; k += n) runs.push([...command, ...list.slice(k, k + n)]);
    if (list.length === 0 && !val('r')) runs.push([...command]);
  }
  let code = 0;
  for (const run of runs) {
    if (val('t') || val('p')) ctx.out.errLine(run.join(' '));
    const status = runChild(ctx, run, '');
    if (status === null) {
      t.err(`${run[0]}: No such file or directory`);
      return 127;
    }
    if (status === 255) { t.err(`${run[0]}: exited with status 255; aborting`); return 124; }
    if (status !== 0) code = 123;
  }
  return code;
};

const WATCH: ToolSpec = {
  gnu: {
    short: 'bcd::eghn:pq:tvwx',
    long: [L('beep', 0, 'b'), L('color', 0, 'c'), L('differences', 2, 'd'), L('errexit', 0, 'e'), L('chgexit', 0, 'g'),
      L('interval', 1, 'n'), L('precise', 0, 'p'), L('no-title', 0, 't'), L('no-wrap', 0, 'w'), L('exec', 0, 'x'), L('help', 0, 'h'),
      L('version', 0, 'v'), L('equexit', 1, 'q')],
    stopAtOperand: true,
  },
  bb: { short: 'n:dt', stopAtOperand: true },
};

/** procps-ng 4.0.2 watch's usage (stderr, exit 1, after a getopt message or with no command). */
const WATCH_USAGE = "\nUsage:\n watch [options] command\n\nOptions:\n  -b, --beep             beep if command has a non-zero exit\n  -c, --color            interpret ANSI color and style sequences\n  -d, --differences[=<permanent>]\n                         highlight changes between updates\n  -e, --errexit          exit if command has a non-zero exit\n  -g, --chgexit          exit when output from command changes\n  -q, --equexit <cycles>\n                         exit when output from command does not change\n  -n, --interval <secs>  seconds to wait between updates\n  -p, --precise          attempt run command in precise intervals\n  -t, --no-title         turn off header\n  -w, --no-wrap          turn off line wrapping\n  -x, --exec             pass command to exec instead of \"sh -c\"\n\n -h, --help     display this help and exit\n -v, --version  output version information and exit\n\nFor more details see watch(1).\n";

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) without the newline: `Mon May 20 09:00:00 2024`. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export const watch: Program = (argv, ctx) => {
  const gnu = ctx.sys.flavor !== 'busybox';
  const t = new Tool(ctx, argv[0] ?? 'watch', WATCH);
  let a: { opts: Opt[]; operands: string[] };
  if (gnu) {
    const r = getopt(argv, WATCH.gnu);
    if (!r.ok) { ctx.out.err(`${t.name}: ${r.message}\n${WATCH_USAGE}`); return 1; }
    if (r.opts.some((o) => o.key === 'h')) { ctx.out.out(WATCH_USAGE); return 0; }
    if (r.opts.some((o) => o.key === 'v')) { ctx.out.out('watch from procps-ng 4.0.2\n'); return 0; }
    if (r.operands.length === 0) { ctx.out.err(WATCH_USAGE); return 1; }
    a = r;
  } else {
    const r = t.parse(argv);
    if (typeof r === 'number') return r;
    if (r.operands.length === 0) return t.usage();
    a = r;
  }
  const secs = Number(a.opts.filter((o) => o.key === 'n').pop()?.value ?? '2');
  const interval = Number.isFinite(secs) ? Math.max(0.1, secs) : 2;
  const cmd = a.operands.join(' ');
  const width = Number(ctx.env.COLUMNS ?? 80) || 80;
  const now = LAB_NOW + (ctx.runtime.clock[ctx.sys.key] ?? 0) * 1000;
  if (!a.opts.some((o) => o.key === 't')) {
    if (gnu) {
      const left = `Every ${interval.toFixed(1)}s: `;
      const right = `${ctx.sys.hostname}: ${ctime(now)}`;
      const rhlen = right.length + 1;
      let head = '';
      if (left.length + rhlen + 1 <= width) {
        head = left;
        if (width >= rhlen + left.length + cmd.length) head += cmd;
        else if (width >= rhlen + left.length + 4) head += `${cmd.slice(0, width - rhlen - left.length - 4)}... `;
      }
      ctx.out.out(`${head.padEnd(width - rhlen + 1)}${right}\n\n`);
    } else {
      // busybox procps/watch.c: "Every %.1fs: %-*s" (the command padded to the width), the
      // date written over its last 20 bytes: `YYYY-MM-DD HH:MM:SS`, NUL-terminated.
      const d = new Date(now);
      const p2 = (n: number) => String(n).padStart(2, '0');
      const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      const header = `Every ${interval.toFixed(1)}s: ${cmd.padEnd(width)}`;
      ctx.out.out(`${20 < width ? header.slice(0, width - 20) + date : header}\n\n`);
    }
  }
  const shell = ctx.sys.resolve('sh');
  if (!shell) return 0;
  // watch reads the command's output through a pipe: it is not writing to a terminal.
  const saved = { stdin: ctx.stdin, tty: ctx.tty };
  ctx.stdin = '';
  ctx.tty = { in: false, out: false, err: false };
  try {
    shell(['sh', '-c', cmd], ctx);
  } finally {
    Object.assign(ctx, saved);
  }
  return 0;
};
