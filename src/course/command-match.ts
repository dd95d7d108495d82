import type { CommandPattern } from './model.js';

/**
 * Did the student run "this" command? Students reorder flags, write `--user 1000` for
 * `--user=1000`, quote values and use the `k` alias, so a pattern is matched loosely:
 * - the program must be equal (`k` counts as `kubectl`);
 * - each `--flag=value` of the pattern must appear as `--flag=value` or `--flag value`, anywhere;
 * - each bare flag of the pattern (`--privileged`) must appear;
 * - the other words must appear in the same order, other words may come between them.
 */

const ALIASES: Readonly<Record<string, string>> = { k: 'kubectl' };

/** Shell-like split: whitespace separates, single and double quotes group, a backslash escapes. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line.charAt(++i);
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line.charAt(++i);
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  const first = out[0];
  if (first !== undefined && ALIASES[first]) out[0] = ALIASES[first];
  return out;
}

const isFlag = (t: string) => t.startsWith('-') && t !== '--' && t !== '-';

function hasFlag(tokens: readonly string[], flag: string, value: string | null): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (value === null) {
      if (t === flag || t === `${flag}=true`) return true;
    } else if (t === `${flag}=${value}` || (t === flag && tokens[i + 1] === value)) {
      return true;
    }
  }
  return false;
}

export function matchesPattern(pattern: CommandPattern, line: string): boolean {
  const tokens = tokenize(line);
  if (pattern.kind === 'regex') return new RegExp(pattern.source).test(tokens.join(' '));
  const want = tokenize(pattern.text);
  if (want.length === 0 || tokens[0] !== want[0]) return false;
  const words: string[] = [];
  for (const w of want.slice(1)) {
    if (!isFlag(w)) {
      words.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    const ok = eq < 0 ? hasFlag(tokens, w, null) : hasFlag(tokens, w.slice(0, eq), w.slice(eq + 1));
    if (!ok) return false;
  }
  // Words in order; `--flag=value` tokens of the command are never words.
  let i = 1;
  for (const w of words) {
    while (i < tokens.length && (tokens[i] !== w || (isFlag(tokens[i] ?? '') && (tokens[i] ?? '').includes('=')))) i++;
    if (i >= tokens.length) return false;
    i++;
  }
  return true;
}
