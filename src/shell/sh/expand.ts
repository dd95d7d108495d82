import type { List, ParamOp, Part, Word } from './ast.js';
import { evalDashArith } from './arith-dash.js';
import { evalArith } from './arith.js';
import { braceExpand } from './brace.js';
import type { Fs } from './fs.js';
import { expandPath, hasGlob, patternToRegExp } from './glob.js';
import type { Dialect } from './system.js';

/** What expansion needs of the running shell. */
export interface ExpandEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional(): readonly string[];
  /** Runs `$(…)`; returns what it wrote to standard output. */
  commandSub(body: List): string;
  /** `~` / `~user`; null when unknown. */
  home(user: string): string | null;
  readonly fs: Fs;
  readonly cwd: string;
  /** bash's brace expansion (`{a,b}`, `{1..3}`); busybox ash and dash have none. */
  readonly braces?: boolean;
  /** `set -u`: expanding an unset parameter is an error. */
  readonly nounset?: boolean;
  /**
   * Which `${…}` extensions the shell has: bash all; busybox ash `${x:off:len}` and
   * `${x/pat/rep}` (shell/ash.c BASH_SUBSTR, BASH_PATTERN_SUBST) but no case changes; dash none.
   */
  readonly dialect?: Dialect;
  /** The names of the shell's variables (`${!prefix*}`). */
  varNames?(): string[];
  /** A message for standard error that does not stop the command (bash's internal_error). */
  warn?(subject: string, message: string): void;
}

/** An expansion error the shell reports and that aborts the command (`${x:?}`, bad arithmetic). */
export class ExpandError extends Error {
  /** `endsInput`: an interactive bash drops the rest of its input, not only the line. */
  constructor(readonly kind: 'param' | 'arith' | 'bad', readonly subject: string, readonly detail: string, readonly endsInput = false) {
    super(`${subject}: ${detail}`);
  }
}

/**
 * A variable's value for bash's arithmetic: under `set -u` an unset name is an expansion error
 * (`bash: nope: unbound variable`, the line dropped), as bash's expr.c does. dash's arithmetic
 * reads an unset name as 0 whatever -u says; busybox ash's is left as it was (not captured).
 */
export function arithLookup(env: Pick<ExpandEnv, 'getVar' | 'nounset' | 'dialect'>): (name: string) => string | undefined {
  const strict = env.nounset === true && (env.dialect ?? 'bash') === 'bash';
  return (name) => {
    const v = env.getVar(name);
    // expr.c jumps further than subst.c: `bash -i -c` runs none of the lines after it.
    if (v === undefined && strict) throw new ExpandError('param', name, 'unbound variable', true);
    return v;
  };
}

interface Seg {
  readonly text: string;
  /** From quotes: never split, never a pattern. */
  readonly quoted: boolean;
}

/** A field being built, and whether any of it was quoted (an empty quoted field survives). */
interface Field {
  segs: Seg[];
  quoted: boolean;
}

/**
 * Full word expansion (XCU 2.6): tilde, parameters, command substitution, arithmetic, field
 * splitting on IFS, pathname expansion, quote removal. `"$@"` gives one field per parameter.
 */
export function expandWords(words: readonly Word[], env: ExpandEnv): string[] {
  const out: string[] = [];
  const all = env.braces ? words.flatMap((w) => {
    const r = braceExpand(w);
    if (r.tooMany !== undefined) env.warn?.('brace expansion', `failed to allocate memory for ${r.tooMany} elements`);
    return r.words;
  }) : words;
  for (const word of all) {
    const w = (env.dialect ?? 'bash') === 'bash' ? assignmentTildes(word, true) : word;
    for (const f of fields(w, env)) {
      const text = f.segs.map((s) => s.text).join('');
      const literal = f.segs.flatMap((s) => [...s.text].map(() => s.quoted));
      if (hasGlob(text, literal)) {
        const matches = expandPath(text, literal, env.fs, env.cwd);
        if (matches) { out.push(...matches); continue; }
      }
      if (text !== '' || f.quoted) out.push(text);
    }
  }
  return out;
}

/** Expansion without splitting or globbing: assignments, redirection targets, here-strings, case words. */
export function expandString(word: Word, env: ExpandEnv): string {
  return word.parts.map((p) => partText(p, env, true)).join('');
}

/** A `case` pattern / `${x#pat}` pattern: quoted characters match literally. */
export function expandPattern(word: Word, env: ExpandEnv): RegExp {
  const { text, literal } = patternText(word, env);
  return patternToRegExp(text, literal);
}

function patternText(word: Word, env: ExpandEnv): { text: string; literal: boolean[] } {
  let text = '';
  const literal: boolean[] = [];
  for (const p of word.parts) {
    const t = partText(p, env, true);
    const lit = p.t === 'lit' ? p.q !== 0 : p.t === 'param' || p.t === 'cmdsub' ? p.q : false;
    text += t;
    for (let i = 0; i < t.length; i++) literal.push(lit);
  }
  return { text, literal };
}

function fields(w: Word, env: ExpandEnv): Field[] {
  const ifs = env.getVar('IFS') ?? ' \t\n';
  const out: Field[] = [];
  let cur: Field = { segs: [], quoted: false };
  let started = false;
  const push = (text: string, quoted: boolean) => {
    cur.segs.push({ text, quoted });
    if (quoted) cur.quoted = true;
    started = true;
  };
  // `"$@"` with no parameters is no word at all, though the parser keeps the empty quotes it came in.
  const noArgs = w.parts.some((p) => p.t === 'param' && p.name === '@' && p.q && LIST_OPS.has(p.op) && paramList(p, env).length === 0);
  const parts = noArgs ? w.parts.filter((p) => !(p.t === 'lit' && p.v === '' && p.q === 2)) : w.parts;
  for (const p of parts) {
    if (p.t === 'lit') { push(p.v, p.q !== 0); continue; }
    if (p.t === 'tilde') { push(tilde(p.user, env), true); continue; }
    const listed = p.t === 'param' && (((p.name === '@' || p.name === '*') && LIST_OPS.has(p.op)) || p.op === '!@' || p.op === '!*');
    if (p.t === 'param' && listed) {
      const args = p.op === '!@' || p.op === '!*' ? prefixNames(p.name, env) : paramList(p, env);
      if (p.q && (p.op === '!@' || (p.name === '@' && p.op !== '!*'))) {
        // "$@": one field per parameter.
        args.forEach((a, i) => {
          if (i > 0) { out.push(cur); cur = { segs: [], quoted: false }; }
          push(a, true);
        });
        if (args.length === 0) started = true;
        continue;
      }
      if (!p.q) {
        // Unquoted $@ / $*: each parameter is split on its own, never joined to the next.
        args.forEach((a, i) => {
          if (i > 0) {
            if (started) out.push(cur);
            cur = { segs: [], quoted: false };
            started = false;
          }
          split(a);
        });
        continue;
      }
    }
    const quoted = p.q;
    const value = partText(p, env, quoted);
    if (quoted) { push(value, true); continue; }
    split(value);
  }
  if (started || cur.segs.length) out.push(cur);
  return out;

  function split(value: string): void {
    // Unquoted expansion: split on IFS (whitespace IFS characters collapse and trim).
    const pieces = splitIfs(value, ifs);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (started) out.push(cur);
        cur = { segs: [], quoted: false };
        started = false;
      }
      if (piece !== '') push(piece, false);
      else if (i > 0 && i < pieces.length - 1) started = true;
    });
  }
}

/** Splits on IFS; a leading or trailing separator gives an empty first/last piece (joined, not a field). */
function splitIfs(value: string, ifs: string): string[] {
  if (ifs === '' || value === '') return [value];
  const ws = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').map(esc).join('');
  const other = [...ifs].filter((c) => c !== ' ' && c !== '\t' && c !== '\n').map(esc).join('');
  const re = new RegExp(other ? `[${ws}]*[${other}][${ws}]*|[${ws}]+` : `[${ws}]+`);
  return value.split(re);
}

function esc(c: string): string {
  return c.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * Tilde expansion in an assignment's value: at its start and after each unquoted `:` (XCU 2.6.1),
 * `PATH=~/bin:~root/bin`. `inWord`: a command word that looks like an assignment (`a=~/x`), which
 * bash (not in POSIX mode) expands the same way from the `=` on; `--opt=~/x` is not one.
 */
export function assignmentTildes(w: Word, inWord: boolean): Word {
  const first = w.parts[0];
  if (inWord && !(first && first.t === 'lit' && first.q === 0 && /^[A-Za-z_]\w*=/.test(first.v))) return w;
  if (!w.parts.some((p) => p.t === 'lit' && p.q === 0 && p.v.includes('~'))) return w;
  const parts: Part[] = [];
  let armed = !inWord;
  let seenEq = !inWord;
  w.parts.forEach((p, idx) => {
    if (p.t !== 'lit' || p.q !== 0) { parts.push(p); armed = false; return; }
    let buf = '';
    let i = 0;
    while (i < p.v.length) {
      if (armed && p.v[i] === '~') {
        const m = /^~(\+|-|[\w.-]*)(?=[/:]|$)/.exec(p.v.slice(i));
        if (m && (i + m[0].length < p.v.length || idx === w.parts.length - 1)) {
          if (buf) parts.push({ t: 'lit', v: buf, q: 0 });
          buf = '';
          parts.push({ t: 'tilde', user: m[1] as string });
          i += m[0].length;
          armed = false;
          continue;
        }
      }
      const c = p.v[i] as string;
      buf += c;
      i++;
      armed = (c === ':' && seenEq) || (c === '=' && !seenEq);
      if (c === '=') seenEq = true;
    }
    if (buf) parts.push({ t: 'lit', v: buf, q: 0 });
  });
  return { parts, src: w.src };
}

/** `~`, `~user`, and bash's `~+` ($PWD) and `~-` ($OLDPWD, left as typed when unset); unknown users stay as typed. */
function tilde(user: string, env: ExpandEnv): string {
  if ((user === '+' || user === '-') && (env.dialect ?? 'bash') === 'bash') return env.getVar(user === '+' ? 'PWD' : 'OLDPWD') ?? `~${user}`;
  return env.home(user) ?? `~${user}`;
}

function partText(p: Part, env: ExpandEnv, _quoted: boolean): string {
  switch (p.t) {
    case 'lit': return p.v;
    case 'tilde': return tilde(p.user, env);
    case 'cmdsub': return env.commandSub(p.body).replace(/\n+$/, '');
    case 'arith': {
      const text = expandString(p.expr, env);
      if (env.dialect === 'dash') {
        const d = evalDashArith(text, (n) => env.getVar(n), (n, v) => env.setVar(n, v));
        if (d.ok) return String(d.value);
        throw d.kind === 'number' ? new ExpandError('param', 'Illegal number', d.text) : new ExpandError('arith', d.expr, d.message);
      }
      const r = evalArith(text, arithLookup(env), (n, v) => env.setVar(n, v));
      if (!r.ok) throw new ExpandError('arith', r.expr, r.error);
      return String(r.value);
    }
    case 'param': return param(p, env);
  }
}

type ParamPart = Extract<Part, { t: 'param' }>;

/** Operators that apply to each positional parameter of `$@` / `$*` in turn (or pick some of them). */
const LIST_OPS = new Set<ParamOp | null>([null, ':', '/', '//', '/#', '/%', '^', '^^', ',', ',,', '~', '~~', '#', '##', '%', '%%']);
const NEW_OPS = new Set<ParamOp | null>([':', '/', '//', '/#', '/%', '^', '^^', ',', ',,', '~', '~~']);
/** Operators that look at whether the parameter is set, so `set -u` lets them through. */
const SET_TESTS = new Set<ParamOp | null>([':-', '-', ':+', '+', ':=', '=', ':?', '?']);

/** The positional parameters `$@` / `$*` stand for, after `${@:off:len}` or a per-parameter operator. */
function paramList(p: ParamPart, env: ExpandEnv): string[] {
  gate(p, env);
  const args = [...env.positional()];
  if (p.op === null) return args;
  if (p.op === ':') {
    // bash counts `$0` as parameter 0 here; a negative offset counts back from `$#`+1.
    const all = [env.getVar('0') ?? '', ...args];
    let off = arith(p.arg, env);
    if (off < 0) off += all.length;
    if (off < 0 || off > all.length) return [];
    if (!p.arg2) return all.slice(off);
    const len = arith(p.arg2, env);
    if (len < 0) throw new ExpandError('param', (p.arg2 ? expandString(p.arg2, env) : '').trim(), 'substring expression < 0');
    return all.slice(off, off + len);
  }
  return args.map((a) => operate(p, a, env));
}

function gate(p: ParamPart, env: ExpandEnv): void {
  const d = env.dialect ?? 'bash';
  if (!NEW_OPS.has(p.op) || d === 'bash') return;
  if (d === 'ash' && (p.op === ':' || (p.op as string).startsWith('/'))) return;
  throw new ExpandError('bad', p.name, 'bad substitution');
}

/** `${!prefix*}`: the variables whose names start with the prefix, sorted. */
function prefixNames(prefix: string, env: ExpandEnv): string[] {
  return (env.varNames?.() ?? []).filter((n) => n.startsWith(prefix) && env.getVar(n) !== undefined).sort();
}

function param(p: ParamPart, env: ExpandEnv): string {
  if (p.op === 'bad') throw new ExpandError('bad', p.arg?.src ?? '', 'bad substitution');
  if (p.op === '!*' || p.op === '!@') return prefixNames(p.name, env).join(' ');
  if (p.op === '!') {
    // `${!name}`: the value of the variable whose name is name's value (bash subst.c parameter_brace_expand_indir).
    const target = p.name === '@' || p.name === '*' ? env.positional().join(' ') : env.getVar(p.name);
    if (target === undefined) throw new ExpandError('param', p.name, 'invalid indirect expansion');
    if (!/^([A-Za-z_]\w*|\d+|[@*#?$!0-])$/.test(target)) throw new ExpandError('param', target, 'invalid variable name');
    return param({ t: 'param', name: target, op: null, arg: null, q: p.q }, env);
  }
  gate(p, env);
  if (p.name === '@' || p.name === '*') {
    if (p.op === '#len') return String(env.positional().length);
    if (LIST_OPS.has(p.op)) {
      // "$*" joins with the first character of IFS (none when IFS is empty, a space when unset).
      const ifs = env.getVar('IFS');
      return paramList(p, env).join(p.name === '*' ? (ifs === undefined ? ' ' : ifs.slice(0, 1)) : ' ');
    }
  }
  const raw = p.name === '@' || p.name === '*' ? env.positional().join(' ') : env.getVar(p.name);
  const set = raw !== undefined;
  if (!set && env.nounset && !SET_TESTS.has(p.op) && p.name !== '@' && p.name !== '*') {
    // bash: `nope: unbound variable`, `$1: unbound variable`; busybox ash and dash: `nope: parameter not set`.
    if ((env.dialect ?? 'bash') !== 'bash') throw new ExpandError('param', p.name, 'parameter not set');
    throw new ExpandError('param', /^\d+$/.test(p.name) ? `$${p.name}` : p.name, 'unbound variable');
  }
  const value = raw ?? '';
  const arg = () => (p.arg ? expandString(p.arg, env) : '');
  switch (p.op) {
    case null: return value;
    case '#len': return String([...value].length);
    case ':-': return value !== '' ? value : arg();
    case '-': return set ? value : arg();
    case ':+': return value !== '' ? arg() : '';
    case '+': return set ? arg() : '';
    case ':=': case '=': {
      if ((p.op === ':=' && value === '') || (p.op === '=' && !set)) {
        const v = arg();
        env.setVar(p.name, v);
        return v;
      }
      return value;
    }
    case ':?': case '?': {
      if ((p.op === ':?' && value === '') || (p.op === '?' && !set)) {
        const m = arg();
        throw new ExpandError('param', p.name, m || 'parameter null or not set');
      }
      return value;
    }
    case ':': return substring(value, p, env);
    default: return operate(p, value, env);
  }
}

/** An arithmetic operand of `${x:off:len}`; empty is 0. */
function arith(w: Word | null | undefined, env: ExpandEnv): number {
  const text = w ? expandString(w, env) : '';
  if (text.trim() === '') return 0;
  const r = evalArith(text, arithLookup(env), (n, v) => env.setVar(n, v));
  if (!r.ok) throw new ExpandError('arith', text.trim(), r.error);
  return Number(r.value);
}

/** `${x:off}` / `${x:off:len}` (bash subst.c verify_substring_values): negative values count from the end. */
function substring(value: string, p: ParamPart, env: ExpandEnv): string {
  const chars = [...value];
  let off = arith(p.arg, env);
  if (off < 0) off += chars.length;
  if (off < 0 || off > chars.length) return '';
  if (!p.arg2) return chars.slice(off).join('');
  let end = arith(p.arg2, env);
  if (end < 0) {
    end += chars.length;
    if (end < off) throw new ExpandError('param', expandString(p.arg2, env).trim(), 'substring expression < 0');
  } else end = Math.min(chars.length, off + end);
  return chars.slice(off, end).join('');
}

/** The operators that work on one value: `#` `%` removal, `/` replacement, case changes. */
function operate(p: ParamPart, value: string, env: ExpandEnv): string {
  switch (p.op) {
    case '#': case '##': case '%': case '%%': {
      const re = p.arg ? expandPattern(p.arg, env) : /^$/;
      const chars = [...value];
      const fromStart = p.op === '#' || p.op === '##';
      const longest = p.op === '##' || p.op === '%%';
      const cuts = [...Array(chars.length + 1).keys()];
      const order = longest ? cuts.reverse() : cuts;
      for (const n of order) {
        const piece = fromStart ? chars.slice(0, n).join('') : chars.slice(chars.length - n).join('');
        if (re.test(piece)) return fromStart ? chars.slice(n).join('') : chars.slice(0, chars.length - n).join('');
      }
      return value;
    }
    case '/': case '//': case '/#': case '/%': return replace(value, p, env);
    case '^': case '^^': case ',': case ',,': case '~': case '~~': {
      const re = p.arg && p.arg.parts.length > 0 ? expandPattern(p.arg, env) : null;
      const chars = [...value];
      for (let i = 0; i < chars.length && (i === 0 || p.op.length === 2); i++) {
        const c = chars[i] as string;
        if (re && !re.test(c)) continue;
        const up = c.toUpperCase();
        const low = c.toLowerCase();
        chars[i] = p.op[0] === '^' ? up : p.op[0] === ',' ? low : c === up ? low : up;
      }
      return chars.join('');
    }
    default: return value;
  }
}

/**
 * `${x/pat/rep}`: the longest match of the first place the pattern matches (`//` every place,
 * `/#` at the start, `/%` at the end). bash 5.2's patsub_replacement: an unquoted `&` in the
 * replacement stands for the matched text.
 */
function replace(value: string, p: ParamPart, env: ExpandEnv): string {
  const { text, literal } = p.arg ? patternText(p.arg, env) : { text: '', literal: [] };
  if (text === '' && (p.op === '/' || p.op === '//')) return value;
  const src = patternToRegExp(text, literal, false).source;
  const pieces = p.arg2 ? p.arg2.parts.map((q) => ({ text: partText(q, env, true), amp: !(q.t === 'lit' ? q.q !== 0 : q.t === 'param' || q.t === 'cmdsub' || q.t === 'arith' ? q.q : false) })) : [];
  const rep = (m: string) => pieces.map((x) => (x.amp ? x.text.replace(/&/g, () => m) : x.text)).join('');
  if (p.op === '/#') {
    const m = new RegExp(`^(?:${src})`).exec(value);
    return m ? rep(m[0]) + value.slice(m[0].length) : value;
  }
  if (p.op === '/%') {
    const m = new RegExp(`(?:${src})$`).exec(value);
    return m ? value.slice(0, m.index) + rep(m[0]) : value;
  }
  const re = new RegExp(src, 'g');
  let out = '';
  let pos = 0;
  do {
    re.lastIndex = pos;
    const m = re.exec(value);
    if (!m) break;
    out += value.slice(pos, m.index) + rep(m[0]);
    if (m[0] === '') {
      out += value.slice(m.index, m.index + 1);
      pos = m.index + 1;
    } else pos = m.index + m[0].length;
  } while (p.op === '//' && pos < value.length);
  return out + value.slice(pos);
}
