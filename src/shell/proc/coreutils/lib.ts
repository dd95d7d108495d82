import type { Ctx } from '../../context.js';
import { resolvePath, STRERROR, type Errno } from '../../sh/fs.js';
import { bbUsage } from './bb-usage.js';
import { gnuHelp, gnuVersion } from './gnu-help.js';
import { getopt, STD_LONG, type Opt, type OptConfig } from './getopt.js';

/**
 * What every tool here shares: its name as called, GNU or busybox wording, option parsing with the
 * right usage trailer, quoting of names in messages, and reading operands (`-` is stdin).
 */
export interface ToolSpec {
  readonly gnu: OptConfig;
  readonly bb: OptConfig;
  /** Exit status of a usage error: 1 for most, 2 for grep, sort and GNU ls. */
  readonly status?: number;
  readonly bbStatus?: number;
  /** Whose `--help` / `--version` texts (defaults to the name called by; egrep is grep). */
  readonly helpKey?: string;
  /** grep prints `Usage: grep [OPTION]... PATTERNS [FILE]...` before the `Try` line. */
  readonly gnuUsageLine?: string;
  /** GNU sed prints this (its help text) on a usage error instead of the `Try` line. */
  readonly gnuBadUsage?: (name: string) => string;
}

export interface Args {
  readonly opts: Opt[];
  readonly operands: string[];
}

export class Tool {
  readonly gnu: boolean;
  /** How messages name the tool: GNU's program_name is argv[0] as typed; busybox's applet name is its basename. */
  readonly name: string;
  readonly applet: string;
  /** LC_ALL, LC_CTYPE or LANG names a UTF-8 locale (the exam host's C.UTF-8), else the C locale. */
  readonly utf8: boolean;

  constructor(readonly ctx: Ctx, argv0: string, readonly spec: ToolSpec) {
    this.gnu = ctx.sys.flavor !== 'busybox';
    const env = ctx.env;
    this.utf8 = utf8Locale(env);
    this.applet = argv0.slice(argv0.lastIndexOf('/') + 1);
    this.name = this.gnu ? argv0 : this.applet;
  }

  /** GNU's quote() in this program's locale. */
  ql(s: string): string {
    return qLocale(s, this.utf8);
  }

  err(msg: string): void {
    this.ctx.out.errLine(`${this.name}: ${msg}`);
  }

  /** A usage error: the message (if any), then GNU's `Try … --help` or busybox's usage block. */
  usage(msg?: string): number {
    if (this.gnu) {
      if (msg !== undefined) this.err(msg);
      if (this.spec.gnuBadUsage) {
        this.ctx.out.err(this.spec.gnuBadUsage(this.name));
        return this.spec.status ?? 1;
      }
      if (this.spec.gnuUsageLine) this.ctx.out.errLine(this.spec.gnuUsageLine);
      this.ctx.out.errLine(`Try '${this.spec.gnuUsageLine ? this.applet : this.name} --help' for more information.`);
      return this.spec.status ?? 1;
    }
    if (msg !== undefined) this.err(msg);
    this.ctx.out.err(bbUsage(this.applet));
    return this.spec.bbStatus ?? 1;
  }

  /** Parses argv; prints the error (or --help / --version) and gives the exit status instead. */
  parse(argv: readonly string[]): Args | number {
    if (!this.gnu && argv.length === 2 && argv[1] === '--help') {
      this.ctx.out.err(bbUsage(this.applet));
      return 0;
    }
    const cfg = this.gnu ? { ...this.spec.gnu, long: [...(this.spec.gnu.long ?? []), ...STD_LONG] } : this.spec.bb;
    const r = getopt(argv, cfg);
    if (!r.ok) return this.usage(r.message);
    if (this.gnu) {
      const std = r.opts.find((o) => o.key === 'help' || o.key === 'version');
      const key = this.spec.helpKey ?? this.applet;
      const text = std?.key === 'help' ? gnuHelp(key, this.spec.gnuUsageLine ? this.applet : this.name) : std ? gnuVersion(key) : null;
      if (text !== null) {
        this.ctx.out.out(text);
        return 0;
      }
    }
    return { opts: r.opts, operands: r.operands };
  }

  path(p: string): string {
    return resolvePath(this.ctx.cwd, p);
  }

  /** An operand's text (`-` is standard input, taken once). */
  read(p: string): ReadResult {
    if (p === '-') return { text: this.stdin() };
    return readText(this.ctx, this.path(p));
  }

  private stdinUsed = false;
  stdin(): string {
    if (this.stdinUsed) return '';
    this.stdinUsed = true;
    return this.ctx.stdin;
  }

  strerror(e: Errno): string {
    return STRERROR[e];
  }
}

export type ReadResult = { readonly text: string; readonly errno?: undefined } | { readonly text?: undefined; readonly errno: Errno };

/** The file's text or why it cannot be read. */
export function readText(ctx: Ctx, path: string): ReadResult {
  const r = ctx.sys.fs.read(path);
  return typeof r === 'string' ? { text: r } : { errno: r.errno };
}

// --- quoting (gnulib quotearg) ---

/** Characters that make GNU's shell-escape style quote a name (`:` and `=` included). */
const SHELL_SPECIAL = /[\s!"$&'()*:;<=>?[\\\]^`|]/;
const CONTROL = /[\x00-\x1f\x7f\ufffd]/;
const C_ESC: Readonly<Record<string, string>> = { '\t': 't', '\n': 'n', '\r': 'r', '\x07': 'a', '\b': 'b', '\f': 'f', '\v': 'v' };

function escapeControl(c: string): string {
  const named = C_ESC[c];
  if (named) return `\\${named}`;
  return `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
}

/** LC_ALL, LC_CTYPE or LANG names a UTF-8 locale (the exam host's C.UTF-8): quote() then gives ‘x’. */
export function utf8Locale(env: Readonly<Record<string, string | undefined>>): boolean {
  return /utf-?8/i.test(env.LC_ALL || env.LC_CTYPE || env.LANG || '');
}

/** quotearg shell_escape_always: `'a.txt'`, `"it's"`, `'a b'$'\n'`. */
export function qAlways(s: string): string {
  if (!CONTROL.test(s) && s.includes("'") && !/[\\"$`!]/.test(s)) return `"${s}"`;
  let out = "'";
  for (const c of s) {
    if (c === "'") out += `'\\''`;
    else if (CONTROL.test(c)) out += `'$'${escapeControl(c)}''`;
    else out += c;
  }
  out += "'";
  return out.replace(/^''(?=.)/, '').replace(/(?<=.)''$/, '');
}

/** quotef (shell_escape): the name as is unless the shell would need quotes (`cat: 'a b': …`). */
export function qShell(s: string): string {
  if (s !== '' && !SHELL_SPECIAL.test(s) && !CONTROL.test(s) && !/^[#~]/.test(s)) return s;
  if (s === '') return "''";
  return qAlways(s);
}

/**
 * quote(): ‘x’ in a UTF-8 locale (GNU's `invalid number of lines: ‘x’`), 'x' in the C locale
 * (Debian images set no LANG).
 */
export function qLocale(s: string, utf8 = true): string {
  let out = '';
  for (const c of s) out += c === '\\' ? '\\\\' : CONTROL.test(c) ? escapeControl(c) : c;
  return utf8 ? `‘${out}’` : `'${out}'`;
}

// --- bytes and lines ---

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export function fromUtf8(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

/** Lines without their newlines; a text not ending in `\n` has a last partial line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** GNU's number suffixes (xstrtol): b 512, k/K 1024, kB 1000, M, MB, …, and KiB-style. */
const POWERS = ['K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
export function gnuSuffixNumber(s: string): number | null {
  const m = /^(\d+)(b|[kKMGTPEZY](?:B|iB)?)?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const suf = m[2];
  if (!suf) return n;
  if (suf === 'b') return n * 512;
  const p = POWERS.indexOf(suf[0]!.toUpperCase()) + 1;
  const base = suf.endsWith('B') && !suf.endsWith('iB') ? 1000 : 1024;
  return n * base ** p;
}

/** busybox xatoul_sfx with head/tail's suffixes (b 512, k 1024, m 1024²). */
export function bbSuffixNumber(s: string): number | null {
  const m = /^\s*\+?(\d+)([bkm]?)$/.exec(s);
  if (!m) return null;
  const mult = m[2] === 'b' ? 512 : m[2] === 'k' ? 1024 : m[2] === 'm' ? 1048576 : 1;
  return Number(m[1]) * mult;
}

/** Joins lines back with newlines (one after each). */
export function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
