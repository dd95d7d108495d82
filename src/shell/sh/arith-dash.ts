/**
 * dash's arithmetic (0.5.12, src/arith_yacc.c and src/arith_yylex.c), which is not bash's: no `++`/`--`
 * (`++x` is +(+x)), no `**`, no `,`, no `base#n`, an empty expression is an error, numbers are read
 * by strtoimax (base 0, saturating at the int64 limits), a variable's value must be a whole number
 * (`Illegal number: …`), and every error names the whole expression:
 * `arithmetic expression: expecting primary: "x++"`. Captured row by row from dash 0.5.12
 * (sh/arith-dash.test.ts). Lab limit: INT64_MIN / -1 wraps where dash dies of SIGFPE.
 */
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);
const wrap = (v: bigint) => BigInt.asIntN(64, v);

export type DashArithResult =
  | { ok: true; value: bigint }
  | { ok: false; kind: 'expr'; message: string; expr: string }
  | { ok: false; kind: 'number'; text: string };

type Tok =
  | { t: 'num'; v: bigint }
  | { t: 'var'; name: string }
  | { t: 'op'; op: string }
  | { t: 'end' }
  | { t: 'bad' };

class Fail {
  constructor(readonly result: DashArithResult) {}
}

/** Binary operators by precedence (higher binds tighter), as arith_yacc.c's table. */
const PREC: Readonly<Record<string, number>> = {
  '*': 10, '/': 10, '%': 10, '+': 9, '-': 9, '<<': 8, '>>': 8, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '==': 6, '!=': 6, '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
};
const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
/** Longest first: what arith_yylex reads at one position. */
const OPS = ['<<=', '>>=', '<=', '>=', '<<', '>>', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '<', '>', '=', '!', '~', '*', '/', '%', '+', '-', '&', '^', '|', '?', ':', '(', ')'];

/** strtoimax(s + at, &end, 0): the value (saturated, `overflow` set: ERANGE) and where it stopped; null when no digits. */
function strtoimax(s: string, at: number): { v: bigint; end: number; overflow: boolean } | null {
  let i = at;
  while (i < s.length && /[ \t\n\v\f\r]/.test(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') { neg = s[i] === '-'; i++; }
  let base = 10;
  let digits = '';
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) { base = 16; i += 2; }
  else if (s[i] === '0') base = 8;
  const ok = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  while (i < s.length && ok.test(s[i]!)) digits += s[i++];
  if (digits === '') return null;
  let v = BigInt(base === 16 ? `0x${digits}` : base === 8 ? `0o${digits}` : digits);
  if (neg) v = -v;
  const overflow = v > MAX || v < MIN;
  return { v: v > MAX ? MAX : v < MIN ? MIN : v, end: i, overflow };
}

/** dash's atomax(value, 0) for a variable: surrounding blanks allowed, nothing else, no overflow. */
function varValue(text: string): bigint | null {
  if (text.trim() === '') return 0n;
  const r = strtoimax(text, 0);
  if (r === null || r.overflow || text.slice(r.end).trim() !== '') return null;
  return r.v;
}

export function evalDashArith(expr: string, lookup: (name: string) => string | undefined, assign: (name: string, value: string) => void): DashArithResult {
  let pos = 0;
  const fail = (message: string): never => { throw new Fail({ ok: false, kind: 'expr', message, expr }); };
  const lex = (): Tok => {
    while (pos < expr.length && ' \t\n'.includes(expr[pos]!)) pos++;
    if (pos >= expr.length) return { t: 'end' };
    const c = expr[pos]!;
    if (/[0-9]/.test(c)) {
      const r = strtoimax(expr, pos)!;
      pos = r.end;
      return { t: 'num', v: r.v };
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(pos))!;
      pos += m[0].length;
      return { t: 'var', name: m[0] };
    }
    for (const op of OPS) {
      if (expr.startsWith(op, pos)) { pos += op.length; return { t: 'op', op }; }
    }
    return { t: 'bad' };
  };
  const readVar = (name: string): bigint => {
    const text = lookup(name) ?? '';
    const v = varValue(text);
    if (v === null) throw new Fail({ ok: false, kind: 'number', text });
    return v;
  };
  let last: Tok = { t: 'end' };
  const isOp = (t: Tok, ...ops: string[]) => t.t === 'op' && ops.includes(t.op);
  const binop = (t: Tok): string | null => (t.t === 'op' && PREC[t.op] !== undefined ? t.op : null);

  const primary = (token: Tok, next: Tok, noeval: boolean): bigint => {
    if (isOp(token, '(')) {
      const v = assignment(next, noeval);
      if (!isOp(last, ')')) fail("expecting ')'");
      last = lex();
      return v;
    }
    if (token.t === 'num') { last = next; return token.v; }
    if (token.t === 'var') { last = next; return noeval ? 0n : readVar(token.name); }
    if (isOp(token, '+')) return primary(next, lex(), noeval);
    if (isOp(token, '-')) return wrap(-primary(next, lex(), noeval));
    if (isOp(token, '!')) return primary(next, lex(), noeval) === 0n ? 1n : 0n;
    if (isOp(token, '~')) return wrap(~primary(next, lex(), noeval));
    return fail('expecting primary');
  };

  const apply = (op: string, a: bigint, b: bigint): bigint => {
    switch (op) {
      case '*': return wrap(a * b);
      case '/': case '%':
        if (b === 0n) fail('division by zero');
        if (a === MIN && b === -1n) return op === '/' ? MIN : 0n;
        return op === '/' ? a / b : a % b;
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '<<': return wrap(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '<': return a < b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
      default: return 0n;
    }
  };

  /** Operators binding tighter than `minPrec`, left to right (`&&`/`||` do not evaluate what they skip). */
  const binary = (left: bigint, minPrec: number, noeval: boolean): bigint => {
    let a = left;
    for (;;) {
      const op = binop(last);
      if (op === null || PREC[op]! < minPrec) return a;
      const skip = noeval || (op === '&&' && a === 0n) || (op === '||' && a !== 0n);
      const token = lex();
      let b = primary(token, lex(), skip);
      for (;;) {
        const op2 = binop(last);
        if (op2 === null || PREC[op2]! <= PREC[op]!) break;
        b = binary(b, PREC[op2]!, skip);
      }
      if (op === '&&') a = noeval ? 0n : a !== 0n && b !== 0n ? 1n : 0n;
      else if (op === '||') a = noeval ? 0n : a !== 0n || b !== 0n ? 1n : 0n;
      else a = noeval ? b : apply(op, a, b);
    }
  };

  const cond = (token: Tok, noeval: boolean): bigint => {
    const a = binary(primary(token, lex(), noeval), 1, noeval);
    if (!isOp(last, '?')) return a;
    const b = assignment(lex(), noeval || a === 0n);
    if (!isOp(last, ':')) fail("expecting ':'");
    const c = cond(lex(), noeval || a !== 0n);
    return a !== 0n ? b : c;
  };

  const assignment = (token: Tok, noeval: boolean): bigint => {
    if (token.t !== 'var') return cond(token, noeval);
    const save = pos;
    const op = lex();
    if (op.t !== 'op' || !ASSIGN.has(op.op)) {
      pos = save;
      return cond(token, noeval);
    }
    const rhs = assignment(lex(), noeval);
    if (noeval) return rhs;
    const value = op.op === '=' ? rhs : apply(op.op.slice(0, -1), readVar(token.name), rhs);
    assign(token.name, String(value));
    return value;
  };

  try {
    const v = assignment(lex(), false);
    if (last.t !== 'end') fail('expecting EOF');
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof Fail) return e.result;
    throw e;
  }
}
