import type { Fs } from './fs.js';
import { resolvePath } from './fs.js';

/**
 * Pattern matching (XCU 2.13): `*`, `?`, `[...]` / `[!...]` with ranges; used by pathname
 * expansion, `case` and `${x#pat}`. `literal` marks characters that came from quotes.
 */
export function patternToRegExp(pattern: string, literal: readonly boolean[] = [], anchored = true): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (literal[i]) { re += escape(c); continue; }
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) { re += '\\['; continue; }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escape(pattern[i + 1] as string);
      i++;
    } else re += escape(c);
  }
  return new RegExp(anchored ? `^${re}$` : re);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function hasGlob(pattern: string, literal: readonly boolean[]): boolean {
  for (let i = 0; i < pattern.length; i++) if (!literal[i] && '*?['.includes(pattern[i] as string)) return true;
  return false;
}

/** Pathname expansion of one field: the sorted matches, or null when nothing matches (the word stays). */
export function expandPath(pattern: string, literal: readonly boolean[], fs: Fs, cwd: string): string[] | null {
  const absolute = pattern.startsWith('/');
  const segs: { text: string; lit: boolean[] }[] = [];
  let cur = { text: '', lit: [] as boolean[] };
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '/') {
      segs.push(cur);
      cur = { text: '', lit: [] };
    } else {
      cur.text += pattern[i];
      cur.lit.push(literal[i] ?? false);
    }
  }
  segs.push(cur);
  let results: string[] = [absolute ? '/' : ''];
  for (const [k, seg] of segs.entries()) {
    if (seg.text === '') {
      if (k > 0 && k === segs.length - 1) results = results.map((r) => `${r}/`);
      continue;
    }
    const next: string[] = [];
    for (const base of results) {
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? `${base}${name}` : `${base}/${name}`);
      if (!hasGlob(seg.text, seg.lit)) {
        next.push(join(seg.text));
        continue;
      }
      const dir = resolvePath(cwd, base === '' ? '.' : base);
      const entries = fs.readdir(dir);
      if (!Array.isArray(entries)) continue;
      const re = patternToRegExp(seg.text, seg.lit);
      for (const e of entries) {
        if (e.startsWith('.') && !seg.text.startsWith('.')) continue;
        if (re.test(e)) next.push(join(e));
      }
    }
    results = next;
  }
  const existing = results.filter((r) => typeof fs.stat(resolvePath(cwd, r)) !== 'string');
  return existing.length ? existing.sort() : null;
}
