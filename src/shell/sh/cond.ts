import type { Part, Word } from './ast.js';
import { evalArith } from './arith.js';
import { Incomplete, SyntaxFail } from './errors.js';
import { arithLookup, ExpandError, expandPattern, expandString, type ExpandEnv } from './expand.js';
import { readWord, type WordReader } from './words.js';
import { testExpr } from './test-expr.js';
import { translate } from '../proc/coreutils/regex.js';

/**
 * bash's `[[ … ]]` (bash 5.2 manual, "Conditional Constructs"): its words are neither split nor
 * globbed; `==`/`!=` match the right side as a pattern (quoted parts literally), `=~` as an
 * extended regular expression (BASH_REMATCH gets the match), `<`/`>` compare strings, `-eq` and
 * friends compare arithmetic values, `!`, `&&`, `||` and parentheses combine. bash only: ash and
 * dash have no `[[`.
 */
export type CondExpr =
  | { readonly k: 'and' | 'or'; readonly l: CondExpr; readonly r: CondExpr }
  | { readonly k: 'not'; readonly e: CondExpr }
  | { readonly k: 'unary'; readonly op: string; readonly w: Word }
  | { readonly k: 'binary'; readonly op: string; readonly l: Word; readonly r: Word }
  | { readonly k: 'word'; readonly w: Word };

type CTok = { readonly op: string } | { readonly w: Word; readonly text: string | null };

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R']);
const BINARY = new Set(['=', '==', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const ENDS = new Set([undefined, ' ', '\t', '\n', ';', '&', '|', ')']);

/** Reads from just after `[[` to just after `]]`. */
export function readCond(src: string, start: number, r: WordReader): { expr: CondExpr; end: number } {
  const toks: CTok[] = [];
  let i = start;
  for (;;) {
    while (src[i] === ' ' || src[i] === '\t' || src[i] === '\n') i++;
    if (i >= src.length) throw new Incomplete('[[');
    if (src.startsWith(']]', i) && ENDS.has(src[i + 2])) { i += 2; break; }
    const op = ['&&', '||', '(', ')', '<', '>'].find((o) => src.startsWith(o, i));
    const prev = toks[toks.length - 1];
    if (prev && 'w' in prev && prev.text === '=~') {
      // The regular expression runs to a blank outside parentheses: `(`, `)` and `|` belong to it.
      const { word, end } = readRegex(src, i, r);
      toks.push({ w: word, text: null });
      i = end;
      continue;
    }
    if (op) { toks.push({ op }); i += op.length; continue; }
    const { word, end } = readWord(src, i, r);
    if (end === i) throw new SyntaxFail('token', src[i] ?? 'newline');
    toks.push({ w: word, text: word.parts.every((p) => p.t === 'lit' && p.q === 0) ? word.src : null });
    i = end;
  }
  let k = 0;
  const isOp = (o: string) => { const t = toks[k]; return t !== undefined && 'op' in t && t.op === o; };
  const text = (t: CTok | undefined) => (t && 'w' in t ? t.text : null);
  /** How bash's parser names a token in its `[[` messages (`]]` once the tokens run out). */
  const named = (t: CTok | undefined) => (t === undefined ? ']]' : 'op' in t ? t.op : t.w.src);
  // bash 5.2's parse.y (cond_expr, cond_term), checked with `bash -i -c` here: each error has its
  // own words, a term missing at `]]` (`[[ ]]`, `[[ ! ]]`, `[[ a && ]]`) says nothing, and an error
  // inside `( … )` is followed by the group's own "expected `)'".
  const fail = (...messages: string[]): never => { throw new CondFail(messages); };
  const operand = (kind: 'unary' | 'binary'): Word => {
    const t = toks[k];
    if (!t || !('w' in t)) return fail(`unexpected argument \`${named(t)}' to conditional ${kind} operator`);
    k++;
    return t.w;
  };
  const primary = (): CondExpr => {
    const t = toks[k];
    if (t === undefined) return fail();
    if ('op' in t && t.op === '(') {
      k++;
      let e: CondExpr;
      try {
        e = or();
      } catch (x) {
        if (x instanceof CondFail) fail(...x.messages, "expected `)'");
        throw x;
      }
      if (!isOp(')')) fail(`unexpected token \`${named(toks[k])}', expected \`)'`);
      k++;
      return e;
    }
    if ('op' in t) return fail(`unexpected token \`${t.op}' in conditional command`);
    const a = text(t);
    if (a === '!') { k++; return { k: 'not', e: primary() }; }
    const nextTok = toks[k + 1];
    const b = nextTok && 'op' in nextTok && (nextTok.op === '<' || nextTok.op === '>') ? nextTok.op : text(nextTok);
    if (b !== null && BINARY.has(b)) {
      k += 2;
      return { k: 'binary', op: b, l: t.w, r: operand('binary') };
    }
    if (a !== null && UNARY.has(a)) {
      k++;
      return { k: 'unary', op: a, w: operand('unary') };
    }
    k++;
    // A word followed by another word: bash wanted an operator between them.
    if (toks[k] && 'w' in toks[k]!) fail('conditional binary operator expected');
    return { k: 'word', w: t.w };
  };
  const and = (): CondExpr => {
    let e = primary();
    while (isOp('&&')) { k++; e = { k: 'and', l: e, r: primary() }; }
    return e;
  };
  const or = (): CondExpr => {
    let e = and();
    while (isOp('||')) { k++; e = { k: 'or', l: e, r: and() }; }
    return e;
  };
  try {
    const expr = or();
    const rest = toks[k];
    if (rest) fail(`syntax error in conditional expression${'op' in rest ? `: unexpected token \`${rest.op}'` : ''}`);
    return { expr, end: i };
  } catch (x) {
    if (x instanceof CondFail) throw new SyntaxFail('cond', x.messages.join('\n'));
    throw x;
  }
}

/** A `[[` parse error: bash's messages, innermost first (none: bash says nothing). */
class CondFail extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join('\n'));
  }
}

function readRegex(src: string, start: number, r: WordReader): { word: Word; end: number } {
  const parts: Part[] = [];
  let i = start;
  let depth = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if ((c === ' ' || c === '\t' || c === '\n') && depth === 0) break;
    if (depth === 0 && src.startsWith(']]', i) && ENDS.has(src[i + 2])) break;
    if ('()|<>;&'.includes(c)) {
      if (c === '(') depth++;
      else if (c === ')') { if (depth === 0) break; depth--; }
      parts.push({ t: 'lit', v: c, q: 0 });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t') { parts.push({ t: 'lit', v: c, q: 0 }); i++; continue; }
    const { word, end } = readWord(src, i, r);
    parts.push(...word.parts);
    i = end === i ? i + 1 : end;
  }
  return { word: { parts, src: src.slice(start, i) }, end: i };
}

/** What `[[` needs beyond expansion. */
export interface CondEnv extends ExpandEnv {
  setVar(name: string, value: string): void;
}

/** The status of `[[ … ]]`: 0 true, 1 false, 2 for a bad regular expression. Expansion errors throw. */
export function evalCond(e: CondExpr, env: CondEnv): number {
  const truth = (x: CondExpr): boolean | 2 => {
    switch (x.k) {
      case 'and': { const l = truth(x.l); if (l !== true) return l; return truth(x.r); }
      case 'or': { const l = truth(x.l); if (l === true || l === 2) return l; return truth(x.r); }
      case 'not': { const v = truth(x.e); return v === 2 ? 2 : !v; }
      case 'word': return expandString(x.w, env) !== '';
      case 'unary': {
        const v = expandString(x.w, env);
        if (x.op === '-v') return env.getVar(v) !== undefined;
        if (x.op === '-o') return false;
        const r = testExpr([x.op === '-a' ? '-e' : x.op, v], env.fs, env.cwd);
        return r === true;
      }
      case 'binary': {
        const l = expandString(x.l, env);
        switch (x.op) {
          case '=': case '==': return expandPattern(x.r, env).test(l);
          case '!=': return !expandPattern(x.r, env).test(l);
          case '=~': {
            const re = regex(x.r, env);
            if (re === null) return 2;
            const m = re.exec(l);
            if (m) env.setVar('BASH_REMATCH', m[0]);
            return m !== null;
          }
          case '<': return l < expandString(x.r, env);
          case '>': return l > expandString(x.r, env);
          case '-eq': case '-ne': case '-lt': case '-le': case '-gt': case '-ge': {
            const a = num(l, env);
            const b = num(expandString(x.r, env), env);
            return x.op === '-eq' ? a === b : x.op === '-ne' ? a !== b : x.op === '-lt' ? a < b : x.op === '-le' ? a <= b : x.op === '-gt' ? a > b : a >= b;
          }
          default: {
            const r = testExpr([l, x.op, expandString(x.r, env)], env.fs, env.cwd);
            return r === true;
          }
        }
      }
    }
  };
  const v = truth(e);
  return v === 2 ? 2 : v ? 0 : 1;
}

/** `-eq` and friends inside `[[`: both sides are arithmetic expressions. */
function num(text: string, env: ExpandEnv): bigint {
  if (text.trim() === '') return 0n;
  const r = evalArith(text, arithLookup(env), (n, v) => env.setVar(n, v));
  if (!r.ok) throw new ExpandError('arith', r.expr, r.error);
  return BigInt(r.value);
}

/**
 * The right side of `=~` as bash hands it to glibc's regcomp (REG_EXTENDED, as strict as regcomp and not GNU grep: a leading `+`, a bad `{` are errors): quoted
 * parts match literally (bash backslash-escapes the characters special to an ERE, and only those),
 * then the ERE is translated by the same code as `grep -E` (proc/coreutils/regex.ts): its character
 * classes, bracket rules and compile errors. A pattern regcomp refuses is status 2.
 * JavaScript matches leftmost-first where POSIX is leftmost-longest (`a|ab` on "ab": bash's
 * BASH_REMATCH is "ab", ours "a").
 */
function regex(w: Word, env: ExpandEnv): RegExp | null {
  let src = '';
  for (const p of w.parts) {
    const t = expandString({ parts: [p], src: '' }, env);
    const quoted = p.t === 'lit' ? p.q !== 0 : p.t === 'param' || p.t === 'cmdsub' || p.t === 'arith' ? p.q : false;
    src += quoted ? t.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&') : t;
  }
  const compiled = translate(src, 'extended', false, true);
  if (typeof compiled === 'string') return null;
  try {
    return new RegExp(compiled.source);
  } catch {
    return null;
  }
}
