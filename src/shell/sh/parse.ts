import type { AndOr, Assign, Command, Compound, List, Pipeline, Redir, RedirOp, Simple, Word } from './ast.js';
import { readCond } from './cond.js';
import { Incomplete, SyntaxFail } from './errors.js';
import { isNameStart, readHeredocBody, readWord, type WordReader } from './words.js';

/**
 * The POSIX shell grammar (XCU 2.10) by recursive descent over the characters: lists, `&&`/`||`,
 * pipelines, simple commands with assignments and redirections, here-documents, `{ }`, `( )`,
 * if/for/while/until/case and functions.
 */
export type ParseResult =
  | { readonly ok: true; readonly list: List; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly incomplete: string }
  | { readonly ok: false; readonly incomplete?: undefined; readonly kind: 'token' | 'bad-substitution' | 'syntax' | 'cond' | 'eof'; readonly token: string };

type Tok =
  | { readonly k: 'word'; readonly w: Word; readonly start: number; readonly end: number }
  | { readonly k: 'op'; readonly v: string; readonly fd: number | null; readonly start: number; readonly end: number }
  | { readonly k: 'nl'; readonly start: number; readonly end: number }
  | { readonly k: 'eof'; readonly start: number; readonly end: number };

const OPS = ['&&', '||', ';;', '&>>', '&>', '<<<', '<<-', '<<', '<>', '<&', '>>', '>&', '>|', ';', '&', '|', '(', ')', '<', '>'];
const REDIR = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '<<<', '&>', '&>>']);
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!']);

/**
 * `atEof`: the input will not continue (a `-c` string, a script): a here-document without its
 * delimiter ends at the end (with bash's warning), anything else incomplete is an error.
 */
export function parse(src: string, atEof = false, bash = false): ParseResult {
  const p = new Parser(src, atEof, bash);
  try {
    const list = p.program();
    return { ok: true, list, warnings: p.warnings };
  } catch (e) {
    if (e instanceof Incomplete) return atEof ? { ok: false, kind: 'eof', token: e.wanting } : { ok: false, incomplete: e.wanting };
    if (e instanceof SyntaxFail) return { ok: false, kind: e.kind, token: e.token };
    throw e;
  }
}

class Parser implements WordReader {
  private i = 0;
  private peeked: Tok | null = null;
  private pending: Redir[] = [];
  readonly warnings: string[] = [];
  /** Ends the current list at an unmatched `)` (inside `$(`). */
  private subDepth = 0;

  /** `bash`: the grammar has `(( expr ))` and `for ((;;))` (ash and dash read `((` as two subshells). */
  constructor(private readonly src: string, private readonly atEof: boolean, readonly bash = false) {}

  program(): List {
    const list = this.list(new Set());
    const t = this.peek();
    if (t.k !== 'eof') throw new SyntaxFail('token', tokName(t));
    this.heredocs(true);
    return list;
  }

  // --- WordReader: $(…) and `…` bodies ---
  parseSub(src: string, i: number): { body: List; end: number } {
    if (src !== this.src) {
      const inner = new Parser(src, this.atEof, this.bash);
      inner.i = i;
      return inner.subList();
    }
    const saveI = this.i, savePeek = this.peeked;
    this.i = i;
    this.peeked = null;
    const r = this.subList();
    this.i = saveI;
    this.peeked = savePeek;
    return r;
  }

  private subList(): { body: List; end: number } {
    this.subDepth++;
    const body = this.list(new Set());
    const t = this.next();
    this.subDepth--;
    if (t.k === 'eof') throw new Incomplete('(');
    if (!(t.k === 'op' && t.v === ')')) throw new SyntaxFail('token', tokName(t));
    return { body, end: t.end };
  }

  parseText(text: string): List {
    const inner = new Parser(text, true, this.bash);
    return inner.program();
  }

  // --- tokens ---
  private peek(): Tok {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  private next(): Tok {
    const t = this.peek();
    this.peeked = null;
    return t;
  }

  private lex(): Tok {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') { while (this.i < s.length && s[this.i] !== '\n') this.i++; }
      else break;
    }
    const start = this.i;
    if (this.i >= s.length) return { k: 'eof', start, end: start };
    if (s[this.i] === '\\' && this.i === s.length - 1) {
      // A backslash at the very end asks for a continuation line.
      if (!this.atEof) throw new Incomplete('\\');
      this.i++;
      return { k: 'eof', start, end: this.i };
    }
    if (s[this.i] === '\n') {
      this.i++;
      this.heredocs(false);
      return { k: 'nl', start, end: this.i };
    }
    const fdMatch = /^(\d+)(?=[<>])/.exec(s.slice(this.i, this.i + 12));
    const opStart = this.i + (fdMatch ? fdMatch[1]!.length : 0);
    const op = OPS.find((o) => s.startsWith(o, opStart));
    if (op && (fdMatch === null || REDIR.has(op))) {
      this.i = opStart + op.length;
      return { k: 'op', v: op, fd: fdMatch ? Number(fdMatch[1]) : null, start, end: this.i };
    }
    const { word, end } = readWord(s, this.i, this);
    this.i = end;
    return { k: 'word', w: word, start, end };
  }

  /** After a newline: read the bodies of the here-documents opened on that line. */
  private heredocs(final: boolean): void {
    if (this.pending.length === 0) return;
    const s = this.src;
    for (const r of this.pending) {
      const delim = unquoted(r.target);
      const strip = r.op === '<<-';
      let body = '';
      let found = false;
      while (this.i < s.length) {
        const nl = s.indexOf('\n', this.i);
        const lineEnd = nl < 0 ? s.length : nl;
        let line = s.slice(this.i, lineEnd);
        if (strip) line = line.replace(/^\t+/, '');
        this.i = nl < 0 ? s.length : nl + 1;
        if (line === delim) { found = true; break; }
        body += `${line}\n`;
      }
      if (!found) {
        if (!this.atEof) throw new Incomplete(`<<${delim}`);
        const line = s.slice(0, this.i).split('\n').length;
        this.warnings.push(`here-document at line ${Math.max(1, line - (body.split('\n').length - 1))} delimited by end-of-file (wanted \`${delim}')`);
      }
      r.heredoc = { body, expand: !quotedWord(r.target) };
    }
    this.pending = [];
    if (final) return;
  }

  // --- grammar ---
  private skipNewlines(): void {
    while (this.peek().k === 'nl') this.next();
  }

  private isEnd(t: Tok, stop: ReadonlySet<string>): boolean {
    if (t.k === 'eof') return true;
    if (t.k === 'op' && (t.v === ';;' || (t.v === ')' && (this.subDepth > 0 || stop.has(')'))))) return true;
    return t.k === 'word' && stop.has(plain(t.w) ?? '');
  }

  private list(stop: ReadonlySet<string>): List {
    const items: { ao: AndOr; bg: boolean; nl?: boolean }[] = [];
    this.skipNewlines();
    while (!this.isEnd(this.peek(), stop)) {
      const ao = this.andOr(stop);
      const t = this.peek();
      let bg = false;
      let nl = false;
      if (t.k === 'op' && (t.v === ';' || t.v === '&')) {
        this.next();
        bg = t.v === '&';
        const after = this.peek();
        nl = after.k === 'nl' || after.k === 'eof';
      } else if (t.k === 'nl') {
        this.next();
        nl = true;
      } else if (!this.isEnd(t, stop)) {
        throw new SyntaxFail('token', tokName(t));
      } else {
        nl = t.k === 'eof';
      }
      items.push(nl ? { ao, bg, nl } : { ao, bg });
      this.skipNewlines();
    }
    return { items };
  }

  private andOr(stop: ReadonlySet<string>): AndOr {
    const first = this.pipeline(stop);
    const rest: { op: '&&' | '||'; p: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || (t.v !== '&&' && t.v !== '||')) break;
      this.next();
      this.skipNewlinesOrMore(t.v);
      rest.push({ op: t.v, p: this.pipeline(stop) });
    }
    return { first, rest };
  }

  /** After `|`, `&&`, `||` the command may be on the next line; at the end of input, ask for it. */
  private skipNewlinesOrMore(op: string): void {
    this.skipNewlines();
    if (this.peek().k === 'eof') {
      throw new Incomplete(op);
    }
  }

  private pipeline(stop: ReadonlySet<string>): Pipeline {
    let negate = false;
    const t = this.peek();
    if (t.k === 'word' && plain(t.w) === '!') {
      this.next();
      negate = true;
    }
    const cmds: Command[] = [this.command(stop)];
    for (;;) {
      const n = this.peek();
      if (n.k !== 'op' || n.v !== '|') break;
      this.next();
      this.skipNewlinesOrMore('|');
      cmds.push(this.command(stop));
    }
    return { negate, cmds };
  }

  private command(stop: ReadonlySet<string>): Command {
    const t = this.peek();
    if (t.k === 'eof') {
      throw new Incomplete('command');
    }
    if (t.k === 'nl') throw new SyntaxFail('token', 'newline');
    if (t.k === 'op') {
      if (t.v === '(') {
        const expr = this.dparen(t);
        if (expr) return { t: 'arith', expr, redirs: this.redirs() };
      }
      if (t.v === '(') { this.next(); const body = this.compoundList(new Set([')']), ')'); return { t: 'subshell', body, redirs: this.redirs() }; }
      if (!REDIR.has(t.v)) throw new SyntaxFail('token', t.v);
    }
    if (t.k === 'word') {
      const w = plain(t.w);
      if (w !== null && RESERVED.has(w) && w !== '!') return this.compound(w, stop);
      if (w === '[[' && this.bash) {
        this.next();
        const { expr, end } = readCond(this.src, this.i, this);
        this.i = end;
        return { t: 'cond', expr, redirs: this.redirs() };
      }
      // name() { …; }: a function definition.
      if (w !== null && isNameStart(w[0]) && /^[\w-]+$/.test(w)) {
        const save = { i: this.i, peeked: this.peeked };
        this.next();
        const open = this.peek();
        if (open.k === 'op' && open.v === '(') {
          this.next();
          const close = this.next();
          if (!(close.k === 'op' && close.v === ')')) throw new SyntaxFail('token', tokName(close));
          this.skipNewlines();
          const body = this.command(stop);
          return { t: 'func', name: w, body, redirs: [] };
        }
        this.i = save.i;
        this.peeked = save.peeked;
      }
    }
    return this.simple();
  }

  private compound(word: string, _stop: ReadonlySet<string>): Compound {
    const t = this.next();
    const expect = (w: string) => {
      this.skipNewlinesAllowEof(w);
      const n = this.next();
      if (!(n.k === 'word' && plain(n.w) === w)) throw new SyntaxFail('token', tokName(n));
    };
    switch (word) {
      case '{': {
        const body = this.compoundList(new Set(['}']), '}');
        return { t: 'group', body, redirs: this.redirs() };
      }
      case 'if': {
        const clauses: { cond: List; body: List }[] = [];
        let otherwise: List | null = null;
        let cond = this.compoundList(new Set(['then']), 'then');
        for (;;) {
          const body = this.list(new Set(['elif', 'else', 'fi']));
          clauses.push({ cond, body });
          const n = this.nextReserved(['elif', 'else', 'fi']);
          if (n === 'fi') break;
          if (n === 'else') { otherwise = this.compoundList(new Set(['fi']), 'fi'); break; }
          cond = this.compoundList(new Set(['then']), 'then');
        }
        return { t: 'if', clauses, otherwise, redirs: this.redirs() };
      }
      case 'for': {
        const open = this.peek();
        const exprs = open.k === 'op' && open.v === '(' ? this.dparen(open) : null;
        if (exprs) return this.arithFor(exprs);
        const nameTok = this.next();
        const name = nameTok.k === 'word' ? plain(nameTok.w) : null;
        if (name === null || !/^[A-Za-z_]\w*$/.test(name)) throw new SyntaxFail('token', tokName(nameTok));
        let items: Word[] | null = null;
        this.skipNewlines();
        const n = this.peek();
        if (n.k === 'word' && plain(n.w) === 'in') {
          this.next();
          items = [];
          for (;;) {
            const w = this.peek();
            if (w.k !== 'word') break;
            this.next();
            items.push(w.w);
          }
          const sep = this.peek();
          if (sep.k === 'op' && sep.v === ';') this.next();
        } else if (n.k === 'op' && n.v === ';') this.next();
        expect('do');
        const body = this.compoundList(new Set(['done']), 'done');
        return { t: 'for', name, items, body, redirs: this.redirs() };
      }
      case 'while':
      case 'until': {
        const cond = this.compoundList(new Set(['do']), 'do');
        const body = this.compoundList(new Set(['done']), 'done');
        return { t: word, cond, body, redirs: this.redirs() };
      }
      case 'case': {
        const wt = this.next();
        if (wt.k !== 'word') throw new SyntaxFail('token', tokName(wt));
        expect('in');
        const arms: { patterns: Word[]; body: List }[] = [];
        for (;;) {
          this.skipNewlinesAllowEof('esac');
          const n = this.peek();
          if (n.k === 'word' && plain(n.w) === 'esac') { this.next(); break; }
          if (n.k === 'op' && n.v === '(') this.next();
          const patterns: Word[] = [];
          for (;;) {
            const p = this.next();
            if (p.k !== 'word') throw new SyntaxFail('token', tokName(p));
            patterns.push(p.w);
            const sep = this.next();
            if (sep.k === 'op' && sep.v === ')') break;
            if (!(sep.k === 'op' && sep.v === '|')) throw new SyntaxFail('token', tokName(sep));
          }
          const body = this.list(new Set(['esac']));
          arms.push({ patterns, body });
          const end = this.peek();
          if (end.k === 'op' && end.v === ';;') this.next();
          else if (end.k === 'eof') throw new Incomplete('esac');
        }
        return { t: 'case', word: wt.w, arms, redirs: this.redirs() };
      }
      default:
        throw new SyntaxFail('token', tokName(t));
    }
  }

  /**
   * bash's `((`: when the `(` token is directly followed by another `(` whose `)` is directly
   * followed by `)`, the text between is an arithmetic expression (consumed; returned as the word
   * to expand); otherwise null and nothing is consumed.
   */
  private dparen(t: Tok): Word | null {
    const s = this.src;
    if (!this.bash || t.end !== t.start + 1 || s[t.end] !== '(') return null;
    const start = t.end + 1;
    let depth = 0;
    for (let j = start; j < s.length; j++) {
      const c = s[j];
      if (c === '\\') { j++; continue; }
      if (c === "'" || c === '"') {
        const close = s.indexOf(c, j + 1);
        if (close < 0) break;
        j = close;
      } else if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) { depth--; continue; }
        if (s[j + 1] !== ')') return null;
        const inner = s.slice(start, j);
        this.i = j + 2;
        this.peeked = null;
        const part = readWord(`$((${inner}))`, 0, this).word.parts[0];
        return part && part.t === 'arith' ? part.expr : { parts: [], src: inner };
      }
    }
    throw new Incomplete('(');
  }

  /** `for (( init; cond; step ))` then `do … done` or `{ … }`. */
  private arithFor(all: Word): Compound {
    const texts = splitTop(all.src);
    // bash (parse.y): `syntax error: arithmetic expression required`, or `;' unexpected`, then the whole `((…))`.
    if (texts.length !== 3) throw new SyntaxFail('syntax', `${texts.length < 3 ? 'arithmetic expression required' : "`;' unexpected"}\n\`((${all.src}))'`);
    const [init, cond, step] = texts.map((x) => readWord(`$((${x}))`, 0, this).word.parts[0]).map((p, k) => (p && p.t === 'arith' ? p.expr : { parts: [], src: texts[k] ?? '' }));
    const sep = this.peek();
    if (sep.k === 'op' && sep.v === ';') this.next();
    this.skipNewlinesAllowEof('do');
    const open = this.peek();
    let body: List;
    if (open.k === 'word' && plain(open.w) === '{') {
      const group = this.compound('{', new Set());
      body = { items: [{ ao: { first: { negate: false, cmds: [group] }, rest: [] }, bg: false }] };
    } else {
      this.next();
      if (!(open.k === 'word' && plain(open.w) === 'do')) throw new SyntaxFail('token', tokName(open));
      body = this.compoundList(new Set(['done']), 'done');
    }
    return { t: 'arithFor', init: init as Word, cond: cond as Word, step: step as Word, body, redirs: this.redirs() };
  }

  private skipNewlinesAllowEof(wanting: string): void {
    this.skipNewlines();
    if (this.peek().k === 'eof') {
      throw new Incomplete(wanting);
    }
  }

  /** A list ended by `end` (consumed); at the end of input, ask for more. */
  private compoundList(stop: ReadonlySet<string>, end: string): List {
    const body = this.list(stop);
    const t = this.peek();
    if (t.k === 'eof') {
      throw new Incomplete(end);
    }
    this.next();
    const ok = end === ')' ? t.k === 'op' && t.v === ')' : t.k === 'word' && plain(t.w) === end;
    if (!ok) throw new SyntaxFail('token', tokName(t));
    return body;
  }

  private nextReserved(allowed: readonly string[]): string {
    const t = this.peek();
    if (t.k === 'eof') {
      throw new Incomplete(allowed.join('|'));
    }
    this.next();
    const w = t.k === 'word' ? plain(t.w) : null;
    if (w === null || !allowed.includes(w)) throw new SyntaxFail('token', tokName(t));
    return w;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !REDIR.has(t.v)) return out;
      out.push(this.redir());
    }
  }

  private redir(): Redir {
    const t = this.next() as Extract<Tok, { k: 'op' }>;
    const target = this.next();
    if (target.k !== 'word') {
      if (target.k === 'eof' && !this.atEof) throw new SyntaxFail('token', 'newline');
      throw new SyntaxFail('token', tokName(target));
    }
    const op = t.v as RedirOp;
    const fd = t.fd ?? (op.startsWith('<') && op !== '<&' ? 0 : op === '<&' ? 0 : 1);
    const r: Redir = { fd, op, target: target.w };
    if (op === '<<' || op === '<<-') this.pending.push(r);
    return r;
  }

  private simple(): Simple {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    const start = this.peek().start;
    let firstEnd = 0;
    let end = start;
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && REDIR.has(t.v)) {
        redirs.push(this.redir());
        end = this.i;
        continue;
      }
      if (t.k !== 'word') break;
      if (words.length > 0 || redirs.length > 0 || assigns.length > 0) {
        // `}` / `fi` … end a command only in command position; elsewhere they are plain words.
      }
      this.next();
      end = t.end;
      const a = words.length === 0 ? assignment(t.w) : null;
      if (a) assigns.push(a);
      else {
        if (words.length === 0) firstEnd = t.end - start;
        words.push(t.w);
      }
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) throw new SyntaxFail('token', tokName(this.peek()));
    return { t: 'simple', assigns, words, redirs, src: this.src.slice(start, end), firstEnd };
  }
}

/** The word's text when it has no quotes or expansions (reserved words must be bare). */
export function plain(w: Word): string | null {
  if (w.parts.length !== 1) return w.parts.length === 0 ? '' : null;
  const p = w.parts[0];
  return p && p.t === 'lit' && p.q === 0 ? p.v : null;
}

function assignment(w: Word): Assign | null {
  const first = w.parts[0];
  if (!first || first.t !== 'lit' || first.q !== 0) return null;
  const m = /^([A-Za-z_]\w*)=/.exec(first.v);
  if (!m) return null;
  const restFirst = first.v.slice(m[0].length);
  const parts = [...(restFirst ? [{ ...first, v: restFirst }] : []), ...w.parts.slice(1)];
  return { name: m[1] as string, value: { parts, src: w.src.slice(m[0].length) } };
}

/** The three expressions of `for ((…;…;…))`: split at the top-level semicolons. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === "'" || c === '"') && text.indexOf(c, j + 1) > 0) j = text.indexOf(c, j + 1);
    else if (c === ';' && depth === 0) {
      out.push(text.slice(from, j));
      from = j + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** A here-document delimiter with its quotes removed. */
function unquoted(w: Word): string {
  return w.parts.map((p) => (p.t === 'lit' ? p.v : p.t === 'param' ? `$${p.name}` : p.t === 'tilde' ? `~${p.user}` : '')).join('');
}

function quotedWord(w: Word): boolean {
  return w.parts.some((p) => p.t === 'lit' && p.q !== 0);
}

/** How bash names a token in `syntax error near unexpected token`. */
function tokName(t: Tok): string {
  if (t.k === 'eof') return 'eof';
  if (t.k === 'nl') return 'newline';
  if (t.k === 'op') return t.v;
  return t.w.src;
}

/** For the executor: parses `$(…)` and backquote bodies found while expanding a here-document. */
const READER: WordReader = {
  parseSub: (src, i) => new Parser(src, true).parseSub(src, i),
  parseText: (text) => new Parser(text, true).program(),
};

/** An unquoted-delimiter here-document's body as a word to expand. */
export function heredocWord(body: string): Word {
  return readHeredocBody(body, READER);
}
