/**
 * Shell arithmetic `$(( ))` (XCU 2.6.4): integers, + - * / % ** , comparisons, && || !, ~ & | ^
 * << >>, parentheses, unary +/-, and variable names (their value, 0 when unset or not a number).
 * Returns an error text instead of throwing (`division by 0`, `syntax error`).
 */
/** `expr`: the expression bash names in the message (a variable's value when the error is inside it). */
export type ArithResult = { ok: true; value: number } | { ok: false; error: string; expr: string };

const BINARY: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

export function evalArith(expr: string, lookup: (name: string) => string | undefined, _assign?: (name: string, value: string) => void): ArithResult {
  const toks = tokenize(expr);
  if (!toks) return { ok: false, expr, error: `syntax error: invalid arithmetic operator (error token is "${expr.trim()}")` };
  let i = 0;
  const peek = () => toks[i];
  const value = (name: string): number => {
    const v = lookup(name);
    const n = v === undefined || v.trim() === '' ? 0 : Number(v.trim());
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  };
  const fail = (msg: string): never => { throw new Error(msg); };
  const unary = (): number => {
    const t = peek();
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      i++;
      const v = unary();
      return t === '-' ? -v : t === '+' ? v : t === '!' ? Number(v === 0) : ~v;
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    if (peek() === '**') { i++; return Math.trunc(base ** unary()); }
    return base;
  };
  const primary = (): number => {
    const t = peek();
    if (t === undefined) return fail('syntax error: operand expected');
    i++;
    if (t === '(') {
      const v = binary(0);
      if (peek() !== ')') fail('syntax error: missing `)\'');
      i++;
      return v;
    }
    if (/^\d/.test(t)) {
      const n = /^0x/i.test(t) ? parseInt(t, 16) : /^0\d/.test(t) ? parseInt(t, 8) : Number(t);
      if (!Number.isFinite(n)) fail(`${t}: value too great for base`);
      return n;
    }
    if (/^[A-Za-z_]\w*$/.test(t)) return value(t);
    return fail(`syntax error: operand expected (error token is "${toks.slice(i - 1).join(' ')}")`);
  };
  const binary = (level: number): number => {
    if (level >= BINARY.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const op = peek();
      if (op === undefined || !BINARY[level]?.includes(op)) return left;
      i++;
      const right = binary(level + 1);
      left = apply(op, left, right);
    }
  };
  try {
    if (toks.length === 0) return { ok: true, value: 0 };
    const v = binary(0);
    if (i < toks.length) return { ok: false, expr, error: `syntax error in expression (error token is "${toks.slice(i).join(' ')}")` };
    return { ok: true, value: v };
  } catch (e) {
    return { ok: false, expr, error: e instanceof Error ? e.message : String(e) };
  }
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return (a + b) | 0;
    case '-': return (a - b) | 0;
    case '*': return Math.imul(a, b);
    case '/': if (b === 0) throw new Error('division by 0 (error token is "0")'); return Math.trunc(a / b);
    case '%': if (b === 0) throw new Error('division by 0 (error token is "0")'); return a % b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '<': return Number(a < b);
    case '>': return Number(a > b);
    case '<=': return Number(a <= b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '&': return a & b;
    case '^': return a ^ b;
    case '|': return a | b;
    case '&&': return Number(a !== 0 && b !== 0);
    case '||': return Number(a !== 0 || b !== 0);
    default: return 0;
  }
}

function tokenize(expr: string): string[] | null {
  const out: string[] = [];
  const re = /\s*(0x[0-9a-fA-F]+|\d+|[A-Za-z_]\w*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&|^])/y;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(expr);
    if (!m) return null;
    out.push(m[1] as string);
    i = re.lastIndex;
  }
  return out;
}
