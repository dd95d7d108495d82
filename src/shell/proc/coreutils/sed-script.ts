/**
 * sed's script language, read as GNU sed 4.9 sed/compile.c reads it: addresses (N, $, /re/ and
 * \cREc with I and M, first~step, addr,+N, addr,~N, 0,/re/, !), the commands
 * `{ } = a b c d D F g G h H i l n N p P q Q r R s t T v w W x y z : #`, `;` and newlines between
 * them, and its compile errors with their positions ("-e expression #1, char 5: unterminated `s'
 * command"). busybox 1.37.0 editors/sed.c reads the same language and words its errors its own way.
 */
import { translate } from './regex.js';

export interface Addr {
  readonly kind: 'line' | 'last' | 'regex' | 'step' | 'plus' | 'mult' | 'zero';
  /** line: the number; step: first; plus / mult: N. */
  readonly n: number;
  readonly step: number;
  readonly re: Rx | null;
}

/** A regex as written (null source: the last regex used, `//`). */
export interface Rx {
  readonly re: RegExp | null;
  readonly groups: number;
}

export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'group'; readonly n: number }
  | { readonly kind: 'case'; readonly mode: 'U' | 'L' | 'u' | 'l' | 'E' };

export interface Subst {
  readonly rx: Rx;
  readonly repl: readonly Piece[];
  readonly global: boolean;
  readonly nth: number;
  readonly print: boolean;
  readonly write: string | null;
}

export interface Cmd {
  readonly a1: Addr | null;
  readonly a2: Addr | null;
  readonly bang: boolean;
  readonly name: string;
  /** a, i, c: the text; b, t, T, :: the label; r, R, w, W: the file name. */
  readonly text: string;
  /** q, Q: the exit status; l: the line length (-1: the default). */
  readonly int: number;
  readonly subst: Subst | null;
  /** y: from → to, one character each. */
  readonly map: ReadonlyMap<string, string> | null;
  /** `{`: the index after its `}`; b, t, T: the index of the label (-1: the script's end). */
  jump: number;
}

export interface Script {
  readonly cmds: readonly Cmd[];
  /** `#n` on the script's first line: as -n. */
  readonly quiet: boolean;
}

/** Where a script came from, for error messages: `-e expression #2` or `file x.sed line 3`. */
export interface Source {
  readonly text: string;
  readonly expr: number | null;
  readonly file: string | null;
}

class SedError extends Error {}

const END = '';

/** One script's reader: GNU's inchar/savchar over the text, counting characters read. */
class Reader {
  pos = 0;
  line = 1;
  constructor(readonly src: Source, readonly gnu: boolean, readonly extended: boolean) {}
  get(): string {
    if (this.pos >= this.src.text.length) { this.pos = this.src.text.length + 1; return END; }
    const c = this.src.text[this.pos++] as string;
    if (c === '\n') this.line++;
    return c;
  }
  unget(c: string): void {
    if (c === END) { this.pos = this.src.text.length; return; }
    this.pos--;
    if (c === '\n') this.line--;
  }
  nonblank(): string {
    let c: string;
    do c = this.get(); while (c === ' ' || c === '\t');
    return c;
  }
  fail(msg: string): never {
    const at = Math.min(this.pos, this.src.text.length);
    if (!this.gnu) throw new SedError(msg);
    if (this.src.file !== null) throw new SedError(`file ${this.src.file} line ${this.line}: ${msg}`);
    throw new SedError(`-e expression #${this.src.expr ?? 1}, char ${at}: ${msg}`);
  }
  integer(first: string): number {
    let n = first;
    for (;;) {
      const c = this.get();
      if (!isDigit(c)) { this.unget(c); break; }
      n += c;
    }
    return Number(n);
  }
}

const isDigit = (c: string) => c !== END && c >= '0' && c <= '9';

/**
 * GNU match_slash: the text up to the unescaped delimiter. In a regex `\n` is a newline and `\`
 * before the delimiter is dropped; in a replacement (regex false) `\&` keeps its backslash when `&`
 * is the delimiter. null: no closing delimiter on this line.
 */
function matchSlash(r: Reader, slash: string, regex: boolean): string | null {
  let out = '';
  let c = r.get();
  for (; c !== END && c !== '\n'; c = r.get()) {
    if (c === slash) return out;
    if (c === '[' && regex) {
      // A bracket expression is copied whole: the delimiter inside it is a character (`s/[/]/x/`).
      const inner = bracketText(r);
      if (inner === null) break;
      out += inner;
      continue;
    }
    if (c === '\\') {
      c = r.get();
      if (c === END) break;
      if (c === 'n' && regex) c = '\n';
      else if (c !== '\n' && (c !== slash || (!regex && c === '&'))) out += '\\';
    }
    out += c;
  }
  if (c === '\n') r.unget(c);
  return null;
}

/** `[...]` after its `[` (`]` first is a member; `[:class:]` and the like are read whole); null at a line's end. */
function bracketText(r: Reader): string | null {
  let out = '[';
  let c = r.get();
  if (c === '^') { out += c; c = r.get(); }
  if (c === ']') { out += c; c = r.get(); }
  for (; c !== END && c !== '\n'; c = r.get()) {
    out += c;
    if (c === ']') return out;
    if (c === '[') {
      const k = r.get();
      if (k === ':' || k === '.' || k === '=') {
        out += k;
        let prev = '';
        for (let d = r.get(); ; d = r.get()) {
          if (d === END || d === '\n') { r.unget(d); return null; }
          out += d;
          if (d === ']' && prev === k) break;
          prev = d;
        }
      } else r.unget(k);
    }
  }
  if (c === '\n') r.unget(c);
  return null;
}

/** GNU normalize_text's escapes: `\\a \\f \\r \\t \\v`, `\\cX`, `\\dNNN`, `\\oNNN`, `\\xHH`. */
const SIMPLE: Readonly<Record<string, string>> = { a: '\x07', f: '\f', r: '\r', t: '\t', v: '\v' };
const NUMBER: Readonly<Record<string, { base: number; re: RegExp }>> = {
  d: { base: 10, re: /^[0-9]{1,3}/ }, o: { base: 8, re: /^[0-7]{1,3}/ }, x: { base: 16, re: /^[0-9A-Fa-f]{1,2}/ },
};

/**
 * The escapes GNU turns into characters before a regex or a replacement is read; other `\\x`
 * pairs are left for the next reader. In a regex the character made is read as written there
 * (GNU 4.9: `s/\\x2e/X/` replaces the first character, a dot being any); in a replacement `&`
 * or `\\` made so stays itself.
 */
function unescape(s: string, replacement: boolean): string {
  const lit = (c: string) => (replacement && (c === '&' || c === '\\') ? `\\${c}` : c);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const d = s[i + 1] as string;
    const simple = SIMPLE[d];
    const num = NUMBER[d];
    if (simple !== undefined) { out += simple; i++; continue; }
    if (d === 'c' && i + 2 < s.length) {
      out += lit(String.fromCharCode((s[i + 2] as string).toUpperCase().charCodeAt(0) ^ 0x40));
      i += 2;
      continue;
    }
    if (num) {
      const m = num.re.exec(s.slice(i + 2));
      if (m) {
        out += lit(String.fromCharCode(parseInt(m[0], num.base)));
        i += 1 + m[0].length;
        continue;
      }
    }
    out += c + d;
    i++;
  }
  return out;
}

/** `//` is the last regex used; otherwise the pattern compiled as glibc's regcomp compiles it. */
function compileRx(r: Reader, pattern: string, icase: boolean, multiline: boolean): Rx {
  if (pattern === '') return { re: null, groups: 0 };
  const t = translate(unescape(pattern, false), r.extended ? 'extended' : 'basic', false, true);
  if (typeof t === 'string') r.fail(t);
  let src = t.source;
  let flags = 's';
  if (src.startsWith('(?i)')) { src = src.slice(4); flags += 'i'; }
  if (icase && !flags.includes('i')) flags += 'i';
  if (multiline) flags += 'm';
  try {
    return { re: new RegExp(src, `g${flags}`), groups: t.groups };
  } catch {
    return r.fail('Invalid regular expression');
  }
}

function address(r: Reader, c: string): Addr | null {
  if (c === '/' || c === '\\') {
    const slash = c === '\\' ? r.get() : c;
    const text = matchSlash(r, slash, true);
    if (text === null) r.fail(r.gnu ? 'unterminated address regex' : `unmatched '${slash}'`);
    let icase = false, multi = false;
    for (;;) {
      const f = r.nonblank();
      if (f === 'I') icase = true;
      else if (f === 'M') multi = true;
      else { r.unget(f); break; }
    }
    return { kind: 'regex', n: 0, step: 0, re: compileRx(r, text, icase, multi) };
  }
  if (isDigit(c)) {
    const n = r.integer(c);
    const t = r.nonblank();
    if (t !== '~') { r.unget(t); return { kind: n === 0 ? 'zero' : 'line', n, step: 0, re: null }; }
    const d = r.nonblank();
    const step = isDigit(d) ? r.integer(d) : (r.unget(d), 0);
    return step > 0 ? { kind: 'step', n, step, re: null } : { kind: n === 0 ? 'zero' : 'line', n, step: 0, re: null };
  }
  if (c === '+' || c === '~') {
    const d = r.nonblank();
    const n = isDigit(d) ? r.integer(d) : (r.unget(d), 0);
    return { kind: c === '+' ? 'plus' : 'mult', n, step: 0, re: null };
  }
  if (c === '$') return { kind: 'last', n: 0, step: 0, re: null };
  return null;
}

/** GNU read_end_of_cmd: only blanks, then `;`, a newline, `}`, `#` or the end. */
function endOfCmd(r: Reader): void {
  const c = r.nonblank();
  if (c === '}' || c === '#') r.unget(c);
  else if (c !== END && c !== '\n' && c !== ';') r.fail(r.gnu ? 'extra characters after command' : `unsupported command ${c}`);
}

/**
 * A label (semicolonEnds: GNU 4.9's read_label, which a blank, `;` or `}` ends: `:a p`, `ba}`) or a
 * file name (to the end of the line); blanks before it are skipped.
 */
function readLabel(r: Reader, semicolonEnds: boolean): string {
  let c = r.nonblank();
  let out = '';
  const ends = (x: string) => x === END || x === '\n' || (semicolonEnds && (x === ';' || x === ' ' || x === '\t' || x === '}'));
  while (!ends(c)) { out += c; c = r.get(); }
  r.unget(c);
  return out;
}

/**
 * GNU read_text for a, i, c: the one-line form (`a text`: leading blanks dropped) or the classic
 * one (`a\` and the text on the next lines, each line but the last ending in `\`); `\` before a
 * character keeps the character.
 */
function readText(r: Reader, continued: boolean): string | null {
  let c = continued ? r.get() : r.nonblank();
  if (c === END && !continued) r.fail(r.gnu ? "expected \\ after `a', `c' or `i'" : 'missing command');
  if (c === '\\' && !continued) {
    c = r.get();
    // `$a\` at the script's end: no text here (GNU still ends a last line that had no newline);
    // with another -e after it, that one's first line is the text.
    if (c === END) return null;
    if (c === '\n') c = r.get();
    else { r.unget(c); c = r.nonblank(); }
  }
  let out = '';
  while (c !== END && c !== '\n') {
    if (c === '\\') {
      c = r.get();
      if (c === END) break;
    }
    out += c;
    c = r.get();
  }
  return `${out}\n`;
}

function replacement(r: Reader, text: string, groups: number): Piece[] {
  const pieces: Piece[] = [];
  let lit = '';
  const flush = () => { if (lit) pieces.push({ kind: 'text', text: lit }); lit = ''; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '&') { flush(); pieces.push({ kind: 'group', n: 0 }); continue; }
    if (c !== '\\') { lit += c; continue; }
    const d = text[++i];
    if (d === undefined) { lit += '\\'; break; }
    if (isDigit(d)) {
      const n = Number(d);
      if (n > groups) r.fail(r.gnu ? `invalid reference \\${n} on \`s' command's RHS` : 'invalid reference');
      flush();
      pieces.push({ kind: 'group', n });
    } else if ('ULulE'.includes(d) && r.gnu) {
      flush();
      pieces.push({ kind: 'case', mode: d as 'U' });
    } else if (d === 'n') lit += '\n';
    else if (d === 't') lit += '\t';
    else lit += d;
  }
  flush();
  return pieces;
}

function substitute(r: Reader): Subst {
  const slash = r.get();
  const fail: () => never = () => r.fail(r.gnu ? "unterminated `s' command" : `unmatched '${slash}'`);
  if (slash === END || slash === '\n' || slash === '\\') fail();
  const pattern = matchSlash(r, slash, true);
  if (pattern === null) fail();
  const repl = matchSlash(r, slash, false);
  if (repl === null) fail();
  let global = false, print = false, icase = false, multi = false;
  let nth = 0;
  let write: string | null = null;
  for (;;) {
    const c = r.get();
    if (c === 'i' || c === 'I') icase = true;
    else if (c === 'm' || c === 'M') multi = true;
    else if (c === 'p') {
      if (print) r.fail(r.gnu ? "multiple `p' options to `s' command" : 'bad option in substitution expression');
      print = true;
    } else if (c === 'g') {
      if (global) r.fail(r.gnu ? "multiple `g' options to `s' command" : 'bad option in substitution expression');
      global = true;
    } else if (isDigit(c)) {
      if (nth) r.fail(r.gnu ? "multiple number options to `s' command" : 'bad option in substitution expression');
      nth = r.integer(c);
      if (nth === 0) r.fail(r.gnu ? "number option to `s' command may not be zero" : 'bad option in substitution expression');
    } else if (c === 'w') {
      write = readLabel(r, false);
      if (write === '') r.fail(r.gnu ? 'missing filename in r/R/w/W commands' : 'empty filename');
      break;
    } else if (c === '}' || c === '#') { r.unget(c); break; }
    else if (c === END || c === '\n' || c === ';') break;
    else if (c === ' ' || c === '\t') continue;
    else r.fail(r.gnu ? "unknown option to `s'" : 'bad option in substitution expression');
  }
  const rx = compileRx(r, pattern, icase, multi);
  const groups = rx.re === null ? 9 : rx.groups;
  return { rx, repl: replacement(r, unescape(repl, true), groups), global, nth: nth || 1, print, write };
}

function transliterate(r: Reader): Map<string, string> {
  const slash = r.get();
  const fail: () => never = () => r.fail(r.gnu ? "unterminated `y' command" : `unmatched '${slash}'`);
  if (slash === END || slash === '\n' || slash === '\\') fail();
  const from = matchSlash(r, slash, false);
  if (from === null) fail();
  const to = matchSlash(r, slash, false);
  if (to === null) fail();
  const chars = (s: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) {
      let c = s[i] as string;
      if (c === '\\') {
        const d = s[++i] ?? '';
        c = d === 'n' ? '\n' : d === 't' ? '\t' : d === '\\' ? '\\' : d === slash ? d : `\\${d}`;
      }
      out.push(...(c.length > 1 ? [...c] : [c]));
    }
    return out;
  };
  const a = chars(from), b = chars(to);
  if (a.length !== b.length) r.fail(r.gnu ? "strings for `y' command are different lengths" : 'bad format in substitution expression');
  endOfCmd(r);
  return new Map(a.map((c, i) => [c, b[i] as string]));
}

/** `v 4.2`: whether the version asked for is no newer than ours (digits and dots only). */
function versionAtMost(v: string, ours: readonly number[]): boolean {
  if (!/^\d+(\.\d+)*$/.test(v)) return false;
  const parts = v.split('.').map(Number);
  for (let i = 0; i < Math.max(parts.length, ours.length); i++) {
    const a = parts[i] ?? 0, b = ours[i] ?? 0;
    if (a !== b) return a < b;
  }
  return true;
}

interface Block { readonly at: number; readonly reader: Reader; readonly line: number }

/**
 * Compiles the scripts (each -e, -f or the script operand, in order) into one program, or the
 * error message GNU (or busybox) prints after `sed: `.
 */
export function compileScript(sources: readonly Source[], opts: { gnu: boolean; extended: boolean }): Script | string {
  const cmds: Cmd[] = [];
  const blocks: Block[] = [];
  const labels = new Map<string, number>();
  let quiet = false;
  try {
    /** Where an `a\`, `i\` or `c\` that ended its -e sits: the next -e's first line is its text (GNU joins them). */
    let pending = -1;
    sources.forEach((src, si) => {
      const r: Reader = new Reader(src, opts.gnu, opts.extended);
      if (pending >= 0) {
        cmds[pending] = { ...(cmds[pending] as Cmd), text: readText(r, true) ?? '' };
        pending = -1;
      }
      for (;;) {
        let c = r.get();
        while (c === ';' || c === ' ' || c === '\t' || c === '\n' || c === '\r') c = r.get();
        if (c === END) break;
        let a1 = address(r, c);
        let a2: Addr | null = null;
        if (a1) {
          if (a1.kind === 'plus' || a1.kind === 'mult') r.fail(r.gnu ? 'invalid usage of +N or ~N as first address' : 'missing command');
          c = r.nonblank();
          if (c === ',') {
            a2 = address(r, r.nonblank());
            if (!a2) r.fail(r.gnu ? "unexpected `,'" : 'no address after comma');
            if (a2.kind === 'zero') a2 = { ...a2, kind: 'line' };
            c = r.nonblank();
          }
          if (a1.kind === 'zero' && (a2 === null || a2.kind !== 'regex')) r.fail(r.gnu ? 'invalid usage of line address 0' : 'missing command');
        } else if (c === ',') {
          r.fail(r.gnu ? "unexpected `,'" : 'missing command');
        }
        if (a1 && a1.kind === 'step' && a1.step === 0) a1 = { ...a1, kind: 'line' };
        let bang = false;
        if (c === '!') {
          bang = true;
          c = r.nonblank();
          if (c === '!') r.fail(r.gnu ? "multiple `!'s" : 'missing command');
        }
        const base = { a1, a2, bang, name: c, text: '', int: -1, subst: null, map: null, jump: -1 };
        const oneAddr = () => { if (a2) r.fail(r.gnu ? 'command only uses one address' : `command '${c}' uses only one address`); };
        switch (c) {
          case '#': {
            if (a1) r.fail(r.gnu ? "comments don't accept any addresses" : `unsupported command ${c}`);
            const start = r.pos;
            let d = r.get();
            if (si === 0 && start === 1 && d === 'n') {
              const e = r.get();
              if (e === END || e === '\n') { quiet = true; continue; }
              d = e;
            }
            while (d !== END && d !== '\n') d = r.get();
            continue;
          }
          case '{':
            blocks.push({ at: cmds.length, reader: r, line: r.line });
            cmds.push(base);
            continue;
          case '}': {
            if (a1) r.fail(r.gnu ? "unexpected `}'" : `unsupported command ${c}`);
            const open = blocks.pop();
            if (!open) r.fail(r.gnu ? "unexpected `}'" : `unsupported command ${c}`);
            if (bang) r.fail(r.gnu ? "unexpected `}'" : `unsupported command ${c}`);
            endOfCmd(r);
            const at = cmds.length;
            (cmds[open.at] as Cmd).jump = at;
            continue;
          }
          case 'v': {
            // GNU 4.9: a version newer than its own (or not a version) is an error.
            const want = readLabel(r, true);
            if (want !== '' && r.gnu && !versionAtMost(want, [4, 9])) r.fail('expected newer version of sed');
            continue;
          }
          case 'e':
            cmds.push({ ...base, text: readLabel(r, false) });
            continue;
          case 'a': case 'i': case 'c': {
            if (c === 'i' && !r.gnu) oneAddr();
            const text = readText(r, false);
            if (text === null && src.file === null && sources[si + 1] !== undefined && sources[si + 1]?.file === null) pending = cmds.length;
            cmds.push({ ...base, text: text ?? '' });
            continue;
          }
          case ':': {
            if (a1) r.fail(r.gnu ? ": doesn't want any addresses" : `unsupported command ${c}`);
            const label = readLabel(r, true);
            if (label === '') r.fail(r.gnu ? '":" lacks a label' : 'missing command');
            if (!labels.has(label)) labels.set(label, cmds.length);
            continue;
          }
          case 'b': case 't': case 'T':
            cmds.push({ ...base, text: readLabel(r, true) });
            continue;
          case 'q': case 'Q': case 'l': case 'L': {
            if (c === 'q' || c === 'Q') oneAddr();
            let d = r.nonblank();
            let n = -1;
            if (isDigit(d)) { n = r.integer(d); d = r.nonblank(); }
            if (d === '}' || d === '#') r.unget(d);
            else if (d !== END && d !== '\n' && d !== ';') r.fail(r.gnu ? 'extra characters after command' : `unsupported command ${d}`);
            cmds.push({ ...base, int: n });
            continue;
          }
          case '=': case 'd': case 'D': case 'F': case 'g': case 'G': case 'h': case 'H':
          case 'n': case 'N': case 'p': case 'P': case 'x': case 'z':
            endOfCmd(r);
            cmds.push(base);
            continue;
          case 'r': case 'R': case 'w': case 'W': {
            const file = readLabel(r, false);
            if (file === '') r.fail(r.gnu ? 'missing filename in r/R/w/W commands' : 'empty filename');
            cmds.push({ ...base, text: file });
            continue;
          }
          case 's':
            cmds.push({ ...base, subst: substitute(r) });
            continue;
          case 'y':
            cmds.push({ ...base, map: transliterate(r) });
            continue;
          case END:
          case '\n':
          case ';':
            r.fail('missing command');
            break;
          default:
            r.fail(r.gnu ? `unknown command: \`${c}'` : `unsupported command ${c}`);
        }
      }
    });
    const open = blocks.pop();
    if (open) {
      // Found once every script is read (GNU check_final_program): named where the `{` was, at char 0.
      const r = open.reader;
      if (!r.gnu) r.fail('unterminated {');
      r.pos = 0;
      r.line = open.line;
      r.fail("unmatched `{'");
    }
    for (const cmd of cmds) {
      if (cmd.name !== 'b' && cmd.name !== 't' && cmd.name !== 'T') continue;
      if (cmd.text === '') { cmd.jump = -1; continue; }
      const at = labels.get(cmd.text);
      if (at === undefined) throw new SedError(opts.gnu ? `can't find label for jump to \`${cmd.text}'` : `can't find label for jump to '${cmd.text}'`);
      cmd.jump = at;
    }
  } catch (e) {
    if (e instanceof SedError) return e.message;
    throw e;
  }
  return { cmds, quiet };
}
