import type { Program } from '../../sh/system.js';
import { L } from './getopt.js';
import { gnuHelp } from './gnu-help.js';
import { Tool, type ToolSpec } from './lib.js';
import { compileScript, type Addr, type Cmd, type Rx, type Script, type Source, type Subst } from './sed-script.js';

/**
 * sed: GNU sed 4.9 (sed/sed.c options, sed/execute.c cycles) on the host and Debian images, busybox
 * 1.37.0 editors/sed.c in busybox and alpine: -n, -e, -f, -E/-r, -s, -i[SUFFIX] (which implies -s
 * and writes each file back), the script language of sed-script.ts, a last line without a newline
 * printed without one, `can't read F: No such file or directory` and status 2 for a missing input.
 */
const SPEC: ToolSpec = {
  gnu: {
    short: 'ne:f:i::Ersuzl:',
    long: [L('quiet', 0, 'n'), L('silent', 0, 'n'), L('expression', 1, 'e'), L('file', 1, 'f'), L('in-place', 2, 'i'),
      L('regexp-extended', 0, 'E'), L('separate', 0, 's'), L('unbuffered', 0, 'u'), L('null-data', 0, 'z'),
      L('zero-terminated', 0, 'z'), L('line-length', 1, 'l'), L('posix', 0, 'P'), L('debug', 0, 'D'), L('sandbox', 0, 'S'),
      L('follow-symlinks', 0, 'F')],
  },
  bb: { short: 'i::rEne:f:snuz' },
  gnuBadUsage: (name) => badUsage(name),
};

/** usage(EXIT_BAD_USAGE): the help text on stderr, without its last line. */
function badUsage(name: string): string {
  return (gnuHelp('sed', name) ?? '').replace(/E-mail bug reports to: <bug-sed@gnu\.org>\.\n$/, '');
}

interface Line { readonly text: string; readonly chomped: boolean }

/** Where output goes: stdout or a file being rewritten by -i, with GNU's missing-newline rule. */
class Sink {
  text = '';
  private missing = false;
  constructor(private readonly flush: ((s: string) => void) | null) {}
  /** The pattern space (or a line of it): a newline after it only if its input line had one. */
  line(s: string, newline: boolean): void {
    this.raw(s);
    if (newline) this.raw('\n');
    else this.missing = true;
  }
  raw(s: string): void {
    if (this.missing) { this.missing = false; this.put('\n'); }
    if (s !== '') this.put(s);
  }
  private put(s: string): void {
    if (this.flush) this.flush(s);
    else this.text += s;
  }
}

/** One input stream: the lines of the files in turn (one file at a time with -s or -i). */
class Input {
  private lines: Line[] = [];
  private at = 0;
  lineNo = 0;
  name = '-';
  constructor(private readonly next: () => { name: string; lines: Line[] } | null) {}
  private fill(): boolean {
    while (this.at >= this.lines.length) {
      const f = this.next();
      if (!f) return false;
      this.lines = f.lines;
      this.at = 0;
      this.name = f.name;
    }
    return true;
  }
  read(): Line | null {
    if (!this.fill()) return null;
    this.lineNo++;
    return this.lines[this.at++] as Line;
  }
  /** No line after the one just read (GNU looks ahead through the files left). */
  atLast(): boolean {
    return !this.fill();
  }
}

/** A `0,/re/` range is open before the first line: its regex may end it on line 1. */
function initialRanges(script: Script): (number | 'active' | 'closed' | null)[] {
  return script.cmds.map((c) => (c.a1?.kind === 'zero' ? 'active' : null));
}

function splitInput(text: string, nul: boolean): Line[] {
  const sep = nul ? '\0' : '\n';
  const parts = text.split(sep);
  const last = parts.pop() as string;
  const lines = parts.map((t) => ({ text: t, chomped: true }));
  if (last !== '') lines.push({ text: last, chomped: false });
  return lines;
}

/** GNU's `l`: escapes, octal for the rest, `$` at the end, lines folded at `width - 1` characters. */
function listLine(s: string, width: number): string {
  const esc: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  const pieces: string[] = [];
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    pieces.push(esc[c] ?? (b >= 32 && b < 127 ? c : `\\${b.toString(8).padStart(3, '0')}`));
  }
  let out = '';
  let col = 0;
  for (const p of pieces) {
    if (width > 0 && col + p.length > width - 1) { out += '\\\n'; col = 0; }
    out += p;
    col += p.length;
  }
  return `${out}$\n`;
}


/**
 * GNU sed 4.9's backup name for `-i SUFFIX` (busybox only appends SUFFIX) (sed.c, execute.c get_backup_file_name): a SUFFIX without
 * `*` reads as `*SUFFIX`, and each `*` is the file's name as given, directory included
 * (`-i'old_*' dir/f` backs up to `old_dir/f`, `-i'bak/*' dir/f` to `bak/dir/f`).
 */
export function backupName(name: string, suffix: string): string {
  return (suffix.includes('*') ? suffix : `*${suffix}`).split('*').join(name);
}
export const sed: Program = (argv, ctx) => {
  const t = new Tool(ctx, argv[0] ?? 'sed', SPEC);
  const a = t.parse(argv);
  if (typeof a === 'number') return a;
  const sources: Source[] = [];
  let exprs = 0;
  for (const o of a.opts) {
    if (o.key === 'e') sources.push({ text: o.value ?? '', expr: ++exprs, file: null });
    else if (o.key === 'f') {
      const r = t.read(o.value ?? '');
      if (r.errno) { t.err(`couldn't open file ${o.value ?? ''}: ${t.strerror(r.errno)}`); return t.gnu ? 4 : 1; }
      sources.push({ text: r.text.replace(/\n$/, ''), expr: null, file: o.value ?? '' });
    }
  }
  const operands = [...a.operands];
  if (sources.length === 0) {
    const script = operands.shift();
    if (script === undefined) {
      return t.usage();
    }
    sources.push({ text: script, expr: 1, file: null });
  }
  const has = (k: string) => a.opts.some((o) => o.key === k);
  const inPlace = a.opts.filter((o) => o.key === 'i').pop();
  const separate = has('s') || inPlace !== undefined;
  const quietOpt = has('n');
  const nul = has('z');
  const lineLength = Number(a.opts.filter((o) => o.key === 'l').pop()?.value ?? 70);
  const compiled = compileScript(sources, { gnu: t.gnu, extended: has('E') || has('r') });
  if (typeof compiled === 'string') {
    t.err(compiled);
    // A missing label is found after compiling, by GNU's panic (EXIT_PANIC).
    return t.gnu && compiled.startsWith("can't find label") ? 4 : 1;
  }
  const files = operands.length ? operands : ['-'];
  if (inPlace !== undefined && operands.length === 0) {
    t.err(t.gnu ? 'no input files' : '-i requires an argument');
    return t.gnu ? 4 : 1;
  }
  return run(t, compiled, files, { quiet: quietOpt || compiled.quiet, separate, inPlace: inPlace === undefined ? null : inPlace.value ?? '', nul, lineLength });
};

interface RunOpts { quiet: boolean; separate: boolean; inPlace: string | null; nul: boolean; lineLength: number }

function run(t: Tool, script: Script, files: readonly string[], o: RunOpts): number {
  const ctx = t.ctx;
  let status = 0;
  const stdout = new Sink((s) => ctx.out.out(s));
  /** Files named by w and s///w, truncated once, then written line by line. */
  const writes = new Map<string, Sink>();
  for (const c of script.cmds) {
    const name = c.name === 'w' || c.name === 'W' ? c.text : c.subst?.write ?? null;
    if (name !== null && !writes.has(name)) {
      // /dev/stdout is written through a stream of its own (its own missing newline), as GNU opens it.
      writes.set(name, name === '/dev/stdout' ? new Sink((x) => ctx.out.out(x)) : new Sink(null));
      if (name !== '/dev/stdout' && name !== '/dev/stderr') ctx.sys.fs.write(t.path(name), '', false);
    }
  }
  let fatal = false;
  const readLines = (name: string): Line[] | null => {
    if (name === '-' && o.inPlace === null) return splitInput(t.stdin(), o.nul);
    const r = t.read(name === '-' ? './-' : name);
    if (r.errno) {
      // GNU: `can't read` and status 2; busybox: perror of the name and status 1.
      if (!t.gnu) t.err(`${name}: ${t.strerror(r.errno)}`);
      else if (r.errno === 'EISDIR') t.err(o.inPlace === null ? `read error on ${name}: Is a directory` : `couldn't edit ${name}: not a regular file`);
      else t.err(`can't read ${name}: ${t.strerror(r.errno)}`);
      status = t.gnu ? 2 : 1;
      // GNU reads a directory, fails, and panics: nothing after it is read (EXIT_PANIC).
      if (t.gnu && r.errno === 'EISDIR') { status = 4; fatal = true; }
      return null;
    }
    return splitInput(r.text, o.nul);
  };
  const state = new Exec(t, script, o, stdout, writes);
  if (!o.separate) {
    let i = 0;
    const input = new Input(() => {
      while (i < files.length && !fatal) {
        const name = files[i++] as string;
        const lines = readLines(name);
        if (lines) return { name, lines };
      }
      return null;
    });
    const code = state.stream(input);
    flushWrites(t, writes, stdout);
    return fatal ? status : code ?? status;
  }
  for (const name of files) {
    const lines = readLines(name);
    if (fatal) break;
    if (!lines) continue;
    let given = false;
    const input = new Input(() => { if (given) return null; given = true; return { name, lines }; });
    const sink = o.inPlace === null ? stdout : new Sink(null);
    state.reset(sink);
    const code = state.stream(input);
    if (o.inPlace !== null) {
      const path = t.path(name);
      if (o.inPlace !== '') {
        const r = t.read(name);
        const backup = t.gnu ? backupName(name, o.inPlace) : `${name}${o.inPlace}`;
        const e = r.errno ? null : ctx.sys.fs.write(t.path(backup), r.text, false);
        // Both rename the file to its backup first: a backup in a directory that is not there stops
        // them (GNU ck_rename; busybox xrename, libbb/xfuncs_printf.c).
        if (e) { t.err(t.gnu ? `cannot rename ${name}: ${t.strerror(e)}` : `can't move '${name}' to '${backup}': ${t.strerror(e)}`); return t.gnu ? 4 : 1; }
      }
      const e = ctx.sys.fs.write(path, sink.text, false);
      if (e) { t.err(`couldn't open temporary file ${name}: ${t.strerror(e)}`); return 4; }
    }
    if (code !== null) { flushWrites(t, writes, stdout); return code; }
  }
  flushWrites(t, writes, stdout);
  return status;
}

function flushWrites(t: Tool, writes: Map<string, Sink>, stdout: Sink): void {
  for (const [name, sink] of writes) {
    if (sink === stdout || name === '/dev/stdout') continue;
    if (name === '/dev/stderr') { t.ctx.out.err(sink.text); continue; }
    t.ctx.sys.fs.write(t.path(name), sink.text, true);
  }
}

/** Commands one run may execute: past them the lab stops it (`:a;ba` never ends). */
export const SED_MAX_STEPS = 1_000_000;
/** Characters its regexes may scan in one run (`:a;s/^/x/;ba` rescans a growing line: quadratic). */
export const SED_MAX_WORK = 50_000_000;

/** An error found while running (GNU's bad_prog at run time: `//` with no regex before it). */
class RuntimeError extends Error {
  constructor(message: string, readonly status = 1) { super(message); }
}

/** The running program: pattern and hold space, range states, the append queue, `t`'s flag. */
class Exec {
  private steps = 0;
  private work = 0;
  private hold = '';

  private scan(text: string): void {
    this.work += text.length;
    if (this.work > SED_MAX_WORK) throw new RuntimeError('lab: this sed script ran too many steps (an endless loop?); stopped', 130);
  }
  /** Whether the hold space's text ends a line (GNU copies this with the text: an empty hold space does). */
  private holdChomped = true;
  private lastRx: RegExp | null = null;
  /** Per command: null (no range open), the last line of a numeric range, 'active', or 'closed' (a `0,/re/` that ended). */
  private ranges: (number | 'active' | 'closed' | null)[] = [];
  constructor(private readonly t: Tool, private readonly script: Script, private readonly o: RunOpts,
    private out: Sink, private readonly writes: Map<string, Sink>) {
    this.ranges = initialRanges(script);
  }

  reset(out: Sink): void {
    this.out = out;
    this.ranges = initialRanges(this.script);
  }

  /** Runs every cycle of `input`; the exit status of q or Q (or of an error), or null at the input's end. */
  stream(input: Input): number | null {
    try {
      return this.cycles(input);
    } catch (e) {
      if (e instanceof RangeError) {
        this.t.ctx.out.errLine('lab: this sed script grew past what the lab holds; stopped');
        return 130;
      }
      if (!(e instanceof RuntimeError)) throw e;
      if (e.status === 130) this.t.ctx.out.errLine(e.message);
      else this.t.err(e.message);
      return e.status;
    }
  }

  private cycles(input: Input): number | null {
    const cmds = this.script.cmds;
    let line = input.read();
    let appended: string[] = [];
    while (line) {
      let ps = line.text;
      let chomped = line.chomped;
      let replaced = false;
      let autoprint = !this.o.quiet;
      let quit: number | null = null;
      let restart = false;
      const flushAppend = () => { for (const a of appended) this.out.raw(a); appended = []; };
      let pc = 0;
      while (pc < cmds.length) {
        const c = cmds[pc] as Cmd;
        if (++this.steps > SED_MAX_STEPS) throw new RuntimeError('lab: this sed script ran too many steps (an endless loop?); stopped', 130);
        if (this.matches(pc, c, input, ps) === c.bang) {
          pc = c.name === '{' ? c.jump : pc + 1;
          continue;
        }
        pc++;
        let endCycle = false;
        switch (c.name) {
          case '{': break;
          case '=': this.out.raw(`${input.lineNo}\n`); break;
          case 'a': appended.push(c.text); break;
          case 'i': this.out.raw(c.text); break;
          case 'c':
            if (c.a2 === null || this.ranges[pc - 1] === null || c.bang) this.out.raw(c.text);
            autoprint = false; endCycle = true; break;
          case 'b': pc = c.jump < 0 ? cmds.length : c.jump; break;
          case 't': if (replaced) { replaced = false; pc = c.jump < 0 ? cmds.length : c.jump; } break;
          case 'T': if (!replaced) pc = c.jump < 0 ? cmds.length : c.jump; else replaced = false; break;
          case 'd': autoprint = false; endCycle = true; break;
          case 'D': {
            const nl = ps.indexOf('\n');
            if (nl < 0) { autoprint = false; endCycle = true; break; }
            ps = ps.slice(nl + 1);
            flushAppend();
            restart = true; endCycle = true; autoprint = false;
            break;
          }
          case 'F': this.out.raw(`${input.name}\n`); break;
          case 'g': ps = this.hold; chomped = this.holdChomped; break;
          case 'G': ps += `\n${this.hold}`; chomped = this.holdChomped; break;
          case 'h': this.hold = ps; this.holdChomped = chomped; break;
          case 'H': this.hold += `\n${ps}`; this.holdChomped = chomped; break;
          case 'x': [ps, this.hold] = [this.hold, ps]; [chomped, this.holdChomped] = [this.holdChomped, chomped]; break;
          case 'l': this.out.raw(listLine(ps, c.int >= 0 ? c.int : this.o.lineLength)); break;
          // GNU 4.9 still reads `L` but no longer runs it.
          case 'L': throw new RuntimeError('INTERNAL ERROR: Bad cmd L', 4);
          case 'e': throw new RuntimeError("e: the lab does not run commands from sed (GNU's `e` runs them with /bin/sh)", 1);
          case 'n': {
            if (input.atLast() && this.t.gnu) { quit = -1; endCycle = true; break; }
            if (!this.o.quiet) this.out.line(ps, chomped);
            flushAppend();
            const next = input.read();
            if (!next) { autoprint = false; quit = -1; endCycle = true; break; }
            ps = next.text; chomped = next.chomped; replaced = false;
            break;
          }
          case 'N': {
            // At the end GNU prints the pattern space, then what a/r queued (as at a cycle's end).
            if (input.atLast()) { quit = -1; endCycle = true; break; }
            flushAppend();
            const next = input.read();
            if (!next) { quit = -1; endCycle = true; break; }
            ps += `\n${next.text}`; chomped = next.chomped; replaced = false;
            break;
          }
          case 'p': this.out.line(ps, chomped); break;
          case 'P': { const nl = ps.indexOf('\n'); this.out.line(nl < 0 ? ps : ps.slice(0, nl), nl >= 0 || chomped); break; }
          // q ends its line even when the input's last line had no newline (GNU 4.9).
          case 'q': quit = c.int < 0 ? 0 : c.int; chomped = true; endCycle = true; break;
          case 'Q': quit = c.int < 0 ? 0 : c.int; autoprint = false; appended = []; endCycle = true; break;
          case 'r': {
            const r = this.t.read(c.text);
            if (!r.errno && r.text !== '') appended.push(r.text);
            break;
          }
          case 'R': {
            const next = this.readOne(c.text);
            if (next !== null) appended.push(next);
            break;
          }
          case 'w': this.write(c.text, ps, chomped); break;
          case 'W': { const nl = ps.indexOf('\n'); this.write(c.text, nl < 0 ? ps : ps.slice(0, nl), true); break; }
          case 's': {
            const r = this.substitute(c.subst as Subst, ps);
            if (r instanceof Error) { this.t.err(r.message); return 1; }
            if (r !== null) {
              ps = r.text; replaced = true;
              if ((c.subst as Subst).print) this.out.line(ps, chomped);
              if ((c.subst as Subst).write !== null) this.write((c.subst as Subst).write as string, ps, chomped);
            }
            break;
          }
          case 'y': ps = [...ps].map((ch) => c.map?.get(ch) ?? ch).join(''); break;
          case 'z': ps = ''; break;
        }
        if (endCycle) break;
      }
      if (autoprint) this.out.line(ps, chomped);
      flushAppend();
      if (quit !== null) return quit < 0 ? null : quit;
      if (restart && ps !== '') {
        line = { text: ps, chomped };
        continue;
      }
      line = input.read();
    }
    return null;
  }

  /** R's files: the lines not read yet, per name (a missing file gives nothing). */
  private rFiles = new Map<string, string[]>();

  private readOne(name: string): string | null {
    let left = this.rFiles.get(name);
    if (!left) {
      const r = this.t.read(name);
      left = r.errno ? [] : r.text.split(/(?<=\n)/).filter((x) => x !== '');
      this.rFiles.set(name, left);
    }
    return left.shift() ?? null;
  }

  private write(name: string, text: string, newline: boolean): void {
    const sink = this.writes.get(name);
    if (sink) sink.line(text, newline);
  }

  /**
   * GNU match_address_p: one address, or a range with its state kept per command. A range from a
   * line number starts at any line past it (N may have read that line inside another cycle) and,
   * once over, never starts again; a `0,/re/` range is open before the first line.
   */
  private matches(i: number, c: Cmd, input: Input, ps: string): boolean {
    if (!c.a1) return true;
    const l = input.lineNo;
    if (!c.a2) return this.one(c.a1, input, ps);
    const state = this.ranges[i];
    const once = c.a1.kind === 'line' || c.a1.kind === 'zero';
    const over = once ? 'closed' : null;
    if (state === null || state === undefined) {
      if (c.a1.kind === 'line' ? l < c.a1.n : !this.one(c.a1, input, ps)) return false;
      const a2 = c.a2;
      let end: number | 'active';
      if (a2.kind === 'line') end = a2.n;
      else if (a2.kind === 'plus') end = l + a2.n;
      else if (a2.kind === 'mult') end = a2.n <= 0 ? l : Math.ceil(l / a2.n) * a2.n;
      else end = 'active';
      // Started past its line (N read it): a range whose end is already behind is over, unmatched.
      if (end !== 'active' && end < l && c.a1.kind === 'line' && l > c.a1.n) { this.ranges[i] = over; return false; }
      this.ranges[i] = end !== 'active' && end <= l ? over : end;
      return true;
    }
    if (state === 'closed') return false;
    if (state === 'active') {
      if (this.one(c.a2, input, ps)) this.ranges[i] = over;
      return true;
    }
    if (l >= state) this.ranges[i] = over;
    return l <= state;
  }

  private one(a: Addr, input: Input, ps: string): boolean {
    switch (a.kind) {
      case 'line': return input.lineNo === a.n;
      case 'zero': return false;
      case 'last': return input.atLast();
      case 'step': return input.lineNo >= a.n && (input.lineNo - a.n) % a.step === 0;
      case 'regex': {
        const re = this.rx(a.re as Rx);
        if (typeof re === 'string') throw new RuntimeError(re);
        this.scan(ps);
        re.lastIndex = 0;
        return re.test(ps);
      }
      default: return false;
    }
  }

  private rx(r: Rx): RegExp | string {
    if (r.re === null) {
      if (this.lastRx === null) return this.t.gnu ? '-e expression #1, char 0: no previous regular expression' : 'no previous regexp';
      return this.lastRx;
    }
    this.lastRx = r.re;
    return r.re;
  }

  /** The pattern space after `s`, null when nothing matched. */
  private substitute(s: Subst, ps: string): { text: string } | null | Error {
    this.scan(ps);
    const re = this.rx(s.rx);
    if (typeof re === 'string') return new Error(re);
    re.lastIndex = 0;
    let out = '';
    let last = 0;
    let count = 0;
    let done = false;
    /** Where the last non-empty match ended: an empty match right there is not a match (GNU, POSIX). */
    let after = -1;
    for (let m = re.exec(ps); m !== null; m = re.exec(ps)) {
      if (m[0].length === 0 && m.index === after) {
        if (re.lastIndex >= ps.length) break;
        re.lastIndex++;
        continue;
      }
      if (m[0].length > 0) after = m.index + m[0].length;
      count++;
      if (count >= s.nth && (s.global || count === s.nth)) {
        out += ps.slice(last, m.index) + expand(s, m);
        last = m.index + m[0].length;
        done = true;
        if (!s.global) break;
      }
      if (m[0].length === 0) {
        if (re.lastIndex >= ps.length) break;
        re.lastIndex++;
      }
    }
    if (!done) return null;
    return { text: out + ps.slice(last) };
  }
}

/** The replacement for one match: groups, `&`, and GNU's \U \L \u \l \E case conversions. */
function expand(s: Subst, m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | null = null;
  let once: 'u' | 'l' | null = null;
  const put = (text: string) => {
    let x = mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text;
    if (once && x !== '') {
      x = (once === 'u' ? x[0]?.toUpperCase() : x[0]?.toLowerCase()) + x.slice(1);
      once = null;
    }
    out += x;
  };
  for (const p of s.repl) {
    if (p.kind === 'text') put(p.text);
    else if (p.kind === 'group') put(m[p.n] ?? '');
    else if (p.mode === 'U' || p.mode === 'L') { mode = p.mode; once = null; }
    else if (p.mode === 'E') { mode = null; once = null; }
    else once = p.mode;
  }
  return out;
}
