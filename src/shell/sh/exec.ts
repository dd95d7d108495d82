import type { Ctx } from '../context.js';
import { Output } from '../output.js';
import { arithCommand, arithFor } from './arith-cmd.js';
import type { AndOr, Command, Compound, List, Pipeline, Redir, Simple } from './ast.js';
import { BUILTINS, type Builtin } from './builtins.js';
import { evalCond } from './cond.js';
import { devNet } from './dev-net.js';
import { shellWords, type ShellWords } from './dialect.js';
import { assignmentTildes, ExpandError, expandPattern, expandString, expandWords, type ExpandEnv } from './expand.js';
import { resolvePath } from './fs.js';
import { heredocWord, parse, plain } from './parse.js';
import type { ShState } from './state.js';
import { cloneState } from './state.js';
import type { Dialect, Program, System } from './system.js';

/** A stream's writer; `styled` passes a tool's own terminal styling on to the terminal (escape.ts). */
export type Sink = (text: string, styled?: boolean) => void;

/**
 * Standard input as a cursor over text: `read` takes a line, a program takes the rest, so
 * `while read l; do …; done < file` sees each line once.
 */
export class Input {
  private pos = 0;
  constructor(private readonly text: string) {}
  readLine(): string | null {
    if (this.pos >= this.text.length) return null;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    return line;
  }
  /**
   * `read -d D` / `-n N`: up to the delimiter (taken, not returned) or N characters ('' as the
   * delimiter: none); null at the end of input. `complete`: the delimiter or the count was reached.
   */
  readTo(delim: string, max = Infinity): { text: string; complete: boolean } | null {
    if (this.pos >= this.text.length) return null;
    let end = this.pos;
    while (end < this.text.length && end - this.pos < max && (delim === '' || this.text[end] !== delim)) end++;
    const text = this.text.slice(this.pos, end);
    const found = end < this.text.length && delim !== '' && this.text[end] === delim && end - this.pos < max;
    this.pos = found ? end + 1 : end;
    return { text, complete: found || text.length === max };
  }
  readAll(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }
}

/** Where a command reads and writes: standard input, stdout and stderr as sinks. */
export interface Frame {
  readonly stdin: Input;
  readonly out: Sink;
  readonly err: Sink;
  /**
   * Whether stdout / stderr are the terminal (isatty): tools change their output by it (ls
   * columns, curl's progress meter, wget's `\r` bar). A pipe or a file is not a terminal.
   */
  readonly outTty?: boolean;
  readonly errTty?: boolean;
  /** Standard input is the terminal (not a pipe, file or here-document). */
  readonly inTty?: boolean;
}

/** `exit`: unwinds to the top of the shell. */
export class ExitSignal {
  constructor(readonly code: number) {}
}
/** An expansion error (`${x:?}`, bad arithmetic): the shell drops the rest of the command line. */
class AbortSignal {
  /** `endsInput`: bash drops the rest of the input too, not only the line (expr.c's unbound variable). */
  constructor(readonly code: number, readonly endsInput = false) {}
}
class ReturnSignal {
  constructor(readonly code: number) {}
}
class LoopSignal {
  constructor(readonly kind: 'break' | 'continue', public n: number) {}
}

/** Guards against runaway loops and recursion in a simulated shell (no real time passes). */
const MAX_STEPS = 100_000;
const MAX_DEPTH = 64;

export interface RunOutcome {
  readonly status: number;
  /** Set when the input needs more lines (an interactive shell prints PS2 and reads on). */
  readonly incomplete?: string;
  /** Set when `exit` ran: the shell is over. */
  readonly exited?: number;
}

/**
 * One shell: the host's bash, or a container's sh/ash/dash. Runs source text against a System,
 * keeping its variables, aliases and working directory in `st`.
 */
export class Interp {
  readonly words: ShellWords;
  private readonly funcs = new Map<string, Command>();
  private readonly expanding = new Set<string>();
  private steps = 0;
  private depth = 0;

  constructor(
    readonly ctx: Ctx,
    readonly sys: System,
    readonly st: ShState,
    readonly dialect: Dialect,
    /** `$0`: `bash`, `sh`. */
    readonly name: string,
    /** A terminal session (PS1 prompts) rather than `sh -c` or a script: changes bash's wording. */
    readonly interactive = false,
  ) {
    this.words = shellWords(dialect, name, interactive, () => this.lineNow);
  }

  /** The input line being run (dash and non-interactive bash print it). */
  private lineNow = 1;
  private runDepth = 0;

  /** Parses and runs `src`. `atEof`: no more input will come (a -c string, a script). */
  run(src: string, frame: Frame, atEof: boolean, whole = false): RunOutcome {
    const parsed = parse(src, atEof, this.dialect === 'bash');
    // eval, source and aliases run text too, inside the current line: only the top run counts lines.
    const top = this.runDepth === 0;
    const lines = top ? Math.max(1, src.replace(/\n$/, '').split('\n').length) : 0;
    if (top) this.lineNow = this.st.lineno + 1;
    if (!parsed.ok) {
      if (parsed.incomplete !== undefined) return { status: this.st.status, incomplete: parsed.incomplete };
      // An interactive bash reads a line (a command) at a time: the lines before the one that does
      // not parse have run when it says so (`bash -i -c $'echo a\nfi'` prints a, then the error).
      if (top && this.interactive && !whole && src.indexOf('\n') < src.length - 1) return this.runUpToError(src, frame, atEof);
      this.st.lineno += lines;
      // bash's `[[` errors say their own words (or nothing) and leave $? as it was (bash 5.2).
      if (parsed.kind === 'cond') {
        for (const m of parsed.token === '' ? [] : parsed.token.split('\n')) frame.err(`${this.words.parser(m)}\n`);
        return { status: this.st.status };
      }
      const msg = parsed.kind === 'eof' ? this.words.unexpectedEof(parsed.token)
        : parsed.kind === 'bad-substitution' ? this.words.badSubstitution(parsed.token)
        : parsed.kind === 'syntax' ? parsed.token.split('\n').map((d) => this.words.builtin('syntax error', d)).join('\n')
        : this.words.unexpected(parsed.token);
      frame.err(`${msg}\n`);
      this.st.status = 2;
      return { status: 2 };
    }
    for (const w of parsed.warnings) {
      const text = this.words.heredocWarning(w);
      if (text) frame.err(`${text}\n`);
    }
    this.st.lineno += lines;
    this.runDepth++;
    try {
      this.st.status = top && this.interactive ? this.lines(parsed.list, frame) : this.list(parsed.list, frame);
      return { status: this.st.status };
    } catch (e) {
      if (e instanceof ExitSignal) {
        // `exit` inside eval/source/an alias ends the whole shell, not just that text.
        if (!top) throw e;
        this.st.status = e.code;
        return { status: e.code, exited: e.code };
      }
      if (e instanceof ReturnSignal) return { status: e.code };
      if (e instanceof AbortSignal) {
        if (!top) throw e;
        this.st.status = e.code;
        return { status: e.code };
      }
      if (e instanceof LoopSignal) return { status: this.st.status };
      throw e;
    } finally {
      this.runDepth--;
    }
  }

  // --- lists ---
  list(l: List, f: Frame): number {
    let status = this.st.status;
    for (const item of l.items) {
      status = this.andOr(item.ao, f);
      this.st.status = status;
    }
    return status;
  }

  /**
   * `src` does not parse: its complete commands before the one that does not are run, one at a
   * time, then that one's error is said (by run, on the rest of the text). Only reached on a syntax
   * error, so the line-by-line parse costs nothing on scripts that parse.
   */
  private runUpToError(src: string, frame: Frame, atEof: boolean): RunOutcome {
    let start = 0;
    let end = 0;
    while (end < src.length) {
      const nl = src.indexOf('\n', end);
      end = nl < 0 ? src.length : nl + 1;
      const chunk = src.slice(start, end);
      const p = parse(chunk, false, this.dialect === 'bash');
      if (!p.ok && p.incomplete !== undefined) continue;
      if (!p.ok) break;
      const r = this.run(chunk, frame, false, true);
      if (r.exited !== undefined) return r;
      start = end;
    }
    return this.run(src.slice(start), frame, atEof, true);
  }

  /**
   * The top of an interactive shell: bash reads and runs one line of commands at a time, so an
   * expansion error (`${x:?}`, `$((1/0))`, an unbound variable under `set -u`) drops the rest of
   * its line (a command that spans lines, `if … fi`, counts as one) and the next line runs.
   * A non-interactive shell stops there (run's AbortSignal).
   */
  private lines(l: List, f: Frame): number {
    let status = this.st.status;
    let skipping = false;
    for (const item of l.items) {
      if (!skipping) {
        try {
          status = this.andOr(item.ao, f);
        } catch (e) {
          if (!(e instanceof AbortSignal) || e.endsInput) throw e;
          status = e.code;
          skipping = true;
        }
        this.st.status = status;
      }
      if (item.nl) skipping = false;
    }
    return status;
  }

  private andOr(ao: AndOr, f: Frame): number {
    let status = this.pipeline(ao.first, f);
    for (const { op, p } of ao.rest) {
      this.st.status = status;
      if ((op === '&&') === (status === 0)) status = this.pipeline(p, f);
    }
    return status;
  }

  private pipeline(p: Pipeline, f: Frame): number {
    let stdin = f.stdin;
    let status = 0;
    let failed = 0;
    p.cmds.forEach((c, i) => {
      const last = i === p.cmds.length - 1;
      let buf = '';
      const piped = i > 0 ? { inTty: false } : {};
      const frame: Frame = last ? { ...f, stdin, ...piped } : { ...f, stdin, ...piped, out: (s) => { buf += s; }, outTty: false };
      status = p.cmds.length > 1 ? this.inSubshellOf(c, frame) : this.command(c, frame);
      if (status !== 0) failed = status;
      stdin = new Input(buf);
    });
    if (this.st.pipefail && failed !== 0 && status === 0) status = failed;
    return p.negate ? Number(status === 0) : status;
  }

  /**
   * One command of a pipeline of several: a subshell (XCU 2.9.2; bash without lastpipe), so what it
   * sets stays there (`echo a | read x` leaves x alone) and `exit` ends only it, quietly.
   */
  private inSubshellOf(c: Command, f: Frame): number {
    const saved = cloneState(this.st);
    this.subshells++;
    try {
      return this.command(c, f);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    } finally {
      this.subshells--;
      Object.assign(this.st, { ...saved, status: this.st.status });
    }
  }

  command(c: Command, f: Frame): number {
    if (++this.steps > MAX_STEPS) throw new ExitSignal(this.tooLong(f));
    if (c.t === 'simple') return this.simple(c, f);
    return this.withRedirs(c.redirs, f, (rf) => this.compound(c, rf));
  }

  private tooLong(f: Frame): number {
    f.err('lab: this command ran too many steps (an endless loop?); stopped\n');
    return 130;
  }

  private compound(c: Compound, f: Frame): number {
    switch (c.t) {
      case 'group': return this.list(c.body, f);
      case 'subshell': {
        const saved = cloneState(this.st);
        this.subshells++;
        try {
          return this.list(c.body, f);
        } catch (e) {
          if (e instanceof ExitSignal) return e.code;
          throw e;
        } finally {
          this.subshells--;
          Object.assign(this.st, { ...saved, status: this.st.status });
        }
      }
      case 'if': {
        for (const cl of c.clauses) if (this.list(cl.cond, f) === 0) return this.list(cl.body, f);
        return c.otherwise ? this.list(c.otherwise, f) : 0;
      }
      case 'for': {
        const items = c.items ? this.expand(c.items, f) : [...this.st.positional];
        if (items === null) return 1;
        let status = 0;
        for (const item of items) {
          this.setVar(c.name, item);
          const r = this.loopBody(c.body, f);
          status = r.status;
          if (r.brk) break;
        }
        return status;
      }
      case 'while':
      case 'until': {
        let status = 0;
        for (;;) {
          const cond = this.list(c.cond, f);
          if ((cond === 0) !== (c.t === 'while')) break;
          const r = this.loopBody(c.body, f);
          status = r.status;
          if (r.brk) break;
        }
        return status;
      }
      case 'case': {
        const word = this.safe(f, () => expandString(c.word, this.env()));
        if (word === null) return 1;
        for (const arm of c.arms) {
          if (arm.patterns.some((p) => expandPattern(p, this.env()).test(word))) return this.list(arm.body, f);
        }
        return 0;
      }
      case 'arith': return arithCommand(this, c.expr, f, (w) => this.safe(f, () => expandString(w, this.env())));
      case 'arithFor': return arithFor(this, c, f, (w) => this.safe(f, () => expandString(w, this.env())), (b) => this.loopBody(b, f));
      case 'func':
        this.funcs.set(c.name, c.body);
        return 0;
      case 'cond': return this.safe(f, () => evalCond(c.expr, this.env())) ?? 1;
    }
  }

  private loopBody(body: List, f: Frame): { status: number; brk: boolean } {
    try {
      return { status: this.list(body, f), brk: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.n > 1) { e.n--; throw e; }
      return { status: 0, brk: e.kind === 'break' };
    }
  }

  // --- simple commands ---
  private simple(c: Simple, f: Frame): number {
    const first = c.words[0] ? plain(c.words[0]) : null;
    if (first !== null && Object.hasOwn(this.st.aliases, first) && !this.expanding.has(first)) return this.viaAlias(c, first, f);
    this.lastSub = null;
    const argv = this.expand(c.words, f);
    if (argv === null) return 1;
    const assigns: [string, string][] = [];
    for (const a of c.assigns) {
      const v = this.safe(f, () => expandString(assignmentTildes(a.value, false), this.env()));
      if (v === null) return 1;
      assigns.push([a.name, v]);
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      // `x=$(false)` has the status of its last command substitution (XCU 2.9.1).
      const status = this.lastSub ?? 0;
      return this.withRedirs(c.redirs, f, () => status);
    }
    return this.withRedirs(c.redirs, f, (rf) => this.invoke(argv, rf, assigns));
  }

  /** Alias expansion: the alias text replaces the first word, and the line is read again. */
  private viaAlias(c: Simple, name: string, f: Frame): number {
    const value = this.st.aliases[name] ?? '';
    const rest = c.src.slice(c.firstEnd);
    this.expanding.add(name);
    try {
      const hasHeredoc = c.redirs.some((r) => r.heredoc);
      const simpleAlias = parse(value, true);
      const aliasCmd = simpleAlias.ok && simpleAlias.list.items.length === 1 ? simpleAlias.list.items[0]?.ao : undefined;
      const one = aliasCmd && aliasCmd.rest.length === 0 && aliasCmd.first.cmds.length === 1 && !aliasCmd.first.negate ? aliasCmd.first.cmds[0] : undefined;
      if (hasHeredoc || (one && one.t === 'simple' && one.redirs.length === 0 && one.assigns.length === 0)) {
        // The usual alias (`k=kubectl`, `kgp='kubectl get pods'`): its words go in front.
        const words = one && one.t === 'simple' ? one.words : [];
        return this.simple({ ...c, words: [...words, ...c.words.slice(1)], firstEnd: -1, src: '' }, f);
      }
      const r = this.run(`${value}${rest}`, f, true);
      return r.status;
    } finally {
      this.expanding.delete(name);
    }
  }

  /** Runs argv: a function, a builtin, or a program found on PATH. */
  invoke(argv: string[], f: Frame, assigns: readonly [string, string][] = []): number {
    const name = argv[0] as string;
    const fn = this.funcs.get(name);
    if (fn) return this.callFunction(fn, argv, f);
    const builtin: Builtin | undefined = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
    if (builtin && builtin.dialects.includes(this.dialect)) {
      const saved = assigns.map(([k]) => [k, this.st.vars[k]] as const);
      for (const [k, v] of assigns) this.st.vars[k] = v;
      try {
        return builtin.run(argv, this, f);
      } finally {
        if (!builtin.special) for (const [k, v] of saved) { if (v === undefined) delete this.st.vars[k]; else this.st.vars[k] = v; }
      }
    }
    if (name.includes('/')) {
      const path = resolvePath(this.st.cwd, name);
      const st = this.sys.fs.stat(path);
      const prog = this.sys.resolve(name);
      if (prog && typeof st !== 'string') return this.runProgram(prog, argv, f, assigns);
      if (typeof st === 'string') { f.err(`${this.words.cannotExecute(name, 'ENOENT')}\n`); return 127; }
      f.err(`${this.words.cannotExecute(name, st.type === 'dir' ? 'EISDIR' : 'EACCES')}\n`);
      return 126;
    }
    const prog = this.sys.resolve(name);
    if (!prog) {
      f.err(`${this.words.notFound(name)}\n`);
      return 127;
    }
    return this.runProgram(prog, argv, f, assigns);
  }

  private callFunction(body: Command, argv: string[], f: Frame): number {
    if (this.depth >= MAX_DEPTH) { f.err(`${this.words.builtin(argv[0] as string, 'maximum function nesting level exceeded')}\n`); return 1; }
    const saved = this.st.positional;
    this.st.positional = argv.slice(1);
    this.depth++;
    const scope = new Map<string, string | undefined>();
    this.scopes.push(scope);
    try {
      return this.command(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.depth--;
      this.st.positional = saved;
      this.scopes.pop();
      // `local` variables end with the function: the caller's values come back (dynamic scoping).
      for (const [k, v] of scope) { if (v === undefined) delete this.st.vars[k]; else this.st.vars[k] = v; }
    }
  }

  /** The scopes of the running functions, innermost last: each remembers the values its `local`s hid. */
  private readonly scopes: Map<string, string | undefined>[] = [];
  /** Subshells and command substitutions being run (an interactive bash says `exit` only at the top). */
  private subshells = 0;
  get inSubshell(): boolean { return this.subshells > 0; }

  /**
   * `local name[=value]`: false outside a function. bash's `local v` starts unset; busybox ash
   * and dash keep the value it had (ash.c / dash var.c mklocal).
   */
  declareLocal(name: string, value: string | undefined): boolean {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) return false;
    if (!scope.has(name)) scope.set(name, Object.hasOwn(this.st.vars, name) ? this.st.vars[name] : undefined);
    if (value !== undefined) this.st.vars[name] = value;
    else if (this.dialect === 'bash') delete this.st.vars[name];
    return true;
  }

  /** `unset -f name`: true when there was such a function. */
  unsetFunction(name: string): boolean {
    return this.funcs.delete(name);
  }

  /** The environment a program sees: exported variables plus `VAR=x cmd` assignments. */
  environment(assigns: readonly [string, string][] = []): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.st.exported) { const v = this.st.vars[k]; if (v !== undefined) env[k] = v; }
    for (const [k, v] of assigns) env[k] = v;
    return env;
  }

  /** Runs a program with this frame as its stdio (the program writes to `ctx.out`). */
  runProgram(prog: Program, argv: string[], f: Frame, assigns: readonly [string, string][] = []): number {
    const ctx = this.ctx;
    const saved = { out: ctx.out, stdin: ctx.stdin, sys: ctx.sys, env: ctx.env, cwd: ctx.cwd, interp: ctx.interp, tty: ctx.tty };
    const out = new Output();
    ctx.out = out;
    ctx.stdin = f.stdin.readAll();
    ctx.tty = { in: f.inTty === true, out: f.outTty === true, err: f.errTty === true };
    ctx.sys = this.sys;
    ctx.env = this.environment(assigns);
    ctx.cwd = this.st.cwd;
    ctx.interp = this;
    let code: number;
    try {
      code = prog(argv, ctx);
    } catch (e) {
      if (e instanceof ExitSignal) code = e.code;
      else {
        // A bug in the simulator must not take the terminal down; say so plainly.
        out.errLine(`lab: internal error in ${argv[0] ?? ''}: ${e instanceof Error ? e.message : String(e)}`);
        code = 1;
      }
    } finally {
      Object.assign(ctx, saved);
    }
    for (const chunk of out.chunks) (chunk.fd === 1 ? f.out : f.err)(chunk.text, chunk.styled);
    return code;
  }

  // --- redirections ---
  private withRedirs(redirs: readonly Redir[], f: Frame, body: (f: Frame) => number): number {
    let frame = f;
    for (const r of redirs) {
      const next = this.redirect(r, frame);
      if (next === null) return this.words.redirectStatus;
      frame = next;
    }
    return body(frame);
  }

  private redirect(r: Redir, f: Frame): Frame | null {
    const env = this.env();
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc?.body ?? '';
      const text = r.heredoc?.expand ? this.safe(f, () => expandString(heredocWord(body), env)) : body;
      return text === null ? null : { ...f, stdin: new Input(text), inTty: false };
    }
    if (r.op === '<<<') {
      const text = this.safe(f, () => expandString(r.target, env));
      return text === null ? null : { ...f, stdin: new Input(`${text}\n`), inTty: false };
    }
    const targets = this.expand([r.target], f);
    if (targets === null) return null;
    if (targets.length !== 1) {
      f.err(`${this.words.ambiguousRedirect(r.target.src)}\n`);
      return null;
    }
    const target = targets[0] as string;
    if (r.op === '>&' || r.op === '<&') {
      if (/^\d+$/.test(target)) {
        const src = Number(target) === 2 ? f.err : Number(target) === 1 ? f.out : null;
        if (src === null) return f;
        const tty = Number(target) === 2 ? f.errTty : f.outTty;
        return r.fd === 2 ? { ...f, err: src, errTty: tty } : r.fd === 1 ? { ...f, out: src, outTty: tty } : f;
      }
      if (target === '-') return r.fd === 2 ? { ...f, err: () => {}, errTty: false } : { ...f, out: () => {}, outTty: false };
    }
    const path = resolvePath(this.st.cwd, target);
    const dev = /^\/dev\/(tcp|udp)\/([^/]+)\/([^/]+)$/.exec(path);
    if (dev && this.dialect === 'bash') return devNet(this.sys, dev[1] as 'tcp' | 'udp', dev[2] as string, dev[3] as string, target, r, f);
    const fs = this.sys.fs;
    if (r.op === '<' || r.op === '<>') {
      const text = fs.read(path);
      if (typeof text !== 'string') {
        f.err(`${this.words.redirect(target, text.errno, true)}\n`);
        return null;
      }
      return { ...f, stdin: new Input(text), inTty: false };
    }
    const append = r.op === '>>' || r.op === '&>>';
    const opened = fs.write(path, '', append);
    if (opened !== null) {
      f.err(`${this.words.redirect(target, opened, false)}\n`);
      return null;
    }
    const sink: Sink = (s) => { fs.write(path, s, true); };
    if (r.op === '&>' || r.op === '&>>' || r.op === '>&') return { ...f, out: sink, err: sink, outTty: false, errTty: false };
    return r.fd === 2 ? { ...f, err: sink, errTty: false } : r.fd === 1 ? { ...f, out: sink, outTty: false } : f;
  }

  // --- expansion ---
  env(): ExpandEnv {
    return {
      getVar: (n) => this.getVar(n),
      setVar: (n, v) => this.setVar(n, v),
      positional: () => this.st.positional,
      commandSub: (body) => this.commandSub(body),
      home: (user) => (user === '' ? (this.st.vars['HOME'] ?? this.sys.home) : user === 'root' ? '/root' : null),
      fs: this.sys.fs,
      cwd: this.st.cwd,
      braces: this.dialect === 'bash',
      nounset: this.st.nounset === true,
      dialect: this.dialect,
      varNames: () => Object.keys(this.st.vars),
      warn: (subject, message) => this.currentErr(`${this.words.builtin(subject, message)}\n`),
    };
  }

  private expand(words: readonly import('./ast.js').Word[], f: Frame): string[] | null {
    return this.safe(f, () => expandWords(words, this.env()));
  }

  /** `safe` for the arithmetic commands (arith-cmd.ts): an expansion error ends the command line. */
  guard<T>(f: Frame, fn: () => T): T | null {
    return this.safe(f, fn);
  }

  /** Runs an expansion; an expansion error is printed and gives null (the command does not run). */
  private safe<T>(f: Frame, fn: () => T): T | null {
    const savedErr = this.currentErr;
    this.currentErr = f.err;
    try {
      return fn();
    } catch (e) {
      if (e instanceof ExpandError) {
        const msg = e.kind === 'arith' ? this.words.arith(e.subject, e.detail) : e.kind === 'bad' ? this.words.badSubstitution(e.subject) : this.words.builtin(e.subject, e.detail);
        f.err(`${msg}\n`);
        throw new AbortSignal(this.words.expandStatus, e.endsInput);
      }
      throw e;
    } finally {
      this.currentErr = savedErr;
    }
  }

  private commandSub(body: List): string {
    let buf = '';
    const saved = cloneState(this.st);
    const frame: Frame = { stdin: new Input(''), out: (s) => { buf += s; }, err: this.currentErr };
    this.subshells++;
    try {
      this.list(body, frame);
    } catch (e) {
      // `exit N` ends only the substitution's subshell: N is its status.
      if (e instanceof AbortSignal || e instanceof ExitSignal) this.st.status = e.code;
      else throw e;
    } finally {
      this.subshells--;
      const status = this.st.status;
      Object.assign(this.st, saved);
      this.st.status = status;
      this.lastSub = status;
    }
    return buf;
  }

  /** Status of the last `$(…)` of the command being expanded. */
  private lastSub: number | null = null;

  /** Where `$(…)` writes its stderr: the frame of the command being expanded. */
  currentErr: Sink = (s) => this.ctx.out.err(s);

  getVar(name: string): string | undefined {
    if (name === '?') return String(this.st.status);
    if (name === '$') return this.sys.kind === 'host' ? '4242' : '1';
    if (name === '#') return String(this.st.positional.length);
    if (name === '0') return this.name;
    if (/^[1-9]$/.test(name)) return this.st.positional[Number(name) - 1];
    if (name === 'PWD') return this.st.cwd;
    if (name === 'RANDOM') return String((this.steps * 7919) % 32768);
    return Object.hasOwn(this.st.vars, name) ? this.st.vars[name] : undefined;
  }

  setVar(name: string, value: string): void {
    this.st.vars[name] = value;
  }

  signalReturn(code: number): never {
    throw new ReturnSignal(code);
  }

  signalLoop(kind: 'break' | 'continue', n: number): never {
    throw new LoopSignal(kind, n);
  }
}
