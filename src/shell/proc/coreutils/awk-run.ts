/**
 * Running an awk program (mawk 1.3.4's semantics): records split by RS, fields by FS (a blank
 * splits on runs of blanks, one other character literally, more as an ERE), $0 rebuilt with OFS
 * when a field or NF is set, strnum comparisons (a field that looks numeric compares as a number),
 * uninitialized values, arrays with SUBSEP keys, user functions (arrays by reference), getline from
 * the input or a file, output redirections to files, and the built-in functions.
 */
import type { Ctx } from '../../context.js';
import { translate } from './regex.js';
import { cFormat, looksNumeric, numberToString, toNumber, TooFewArgs } from './awk-format.js';
import { Output } from '../../output.js';
import type { Expr, Func, Program, Stmt } from './awk-parse.js';

export class StrNum { constructor(readonly s: string) {} }
export const UNINIT = Symbol('uninit');
export type Val = number | string | StrNum | typeof UNINIT;

interface Cell { v: Val; arr: Map<string, Val> | null; shared: Cell | null }

class Next {}
/** The lab stopping a program that would not end. */
class LabStop extends Error {}
class Exit { constructor(readonly code: number) {} }
class Break {}
class Continue {}
class Return { constructor(readonly v: Val) {} }
/** Statements one run may execute, and how deep functions may call: past them the lab stops it (an endless loop). */
export const AWK_MAX_STEPS = 1_000_000;
export const AWK_MAX_DEPTH = 1_000;
/** Characters its regexes and string functions may scan in one run (gsub on a growing string is quadratic). */
export const AWK_MAX_WORK = 50_000_000;
const TOO_LONG = 'lab: this awk program ran too many steps (an endless loop?); stopped';

export class AwkRuntimeError extends Error {
  constructor(message: string, readonly status = 2) { super(message); }
}

export interface Source { readonly name: string; readonly text: string | null }

const numericish = (v: Val) => typeof v === 'number' || v === UNINIT || (v instanceof StrNum && looksNumeric(v.s));

export class AwkRun {
  private globals = new Map<string, Cell>();
  private frame: Map<string, Cell> | null = null;
  private record = '';
  private fields: string[] | null = null;
  private nf = 0;
  private regexes = new Map<string, RegExp>();
  private outputs = new Map<string, 'open'>();
  private readers = new Map<string, { lines: string[] }>();
  private ranges: boolean[];
  private seed = 0;
  private prevSeed = 0;
  private rand = 0;
  /** The main input: operands in turn (var=value ones assigned when reached), then records. */
  private inputIdx = 0;
  private pending: string[] = [];
  private endSeen = false;
  exitCode = 0;
  /** The status of a run-time error when not mawk's 2 (busybox exits 1). */
  errorStatus: number | null = null;

  constructor(private readonly ctx: Ctx, private readonly prog: Program, private readonly operands: readonly string[],
    private readonly read: (name: string) => Source, private readonly write: (name: string, text: string, append: boolean) => string | null,
    private readonly warn: (msg: string) => void) {
    this.ranges = prog.rules.map(() => false);
    const set = (k: string, v: Val) => this.globals.set(k, { v, arr: null, shared: null });
    set('FS', ' '); set('OFS', ' '); set('ORS', '\n'); set('RS', '\n'); set('NR', 0); set('FNR', 0); set('NF', 0);
    set('SUBSEP', '\x1c'); set('CONVFMT', '%.6g'); set('OFMT', '%.6g'); set('RSTART', 0); set('RLENGTH', -1); set('FILENAME', '');
    const env = new Map<string, Val>(Object.entries(ctx.env).map(([k, v]) => [k, new StrNum(v)]));
    this.globals.set('ENVIRON', { v: UNINIT, arr: env, shared: null });
    const argv = new Map<string, Val>([['0', 'awk'], ...operands.map((o, i) => [String(i + 1), new StrNum(o)] as [string, Val])]);
    this.globals.set('ARGV', { v: UNINIT, arr: argv, shared: null });
    set('ARGC', operands.length + 1);
  }

  assign(name: string, value: string): void {
    this.cell(name).v = new StrNum(value);
  }

  /** BEGIN, the records, END; the exit status. */
  run(): number {
    const { rules } = this.prog;
    try {
      try {
        for (const r of rules) if (r.kind === 'BEGIN') this.block(r.action ?? []);
        if (rules.some((r) => r.kind !== 'BEGIN')) {
          while (this.nextRecord(true)) {
            try {
              rules.forEach((r, i) => { if (r.kind === 'main' && this.matches(r, i)) this.ruleAction(r.action); });
            } catch (e) {
              if (!(e instanceof Next)) throw e;
            }
          }
        }
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        this.exitCode = e.code;
      }
      try {
        for (const r of rules) if (r.kind === 'END') this.block(r.action ?? []);
      } catch (e) {
        if (!(e instanceof Exit)) throw e;
        this.exitCode = e.code;
      }
      this.flushPipes();
    } catch (e) {
      if (e instanceof AwkRuntimeError) { this.warn(e.message); return this.errorStatus ?? e.status; }
      if (e instanceof LabStop) { this.ctx.out.errLine(e.message); return 130; }
      // A value past what a JavaScript string or the call stack holds (s = s s in a loop).
      if (e instanceof RangeError) { this.ctx.out.errLine('lab: this awk program grew past what the lab holds; stopped'); return 130; }
      throw e;
    }
    return this.exitCode;
  }

  private ruleAction(action: Stmt[] | null): void {
    if (action === null) this.out(null, `${this.record}${this.str(this.get('ORS'))}`);
    else this.block(action);
  }

  private matches(r: Program['rules'][number], i: number): boolean {
    if (r.pattern === null) return true;
    if (r.end === null) return this.truth(this.eval(r.pattern));
    if (!this.ranges[i]) {
      if (!this.truth(this.eval(r.pattern))) return false;
      this.ranges[i] = !this.truth(this.eval(r.end));
      return true;
    }
    if (this.truth(this.eval(r.end))) this.ranges[i] = false;
    return true;
  }

  // --- input ---

  private nextRecord(main: boolean): boolean {
    for (;;) {
      if (this.pending.length > 0) {
        const rec = this.pending.shift() as string;
        if (main) this.setRecord(rec);
        this.bump('NR'); this.bump('FNR');
        if (!main) this.pendingValue = rec;
        return true;
      }
      if (this.endSeen) return false;
      const argc = Math.trunc(this.num(this.get('ARGC')));
      const argv = this.cell('ARGV').arr as Map<string, Val>;
      let name: string | null = null;
      while (this.inputIdx < argc - 1) {
        const a = argv.get(String(++this.inputIdx));
        if (a === undefined) continue;
        const s = this.str(a);
        if (s === '') continue;
        const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(s);
        if (eq) { this.assign(eq[1] as string, unescapeValue(eq[2] as string)); continue; }
        name = s;
        break;
      }
      if (name === null) {
        if (this.fileRead) { this.endSeen = true; return false; }
        name = '-';
      }
      this.fileRead = true;
      const src = this.read(name);
      if (src.text === null) throw new AwkRuntimeError(`cannot open ${name} (No such file or directory)`);
      this.cell('FILENAME').v = name === '-' ? '' : name;
      this.cell('FNR').v = 0;
      this.pending = this.splitRecords(src.text);
      if (name === '-' && this.inputIdx >= argc - 1) this.endSeen = this.pending.length === 0;
    }
  }

  private fileRead = false;
  private pendingValue = '';

  private splitRecords(text: string): string[] {
    const rs = this.str(this.get('RS'));
    let recs: string[];
    if (rs === '\n') recs = text.split('\n');
    else if (rs === '') {
      recs = text.replace(/^\n+/, '').split(/\n\n+/);
      if (recs[recs.length - 1]?.endsWith('\n')) recs[recs.length - 1] = (recs[recs.length - 1] as string).replace(/\n+$/, '');
      if (recs.length === 1 && recs[0] === '') recs = [];
      return recs;
    } else if (rs.length === 1) recs = text.split(rs);
    else recs = text.split(this.regex(rs));
    if (recs[recs.length - 1] === '') recs.pop();
    return recs;
  }

  private bump(name: string): void {
    const c = this.cell(name);
    c.v = this.num(c.v) + 1;
  }

  // --- fields ---

  private setRecord(s: string): void {
    this.record = s;
    this.fields = null;
  }

  private split(): string[] {
    if (this.fields === null) {
      this.fields = this.splitBy(this.record, this.str(this.get('FS')));
      this.nf = this.fields.length;
    }
    return this.fields;
  }

  private splitBy(s: string, fs: string): string[] {
    const paragraph = this.str(this.get('RS')) === '';
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (s === '') return [];
    let parts: string[];
    if (fs.length === 1 && fs !== '\\') parts = s.split(fs === '\t' ? '\t' : fs);
    else parts = s.split(this.regex(fs));
    if (paragraph) parts = parts.flatMap((p) => p.split('\n'));
    return parts;
  }

  private getField(i: number): Val {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) return new StrNum(this.record);
    const f = this.split();
    // A field past NF is an empty string from the input: it compares as a string ("" < "0").
    return new StrNum(i <= f.length ? (f[i - 1] as string) : '');
  }

  private setField(i: number, v: string): void {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) { this.setRecord(v); return; }
    const f = this.split();
    while (f.length < i) f.push('');
    f[i - 1] = v;
    this.nf = f.length;
    this.rebuild();
  }

  private rebuild(): void {
    const f = this.fields ?? [];
    this.record = f.join(this.str(this.get('OFS')));
  }

  // --- variables ---

  private cell(name: string): Cell {
    const local = this.frame?.get(name);
    if (local) return local;
    let c = this.globals.get(name);
    if (!c) { c = { v: UNINIT, arr: null, shared: null }; this.globals.set(name, c); }
    return c;
  }

  private get(name: string): Val {
    if (name === 'NF') { this.split(); return this.nf; }
    return this.cell(name).v;
  }

  private setVar(name: string, v: Val): void {
    if (name === 'NF') {
      const n = Math.trunc(this.num(v));
      const f = this.split();
      while (f.length < n) f.push('');
      f.length = Math.max(0, n);
      this.nf = f.length;
      this.rebuild();
      return;
    }
    const c = this.cell(name);
    if (c.arr && !c.shared) throw new AwkRuntimeError(`can't assign to ${name}; it's an array name.`);
    c.v = v;
  }

  private array(name: string): Map<string, Val> {
    const c = this.cell(name);
    if (c.arr) return c.arr;
    if (c.shared) { c.shared.arr ??= new Map(); c.arr = c.shared.arr; return c.arr; }
    c.arr = new Map();
    return c.arr;
  }

  private key(subs: Expr[]): string {
    return subs.map((e) => this.str(this.eval(e))).join(this.str(this.get('SUBSEP')));
  }

  // --- values ---

  num(v: Val): number {
    if (typeof v === 'number') return v;
    if (v === UNINIT) return 0;
    return toNumber(v instanceof StrNum ? v.s : v);
  }

  str(v: Val, fmt = 'CONVFMT'): string {
    if (typeof v === 'string') return v;
    if (v instanceof StrNum) return v.s;
    if (v === UNINIT) return '';
    return numberToString(v, this.str(this.get(fmt)));
  }

  private truth(v: Val): boolean {
    if (typeof v === 'number') return v !== 0;
    if (v === UNINIT) return false;
    if (v instanceof StrNum) return looksNumeric(v.s) ? toNumber(v.s) !== 0 : v.s !== '';
    return v !== '';
  }

  private compare(a: Val, b: Val): number {
    if (numericish(a) && numericish(b)) {
      const x = this.num(a), y = this.num(b);
      // mawk's compare: a NaN is neither less nor greater, so it equals everything.
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = this.str(a), y = this.str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private work = 0;

  private scan(text: string): string {
    this.work += text.length;
    if (this.work > AWK_MAX_WORK) throw new LabStop(TOO_LONG);
    return text;
  }

  private regex(src: string): RegExp {
    let re = this.regexes.get(src);
    if (!re) {
      const t = translate(src, 'extended', false, true);
      if (typeof t === 'string') throw new AwkRuntimeError(`regular expression compile failed (${t.toLowerCase()})\n${src}`);
      try { re = new RegExp(t.source.replace(/^\(\?i\)/, ''), 'gs'); } catch { throw new AwkRuntimeError(`regular expression compile failed (bad class -- [], [^] or [)\n${src}`); }
      this.regexes.set(src, re);
    }
    re.lastIndex = 0;
    return re;
  }

  private reOf(e: Expr): RegExp {
    return this.regex(e.k === 're' ? e.src : this.str(this.eval(e)));
  }

  // --- statements ---

  private block(stmts: Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private steps = 0;
  private depth = 0;

  private stmt(s: Stmt): void {
    if (++this.steps > AWK_MAX_STEPS) throw new LabStop(TOO_LONG);
    switch (s.k) {
      case 'expr': this.eval(s.e); return;
      case 'print': {
        let text: string;
        if (s.printf) {
          const [f, ...rest] = s.args.map((e) => this.eval(e));
          const fmt = this.str(f ?? '');
          try {
            text = cFormat(fmt, rest.map((v) => (typeof v === 'number' ? v : this.str(v)))).text;
          } catch (e) {
            if (!(e instanceof TooFewArgs)) throw e;
            this.out(s.redir ? { op: s.redir.op, target: this.str(this.eval(s.redir.e)) } : null, e.message);
            throw this.runtime(`not enough arguments passed to printf("${fmt}")`);
          }
        } else {
          const parts = s.args.length === 0 ? [this.record] : s.args.map((e) => this.str(this.eval(e), 'OFMT'));
          text = parts.join(this.str(this.get('OFS'))) + this.str(this.get('ORS'));
        }
        this.out(s.redir ? { op: s.redir.op, target: this.str(this.eval(s.redir.e)) } : null, text);
        return;
      }
      case 'if': if (this.truth(this.eval(s.c))) this.stmt(s.a); else if (s.b) this.stmt(s.b); return;
      case 'while':
        while (this.truth(this.eval(s.c))) { if (this.loopBody(s.body)) break; }
        return;
      case 'do':
        do { if (this.loopBody(s.body)) break; } while (this.truth(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.stmt(s.init);
        while (s.c === null || this.truth(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.stmt(s.step);
        }
        return;
      case 'forin': {
        const keys = [...this.array(s.arr).keys()];
        for (const k of keys) {
          this.setVar(s.v, new StrNum(k));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case 'block': this.block(s.body); return;
      case 'next': throw new Next();
      case 'exit': throw new Exit(s.e ? Math.trunc(this.num(this.eval(s.e))) & 0xff : this.exitCode);
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'return': throw new Return(s.e ? this.eval(s.e) : UNINIT);
      case 'delete':
        if (s.subs === null) this.array(s.name).clear();
        else this.array(s.name).delete(this.key(s.subs));
        return;
      default: return;
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.stmt(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }

  private out(redir: { op: string; target: string } | null, text: string): void {
    if (redir === null || redir.target === '/dev/stdout' || redir.target === '-') { this.ctx.out.out(text); return; }
    if (redir.target === '/dev/stderr') { this.ctx.out.err(text); return; }
    if (redir.op === '|') { this.pipes.set(redir.target, (this.pipes.get(redir.target) ?? '') + text); return; }
    const append = redir.op === '>>' || this.outputs.has(redir.target);
    const e = this.write(redir.target, text, append);
    if (e !== null) throw new AwkRuntimeError(`cannot open "${redir.target}" for output`);
    this.outputs.set(redir.target, 'open');
  }

  // --- expressions ---

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': { const re = this.regex(e.src); return re.test(this.record) ? 1 : 0; }
      case 'group': return this.eval(e.e);
      case 'var': return this.get(e.name);
      case 'field': return this.getField(Math.trunc(this.num(this.eval(e.e))));
      case 'index': {
        // Referring to an element makes it (`x["a"]; if ("a" in x)` is true).
        const arr = this.array(e.name);
        const k = this.key(e.subs);
        const v = arr.get(k);
        if (v === undefined) { arr.set(k, UNINIT); return UNINIT; }
        return v;
      }
      case 'in': return this.array(e.name).has(this.key(e.subs)) ? 1 : 0;
      case 'assign': {
        let v = this.eval(e.e);
        if (e.op !== '=') v = this.arith(e.op.slice(0, -1), this.eval(e.target), v);
        this.store(e.target, v);
        return v;
      }
      case 'cond': return this.truth(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'un': {
        if (e.op === '!') return this.truth(this.eval(e.e)) ? 0 : 1;
        const n = this.num(this.eval(e.e));
        return e.op === '-' ? -n : n;
      }
      case 'incdec': {
        const old = this.num(this.eval(e.target));
        const now = e.op === '++' ? old + 1 : old - 1;
        this.store(e.target, now);
        return e.prefix ? now : old;
      }
      case 'match': {
        const re = this.reOf(e.re);
        return re.test(this.scan(this.str(this.eval(e.a)))) !== e.neg ? 1 : 0;
      }
      case 'bin': {
        if (e.op === '&&') return this.truth(this.eval(e.a)) && this.truth(this.eval(e.b)) ? 1 : 0;
        if (e.op === '||') return this.truth(this.eval(e.a)) || this.truth(this.eval(e.b)) ? 1 : 0;
        const a = this.eval(e.a), b = this.eval(e.b);
        switch (e.op) {
          case 'cat': return this.str(a) + this.str(b);
          case '<': return this.compare(a, b) < 0 ? 1 : 0;
          case '<=': return this.compare(a, b) <= 0 ? 1 : 0;
          case '>': return this.compare(a, b) > 0 ? 1 : 0;
          case '>=': return this.compare(a, b) >= 0 ? 1 : 0;
          case '==': return this.compare(a, b) === 0 ? 1 : 0;
          case '!=': return this.compare(a, b) !== 0 ? 1 : 0;
          default: return this.arith(e.op, a, b);
        }
      }
      case 'call': return this.call(e.name, e.args);
      case 'builtin': return this.builtin(e.name, e.args);
      case 'getline': return this.getline(e);
    }
  }

  private arith(op: string, a: Val, b: Val): number {
    const x = this.num(a), y = this.num(b);
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/': return x / y;
      case '%': return x % y;
      // C's pow: 1 to any power (NaN included) is 1.
      case '^': return x === 1 ? 1 : x ** y;
      default: return 0;
    }
  }

  private store(target: Expr, v: Val): void {
    if (target.k === 'var') this.setVar(target.name, v);
    else if (target.k === 'field') this.setField(Math.trunc(this.num(this.eval(target.e))), this.str(v));
    else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), v);
  }

  private call(name: string, args: Expr[]): Val {
    const f: Func | undefined = this.prog.funcs.get(name);
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`);
    if (args.length > f.params.length) throw new AwkRuntimeError(`too many arguments in call to ${name}`);
    const frame = new Map<string, Cell>();
    f.params.forEach((p, i) => {
      const a = args[i];
      if (a === undefined) { frame.set(p, { v: UNINIT, arr: null, shared: null }); return; }
      if (a.k === 'var') {
        const caller = this.cell(a.name);
        if (caller.arr || caller.v === UNINIT) { frame.set(p, { v: UNINIT, arr: caller.arr, shared: caller.arr ? null : caller }); return; }
      }
      frame.set(p, { v: this.eval(a), arr: null, shared: null });
    });
    const saved = this.frame;
    if (++this.depth > AWK_MAX_DEPTH) throw new LabStop('lab: this awk program called its functions too deep (endless recursion?); stopped');
    this.frame = frame;
    try {
      this.block(f.body);
      return UNINIT;
    } catch (e) {
      if (e instanceof Return) return e.v;
      throw e;
    } finally {
      this.frame = saved;
      this.depth--;
    }
  }

  private getline(e: Extract<Expr, { k: 'getline' }>): Val {
    let line: string;
    if (e.file !== null || e.cmd !== null) {
      const name = this.str(this.eval((e.file ?? e.cmd) as Expr));
      let r = this.readers.get(name);
      if (!r) {
        let text: string | null;
        if (e.cmd !== null) {
          const out = new Output();
          this.shell(name, '', out);
          text = out.chunks.filter((c) => c.fd === 1).map((c) => c.text).join('');
          this.ctx.out.err(out.chunks.filter((c) => c.fd === 2).map((c) => c.text).join(''));
        } else text = this.read(name).text;
        if (text === null) return -1;
        const src = { text };
        r = { lines: src.text.split('\n') };
        if (r.lines[r.lines.length - 1] === '') r.lines.pop();
        this.readers.set(name, r);
      }
      if (r.lines.length === 0) return 0;
      line = r.lines.shift() as string;
      if (e.target === null) { this.setRecord(line); } else this.store(e.target, new StrNum(line));
      return 1;
    }
    if (e.target === null) {
      if (!this.nextRecord(true)) return 0;
      return 1;
    }
    if (!this.nextRecord(false)) return 0;
    line = this.pendingValue;
    this.store(e.target, new StrNum(line));
    return 1;
  }

  /** What `print | cmd` wrote, per command: run with it as input at close() or at the end. */
  private pipes = new Map<string, string>();

  flushPipes(): void {
    for (const [cmd, text] of [...this.pipes]) { this.pipes.delete(cmd); this.shell(cmd, text, this.ctx.out); }
  }

  /** `sh -c cmd` through the lab's shell, its output into `out`; the exit status. */
  private shell(cmd: string, stdin: string, out: Output): number {
    const sh = this.ctx.sys.resolve('sh');
    if (!sh) return 127;
    const saved = { stdin: this.ctx.stdin, out: this.ctx.out, tty: this.ctx.tty };
    this.ctx.stdin = stdin;
    this.ctx.out = out;
    this.ctx.tty = { in: false, out: false, err: false };
    try {
      return sh(['sh', '-c', cmd], this.ctx);
    } finally {
      Object.assign(this.ctx, saved);
    }
  }

  /** mawk's rt_error: the message, then where the input was. */
  private runtime(msg: string): AwkRuntimeError {
    const where = `\tFILENAME="${this.str(this.get('FILENAME'))}" FNR=${this.str(this.get('FNR'))} NR=${this.str(this.get('NR'))}`;
    return new AwkRuntimeError(`run time error: ${msg}\n${where}`);
  }

  private builtin(name: string, args: Expr[]): Val {
    const arg = (i: number) => this.eval(args[i] as Expr);
    const s = (i: number) => this.scan(this.str(arg(i)));
    const n = (i: number) => this.num(arg(i));
    switch (name) {
      // mawk counts bytes, not characters (length("héllo") is 6).
      case 'length': {
        if (args.length === 0) return bytes(this.record).length;
        const a = args[0] as Expr;
        if (a.k === 'var' && this.cell(a.name).arr) return this.array(a.name).size;
        return bytes(s(0)).length;
      }
      case 'substr': {
        // mawk 1.3.4 20200120: positions truncated; a start before 1 lengthens what is taken
        // (substr("alpha", 0, 2) is "al", substr("alpha", -1, 3) is "alph").
        const b = bytes(s(0));
        let start = Math.trunc(n(1));
        let len = args.length > 2 ? Math.trunc(n(2)) : Infinity;
        if (start < 1) { len -= start; start = 1; }
        const to = Math.min(start + len, b.length + 1);
        return to <= start ? '' : fromBytes(b.slice(start - 1, to - 1));
      }
      case 'index': { const i = s(0).indexOf(s(1)); return i < 0 ? 0 : bytes(s(0).slice(0, i)).length + 1; }
      case 'split': {
        const a = args[1] as Expr;
        if (a.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
        const parts = args.length > 2 ? this.splitWith(s(0), args[2] as Expr) : this.splitBy(s(0), this.str(this.get('FS')));
        const arr = this.array(a.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub': case 'gsub': {
        const re = this.reOf(args[0] as Expr);
        const repl = s(1);
        const target = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } } as Expr;
        const text = this.scan(this.str(this.eval(target)));
        let count = 0;
        let out = '';
        let last = 0;
        let after = -1;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0 && m.index === after) { if (re.lastIndex >= text.length) break; re.lastIndex++; continue; }
          if (m[0].length > 0) after = m.index + m[0].length;
          out += text.slice(last, m.index) + replacement(repl, m[0]);
          last = m.index + m[0].length;
          count++;
          if (name === 'sub') break;
          if (m[0].length === 0) { if (re.lastIndex >= text.length) break; re.lastIndex++; }
        }
        if (count > 0) this.store(target, out + text.slice(last));
        return count;
      }
      case 'match': {
        const re = this.reOf(args[1] as Expr);
        const text = s(0);
        const m = re.exec(text);
        const start = m ? bytes(text.slice(0, m.index)).length + 1 : 0;
        const len = m ? bytes(m[0]).length : -1;
        this.cell('RSTART').v = start;
        this.cell('RLENGTH').v = len;
        return start;
      }
      case 'sprintf': {
        if (args.length === 0) return '';
        const vals = args.map((e) => this.eval(e));
        const fmt = this.str(vals[0] as Val);
        try {
          return cFormat(fmt, vals.slice(1).map((v) => (typeof v === 'number' ? v : this.str(v)))).text;
        } catch (e) {
          if (e instanceof TooFewArgs) throw this.runtime(`not enough arguments passed to sprintf("${fmt}")`);
          throw e;
        }
      }
      // mawk's case mapping is ASCII's.
      case 'tolower': return s(0).replace(/[A-Z]/g, (c) => c.toLowerCase());
      case 'toupper': return s(0).replace(/[a-z]/g, (c) => c.toUpperCase());
      case 'int': return Math.trunc(n(0));
      case 'sqrt': return Math.sqrt(n(0));
      case 'exp': return Math.exp(n(0));
      case 'log': return Math.log(n(0));
      case 'sin': return Math.sin(n(0));
      case 'cos': return Math.cos(n(0));
      case 'atan2': return Math.atan2(n(0), n(1));
      case 'rand': this.rand = (this.rand * 1103515245 + 12345 + this.seed) % 2147483648; return this.rand / 2147483648;
      case 'srand': { const prev = this.prevSeed; this.prevSeed = args.length ? n(0) : Math.floor(Date.now() / 1000); this.seed = this.prevSeed; this.rand = 0; return prev; }
      case 'close': {
        const t = s(0);
        this.outputs.delete(t);
        this.readers.delete(t);
        const piped = this.pipes.get(t);
        if (piped !== undefined) { this.pipes.delete(t); return this.shell(t, piped, this.ctx.out); }
        return 0;
      }
      case 'fflush': return 0;
      case 'system': {
        this.flushPipes();
        return this.shell(s(0), '', this.ctx.out);
      }
      default: return UNINIT;
    }
  }

  private splitWith(text: string, fs: Expr): string[] {
    if (fs.k === 're') return text === '' ? [] : text.split(this.regex(fs.src));
    return this.splitBy(text, this.str(this.eval(fs)));
  }
}

const bytes = (s: string) => new TextEncoder().encode(s);
const fromBytes = (b: Uint8Array) => new TextDecoder().decode(b);

/** sub/gsub's replacement: `&` is the match, `\&` a literal `&`, `\\` a backslash. */
function replacement(repl: string, match: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i] as string;
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) { out += repl[++i]; continue; }
    out += c === '&' ? match : c;
  }
  return out;
}

/** A -v or operand assignment's value: escape sequences as in a string constant. */
export function unescapeValue(v: string): string {
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
  return v.replace(/\\([ntr\\"/abfv]|[0-7]{1,3})/g, (_m, c: string) => esc[c] ?? String.fromCharCode(parseInt(c, 8)));
}
