/**
 * kubectl's JSONPath, ported from k8s.io/client-go util/jsonpath (v0.30): parser.go (Parse,
 * parseInsideAction, parseField/advance, parseArray, parseFilter, parseQuote, UnquoteExtend) and
 * jsonpath.go (FindResults with range/end, walk, evalField, evalArray, evalFilter, evalWildcard,
 * evalRecursive, PrintResults, evalToText). The data are JSON values (an unstructured object).
 */
import { goQuote, isPrint } from '../../engine/rbac/subjects.js';
import { goFloat } from './goyaml.js';

type Node =
  | { t: 'list'; nodes: Node[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'ident'; name: string }
  | { t: 'array'; params: Param[] }
  | { t: 'filter'; left: Node & { t: 'list' }; right: Node & { t: 'list' }; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; nodes: (Node & { t: 'list' })[] };

interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}

const EOF = '';

class JsonPathError extends Error {}

class Parser {
  root: Node & { t: 'list' } = { t: 'list', nodes: [] };
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): void {
    this.input = text;
    this.root = { t: 'list', nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos) as number;
    const ch = String.fromCodePoint(cp);
    this.width = ch.length;
    this.pos += this.width;
    return ch;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: Node & { t: 'list' }): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consume() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consume() });
  }

  private parseLeftDelim(cur: Node & { t: 'list' }): void {
    this.pos += 1;
    this.consume();
    const list: Node & { t: 'list' } = { t: 'list', nodes: [] };
    cur.nodes.push(list);
    this.parseInsideAction(list);
  }

  private parseInsideAction(cur: Node & { t: 'list' }): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === EOF || r === '\r' || r === '\n') throw new JsonPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') { this.consume(); continue; }
      if (r === '[') { this.parseArray(cur); continue; }
      if (r === '"' || r === "'") { this.parseQuote(cur, r); continue; }
      if (r === '.') { this.parseField(cur); continue; }
      if (r === '+' || r === '-' || /\p{Nd}/u.test(r)) { this.backup(); this.parseNumber(cur); continue; }
      if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); continue; }
      throw new JsonPathError(`unrecognized character in action: ${goRune(r)}`);
    }
  }

  private parseIdentifier(cur: Node & { t: 'list' }): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        if (r !== EOF) this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ t: 'bool', value: value === 'true' });
    else cur.nodes.push({ t: 'ident', name: value });
  }

  private parseRecursive(cur: Node & { t: 'list' }): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last?.t === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ t: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: Node & { t: 'list' }): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !/\p{Nd}/u.test(c)) {
        if (c !== EOF) this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ t: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ t: 'float', value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: Node & { t: 'list' }): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const union = strs.map((s) => parseAction(`[${s.trim()}]`));
      cur.nodes.push({ t: 'union', nodes: union });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      for (const n of parseAction(`.${dict[1] ?? ''}`).nodes) cur.nodes.push(n);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: Param[] = [];
    for (let i = 0; i < 3; i++) {
      let v = value[i] as string;
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) params.push({ value: (params[0]?.value ?? 0) + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ t: 'array', params });
  }

  private parseFilter(cur: Node & { t: 'list' }): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    let text = this.consume();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ t: 'filter', left: parseAction(text), right: { t: 'list', nodes: [] }, op: 'exists' });
    else cur.nodes.push({ t: 'filter', left: parseAction(m[1] ?? ''), right: parseAction(m[3] ?? ''), op: m[2] ?? '' });
  }

  private parseQuote(cur: Node & { t: 'list' }, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    const s = unquoteExtend(value);
    if (s === null) throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ t: 'text', text: s });
  }

  private parseField(cur: Node & { t: 'list' }): void {
    this.consume();
    while (this.advance()) { /* scan */ }
    const value = this.consume();
    if (value === '*') cur.nodes.push({ t: 'wildcard' });
    else cur.nodes.push({ t: 'field', name: value.replace(/\\/g, '') });
  }

  /** Scans until the next non-escaped terminator: `\.` keeps the dot in the field name. */
  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) {
      if (r !== EOF) this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: `{text}` parsed on its own, its action list. */
function parseAction(text: string): Node & { t: 'list' } {
  const p = new Parser();
  p.parse(`{${text}}`);
  return p.root.nodes[0] as Node & { t: 'list' };
}

function isTerminator(r: string): boolean {
  return r === EOF || r === ' ' || r === '\t' || r === '\r' || r === '\n' || '.,[]$@{}'.includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /[\p{L}\p{Nd}]/u.test(r);
}

/** Go's %#U: `U+0021 '!'`, the character only when unicode.IsPrint takes it (`U+0009` for a tab). */
function goRune(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(r) ? `${code} '${r}'` : code;
}

/** UnquoteExtend: strconv.Unquote that also takes single-quoted strings. */
function unquoteExtend(s: string): string | null {
  if (s.length < 2) return null;
  const q = s[0] as string;
  if (q !== s[s.length - 1] || (q !== '"' && q !== "'")) return null;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === q) return null;
    if (c !== '\\') { out += c; continue; }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e !== undefined && Object.hasOwn(simple, e)) {
      if ((e === '"' || e === "'") && e !== q) return null;
      out += simple[e];
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else return null;
  }
  return out;
}

type Value = unknown;

/** reflect's Index on a string: its UTF-8 bytes (uint8), not one-character strings. */
function bytesOf(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}
const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | null = null;

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: Value, nodes: readonly Node[]): Value[][] {
    const cur = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Node;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, rest));
        else this.findResults(null, rest);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(values: Value[], node: Node): Value[] {
    switch (node.t) {
      case 'list': {
        let cur = values;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text': return [node.text];
      case 'field': return this.evalField(values, node.name);
      case 'array': return this.evalArray(values, node.params);
      case 'filter': return this.evalFilter(values, node);
      case 'int': case 'float': case 'bool': return values.map(() => node.value);
      case 'wildcard': return values.flatMap((v) => (Array.isArray(v) ? v : isMap(v) ? Object.values(v) : typeof v === 'string' ? bytesOf(v) : []));
      case 'recursive': return this.evalRecursive(values);
      case 'union': return node.nodes.flatMap((l) => this.walk(values, l));
      case 'ident':
        if (node.name === 'range') {
          this.beginRange++;
          return values;
        }
        if (node.name === 'end') {
          if (this.inRange > 0) {
            this.endRange++;
            return [];
          }
          throw new JsonPathError('not in range, nothing to end');
        }
        throw new JsonPathError(`unrecognized identifier ${node.name}`);
    }
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.hasOwn(v, name)) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return results;
  }

  private evalArray(input: Value[], params0: readonly Param[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
      const p = params0.map((x) => ({ ...x }));
      const [a, b, c] = p as [Param, Param, Param];
      if (!a.known) a.value = 0;
      if (a.value < 0) a.value += v.length;
      if (!b.known) b.value = v.length;
      if (b.value < 0 || (b.value === 0 && b.derived)) b.value += v.length;
      if (b.value === a.value) return result;
      if (a.value >= v.length || a.value < 0) throw new JsonPathError(`array index out of bounds: index ${a.value}, length ${v.length}`);
      if (b.value > v.length || b.value < 0) throw new JsonPathError(`array index out of bounds: index ${b.value - 1}, length ${v.length}`);
      if (a.value > b.value) throw new JsonPathError(`starting index ${a.value} is greater than ending index ${b.value}`);
      const slice = v.slice(a.value, b.value);
      let step = 1;
      if (c.known) {
        if (c.value <= 0) throw new JsonPathError('step must be > 0');
        step = c.value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const children = Array.isArray(v) ? v : isMap(v) ? Object.values(v) : typeof v === 'string' ? bytesOf(v) : [];
      if (children.length) {
        result.push(v);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: Node & { t: 'filter' }): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goPrint(v)} is not array or slice and cannot be filtered`);
      for (const el of v) {
        let lefts: Value[];
        try {
          lefts = this.walk([el], node.left);
        } catch (e) {
          if (node.op === 'exists') continue;
          throw e;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(el);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk([el], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.op, literalKind(node.left), literalKind(node.right))) results.push(el);
      }
    }
    return results;
  }
}

type NumberKind = 'int' | 'float';

/** A filter side that is one number literal has the literal's kind: `2.0` is a float64 even where it equals 2. */
function literalKind(side: Node & { t: 'list' }): NumberKind | undefined {
  const only = side.nodes.length === 1 ? side.nodes[0] : undefined;
  return only?.t === 'int' ? 'int' : only?.t === 'float' ? 'float' : undefined;
}

/**
 * text/template's eq/ne/lt/le/gt/ge on basic kinds (client-go's forked template funcs.go): an int64
 * and a float64 are different kinds, so comparing them is an error, as `2` against `2.0` is. A data
 * number is an int64 when it is a whole number that fits (apimachinery's JSON decoding), else a float64.
 */
function compare(l: Value, r: Value, op: string, lLiteral?: NumberKind, rLiteral?: NumberKind): boolean {
  const numberKind = (x: number, literal: NumberKind | undefined): NumberKind => literal ?? (Number.isInteger(x) && Math.abs(x) < 2 ** 63 ? 'int' : 'float');
  const kindOf = (x: Value, literal: NumberKind | undefined) => (typeof x === 'number' ? numberKind(x, literal) : typeof x === 'string' ? 'string' : typeof x === 'boolean' ? 'bool' : 'other');
  const lk = kindOf(l, lLiteral);
  const rk = kindOf(r, rLiteral);
  if (!['<', '>', '==', '!=', '<=', '>='].includes(op)) throw new JsonPathError(`unrecognized filter operator ${op}`);
  if (lk !== rk || lk === 'other') {
    if (op === '==' || op === '!=') {
      if (lk === 'other' || rk === 'other') throw new JsonPathError('invalid type for comparison');
      throw new JsonPathError('incompatible types for comparison');
    }
    throw new JsonPathError(lk === 'other' || rk === 'other' ? 'invalid type for comparison' : 'incompatible types for comparison');
  }
  if (lk === 'bool' && !['==', '!='].includes(op)) throw new JsonPathError('invalid type for comparison');
  const a = l as number | string | boolean;
  const b = r as number | string | boolean;
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    default: return a >= b;
  }
}

/** encoding/json's Marshal: compact, map keys sorted, `<`, `>`, `&`, U+2028/9 escaped. */
export function goJson(v: unknown): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (isMap(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortKeys(x[k])]));
    return x;
  };
  return (JSON.stringify(sortKeys(v)) ?? 'null')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function goJsonIndent4(v: unknown): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (isMap(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sortKeys(x[k])]));
    return x;
  };
  return (JSON.stringify(sortKeys(v), null, 4) ?? 'null')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

/** fmt's %v of an unstructured value. */
function goPrint(v: Value): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goPrint(v[k])}`).join(' ')}]`;
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** An unstructured JSON number under fmt's %v or %#v: an int64 when it is whole and fits, else a float64 (strconv 'g', -1). */
function goNumber(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : goFloat(v);
}

/** fmt's %#v of an unstructured value (the printer's debugging dump). */
export function goSyntax(v: Value): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  return `map[string]interface {}{${Object.keys(v as Record<string, unknown>).sort().map((k) => `${goQuote(k)}:${goSyntax((v as Record<string, unknown>)[k])}`).join(', ')}}`;
}

/**
 * One result as PrintResults writes it: maps/lists as compact JSON, scalars via fmt.Fprint, nil as `null`.
 * A JSON number is an int64 in the unstructured object when it fits, else a float64, which fmt prints
 * as strconv's shortest %g (`1e-05`, `1.2345675e+06`, `1e+20`), not as JavaScript's String does.
 */
function show(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return goJson(v);
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** FindResults: every node's results (allowMissingKeys), as custom-columns reads them. */
export function findResults(nodes: readonly Node[], data: unknown): { ok: true; results: unknown[][] } | { ok: false; error: string } {
  try {
    return { ok: true, results: new Evaluator(true).findResults(data, nodes) };
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, error: e.message };
    throw e;
  }
}

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

/** Parses a template; the error text is the parser's (`unclosed action`, `unterminated array`). */
export function parseJsonPath(template: string): { ok: true; nodes: readonly Node[] } | { ok: false; error: string } {
  try {
    const p = new Parser();
    p.parse(template);
    return { ok: true, nodes: p.root.nodes };
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * Executes a template against data as JSONPath.Execute does (missing keys allowed, kubectl's default
 * for -o jsonpath). `asJson`: jsonpath-as-json (all results of a node as one indented JSON array).
 */
export function executeJsonPath(nodes: readonly Node[], data: unknown, opts: { allowMissingKeys?: boolean; asJson?: boolean } = {}): { ok: true; text: string } | { ok: false; error: string } {
  try {
    const ev = new Evaluator(opts.allowMissingKeys ?? true);
    const full = ev.findResults(data, nodes);
    let text = '';
    for (const results of full) {
      if (opts.asJson) {
        // json.MarshalIndent(results, "", "    "): map keys sorted, HTML characters escaped.
        text += `${goJsonIndent4(results)}\n`;
        continue;
      }
      text += results.map(show).join(' ');
    }
    return { ok: true, text };
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * `-o jsonpath=TEMPLATE` as cli-runtime's JSONPathPrinter prints it, errors worded as kubectl
 * prints them (pkg/genericclioptions/jsonpath_flags.go ToPrinter, printers/jsonpath.go PrintObj).
 */
export function jsonpath(template: string, data: unknown, opts: { allowMissingKeys?: boolean; asJson?: boolean } = {}): JsonPathResult {
  if (template === '') return { ok: false, error: 'error: template format specified but no template given' };
  const parsed = parseJsonPath(template);
  if (!parsed.ok) return { ok: false, error: `error: error parsing jsonpath ${template}, ${parsed.error}\n` };
  const r = executeJsonPath(parsed.nodes, data, opts);
  if (r.ok) return r;
  const debug = `Error executing template: ${r.error}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`;
  return { ok: false, error: `error: error executing jsonpath ${JSON.stringify(template)}: ${debug}\n` };
}
