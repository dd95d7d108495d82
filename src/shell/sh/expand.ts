import type { List, Part, Word } from './ast.js';
import { evalArith } from './arith.js';
import type { Fs } from './fs.js';
import { expandPath, hasGlob, patternToRegExp } from './glob.js';

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
}

/** An expansion error the shell reports and that aborts the command (`${x:?}`, bad arithmetic). */
export class ExpandError extends Error {
  constructor(readonly kind: 'param' | 'arith', readonly subject: string, readonly detail: string) {
    super(`${subject}: ${detail}`);
  }
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
  for (const w of words) {
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
  let text = '';
  const literal: boolean[] = [];
  for (const p of word.parts) {
    const t = partText(p, env, true);
    const lit = p.t === 'lit' ? p.q !== 0 : p.t === 'param' || p.t === 'cmdsub' ? p.q : false;
    text += t;
    for (let i = 0; i < t.length; i++) literal.push(lit);
  }
  return patternToRegExp(text, literal);
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
  for (const p of w.parts) {
    if (p.t === 'lit') { push(p.v, p.q !== 0); continue; }
    if (p.t === 'tilde') { push(env.home(p.user) ?? `~${p.user}`, true); continue; }
    if (p.t === 'param' && p.name === '@' && p.op === null && p.q) {
      const args = env.positional();
      args.forEach((a, i) => {
        if (i > 0) { out.push(cur); cur = { segs: [], quoted: false }; }
        push(a, true);
      });
      if (args.length === 0) started = true;
      continue;
    }
    const quoted = p.q;
    const value = partText(p, env, quoted);
    if (quoted) { push(value, true); continue; }
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
  if (started || cur.segs.length) out.push(cur);
  return out;
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

function partText(p: Part, env: ExpandEnv, _quoted: boolean): string {
  switch (p.t) {
    case 'lit': return p.v;
    case 'tilde': return env.home(p.user) ?? `~${p.user}`;
    case 'cmdsub': return env.commandSub(p.body).replace(/\n+$/, '');
    case 'arith': {
      const text = expandString(p.expr, env);
      const r = evalArith(text, (n) => env.getVar(n), (n, v) => env.setVar(n, v));
      if (!r.ok) throw new ExpandError('arith', text, r.error);
      return String(r.value);
    }
    case 'param': return param(p, env);
  }
}

function param(p: Extract<Part, { t: 'param' }>, env: ExpandEnv): string {
  const raw = p.name === '@' || p.name === '*' ? env.positional().join(' ') : env.getVar(p.name);
  const set = raw !== undefined;
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
  }
}
