/**
 * The awk language (POSIX awk as mawk 1.3.4 reads it): a lexer that tells a regex from a division
 * by the token before it, and a recursive-descent parser for patterns (BEGIN, END, expressions,
 * ranges), actions, functions and expressions with awk's precedence (assignment, ?:, ||, &&, in,
 * ~ !~, comparisons, concatenation, + -, * / %, unary, ^, ++ --, $). Syntax errors are worded as
 * mawk words them: `awk: line 1: syntax error at or near }`.
 */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target: Expr | null; file: Expr | null; cmd: Expr | null }
  | { k: 'group'; e: Expr };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; printf: boolean; args: Expr[]; redir: { op: string; e: Expr } | null }
  | { k: 'if'; c: Expr; a: Stmt; b: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' } | { k: 'exit'; e: Expr | null } | { k: 'break' } | { k: 'continue' }
  | { k: 'return'; e: Expr | null }
  | { k: 'delete'; name: string; subs: Expr[] | null };

export interface Rule { pattern: Expr | null; end: Expr | null; kind: 'BEGIN' | 'END' | 'main'; action: Stmt[] | null }
export interface Func { name: string; params: string[]; body: Stmt[] }
export interface Program { rules: Rule[]; funcs: Map<string, Func> }

type Tok = { t: string; v: string; line: number };

const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'exit', 'function', 'func', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
/** Each built-in's [least, most] arguments; split, sub, gsub and match are grammar, not calls, in mawk. */
const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2], sprintf: [1, Infinity],
  tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1], exp: [1, 1], log: [1, 1], sin: [1, 1], cos: [1, 1], atan2: [2, 2],
  rand: [0, 0], srand: [0, 1], system: [1, 1], close: [1, 1], fflush: [0, 1],
};
const GRAMMAR = new Set(['split', 'sub', 'gsub', 'match']);

export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '!~', '&&', '||', '>>', '++', '--',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

export class AwkSyntaxError extends Error {}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0, line = 1;
  /** A `/` starts a regex unless the token before it ends an operand. */
  const operandEnd = () => {
    const p = out[out.length - 1];
    if (!p) return false;
    if (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 'builtin' || p.t === 're') return true;
    return p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '++' || p.v === '--');
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n') { out.push({ t: 'nl', v: '\n', line }); i++; line++; continue; }
    if (/[0-9.]/.test(c) && /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.test(src.slice(i))) {
      const m = /^(0[xX][0-9a-fA-F]+|\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'num', v: m[0], line });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      const w = m[0];
      i += w.length;
      if (KEYWORDS.has(w)) out.push({ t: 'kw', v: w === 'func' ? 'function' : w, line });
      else if (BUILTINS.has(w)) out.push({ t: 'builtin', v: w, line });
      else out.push({ t: src[i] === '(' ? 'funcname' : 'name', v: w, line });
      continue;
    }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError(`line ${line}: runaway string constant "${s.slice(0, 10)} ...`);
        const d = src[i] as string;
        if (d === '"') { i++; break; }
        if (d === '\\') {
          const e = src[i + 1] ?? '';
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (esc[e] !== undefined) { s += esc[e]; i += 2; continue; }
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1));
          if (oct) { s += String.fromCharCode(parseInt(oct[0], 8)); i += 1 + oct[0].length; continue; }
          if (e === '\n') { i += 2; line++; continue; }
          s += `\\${e}`;
          i += 2;
          continue;
        }
        s += d;
        i++;
      }
      out.push({ t: 'str', v: s, line });
      continue;
    }
    if (c === '/' && !operandEnd()) {
      let s = '';
      i++;
      let inBracket = false;
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError(`line ${line}: runaway regular expression /${s.slice(0, 10)} ...`);
        const d = src[i] as string;
        if (d === '/' && !inBracket) { i++; break; }
        if (d === '[') inBracket = true;
        else if (d === ']') inBracket = false;
        if (d === '\\' && src[i + 1] === '/') { s += '/'; i += 2; continue; }
        if (d === '\\') { s += d + (src[i + 1] ?? ''); i += 2; continue; }
        s += d;
        i++;
      }
      out.push({ t: 're', v: s, line });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`line ${line}: syntax error at or near ${c}`);
    out.push({ t: 'op', v: op, line });
    i += op.length;
  }
  // mawk places the end of the program one line past its last one.
  out.push({ t: 'eof', v: 'end of file', line: line + 1 });
  return out;
}

class Parser {
  private i = 0;
  private noIn = 0;
  private noGt = 0;
  readonly funcs = new Map<string, Func>();
  /** User function calls, checked once every function is known. */
  private calls: { name: string; args: number; line: number }[] = [];
  constructor(private readonly toks: Tok[]) {}

  private peek(o = 0): Tok { return this.toks[Math.min(this.i + o, this.toks.length - 1)] as Tok; }
  private next(): Tok { return this.toks[Math.min(this.i++, this.toks.length - 1)] as Tok; }
  private is(v: string): boolean { const p = this.peek(); return (p.t === 'op' || p.t === 'kw') && p.v === v; }
  private fail(tok = this.peek()): never {
    if (tok.t === 'eof') throw new AwkSyntaxError(`line ${tok.line}: syntax error at or near end of file`);
    const near = tok.t === 'nl' ? 'end of line' : tok.t === 'str' ? `"${tok.v}"` : tok.t === 're' ? `/${tok.v}/` : tok.v;
    throw new AwkSyntaxError(`line ${tok.line}: syntax error at or near ${near}`);
  }
  private eat(v: string): void { if (!this.is(v)) this.fail(); this.i++; }
  private newlines(): void { while (this.peek().t === 'nl') this.i++; }
  private terminators(): void { while (this.peek().t === 'nl' || this.is(';')) this.i++; }

  program(): Program {
    const rules: Rule[] = [];
    this.terminators();
    while (this.peek().t !== 'eof') {
      if (this.is('}')) {
        const line = this.peek().line;
        throw new AwkSyntaxError(`line ${line}: extra '}'\nawk: line ${line}: syntax error at or near end of line`);
      }
      if (this.is('function')) this.func();
      else rules.push(this.rule());
      this.terminators();
    }
    const end = this.peek().line;
    for (const c of this.calls) {
      const f = this.funcs.get(c.name);
      if (!f) throw new AwkSyntaxError(`line ${end}: function ${c.name} never defined`);
      if (c.args > f.params.length) throw new AwkSyntaxError(`line ${c.line}: too many arguments in call to ${c.name}`);
    }
    return { rules, funcs: this.funcs };
  }

  private func(): void {
    this.next();
    const name = this.next();
    if (name.t !== 'name' && name.t !== 'funcname') this.fail(name);
    this.eat('(');
    const params: string[] = [];
    while (!this.is(')')) {
      const p = this.next();
      if (p.t !== 'name') this.fail(p);
      params.push(p.v);
      if (this.is(',')) { this.next(); this.newlines(); } else if (!this.is(')')) this.fail();
    }
    this.eat(')');
    this.newlines();
    this.funcs.set(name.v, { name: name.v, params, body: this.block() });
  }

  private rule(): Rule {
    if (this.is('BEGIN') || this.is('END')) {
      const kind = this.next().v as 'BEGIN' | 'END';
      this.newlines();
      if (!this.is('{')) this.fail();
      return { pattern: null, end: null, kind, action: this.block() };
    }
    let pattern: Expr | null = null, end: Expr | null = null;
    if (!this.is('{')) {
      pattern = this.expr();
      if (this.is(',')) { this.next(); this.newlines(); end = this.expr(); }
    }
    const action = this.is('{') ? this.block() : null;
    if (action === null && !(this.peek().t === 'nl' || this.is(';') || this.peek().t === 'eof')) this.fail();
    return { pattern, end, kind: 'main', action };
  }

  private block(): Stmt[] {
    this.eat('{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is('}')) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError(`line ${this.peek().line}: missing } near end of file`);
      body.push(this.stmt());
      this.terminators();
    }
    this.eat('}');
    return body;
  }

  /** A simple statement's end: `;`, a newline, or (not eaten) `}` or the end. */
  private endSimple(): void {
    if (this.is(';') || this.peek().t === 'nl') { this.next(); return; }
    if (this.is('}') || this.peek().t === 'eof') return;
    this.fail();
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (t.v === '{' && t.t === 'op') return { k: 'block', body: this.block() };
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          this.next(); this.eat('('); const c = this.expr(); this.eat(')'); this.newlines();
          const a = this.stmtOrEmpty();
          const save = this.i;
          this.terminators();
          if (this.is('else')) { this.next(); this.newlines(); return { k: 'if', c, a, b: this.stmtOrEmpty() }; }
          this.i = save;
          return { k: 'if', c, a, b: null };
        }
        case 'while': {
          this.next(); this.eat('('); const c = this.expr(); this.eat(')');
          if (this.is(';')) { this.next(); return { k: 'while', c, body: { k: 'block', body: [] } }; }
          this.newlines();
          return { k: 'while', c, body: this.stmtOrEmpty() };
        }
        case 'do': {
          this.next(); this.newlines(); const body = this.stmtOrEmpty(); this.terminators();
          if (!this.is('while')) this.fail();
          this.next(); this.eat('('); const c = this.expr(); this.eat(')'); this.endSimple();
          return { k: 'do', body, c };
        }
        case 'for': {
          this.next(); this.eat('(');
          if (this.peek().t === 'name' && this.peek(1).v === 'in' && this.peek(2).t === 'name' && this.peek(3).v === ')') {
            const v = this.next().v; this.next(); const arr = this.next().v; this.next(); this.newlines();
            return { k: 'forin', v, arr, body: this.stmtOrEmpty() };
          }
          const init = this.is(';') ? null : this.simple();
          this.eat(';'); this.newlines();
          const c = this.is(';') ? null : this.expr();
          this.eat(';'); this.newlines();
          const step = this.is(')') ? null : this.simple();
          this.eat(')');
          if (this.is(';')) { this.next(); return { k: 'for', init, c, step, body: { k: 'block', body: [] } }; }
          this.newlines();
          return { k: 'for', init, c, step, body: this.stmtOrEmpty() };
        }
        case 'next': this.next(); this.endSimple(); return { k: 'next' };
        case 'break': this.next(); this.endSimple(); return { k: 'break' };
        case 'continue': this.next(); this.endSimple(); return { k: 'continue' };
        case 'exit': case 'return': {
          this.next();
          const e = this.is(';') || this.is('}') || this.peek().t === 'nl' || this.peek().t === 'eof' ? null : this.expr();
          this.endSimple();
          return t.v === 'exit' ? { k: 'exit', e } : { k: 'return', e };
        }
        case 'delete': {
          this.next();
          const n = this.next();
          if (n.t !== 'name') this.fail(n);
          let subs: Expr[] | null = null;
          if (this.is('[')) { this.next(); subs = this.exprList(); this.eat(']'); }
          this.endSimple();
          return { k: 'delete', name: n.v, subs };
        }
        default: break;
      }
    }
    if (this.is(';')) { this.next(); return { k: 'block', body: [] }; }
    const s = this.simple();
    this.endSimple();
    return s;
  }

  private stmtOrEmpty(): Stmt {
    if (this.is(';')) { this.next(); return { k: 'block', body: [] }; }
    return this.stmt();
  }

  private simple(): Stmt {
    if (this.is('print') || this.is('printf')) {
      const printf = this.next().v === 'printf';
      let args: Expr[] = [];
      this.noGt++;
      if (this.is('(')) {
        // `print (a, b)` or `print (a) b`: a grouping is only the list when nothing follows it.
        const save = this.i;
        this.next();
        const list = this.withGt(() => this.exprList());
        if (this.is(')') && this.endsPrint(this.peek(1))) { this.next(); args = list; }
        else { this.i = save; args = this.exprList(); }
      } else if (!this.endsPrint(this.peek())) args = this.exprList();
      this.noGt--;
      let redir: { op: string; e: Expr } | null = null;
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const op = this.next().v;
        redir = { op, e: this.concat() };
      }
      if (printf && args.length === 0) this.fail();
      return { k: 'print', printf, args, redir };
    }
    return { k: 'expr', e: this.expr() };
  }

  private endsPrint(t: Tok): boolean {
    return t.t === 'nl' || t.t === 'eof' || (t.t === 'op' && (t.v === ';' || t.v === '}' || t.v === '>' || t.v === '>>' || t.v === '|'));
  }

  private withGt<T>(f: () => T): T {
    const [gt, inn] = [this.noGt, this.noIn];
    this.noGt = 0; this.noIn = 0;
    try { return f(); } finally { this.noGt = gt; this.noIn = inn; }
  }

  private exprList(): Expr[] {
    const out = [this.expr()];
    while (this.is(',')) { this.next(); this.newlines(); out.push(this.expr()); }
    return out;
  }

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.is('?')) {
      this.next(); this.newlines();
      const a = this.ternary(); this.newlines();
      this.eat(':'); this.newlines();
      return { k: 'cond', c, a, b: this.ternary() };
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(this.peek().v)) {
      if (c.k !== 'var' && c.k !== 'field' && c.k !== 'index') this.fail();
      const op = this.next().v;
      this.newlines();
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private or(): Expr {
    let a = this.and();
    while (this.is('||')) { this.next(); this.newlines(); a = { k: 'bin', op: '||', a, b: this.and() }; }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.is('&&')) { this.next(); this.newlines(); a = { k: 'bin', op: '&&', a, b: this.inExpr() }; }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in') && this.noIn === 0) {
      this.next();
      const n = this.next();
      if (n.t !== 'name') this.fail(n);
      a = { k: 'in', subs: [a], name: n.v };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.compare();
    while (this.is('~') || this.is('!~')) {
      const neg = this.next().v === '!~';
      a = { k: 'match', neg, a, re: this.compare() };
    }
    return a;
  }

  private compare(): Expr {
    const a = this.concat();
    const p = this.peek();
    if (p.t === 'op' && ['<', '<=', '!=', '==', '>=', ...(this.noGt ? [] : ['>'])].includes(p.v)) {
      this.next();
      return { k: 'bin', op: p.v, a, b: this.concat() };
    }
    return a;
  }

  /** Concatenation: operands side by side (an operand starts here but no binary operator does). */
  private concat(): Expr {
    let a = this.additive();
    for (;;) {
      if (this.is('|') && this.peek(1).t === 'kw' && this.peek(1).v === 'getline') {
        this.next(); this.next();
        a = this.getline(a);
        continue;
      }
      const p = this.peek();
      // An operand starts here; `-`, `+` and `!` are read as operators, not as a unary operand.
      const starts = p.t === 'num' || p.t === 'str' || p.t === 're' || p.t === 'name' || p.t === 'funcname' || p.t === 'builtin' ||
        (p.t === 'op' && ['$', '(', '++', '--'].includes(p.v)) || (p.t === 'kw' && p.v === 'getline');
      if (!starts) break;
      a = { k: 'bin', op: 'cat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mul();
    while (this.is('+') || this.is('-')) { const op = this.next().v; a = { k: 'bin', op, a, b: this.mul() }; }
    return a;
  }

  private mul(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) { const op = this.next().v; a = { k: 'bin', op, a, b: this.unary() }; }
    return a;
  }

  private unary(): Expr {
    if (this.is('!')) { this.next(); return { k: 'un', op: '!', e: this.unary() }; }
    if (this.is('-') || this.is('+')) { const op = this.next().v; return { k: 'un', op, e: this.unary() }; }
    return this.pow();
  }

  private pow(): Expr {
    const a = this.postfix();
    if (this.is('^')) { this.next(); return { k: 'bin', op: '^', a, b: this.powRight() }; }
    return a;
  }

  private powRight(): Expr {
    if (this.is('-') || this.is('+') || this.is('!')) { const op = this.next().v; return { k: 'un', op, e: this.powRight() }; }
    return this.pow();
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.next().v as '++' | '--';
      const target = this.postfix();
      if (target.k !== 'var' && target.k !== 'field' && target.k !== 'index') this.fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if ((e.k === 'var' || e.k === 'field' || e.k === 'index') && (this.is('++') || this.is('--'))) {
      return { k: 'incdec', op: this.next().v as '++' | '--', prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num': return { k: 'num', v: t.v.startsWith('0x') || t.v.startsWith('0X') ? parseInt(t.v, 16) : Number(t.v) };
      case 'str': return { k: 'str', v: t.v };
      case 're': return { k: 're', src: t.v };
      case 'name':
        if (this.is('[')) { this.next(); const subs = this.withGt(() => this.exprList()); this.eat(']'); return { k: 'index', name: t.v, subs }; }
        return { k: 'var', name: t.v };
      case 'funcname': {
        this.eat('(');
        const args = this.is(')') ? [] : this.withGt(() => this.exprList());
        this.eat(')');
        this.calls.push({ name: t.v, args: args.length, line: t.line });
        return { k: 'call', name: t.v, args };
      }
      case 'builtin': {
        let args: Expr[] = [];
        const [least, most] = ARITY[t.v] ?? [0, Infinity];
        if (this.is('(')) {
          this.next();
          if (GRAMMAR.has(t.v)) {
            // mawk reads these as grammar: too few is `near )`, too many `near ,`.
            for (let i = 0; i < most; i++) {
              if (i >= least && this.is(')')) break;
              if (i > 0) this.eat(',');
              args.push(this.withGt(() => this.expr()));
            }
            this.eat(')');
          } else {
            args = this.is(')') ? [] : this.withGt(() => this.exprList());
            this.eat(')');
          }
        } else if (t.v !== 'length') this.fail();
        if (args.length < least || args.length > most) throw new AwkSyntaxError(`line ${t.line}: wrong number of arguments in call to ${t.v}`);
        return { k: 'builtin', name: t.v, args };
      }
      case 'kw':
        if (t.v === 'getline') return this.getline(null);
        return this.fail(t);
      case 'op':
        if (t.v === '$') return { k: 'field', e: this.fieldOperand() };
        if (t.v === '(') {
          const list = this.withGt(() => this.exprList());
          this.eat(')');
          if (list.length > 1) {
            if (!this.is('in')) this.fail();
            this.next();
            const n = this.next();
            if (n.t !== 'name') this.fail(n);
            return { k: 'in', subs: list, name: n.v };
          }
          return { k: 'group', e: list[0] as Expr };
        }
        return this.fail(t);
      default:
        return this.fail(t);
    }
  }

  /** `getline`, `getline var`, `getline < file`, `getline var < file`; `cmd | getline` (cmd given). */
  private getline(cmd: Expr | null): Expr {
    let target: Expr | null = null;
    if (this.peek().t === 'name' || this.is('$')) target = this.postfixTarget();
    let file: Expr | null = null;
    if (cmd === null && this.is('<')) { this.next(); file = this.primary(); }
    return { k: 'getline', target, file, cmd };
  }

  private postfixTarget(): Expr {
    const e = this.primary();
    if (e.k !== 'var' && e.k !== 'field' && e.k !== 'index') this.fail();
    return e;
  }

  /** `$` binds tighter than everything but grouping and ++/--: `$NF-1` is ($NF)-1, `$i++` is ($i)++. */
  private fieldOperand(): Expr {
    if (this.is('-') || this.is('+') || this.is('!')) { const op = this.next().v; return { k: 'un', op, e: this.fieldOperand() }; }
    if (this.is('++') || this.is('--')) { const op = this.next().v as '++' | '--'; const target = this.primary(); return { k: 'incdec', op, prefix: true, target }; }
    return this.primary();
  }
}

/** The program, or mawk's message (without the `awk: ` prefix). */
export function parseAwk(src: string): Program | string {
  try {
    return new Parser(lex(src)).program();
  } catch (e) {
    if (e instanceof AwkSyntaxError) return e.message;
    throw e;
  }
}
