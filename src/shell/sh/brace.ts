import type { Part, Word } from './ast.js';

/**
 * bash's brace expansion (bash 5.2 braces.c, the "Brace Expansion" section of the manual), done
 * on a parsed word before any other expansion: `a{b,c}d`, `{1..10..3}`, `{01..10}`, `{a..e}`.
 * Only unquoted literal characters take part; a quoted piece, `$x`, `$(…)` or `${…}` is one
 * opaque item, so `{$x,2}` expands to `$x` and `2` and `"{a,b}"` stays as it is. busybox ash and
 * dash have no brace expansion: the caller only comes here for bash.
 */

/** One unquoted literal character, or an opaque piece of the word. */
type Tok = string | Part;

/** A word expanding to more than this many words is left as it is (bash has only memory as its limit). */
export const BRACE_LIMIT = 100_000;

export interface BraceResult {
  readonly words: Word[];
  /** Set when a sequence or product would have been larger than BRACE_LIMIT. */
  readonly tooMany?: number;
}

export function braceExpand(w: Word): BraceResult {
  const toks: Tok[] = [];
  for (const p of w.parts) {
    if (p.t === 'lit' && p.q === 0) toks.push(...p.v);
    else toks.push(p);
  }
  if (!toks.some((t) => t === '{')) return { words: [w] };
  const over = { n: 0 };
  const out = expand(toks, over);
  if (over.n > 0) return { words: [w], tooMany: over.n };
  if (out.length === 1 && out[0]?.length === toks.length && out[0].every((t, i) => t === toks[i])) return { words: [w] };
  return { words: out.map((t) => toWord(t, w.src)) };
}

/** Index of the first `{` that opens (satisfy `{`) or of the `}` that closes (satisfy `}`) from `from`; -1 if none. */
function gobble(t: readonly Tok[], from: number, satisfy: '{' | '}'): number {
  let level = 0;
  // A closing brace only counts once a comma or `..` was seen at the top level (braces.c's `commas`).
  let commas = satisfy === '{' ? 1 : 0;
  for (let i = from; i < t.length; i++) {
    const c = t[i];
    if (typeof c !== 'string') continue;
    if (c === satisfy && level === 0 && commas > 0) {
      // An opening brace at the start of the text followed by `}` (`{}` as find -exec writes it) is not one.
      if (c === '{' && i === 0 && t[1] === '}') continue;
      return i;
    }
    if (c === '{') level++;
    else if (c === '}' && level > 0) level--;
    else if (satisfy === '}' && level === 0 && c === ',') commas++;
    else if (satisfy === '}' && level === 0 && c === '.' && t[i + 1] === '.' && t[i + 2] !== '}') commas++;
  }
  return -1;
}

function expand(t: readonly Tok[], over: { n: number }): Tok[][] {
  let from = 0;
  let open = -1;
  let close = -1;
  // No matching close brace: look for the next opening brace after the failed one.
  while (from < t.length) {
    open = gobble(t, from, '{');
    if (open < 0) return [t.slice()];
    close = gobble(t, open + 1, '}');
    if (close >= 0) break;
    from = open + 1;
  }
  if (open < 0 || close < 0) return [t.slice()];
  const pre = t.slice(0, open);
  const amble = t.slice(open + 1, close);
  const post = t.slice(close + 1);
  let tack: Tok[][];
  // bash looks for any unquoted comma here, nested or not, before trying a sequence.
  if (!amble.includes(',')) {
    const seq = sequence(amble, over);
    if (seq) tack = seq;
    else if (post.length > 0) tack = [t.slice(open, close + 1)];
    else return [t.slice()];
  } else {
    tack = [];
    for (const piece of split(amble)) tack.push(...expand(piece, over));
  }
  let result = tack.map((x) => [...pre, ...x]);
  if (post.length > 0) {
    const rest = expand(post, over);
    if (result.length * rest.length > BRACE_LIMIT) { over.n = result.length * rest.length; return [t.slice()]; }
    result = result.flatMap((r) => rest.map((p) => [...r, ...p]));
  }
  if (result.length > BRACE_LIMIT) { over.n = result.length; return [t.slice()]; }
  return result;
}

/** Positions of the commas outside nested braces. */
function topCommas(t: readonly Tok[]): number[] {
  const at: number[] = [];
  let level = 0;
  t.forEach((c, i) => {
    if (c === '{') level++;
    else if (c === '}' && level > 0) level--;
    else if (c === ',' && level === 0) at.push(i);
  });
  return at;
}

function split(t: readonly Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let start = 0;
  for (const i of topCommas(t)) { out.push(t.slice(start, i)); start = i + 1; }
  out.push(t.slice(start));
  return out;
}

const INT = /^[+-]?\d+$/;

/** `{x..y[..incr]}` of integers or of single letters (braces.c expand_seqterm and mkseq); null when it is not one. */
function sequence(amble: readonly Tok[], over: { n: number }): Tok[][] | null {
  if (amble.some((c) => typeof c !== 'string')) return null;
  const text = amble.join('');
  const dots = text.indexOf('..');
  if (dots < 0) return null;
  const lhs = text.slice(0, dots);
  let rhs = text.slice(dots + 2);
  let incr = 1;
  const step = /^([+-]?\d+|[A-Za-z])\.\.(.*)$/.exec(rhs);
  if (step) {
    if (!INT.test(step[2] as string)) return null;
    incr = Number(step[2]);
    rhs = step[1] as string;
  }
  let kind: 'int' | 'char';
  if (INT.test(lhs) && INT.test(rhs)) kind = 'int';
  else if (/^[A-Za-z]$/.test(lhs) && /^[A-Za-z]$/.test(rhs)) kind = 'char';
  else return null;
  const start = kind === 'int' ? Number(lhs) : lhs.charCodeAt(0);
  const end = kind === 'int' ? Number(rhs) : rhs.charCodeAt(0);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || !Number.isSafeInteger(incr)) return null;
  let by = Math.abs(incr) || 1;
  if (start > end) by = -by;
  const count = Math.floor(Math.abs(end - start) / Math.abs(by)) + 1;
  if (count > BRACE_LIMIT) { over.n = count; return null; }
  // Zero-padding when either end is written with a leading zero (`01`, `-05`): as wide as the wider end.
  const padded = (s: string) => /^-?0\d/.test(s);
  const width = kind === 'int' && (padded(lhs) || padded(rhs)) ? Math.max(lhs.replace(/^\+/, '').length, rhs.replace(/^\+/, '').length) : 0;
  const out: Tok[][] = [];
  for (let k = 0, n = start; k < count; k++, n += by) {
    if (kind === 'char') {
      // Between `Z` and `a` lie `[ \ ] ^ _ \``; bash's quote removal leaves an empty word for the backslash.
      // Letters and `_` stay text (a name before them goes on through them: `$x{a..c}` is `$xa …`);
      // the punctuation between them is quoted, so none of it globs.
      const ch = String.fromCharCode(n);
      out.push(/\w/.test(ch) ? [ch] : ch === '\\' ? [{ t: 'lit', v: '', q: 1 }] : [{ t: 'lit', v: ch, q: 1 }]);
    } else out.push([...pad(n, width)]);
  }
  return out;
}

/** printf's `%0*d`: the sign counts in the width. */
function pad(n: number, width: number): string {
  if (width === 0) return String(n);
  return n < 0 ? `-${String(-n).padStart(width - 1, '0')}` : String(n).padStart(width, '0');
}

/** Back to a word; a leading unquoted `~name` (from `{~,~root}`) becomes a tilde part, as bash's tilde expansion comes next. */
function toWord(t: readonly Tok[], src: string): Word {
  const parts: Part[] = [];
  let start = 0;
  if (t[0] === '~') {
    let j = 1;
    while (j < t.length && typeof t[j] === 'string' && /[\w.-]/.test(t[j] as string)) j++;
    if (j === t.length || t[j] === '/') {
      parts.push({ t: 'tilde', user: t.slice(1, j).join('') });
      start = j;
    }
  }
  for (let i = start; i < t.length; i++) {
    const c = t[i] as Tok;
    const last = parts[parts.length - 1];
    if (typeof c === 'string') {
      // braces.c works on the word's text, so a name that a `{` ended goes on: `$x{a,b}` is `$xa $xb`.
      if (last && last.t === 'param' && last.bare && !last.q && /\w/.test(c)) parts[parts.length - 1] = { ...last, name: last.name + c };
      else if (last && last.t === 'lit' && last.q === 0) parts[parts.length - 1] = { t: 'lit', v: last.v + c, q: 0 };
      else parts.push({ t: 'lit', v: c, q: 0 });
    } else parts.push(c);
  }
  return { parts, src };
}
