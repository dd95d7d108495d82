import type { Program as Prog } from '../../sh/system.js';
import { parseAwk } from './awk-parse.js';
import { AwkRun, unescapeValue } from './awk-run.js';
import { readText } from './lib.js';
import { resolvePath } from '../../sh/fs.js';

/**
 * awk: mawk 1.3.4 (Debian's and Ubuntu's /usr/bin/awk) on the host and Debian images; busybox's
 * awk applet in busybox and alpine answers with the same language. Options -F, -v, -f, `--`,
 * `-W version`; `var=value` operands assigned when reached; mawk's messages
 * (`awk: line 1: syntax error at or near }`, `awk: cannot open F (No such file or directory)`),
 * exit status 2 for errors.
 */
const USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed with "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

/**
 * busybox 1.37.0 editors/awk.c words the same failures its own way: syntax_error()'s
 * `cmd. line:N: Unexpected token` (`Unexpected end of string` at the program's end), `Too few` /
 * `Too many arguments`, xfopen's `can't open 'F': …`; it exits 1.
 */
function bbLine(msg: string): string {
  return /^line (\d+):/.exec(msg)?.[1] ?? '1';
}

function bbSyntax(msg: string): string {
  if (/wrong number of arguments|too many arguments/.test(msg)) return /too many/i.test(msg) ? 'Too many arguments' : 'Too few arguments';
  if (/never defined/.test(msg)) return 'Call to undefined function';
  if (/end of file|end of line|missing }|runaway/.test(msg)) return 'Unexpected end of string';
  return 'Unexpected token';
}

function bbRuntime(msg: string): string {
  const open = /^cannot open (.*) \(No such file or directory\)$/.exec(msg);
  if (open) return `can't open '${open[1] ?? ''}': No such file or directory`;
  return msg.replace(/^run time error: /, '').replace(/\n\t.*$/s, '');
}

export const awk: Prog = (argv, ctx) => {
  // mawk names itself as called (awk or mawk).
  const called = argv[0] ?? 'awk';
  const name = called.slice(called.lastIndexOf('/') + 1);
  const err = (m: string) => ctx.out.errLine(`${name}: ${m}`);
  const args = argv.slice(1);
  let fs: string | null = null;
  const assigns: [string, string][] = [];
  const progFiles: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    const opt = a[1] as string;
    const inline = a.slice(2);
    const value = (): string | null => {
      if (inline !== '') return inline;
      const v = args[++i];
      return v === undefined ? null : v;
    };
    if (opt === 'F' || opt === 'v' || opt === 'f' || opt === 'W') {
      const v = value();
      if (v === null) { err(`option requires an argument -- ${opt}`); ctx.out.err(USAGE); return 2; }
      if (opt === 'F') fs = v === 't' ? '\t' : unescapeValue(v);
      else if (opt === 'f') progFiles.push(v);
      else if (opt === 'W') {
        if ('version'.startsWith(v) && v !== '') {
          ctx.out.out('mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n');
          ctx.out.err('random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n');
          return 0;
        }
        if (['help', 'usage'].some((w) => w.startsWith(v)) && v !== '') { ctx.out.out(USAGE); return 0; }
      } else {
        const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v);
        if (!eq) { err(`improper assignment: -v ${v}`); return 2; }
        assigns.push([eq[1] as string, unescapeValue(eq[2] as string)]);
      }
      continue;
    }
    err(`not an option: ${a}`);
    return 2;
  }
  let source: string;
  if (progFiles.length > 0) {
    const texts: string[] = [];
    for (const f of progFiles) {
      const r = f === '-' ? { text: ctx.stdin } : readText(ctx, resolvePath(ctx.cwd, f));
      if (r.text === undefined) { err(`couldn't open file ${f}`); return 2; }
      texts.push(r.text);
    }
    source = texts.join('\n');
  } else {
    const p = args[i++];
    if (p === undefined) { ctx.out.err(USAGE); return 0; }
    source = p;
  }
  const busybox = ctx.sys.flavor === 'busybox';
  const prog = parseAwk(source);
  if (typeof prog === 'string') {
    if (busybox) { ctx.out.errLine(`awk: cmd. line:${bbLine(prog)}: ${bbSyntax(prog)}`); return 1; }
    err(prog);
    return 2;
  }
  const operands = args.slice(i);
  let stdinUsed = false;
  const run = new AwkRun(ctx, prog, operands,
    (file) => {
      if (file === '-' || file === '/dev/stdin') {
        if (stdinUsed) return { name: file, text: '' };
        stdinUsed = true;
        return { name: file, text: ctx.stdin };
      }
      const r = readText(ctx, resolvePath(ctx.cwd, file));
      return { name: file, text: r.text ?? null };
    },
    (file, text, append) => ctx.sys.fs.write(resolvePath(ctx.cwd, file), text, append),
    busybox ? (m) => ctx.out.errLine(`awk: ${bbRuntime(m)}`) : err);
  if (busybox) run.errorStatus = 1;
  if (fs !== null) run.assign('FS', fs);
  for (const [k, v] of assigns) run.assign(k, v);
  return run.run();
};
