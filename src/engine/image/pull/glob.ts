/**
 * Shell-style matching with the semantics of Go's `path/filepath.Match` on Linux, which the kubelet
 * keyring uses for each dot-separated host label: `*` any run of non-`/` characters, `?` one
 * non-`/` character, `[...]` a class (`^` negates, `a-z` ranges), `\` escapes. A malformed pattern
 * never matches (Go returns ErrBadPattern, which the keyring treats as no match).
 */

type Piece =
  | { readonly kind: 'star' }
  | { readonly kind: 'any' }
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'class'; readonly negate: boolean; readonly ranges: readonly (readonly [string, string])[] };

function compile(pattern: string): Piece[] | null {
  const chars = [...pattern];
  const out: Piece[] = [];
  let i = 0;
  const take = (): string | null => {
    const c = chars[i];
    if (c === undefined) return null;
    i++;
    if (c !== '\\') return c;
    const escaped = chars[i];
    if (escaped === undefined) return null;
    i++;
    return escaped;
  };
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (c === '*') { i++; out.push({ kind: 'star' }); continue; }
    if (c === '?') { i++; out.push({ kind: 'any' }); continue; }
    if (c === '[') {
      i++;
      let negate = false;
      if (chars[i] === '^') { negate = true; i++; }
      const ranges: [string, string][] = [];
      let first = true;
      for (;;) {
        if (chars[i] === ']' && !first) { i++; break; }
        // Go's getEsc: a class member may not be missing, nor an unescaped `-` or `]` (`[]a]`).
        if (chars[i] === undefined || chars[i] === '-' || chars[i] === ']') return null;
        first = false;
        const lo = take();
        if (lo === null) return null;
        let hi = lo;
        if (chars[i] === '-') {
          i++;
          // …nor can a range's end (`[a--]`, `[a-]`).
          if (chars[i] === undefined || chars[i] === ']' || chars[i] === '-') return null;
          const h = take();
          if (h === null) return null;
          hi = h;
        }
        ranges.push([lo, hi]);
      }
      out.push({ kind: 'class', negate, ranges });
      continue;
    }
    const ch = take();
    if (ch === null) return null;
    out.push({ kind: 'char', ch });
  }
  return out;
}

function matchFrom(pieces: readonly Piece[], p: number, text: readonly string[], t: number): boolean {
  if (p === pieces.length) return t === text.length;
  const piece = pieces[p];
  if (piece === undefined) return false;
  if (piece.kind === 'star') {
    for (let k = t; k <= text.length; k++) {
      if (matchFrom(pieces, p + 1, text, k)) return true;
      if (text[k] === '/') return false;
    }
    return false;
  }
  const c = text[t];
  if (c === undefined || c === '/') return false;
  if (piece.kind === 'char' && piece.ch !== c) return false;
  if (piece.kind === 'class') {
    const inside = piece.ranges.some(([lo, hi]) => lo <= c && c <= hi);
    if (inside === piece.negate) return false;
  }
  return matchFrom(pieces, p + 1, text, t + 1);
}

export function globMatch(pattern: string, text: string): boolean {
  const pieces = compile(pattern);
  if (pieces === null) return false;
  // Collapse runs of stars: same language, and keeps the backtracking linear per star.
  const collapsed = pieces.filter((piece, k) => !(piece.kind === 'star' && pieces[k - 1]?.kind === 'star'));
  return matchFrom(collapsed, 0, [...text], 0);
}
