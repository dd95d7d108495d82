import type { ParamOp, Part, Word } from './ast.js';
import { Incomplete, SyntaxFail } from './errors.js';

/**
 * Reads one word's parts from `src` at `i` (POSIX XCU 2.2 quoting, 2.6 expansions): single and
 * double quotes, backslash, `$'…'`, `$name`, `${…}`, `$(…)`, `` `…` ``, `$((…))`, and a leading `~`.
 * Stops at an unquoted metacharacter. Command substitutions are parsed with `parseSub`.
 */
export interface WordReader {
  /** Parses the program inside `$(`…`)` starting at `i`; returns the list and the index after `)`. */
  parseSub(src: string, i: number): { body: import('./ast.js').List; end: number };
  /** Parses a whole program text (backquotes). */
  parseText(text: string): import('./ast.js').List;
  /** bash reports a bad `${…}` when it expands it (the line runs up to there); ash refuses the line. */
  readonly bash?: boolean;
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c);
}
function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

export function readWord(src: string, start: number, r: WordReader): { word: Word; end: number } {
  const parts: Part[] = [];
  let i = start;
  const lit = (v: string, q: 0 | 1 | 2) => {
    const last = parts[parts.length - 1];
    if (last && last.t === 'lit' && last.q === q) parts[parts.length - 1] = { t: 'lit', v: last.v + v, q };
    else parts.push({ t: 'lit', v, q });
  };
  if (src[i] === '~') {
    let j = i + 1;
    // `~+` / `~-` (bash: $PWD / $OLDPWD) read like a user name of their own.
    if (src[j] === '+') j++;
    else while (j < src.length && src[j] !== '/' && !META.has(src[j] as string) && /[\w.-]/.test(src[j] as string)) j++;
    if (j >= src.length || src[j] === '/' || META.has(src[j] as string)) {
      parts.push({ t: 'tilde', user: src.slice(i + 1, j) });
      i = j;
    }
  }
  while (i < src.length) {
    const c = src[i] as string;
    if (META.has(c)) break;
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new Incomplete("'");
      lit(src.slice(i + 1, end), 1);
      i = end + 1;
    } else if (c === '"') {
      i = readDouble(src, i + 1, parts, r, lit);
    } else if (c === '\\') {
      if (i + 1 >= src.length) { i++; continue; } // a final backslash: the caller asks for a continuation line
      if (src[i + 1] !== '\n') lit(src[i + 1] as string, 1);
      i += 2;
    } else if (c === '$') {
      i = readDollar(src, i, parts, r, false, lit);
    } else if (c === '`') {
      i = readBackquote(src, i, parts, r, false);
    } else {
      lit(c, 0);
      i++;
    }
  }
  return { word: { parts, src: src.slice(start, i) }, end: i };
}

function readDouble(src: string, i: number, parts: Part[], r: WordReader, lit: (v: string, q: 0 | 1 | 2) => void): number {
  // An empty "" still makes a (empty) word.
  lit('', 2);
  while (true) {
    if (i >= src.length) throw new Incomplete('"');
    const c = src[i] as string;
    if (c === '"') return i + 1;
    if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1] as string)) {
      if (src[i + 1] !== '\n') lit(src[i + 1] as string, 2);
      i += 2;
    } else if (c === '$') {
      i = readDollar(src, i, parts, r, true, lit);
    } else if (c === '`') {
      i = readBackquote(src, i, parts, r, true);
    } else {
      lit(c, 2);
      i++;
    }
  }
}

function readBackquote(src: string, i: number, parts: Part[], r: WordReader, q: boolean): number {
  let j = i + 1;
  let body = '';
  while (true) {
    if (j >= src.length) throw new Incomplete('`');
    const c = src[j] as string;
    if (c === '`') break;
    if (c === '\\' && '$`\\'.includes(src[j + 1] ?? '')) {
      body += src[j + 1];
      j += 2;
      continue;
    }
    body += c;
    j++;
  }
  parts.push({ t: 'cmdsub', body: r.parseText(body), src: body, q });
  return j + 1;
}

function readDollar(src: string, i: number, parts: Part[], r: WordReader, q: boolean, lit: (v: string, q: 0 | 1 | 2) => void): number {
  const n = src[i + 1];
  if (n === "'" && !q) {
    const { text, end } = ansiC(src, i + 2);
    lit(text, 1);
    return end;
  }
  if (n === '(' && src[i + 2] === '(') {
    // $(( expr )): find the matching `))`.
    let depth = 0;
    let j = i + 3;
    while (j < src.length) {
      const c = src[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0 && src[j + 1] === ')') break;
        depth--;
      }
      j++;
    }
    if (j >= src.length) throw new Incomplete('))');
    const inner = src.slice(i + 3, j);
    parts.push({ t: 'arith', expr: readInnerWord(literalSingleQuotes(inner), r), q });
    return j + 2;
  }
  if (n === '(') {
    const { body, end } = r.parseSub(src, i + 2);
    parts.push({ t: 'cmdsub', body, src: src.slice(i + 2, end - 1), q });
    return end;
  }
  if (n === '{') return readBraced(src, i + 2, parts, r, q);
  if (isNameStart(n)) {
    let j = i + 1;
    while (isNameChar(src[j])) j++;
    parts.push({ t: 'param', name: src.slice(i + 1, j), op: null, arg: null, q, bare: true });
    return j;
  }
  if (n !== undefined && SPECIAL.has(n)) {
    parts.push({ t: 'param', name: n, op: null, arg: null, q });
    return i + 2;
  }
  lit('$', q ? 2 : 0);
  return i + 1;
}

function readBraced(src: string, i: number, parts: Part[], r: WordReader, q: boolean): number {
  /** A `${…}` that is no expansion: bash's runtime error, or a syntax error for the other shells. */
  const bad = (text: string, close: number): number => {
    if (!r.bash || close < 0) throw new SyntaxFail('bad-substitution', text);
    parts.push({ t: 'param', name: '', op: 'bad', arg: { parts: [{ t: 'lit', v: text, q: 1 }], src: text }, q });
    return close + 1;
  };
  let op: ParamOp | null = null;
  let j = i;
  if (r.bash && src[j] === '!') {
    // bash: `${!name}` and `${!prefix*}` / `${!prefix@}`.
    const m = /^!([A-Za-z_]\w*|[0-9]+|[@*#?$!-])(\}|[*@]\})/.exec(src.slice(j, j + 200));
    if (m && !(m[2] !== '}' && !/^[A-Za-z_]/.test(m[1] as string))) {
      parts.push({ t: 'param', name: m[1] as string, op: m[2] === '}' ? '!' : m[2] === '*}' ? '!*' : '!@', arg: null, q });
      return j + m[0].length;
    }
  }
  if (src[j] === '#' && src[j + 1] !== '}' && (isNameStart(src[j + 1]) || SPECIAL.has(src[j + 1] ?? ''))) {
    op = '#len';
    j++;
  }
  const nameStart = j;
  if (isNameStart(src[j])) while (isNameChar(src[j])) j++;
  else if (SPECIAL.has(src[j] ?? '')) j++;
  const name = src.slice(nameStart, j);
  if (j >= src.length) throw new Incomplete('}');
  if (name === '') return bad(`\${${src.slice(i, src.indexOf('}', i) < 0 ? src.length : src.indexOf('}', i))}}`, src.indexOf('}', i));
  if (src[j] === '}') {
    parts.push({ t: 'param', name, op, arg: null, q });
    return j + 1;
  }
  if (op === '#len') return bad(src.slice(i - 2, src.indexOf('}', i) + 1), src.indexOf('}', i));
  // Longest first: `:-` before `:`, `//` before `/`, `^^` before `^`.
  const ops: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%', ':', '//', '/#', '/%', '/', '^^', '^', ',,', ',', '~~', '~'];
  op = ops.find((o) => src.startsWith(o, j)) ?? null;
  if (!op) {
    const close = src.indexOf('}', j);
    return bad(src.slice(i - 2, close < 0 ? src.length : close + 1), close);
  }
  j += op.length;
  // The word runs to the matching `}` (quotes and nested ${} respected).
  let depth = 0;
  let k = j;
  while (k < src.length) {
    const c = src[k];
    if (c === '\\') { k += 2; continue; }
    if (c === "'" && !q) { const e = src.indexOf("'", k + 1); if (e < 0) throw new Incomplete("'"); k = e + 1; continue; }
    if (c === '"') { k = skipDouble(src, k + 1); continue; }
    if (c === '$' && src[k + 1] === '{') { depth++; k += 2; continue; }
    if (c === '}') { if (depth === 0) break; depth--; }
    k++;
  }
  if (k >= src.length) throw new Incomplete('}');
  const inner = src.slice(j, k);
  if (op === ':' && inner === '') return bad(src.slice(i - 2, k + 1), k);
  // `${x:off:len}` splits at the first `:` outside parentheses, `${x/pat/rep}` at the first unquoted `/`.
  const sep = op === ':' ? findSep(inner, ':', q) : op.startsWith('/') ? findSep(inner, '/', q) : -1;
  if (sep >= 0) {
    parts.push({ t: 'param', name, op, arg: readInnerWord(inner.slice(0, sep), r), arg2: readInnerWord(inner.slice(sep + 1), r), q });
  } else parts.push({ t: 'param', name, op, arg: readInnerWord(inner, r), q });
  return k + 1;
}

/** The first `sep` in `text` outside quotes, backslashes, `${…}`, `$(…)` and (for `:`) parentheses; -1 if none. */
function findSep(text: string, sep: ':' | '/', q: boolean): number {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') { k++; continue; }
    if (c === "'" && !q) { const e = text.indexOf("'", k + 1); if (e < 0) return -1; k = e; continue; }
    if (c === '"') { k = skipDouble(text, k + 1) - 1; continue; }
    if (c === '$' && (text[k + 1] === '{' || text[k + 1] === '(')) { depth++; k++; continue; }
    if (c === '(' && sep === ':') { depth++; continue; }
    if ((c === '}' || c === ')') && depth > 0) { depth--; continue; }
    if (c === sep && depth === 0) return k;
  }
  return -1;
}

function skipDouble(src: string, i: number): number {
  while (i < src.length) {
    if (src[i] === '\\') i += 2;
    else if (src[i] === '"') return i + 1;
    else i++;
  }
  throw new Incomplete('"');
}

/** The text inside `${x:-…}` or `$((…))`: quotes and expansions, but blanks and metacharacters are literal. */
/**
 * `$(( … ))` is read as if double-quoted: a single quote is a character there, which the arithmetic
 * then refuses (`$(( '1' + 2 ))` is bash's "operand expected (error token is "'1' + 2 ")"). Each one
 * outside double quotes and outside a `$(…)`, `${…}` or backquotes inside is written as `"'"`, and a
 * backslash before a character double quotes would not let it escape is kept the same way.
 */
function literalSingleQuotes(text: string): string {
  if (!text.includes("'") && !text.includes('\\')) return text;
  let out = '';
  let dq = false;
  /** Open `$(`/`${` (and the parentheses within them) and backquotes: their text is left as it is. */
  let depth = 0;
  let backquote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      // As inside double quotes, a backslash stays before a character it does not escape there (`\'`).
      const n = text[i + 1] ?? '';
      out += depth === 0 && !backquote && !dq && n !== '' && !'$`"\\\n'.includes(n) ? `"\\${n}"` : c + n;
      i++;
      continue;
    }
    if (c === '`') backquote = !backquote;
    else if (!backquote && c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) { out += c + (text[i + 1] as string); i++; depth++; continue; }
    else if (!backquote && depth > 0 && (c === '(' || c === '{')) depth++;
    else if (!backquote && depth > 0 && (c === ')' || c === '}')) depth--;
    else if (!backquote && depth === 0 && c === '"') dq = !dq;
    else if (!backquote && depth === 0 && !dq && c === "'") { out += `"'"`; continue; }
    out += c;
  }
  return out;
}

function readInnerWord(text: string, r: WordReader): Word {
  const parts: Part[] = [];
  let i = 0;
  let buf = '';
  const flush = () => { if (buf) { parts.push({ t: 'lit', v: buf, q: 0 }); buf = ''; } };
  while (i < text.length) {
    const c = text[i] as string;
    if (META.has(c)) { buf += c; i++; continue; }
    flush();
    const { word, end } = readWord(text, i, r);
    parts.push(...word.parts);
    i = end === i ? i + 1 : end;
  }
  flush();
  return { parts, src: text };
}

/** bash's $'…' (ANSI-C quoting): \n \t \\ \' \" \e \xHH \0NNN. */
function ansiC(src: string, i: number): { text: string; end: number } {
  let out = '';
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "'") return { text: out, end: i + 1 };
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v' };
      if (n in simple) { out += simple[n]; i += 2; continue; }
      const hex = /^x([0-9a-fA-F]{1,2})/.exec(src.slice(i + 1));
      if (hex) { out += String.fromCharCode(parseInt(hex[1] as string, 16)); i += 1 + hex[0].length; continue; }
      const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1));
      if (oct) { out += String.fromCharCode(parseInt(oct[0], 8)); i += 1 + oct[0].length; continue; }
      out += c + n;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw new Incomplete("'");
}

/** Parses a here-document body for expansion: only `$…`, `` `…` `` and `\` before `$ \` \\ newline` are special. */
export function readHeredocBody(text: string, r: WordReader): Word {
  const parts: Part[] = [];
  const lit = (v: string) => {
    const last = parts[parts.length - 1];
    if (last && last.t === 'lit') parts[parts.length - 1] = { t: 'lit', v: last.v + v, q: 2 };
    else parts.push({ t: 'lit', v, q: 2 });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && '$`\\\n'.includes(text[i + 1] ?? '')) {
      if (text[i + 1] !== '\n') lit(text[i + 1] as string);
      i += 2;
    } else if (c === '$') i = readDollar(text, i, parts, r, true, (v) => lit(v));
    else if (c === '`') i = readBackquote(text, i, parts, r, true);
    else { lit(c); i++; }
  }
  return { parts, src: text };
}
