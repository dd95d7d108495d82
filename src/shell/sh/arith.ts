/**
 * Shell arithmetic as GNU bash 5.2 evaluates it (`$(( ))`, `(( ))`, `for ((;;))`, `let`): signed
 * 64-bit integers that wrap (intmax_t), the C operators with their precedence (`,` `=` `op=` `?:`
 * `||` `&&` `|` `^` `&` `== !=` `< <= > >=` `<< >>` `+ -` `* / %` `**` unary `! ~ - +`, `++`/`--`
 * before and after a name), constants in base 8 (`010`), 16 (`0x1f`) and `base#digits` (2..64),
 * and variables whose values are themselves expressions (`b=a; a=4; $((b+1))` is 5).
 *
 * The behaviour follows bash's expr.c as observed on GNU bash 5.2.15 (the rows in
 * bash-arith.test.ts were captured from it): the same tokenizer decisions (a name followed by `++`
 * is a post-increment, `--x++` is an error), the same short-circuit rules (`0 && 1/0` is 0, no
 * assignment happens in the branch not taken), and the same messages, each ending in
 * `(error token is "…")`: the rest of the expression from the token bash was looking at.
 *
 * Errors are returned, never thrown: `expr` is the expression bash names in its message (the value
 * of a variable when the error happened while evaluating it).
 */
export type ArithResult = { ok: true; value: bigint } | { ok: false; error: string; expr: string };

type Lookup = (name: string) => string | undefined;
type Assign = (name: string, value: string) => void;

/** Tokens: operators as their text; numbers, names, end of input and the few pseudo tokens by name. */
type Tok = string;
const END = '';
const NUM = 'NUM';
const STR = 'STR';
const OP_ASSIGN = 'OP=';
const PREINC = '++x';
const PREDEC = '--x';
const POSTINC = 'x++';
const POSTDEC = 'x--';
/** Set as the previous token after `a ? b : c` (so `1 ? 2 : x = 3` is not an assignment). */
const COND = 'COND';

/** One-character operators (bash's _is_arithop). */
const SINGLE = new Set(['=', '>', '<', '+', '-', '*', '/', '%', '!', '(', ')', '&', '|', '^', '~', '?', ':', ',']);
/** Multi-character operators and pseudo tokens (bash's _is_multiop). */
const MULTI = new Set(['==', '!=', '<=', '>=', '&&', '||', '<<', '>>', OP_ASSIGN, COND, '**', PREINC, PREDEC, POSTINC, POSTDEC]);
/** bash's MAX_EXPR_RECURSION_LEVEL: how deep variables may refer to expressions. */
const MAX_DEPTH = 1024;

const MIN = -(1n << 63n);
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z_]$/.test(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

/** An arithmetic error on its way to evalArith's caller (never leaves this module). */
class ArithError {
  constructor(readonly message: string, readonly expr: string) {}
}

/** The token state bash saves and restores around a look-ahead. */
interface TokState {
  cur: Tok;
  last: Tok;
  tp: number;
  lasttp: number;
  tokval: bigint;
  tokstr: string | null;
  noeval: number;
}

/** Evaluates `expr`; `assign` stores the results of `=`, `+=`, `++` … (without it they are not kept). */
export function evalArith(expr: string, lookup: Lookup, assign?: Assign): ArithResult {
  const ev = new Evaluator(lookup, assign ?? (() => {}));
  try {
    return { ok: true, value: ev.subexpr(expr) };
  } catch (e) {
    if (e instanceof ArithError) return { ok: false, error: e.message, expr: e.expr };
    if (e instanceof RangeError) {
      // The JavaScript stack ran out before bash's depth limit (a variable that refers to itself
      // through parentheses): report it as bash does at its limit, from where the last variable was read.
      const err = ev.stackExhausted();
      return { ok: false, error: err.message, expr: err.expr };
    }
    throw e;
  }
}

class Evaluator {
  expression = '';
  private tp = 0;
  private lasttp = 0;
  private cur: Tok = END;
  private last: Tok = END;
  private tokval = 0n;
  private tokstr: string | null = null;
  private noeval = 0;
  private assigntok = '';
  private depth = 0;
  /** Where each nested evaluation (a variable's value) was asked for: expression and token start. */
  private readonly callers: { expression: string; lasttp: number }[] = [];

  constructor(private readonly lookup: Lookup, private readonly assign: Assign) {}

  error(msg: string): ArithError {
    return new ArithError(`${msg} (error token is "${this.expression.slice(this.lasttp)}")`, this.expression);
  }

  stackExhausted(): ArithError {
    const at = this.callers[this.callers.length - 1];
    if (at) { this.expression = at.expression; this.lasttp = at.lasttp; }
    return this.error('expression recursion level exceeded');
  }

  private fail(msg: string): never {
    throw this.error(msg);
  }

  /** The current token (a call, so that TypeScript does not narrow it across readtok()). */
  private tok(): Tok {
    return this.cur;
  }

  private save(): TokState {
    return { cur: this.cur, last: this.last, tp: this.tp, lasttp: this.lasttp, tokval: this.tokval, tokstr: this.tokstr, noeval: this.noeval };
  }

  private restore(s: TokState): void {
    this.cur = s.cur;
    this.last = s.last;
    this.tp = s.tp;
    this.lasttp = s.lasttp;
    this.tokval = s.tokval;
    this.tokstr = s.tokstr;
    this.noeval = s.noeval;
  }

  /** Evaluates one (sub)expression: the top one, or a variable's value. Blank text is 0. */
  subexpr(text: string): bigint {
    if (/^[ \t\n\r]*$/.test(text)) return 0n;
    if (this.depth >= MAX_DEPTH) this.fail('expression recursion level exceeded');
    const saved = { ...this.save(), expression: this.expression };
    if (this.depth > 0) this.callers.push({ expression: this.expression, lasttp: this.lasttp });
    this.depth++;
    this.expression = text;
    this.tp = 0;
    this.lasttp = 0;
    this.cur = END;
    this.last = END;
    this.tokstr = null;
    this.tokval = 0n;
    this.readtok();
    const v = this.comma();
    if (this.tok() !== END) this.fail('syntax error in expression');
    this.depth--;
    if (this.depth > 0) this.callers.pop();
    this.restore(saved);
    this.expression = saved.expression;
    return v;
  }

  private bind(name: string, v: bigint): void {
    if (this.noeval === 0) this.assign(name, v.toString());
  }

  /** A variable's value, itself evaluated as an expression (unset or empty is 0). */
  private varValue(name: string): bigint {
    if (this.noeval) return 0n;
    const v = this.lookup(name);
    return v ? this.subexpr(v) : 0n;
  }

  // --- the grammar, lowest precedence first ---
  private comma(): bigint {
    let v = this.assignment();
    while (this.tok() === ',') {
      this.readtok();
      v = this.assignment();
    }
    return v;
  }

  private assignment(): bigint {
    let v = this.conditional();
    if (this.tok() !== '=' && this.tok() !== OP_ASSIGN) return v;
    const special = this.tok() === OP_ASSIGN;
    if (this.last !== STR) this.fail('attempted assignment to non-variable');
    const op = this.assigntok;
    const lvalue = v;
    const name = this.tokstr ?? '';
    this.readtok();
    v = this.assignment();
    if (special) {
      if ((op === '/' || op === '%') && v === 0n) {
        if (this.noeval === 0) this.fail('division by 0');
        v = 1n;
      }
      v = binop(op, lvalue, v);
    }
    this.bind(name, v);
    this.tokstr = null;
    return v;
  }

  private conditional(): bigint {
    const c = this.logicalOr();
    if (this.tok() !== '?') return c;
    this.readtok();
    if (this.tok() === END || this.tok() === ':') this.fail('expression expected');
    if (c === 0n) this.noeval++;
    const a = this.comma();
    if (c === 0n) this.noeval--;
    if (this.tok() !== ':') this.fail("`:' expected for conditional expression");
    this.readtok();
    if (this.tok() === END) this.fail('expression expected');
    if (c !== 0n) this.noeval++;
    const b = this.conditional();
    if (c !== 0n) this.noeval--;
    this.last = COND;
    return c !== 0n ? a : b;
  }

  private logicalOr(): bigint {
    let a = this.logicalAnd();
    while (this.tok() === '||') {
      const skip = a !== 0n;
      if (skip) this.noeval++;
      this.readtok();
      const b = this.logicalAnd();
      if (skip) this.noeval--;
      a = a !== 0n || b !== 0n ? 1n : 0n;
      this.last = '||';
    }
    return a;
  }

  private logicalAnd(): bigint {
    let a = this.bitOr();
    while (this.tok() === '&&') {
      const skip = a === 0n;
      if (skip) this.noeval++;
      this.readtok();
      const b = this.bitOr();
      if (skip) this.noeval--;
      a = a !== 0n && b !== 0n ? 1n : 0n;
      this.last = '&&';
    }
    return a;
  }

  /** The left-associative binary levels from `|` down to `+ -`. */
  private level(ops: readonly string[], next: () => bigint): bigint {
    let a = next();
    while (ops.includes(this.cur)) {
      const op = this.cur;
      this.readtok();
      a = binop(op, a, next());
      this.last = NUM;
    }
    return a;
  }

  private bitOr = (): bigint => this.level(['|'], this.bitXor);
  private bitXor = (): bigint => this.level(['^'], this.bitAnd);
  private bitAnd = (): bigint => this.level(['&'], this.equality);
  private equality = (): bigint => this.level(['==', '!='], this.relational);
  private relational = (): bigint => this.level(['<=', '>=', '<', '>'], this.shift);
  private shift = (): bigint => this.level(['<<', '>>'], this.additive);
  private additive = (): bigint => this.level(['+', '-'], this.multiplicative);

  private multiplicative = (): bigint => {
    let a = this.power();
    while (this.tok() === '*' || this.tok() === '/' || this.tok() === '%') {
      const op = this.cur;
      const opEnd = this.tp;
      this.readtok();
      let b = this.power();
      if ((op === '/' || op === '%') && b === 0n) {
        if (this.noeval === 0) {
          // bash points at what follows the operator, blanks skipped.
          let at = opEnd;
          while (this.expression[at] === ' ' || this.expression[at] === '\t') at++;
          this.lasttp = at;
          this.fail('division by 0');
        }
        b = 1n;
      }
      a = binop(op, a, b);
      this.last = NUM;
    }
    return a;
  };

  private power(): bigint {
    const a = this.unary();
    if (this.tok() !== '**') return a;
    this.readtok();
    const b = this.power(); // right-associative
    this.last = NUM;
    if (b === 0n) return 1n;
    if (b < 0n) this.fail('exponent less than 0');
    return ipow(a, b);
  }

  private unary(): bigint {
    const t = this.cur;
    if (t === '!' || t === '~' || t === '-' || t === '+') {
      this.readtok();
      const v = this.unary();
      this.last = NUM;
      return t === '!' ? (v === 0n ? 1n : 0n) : t === '~' ? wrap(~v) : t === '-' ? wrap(-v) : v;
    }
    return this.primary();
  }

  private primary(): bigint {
    if (this.tok() === PREINC || this.tok() === PREDEC) {
      const op = this.cur;
      this.last = op;
      this.readtok();
      if (this.tok() !== STR) this.fail('identifier expected after pre-increment or pre-decrement');
      const v = wrap(this.tokval + (op === PREINC ? 1n : -1n));
      this.bind(this.tokstr ?? '', v);
      this.cur = NUM; // `++x = 7` is not an assignment
      this.readtok();
      return v;
    }
    if (this.tok() === '(') {
      this.readtok();
      const v = this.comma();
      if (this.tok() !== ')') this.fail("missing `)'");
      this.readtok();
      this.last = NUM; // `(x) = 7` is not an assignment
      return v;
    }
    if (this.tok() === NUM || this.tok() === STR) {
      const v = this.tokval;
      if (this.tok() === STR) {
        // Look one token ahead, without evaluating, for a post-increment.
        const s = this.save();
        this.noeval = 1;
        this.readtok();
        const next = this.cur;
        if (next === POSTINC || next === POSTDEC) {
          this.tokstr = s.tokstr;
          this.noeval = s.noeval;
          this.last = STR;
          this.bind(this.tokstr ?? '', wrap(v + (next === POSTINC ? 1n : -1n)));
          this.cur = NUM; // `x++ = 7` is not an assignment
        } else {
          this.restore(s);
        }
      }
      this.readtok();
      return v;
    }
    return this.fail('syntax error: operand expected');
  }

  // --- tokens ---
  private readtok(): void {
    const s = this.expression;
    let cp = this.tp;
    while (cp < s.length && isBlank(s[cp])) cp++;
    if (cp >= s.length) {
      this.last = this.cur;
      this.cur = END;
      this.tp = cp;
      return;
    }
    const start = cp;
    this.lasttp = start;
    this.tp = start;
    const c = s[cp] as string;
    if (isNameStart(c)) {
      while (isNameChar(s[cp])) cp++;
      const name = s.slice(start, cp);
      this.tokstr = name;
      // Peek at the next token: `x = …` does not evaluate x (so x may hold anything).
      const saved = this.save();
      this.tokstr = null;
      this.tp = cp;
      this.noeval = 1;
      this.cur = STR;
      this.readtok();
      const peek = this.cur;
      this.restore(saved);
      this.tokval = this.last === PREINC || this.last === PREDEC || peek !== '=' ? this.varValue(name) : 0n;
      this.last = this.cur;
      this.cur = STR;
      this.tp = cp;
      return;
    }
    if (/[0-9]/.test(c)) {
      while (cp < s.length && /[A-Za-z0-9#@_]/.test(s[cp] as string)) cp++;
      this.tokval = this.number(s.slice(start, cp), cp);
      this.last = this.cur;
      this.cur = NUM;
      this.tp = cp;
      return;
    }
    cp++;
    const c1 = s[cp];
    let tok: Tok = c;
    const two = c + (c1 ?? '');
    if (two === '==' || two === '!=' || two === '>=' || two === '<=' || two === '&&' || two === '||' || two === '**') {
      tok = two;
      cp++;
    } else if (two === '<<' || two === '>>') {
      cp++;
      if (s[cp] === '=') { this.assigntok = two; tok = OP_ASSIGN; cp++; } else tok = two;
    } else if ((c === '-' || c === '+') && c1 === c) {
      if (this.tok() === STR) { tok = c === '-' ? POSTDEC : POSTINC; cp++; }
      else if (this.tok() === NUM && (this.last === PREINC || this.last === PREDEC)) {
        this.fail(`${two}: assignment requires lvalue`);
      } else {
        let xp = cp + 1;
        while (xp < s.length && isBlank(s[xp])) xp++;
        // `++` before a name is a pre-increment; otherwise two unary signs.
        if (isNameStart(s[xp])) { tok = c === '-' ? PREDEC : PREINC; cp++; }
      }
    } else if (c1 === '=' && '*/%+-&^|'.includes(c)) {
      this.assigntok = c;
      tok = OP_ASSIGN;
      cp++;
    } else if (!SINGLE.has(c)) {
      this.fail(this.tok() === END || SINGLE.has(this.cur) || MULTI.has(this.cur) ? 'syntax error: operand expected' : 'syntax error: invalid arithmetic operator');
    }
    this.last = this.cur;
    this.cur = tok;
    this.tp = cp;
  }

  /**
   * A constant: decimal, `0` octal, `0x` hex, or `base#digits` (bases 2..64; 0-9 a-z A-Z @ _).
   * bash ends the expression at the constant while converting it, so an error here names the
   * expression only up to the constant's end (`2 + 08`, not `2 + 08 * 3`).
   */
  private number(text: string, end: number): bigint {
    const fail = (msg: string): never => {
      this.expression = this.expression.slice(0, end);
      return this.fail(msg);
    };
    let i = 0;
    let base = 10n;
    let based = false;
    if (text[0] === '0') {
      i = 1;
      if (text.length === 1) return 0n;
      if (text[1] === 'x' || text[1] === 'X') { base = 16n; i = 2; } else base = 8n;
      based = true;
    }
    let v = 0n;
    for (; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '#') {
        if (based) fail('invalid number');
        if (v < 2n || v > 64n) fail('invalid arithmetic base');
        base = v;
        v = 0n;
        based = true;
        if (!/[A-Za-z0-9@_]/.test(text[i + 1] ?? '')) fail('invalid integer constant');
        continue;
      }
      let d: number;
      if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
      else if (c >= 'a' && c <= 'z') d = c.charCodeAt(0) - 97 + 10;
      else if (c >= 'A' && c <= 'Z') d = c.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36);
      else d = c === '@' ? 62 : 63;
      if (BigInt(d) >= base) fail('value too great for base');
      v = wrap(v * base + BigInt(d));
    }
    return v;
  }
}

/** The binary operators on 64-bit values, as C computes them on the machine bash runs on. */
function binop(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    // INTMAX_MIN / -1 overflows in C; bash gives INTMAX_MIN and 0.
    case '/': return a === MIN && b === -1n ? MIN : a / b;
    case '%': return a === MIN && b === -1n ? 0n : a % b;
    // x86-64 shifts use the count's low six bits (`1 << 64` is 1, `1 << -1` the sign bit).
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    default: return 0n;
  }
}

/** Exponentiation by squaring with wrap-around (b > 0). */
function ipow(a: bigint, b: bigint): bigint {
  let result = 1n;
  let base = a;
  let e = b;
  while (e > 0n) {
    if (e & 1n) result = wrap(result * base);
    e >>= 1n;
    base = wrap(base * base);
  }
  return result;
}
