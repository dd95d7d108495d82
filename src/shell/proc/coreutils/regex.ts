/**
 * POSIX regular expressions (BRE and ERE with the GNU extensions `\+ \? \| \< \> \b \w \s`,
 * back-references, bracket expressions with [:class:]) turned into JavaScript RegExps, with the
 * compile errors glibc's regcomp and GNU grep's dfa report ("Unmatched ( or \\(",
 * "Unmatched [, [^, [:, [., or [=", "Invalid character class name", "Trailing backslash", …).
 * JavaScript matches leftmost-first where POSIX is leftmost-longest: `grep -o 'a|ab'` may differ.
 */
export type Syntax = 'basic' | 'extended' | 'fixed' | 'perl';

export interface Compiled {
  readonly source: string;
  readonly groups: number;
  readonly warnings: readonly string[];
}

const CLASS: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

class RegexError extends Error {}

const reEscape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** `[...]` starting at s[i] === '['; returns the JS class and the index after `]`. */
function bracket(s: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (s[j] === '^') { out += '^'; j++; }
  let first = true;
  let prev: number | null = null;
  for (;;) {
    if (j >= s.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
    const c = s[j] as string;
    if (c === ']' && !first) return [`${out}]`, j + 1];
    first = false;
    if (c === '[' && (s[j + 1] === ':' || s[j + 1] === '=' || s[j + 1] === '.')) {
      const kind = s[j + 1] as string;
      const close = s.indexOf(`${kind}]`, j + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = s.slice(j + 2, close);
      if (kind === ':') {
        const cls = CLASS[name];
        if (cls === undefined) throw new RegexError('Invalid character class name');
        out += cls;
        prev = null;
      } else {
        out += reEscape(name);
        prev = name.length === 1 ? name.charCodeAt(0) : null;
      }
      j = close + 2;
      continue;
    }
    if (c === '-' && prev !== null && s[j + 1] !== ']' && j + 1 < s.length) {
      const hi = s[j + 1] as string;
      if (hi.charCodeAt(0) < prev) throw new RegexError('Invalid range end');
      out += `-${reEscape(hi)}`;
      prev = null;
      j += 2;
      continue;
    }
    out += reEscape(c);
    prev = c.charCodeAt(0);
    j++;
  }
}

/**
 * Translates one pattern. `gnu`: GNU grep's dfa rules (a lone `[:space:]` is an error, `*` or `+`
 * opening an ERE is dropped with a warning, `{` that opens no interval is literal); otherwise
 * glibc regcomp as busybox calls it. `dotAll`: `.` matches a newline too, as regcomp without
 * REG_NEWLINE reads it (sed's pattern space after N or G, awk's paragraph records, bash's `=~`);
 * otherwise `.` stops at one (grep, whose lines never hold a newline).
 */
export function translate(pattern: string, syntax: Syntax, gnu: boolean, dotAll = false): Compiled | string {
  if (syntax === 'fixed') return { source: reEscape(pattern), groups: 0, warnings: [] };
  if (syntax === 'perl') {
    try {
      const flags = /^\(\?i\)/.test(pattern) ? 'i' : '';
      const src = pattern.replace(/^\(\?i\)/, '');
      new RegExp(src, flags);
      return { source: flags ? `(?i)${src}` : src, groups: 0, warnings: [] };
    } catch (e) {
      return e instanceof Error ? e.message : 'invalid pattern';
    }
  }
  const ere = syntax === 'extended';
  const warnings: string[] = [];
  let out = '';
  let groups = 0;
  /** Open groups: their number and where they start in `out`. */
  const open: { n: number; at: number }[] = [];
  /** Whether the next token starts an expression (where `*` is literal in a BRE). */
  let atStart = true;
  /** Where the last atom starts in `out`, and whether it already has a quantifier. */
  let atom = 0;
  let quantified = false;
  const emitAtom = (text: string) => { atom = out.length; out += text; quantified = false; atStart = false; };
  const quant = (q: string) => {
    if (quantified) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += q;
    quantified = true;
  };
  const openGroup = () => { open.push({ n: ++groups, at: out.length }); out += '('; atStart = true; };
  const closeGroup = () => { const g = open.pop() as { at: number }; out += ')'; atom = g.at; quantified = false; atStart = false; };
  const alt = () => { out += '|'; atStart = true; };
  let i = 0;
  try {
    if (gnu && /^\[:[a-z]+:\]$/.test(pattern.replace(/^\^/, ''))) {
      throw new RegexError(`character class syntax is [[:${pattern.replace(/^\^?\[:|:\]$/g, '')}:]], not ${pattern.replace(/^\^/, '')}`);
    }
    while (i < pattern.length) {
      const c = pattern[i] as string;
      if (c === '\\') {
        if (i + 1 >= pattern.length) throw new RegexError('Trailing backslash');
        const n = pattern[i + 1] as string;
        i += 2;
        if (!ere && n === '(') { openGroup(); continue; }
        if (!ere && n === ')') {
          if (!open.length) throw new RegexError(gnu ? 'Unmatched ) or \\)' : 'Unmatched ( or \\(');
          closeGroup();
          continue;
        }
        if (!ere && n === '|') { alt(); continue; }
        if (!ere && (n === '+' || n === '?')) { if (atStart) emitAtom(`\\${n}`); else quant(n); continue; }
        if (!ere && n === '{') {
          const close = pattern.indexOf('\\}', i);
          if (close < 0) throw new RegexError('Unmatched \\{');
          const m = /^(\d*)(,?)(\d*)$/.exec(pattern.slice(i, close));
          if (!m || (m[1] === '' && m[2] === '')) throw new RegexError('Invalid content of \\{\\}');
          if (m[3] !== '' && m[1] !== '' && Number(m[3]) < Number(m[1])) throw new RegexError('Invalid content of \\{\\}');
          if (atStart) throw new RegexError('Invalid preceding regular expression');
          quant(`{${m[1] || '0'}${m[2]}${m[3]}}`);
          i = close + 2;
          continue;
        }
        if (/[1-9]/.test(n)) {
          if (Number(n) > groups || open.some((g) => g.n === Number(n))) throw new RegexError('Invalid back reference');
          emitAtom(`\\${n}`);
          continue;
        }
        if (n === '<') { out += '\\b(?=\\w)'; continue; }
        if (n === '>') { out += '\\b(?<=\\w)'; continue; }
        if ('bB'.includes(n)) { out += `\\${n}`; continue; }
        if ('wWsS'.includes(n)) { emitAtom(`\\${n}`); continue; }
        if (n === '`') { out += '^'; continue; }
        if (n === "'") { out += '$'; continue; }
        emitAtom(reEscape(n));
        continue;
      }
      if (c === '[') {
        const [cls, next] = bracket(pattern, i);
        emitAtom(cls);
        i = next;
        continue;
      }
      if (c === '*' || (ere && (c === '+' || c === '?'))) {
        i++;
        if (atStart) {
          if (!ere) { emitAtom('\\*'); continue; }
          if (!gnu) throw new RegexError('Invalid preceding regular expression');
          if (c !== '?') warnings.push(`warning: ${c} at start of expression`);
          continue;
        }
        quant(c);
        continue;
      }
      if (ere && c === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(i));
        if (!m || (m[1] === '' && m[2] === '')) {
          if (!gnu) throw new RegexError(m ? 'Invalid content of \\{\\}' : 'Unmatched \\{');
          emitAtom('\\{');
          i++;
          continue;
        }
        if (m[3] !== '' && m[1] !== '' && Number(m[3]) < Number(m[1])) throw new RegexError('Invalid content of \\{\\}');
        i += m[0].length;
        if (atStart) { if (!gnu) throw new RegexError('Invalid preceding regular expression'); continue; }
        quant(`{${m[1] || '0'}${m[2]}${m[3]}}`);
        continue;
      }
      if (ere && c === '(') { openGroup(); i++; continue; }
      if (ere && c === ')') {
        i++;
        if (!open.length) emitAtom('\\)');
        else closeGroup();
        continue;
      }
      if (ere && c === '|') { alt(); i++; continue; }
      if (c === '^') {
        if (ere || atStart) out += '^';
        else emitAtom('\\^');
        i++;
        continue;
      }
      if (c === '$') {
        const rest = pattern.slice(i + 1);
        const anchor = ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
        if (anchor) out += '$';
        else emitAtom('\\$');
        i++;
        continue;
      }
      emitAtom(c === '.' ? (dotAll ? '[\\s\\S]' : '[^\\n]') : reEscape(c));
      i++;
    }
    if (open.length) throw new RegexError('Unmatched ( or \\(');
  } catch (e) {
    if (e instanceof RegexError) return e.message;
    throw e;
  }
  return { source: out, groups, warnings };
}

/** A RegExp for the pattern, or the error text. */
export function compile(pattern: string, syntax: Syntax, gnu: boolean, opts: { icase: boolean; word: boolean; line: boolean }): { re: RegExp; warnings: readonly string[] } | string {
  const t = translate(pattern, syntax, gnu);
  if (typeof t === 'string') return t;
  let src = t.source;
  let flags = 'g';
  if (src.startsWith('(?i)')) { src = src.slice(4); flags += 'i'; }
  if (opts.icase) flags += flags.includes('i') ? '' : 'i';
  if (opts.line) src = `^(?:${src})$`;
  else if (opts.word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  try {
    return { re: new RegExp(src, flags), warnings: t.warnings };
  } catch {
    return 'Invalid regular expression';
  }
}
