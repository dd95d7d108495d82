/**
 * A port of github.com/google/go-cmp v0.6.0 `cmp.Diff` for the values the API server diffs when it
 * rejects a pod update (kubectl-pod-update-validation.md): compare.go (compareAny, compareStruct,
 * compareSlice with internal/diff.Difference, compareMap, comparePtr), report_value.go (valueNode
 * counts), report_compare.go (FormatDiff, formatDiffList, coalesceAdjacentRecords, 2 records of
 * context), report_reflect.go (FormatValue, FormatType, formatString) and report_text.go (textWrap,
 * textList, textLine, alignment, diffStats). Go's types are described by GoType values; Go values
 * are plain JS values (a struct is an object keyed by Go field names, nil is null). go-cmp's
 * random choices (NBSP markers, search direction) take the deterministic branch.
 */
// strconv.Quote and unicode.IsPrint: the same Go functions the RBAC messages quote with.
import { goQuote as strconvQuote, isPrint } from '../../engine/rbac/subjects.js';

export type GoType =
  | { readonly k: 'struct'; readonly name: string; readonly fields: () => readonly (readonly [string, GoType])[] }
  | { readonly k: 'ptr'; readonly elem: GoType }
  | { readonly k: 'slice'; readonly elem: GoType; readonly name?: string }
  | { readonly k: 'map'; readonly key: GoType; readonly elem: GoType; readonly name?: string }
  | { readonly k: 'string' | 'bool' | 'int64' | 'int32' | 'int'; readonly name?: string }
  /** resource.Quantity: compared by its Equal method, printed by its String method. */
  | { readonly k: 'quantity' };

type Kind = 'struct' | 'ptr' | 'slice' | 'map' | 'basic' | 'quantity';
const kindOf = (t: GoType): Kind => (t.k === 'string' || t.k === 'bool' || t.k === 'int64' || t.k === 'int32' || t.k === 'int' ? 'basic' : t.k);

/** A missing value (a slice element only one side has): reflect.Value{}. */
const INVALID: unique symbol = Symbol('invalid');
type Val = unknown;

export function typeString(t: GoType): string {
  switch (t.k) {
    case 'struct': return t.name;
    case 'ptr': return `*${typeString(t.elem)}`;
    case 'slice': return t.name ?? `[]${typeString(t.elem)}`;
    case 'map': return t.name ?? `map[${typeString(t.key)}]${typeString(t.elem)}`;
    case 'quantity': return 'resource.Quantity';
    default: return t.name ?? t.k;
  }
}

const isNamed = (t: GoType): boolean => t.k === 'struct' || t.k === 'quantity' || ((t.k === 'slice' || t.k === 'map' || kindOf(t) === 'basic') && 'name' in t && t.name !== undefined);

function zeroOf(t: GoType): Val {
  switch (t.k) {
    case 'struct': return {};
    case 'ptr': case 'slice': case 'map': return null;
    case 'string': return '';
    case 'bool': return false;
    case 'quantity': return '';
    default: return 0;
  }
}

function field(v: Val, name: string, t: GoType): Val {
  const o = v as Record<string, unknown>;
  const x = o?.[name];
  return x === undefined ? zeroOf(t) : x;
}

function isZero(t: GoType, v: Val): boolean {
  if (v === INVALID) return true;
  switch (t.k) {
    case 'struct': return t.fields().every(([n, ft]) => isZero(ft, field(v, n, ft)));
    case 'ptr': case 'slice': case 'map': return v === null || v === undefined;
    case 'string': case 'quantity': return v === '' || v === undefined;
    case 'bool': return v === false || v === undefined;
    default: return v === 0 || v === undefined;
  }
}

// ---------------- compare: the valueNode tree ----------------

interface VNode {
  readonly type: GoType;
  readonly vx: Val;
  readonly vy: Val;
  parent: VNode | null;
  numSame: number;
  numDiff: number;
  numCompared: number;
  numChildren: number;
  maxDepth: number;
  records: { key: string | null; node: VNode }[] | null;
  value: VNode | null;
}

function newNode(type: GoType, vx: Val, vy: Val, parent: VNode | null): VNode {
  return { type, vx, vy, parent, numSame: 0, numDiff: 0, numCompared: 0, numChildren: 0, maxDepth: 0, records: null, value: null };
}

function report(n: VNode, eq: boolean, byMethod = false): void {
  if (eq) n.numSame++;
  else n.numDiff++;
  if (byMethod) n.numCompared++;
}

function pop(child: VNode, parent: VNode): void {
  parent.numSame += child.numSame;
  parent.numDiff += child.numDiff;
  parent.numCompared += child.numCompared;
  parent.numChildren += child.numChildren + 1;
  parent.maxDepth = Math.max(parent.maxDepth, child.maxDepth + 1);
}

function compareAny(t: GoType, vx: Val, vy: Val, parent: VNode | null): VNode {
  const n = newNode(t, vx, vy, parent);
  // The validator option: a missing slice element compares unequal to anything.
  if (vx === INVALID || vy === INVALID) {
    report(n, vx === INVALID && vy === INVALID);
    return n;
  }
  switch (t.k) {
    case 'quantity':
      report(n, normalizeQuantity(String(vx ?? '')) === normalizeQuantity(String(vy ?? '')), true);
      return n;
    case 'string': case 'bool': case 'int': case 'int32': case 'int64':
      report(n, (vx ?? zeroOf(t)) === (vy ?? zeroOf(t)));
      return n;
    case 'struct': {
      n.records = [];
      for (const [name, ft] of t.fields()) {
        const c = compareAny(ft, field(vx, name, ft), field(vy, name, ft), n);
        n.records.push({ key: name, node: c });
        pop(c, n);
      }
      return n;
    }
    case 'ptr': {
      if (vx === null || vx === undefined || vy === null || vy === undefined) {
        report(n, (vx === null || vx === undefined) && (vy === null || vy === undefined));
        return n;
      }
      const c = compareAny(t.elem, vx, vy, n);
      n.value = c;
      pop(c, n);
      return n;
    }
    case 'map': {
      if (vx === null || vx === undefined || vy === null || vy === undefined) {
        report(n, (vx === null || vx === undefined) && (vy === null || vy === undefined));
        return n;
      }
      const mx = vx as Record<string, unknown>;
      const my = vy as Record<string, unknown>;
      n.records = [];
      for (const k of [...new Set([...Object.keys(mx), ...Object.keys(my)])].sort()) {
        const c = compareAny(t.elem, Object.hasOwn(mx, k) ? mx[k] : INVALID, Object.hasOwn(my, k) ? my[k] : INVALID, n);
        n.records.push({ key: k, node: c });
        pop(c, n);
      }
      return n;
    }
    case 'slice': {
      if (vx === null || vx === undefined || vy === null || vy === undefined) {
        report(n, (vx === null || vx === undefined) && (vy === null || vy === undefined));
        return n;
      }
      const xs = vx as unknown[];
      const ys = vy as unknown[];
      const edits = difference(xs.length, ys.length, (ix, iy) => {
        const c = compareAny(t.elem, xs[ix], ys[iy], null);
        return { same: c.numSame, diff: c.numDiff };
      });
      n.records = [];
      let ix = 0;
      let iy = 0;
      for (const e of edits) {
        const c = e === 'X' ? compareAny(t.elem, xs[ix++], INVALID, n)
          : e === 'Y' ? compareAny(t.elem, INVALID, ys[iy++], n)
          : compareAny(t.elem, xs[ix++], ys[iy++], n);
        n.records.push({ key: null, node: c });
        pop(c, n);
      }
      return n;
    }
  }
}

/** resource.Quantity's Equal compares values: `0.5` equals `500m`, `1Gi` equals `1024Mi`. */
function normalizeQuantity(q: string): string {
  const m = /^([+-]?\d*\.?\d+)([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return q;
  const mult: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 };
  const f = mult[m[2] ?? ''];
  return f === undefined ? q : String(Number(m[1]) * f);
}

// ---------------- internal/diff.Difference ----------------

type Edit = '.' | 'X' | 'Y' | 'M';
interface Res { same: number; diff: number }
const resEqual = (r: Res) => r.diff === 0;
const resSimilar = (r: Res) => r.same + 1 >= r.diff;

function difference(nx: number, ny: number, f: (ix: number, iy: number) => Res): Edit[] {
  const fwd = { dir: 1, x: 0, y: 0, es: [] as Edit[] };
  const rev = { dir: -1, x: nx, y: ny, es: [] as Edit[] };
  const append = (p: typeof fwd, e: Edit) => {
    p.es.push(e);
    if (e === '.' || e === 'M') { p.x += p.dir; p.y += p.dir; } else if (e === 'X') p.x += p.dir; else p.y += p.dir;
  };
  const connect = (p: typeof fwd, dx: number, dy: number) => {
    if (p.dir > 0) {
      while (dx > p.x && dy > p.y) {
        const r = f(p.x, p.y);
        if (resEqual(r)) append(p, '.');
        else if (resSimilar(r)) append(p, 'M');
        else if (dx - p.x >= dy - p.y) append(p, 'X');
        else append(p, 'Y');
      }
      while (dx > p.x) append(p, 'X');
      while (dy > p.y) append(p, 'Y');
    } else {
      while (p.x > dx && p.y > dy) {
        const r = f(p.x - 1, p.y - 1);
        if (resEqual(r)) append(p, '.');
        else if (resSimilar(r)) append(p, 'M');
        else if (p.y - dy >= p.x - dx) append(p, 'Y');
        else append(p, 'X');
      }
      while (p.x > dx) append(p, 'X');
      while (p.y > dy) append(p, 'Y');
    }
  };
  const zigzag = (x: number) => ((x & 1) !== 0 ? ~x : x) >> 1;
  const fwdF = { x: 0, y: 0 };
  const revF = { x: nx, y: ny };
  let budget = 4 * (nx + ny);
  let forward = true; // flags.Deterministic: forward search first
  for (;;) {
    if (fwdF.x >= revF.x || fwdF.y >= revF.y || budget === 0) break;
    if (forward) {
      for (let stop1 = false, stop2 = false, i = 0; !(stop1 && stop2) && budget > 0; i++) {
        const z = zigzag(i);
        const px = fwdF.x + z;
        const py = fwdF.y - z;
        if (px >= rev.x || py < fwd.y) stop1 = true;
        else if (py >= rev.y || px < fwd.x) stop2 = true;
        else if (resEqual(f(px, py))) {
          connect(fwd, px, py);
          append(fwd, '.');
          while (fwd.x < rev.x && fwd.y < rev.y && resEqual(f(fwd.x, fwd.y))) append(fwd, '.');
          fwdF.x = fwd.x;
          fwdF.y = fwd.y;
          stop1 = stop2 = true;
        } else budget--;
      }
      if (rev.x - fwdF.x >= rev.y - fwdF.y) fwdF.x++;
      else fwdF.y++;
    } else {
      for (let stop1 = false, stop2 = false, i = 0; !(stop1 && stop2) && budget > 0; i++) {
        const z = zigzag(i);
        const px = revF.x - z;
        const py = revF.y + z;
        if (fwd.x >= px || rev.y < py) stop1 = true;
        else if (fwd.y >= py || rev.x < px) stop2 = true;
        else if (resEqual(f(px - 1, py - 1))) {
          connect(rev, px, py);
          append(rev, '.');
          while (fwd.x < rev.x && fwd.y < rev.y && resEqual(f(rev.x - 1, rev.y - 1))) append(rev, '.');
          revF.x = rev.x;
          revF.y = rev.y;
          stop1 = stop2 = true;
        } else budget--;
      }
      if (revF.x - fwd.x >= revF.y - fwd.y) revF.x--;
      else revF.y--;
    }
    forward = !forward;
  }
  connect(fwd, rev.x, rev.y);
  for (let i = rev.es.length - 1; i >= 0; i--) append(fwd, rev.es[i] as Edit);
  return fwd.es;
}

// ---------------- text nodes (report_text.go) ----------------

type Mode = 0 | 0x20 | 0x2d | 0x2b; // unknown, identical ' ', removed '-', inserted '+'
const IDENT: Mode = 0x20;
const REMOVED: Mode = 0x2d;
const INSERTED: Mode = 0x2b;

class Stats {
  constructor(public name: string, public ignored = 0, public identical = 0, public removed = 0, public inserted = 0, public modified = 0) {}
  isZero(): boolean { return this.ignored + this.identical + this.removed + this.inserted + this.modified === 0; }
  numDiff(): number { return this.removed + this.inserted + this.modified; }
  append(o: Stats): Stats { return new Stats(this.name, this.ignored + o.ignored, this.identical + o.identical, this.removed + o.removed, this.inserted + o.inserted, this.modified + o.modified); }
  toString(): string {
    const counts: [number, string][] = [[this.ignored, 'ignored'], [this.identical, 'identical'], [this.removed, 'removed'], [this.inserted, 'inserted'], [this.modified, 'modified']];
    const ss = counts.filter(([n]) => n > 0).map(([n, l]) => `${n} ${l}`);
    const sum = counts.reduce((a, [n]) => a + n, 0);
    let name = this.name;
    if (sum > 1) {
      name += 's';
      if (name.endsWith('ys')) name = `${name.slice(0, -2)}ies`;
    }
    if (ss.length === 0) return '';
    if (ss.length <= 2) return `${ss.join(' and ')} ${name}`;
    return `${ss.slice(0, -1).join(', ')}, and ${ss[ss.length - 1]} ${name}`;
  }
}

type TextNode = TextLine | TextWrap | TextList;
class TextLine {
  constructor(readonly s: string) {}
}
class TextWrap {
  constructor(public prefix: string, public value: TextNode, public suffix = '') {}
}
interface Rec { diff: Mode; key: string; value: TextNode; elideComma?: boolean; comment?: Stats | string | null }
class TextList {
  constructor(readonly recs: Rec[] = []) {}
  appendEllipsis(ds: Stats | null): void {
    const has = ds !== null && !ds.isZero();
    const last = this.recs[this.recs.length - 1];
    if (!last || !nodeEqual(last.value, ELLIPSIS)) {
      this.recs.push({ diff: 0, key: '', value: ELLIPSIS, elideComma: true, comment: has ? ds : null });
      return;
    }
    if (has && ds) last.comment = last.comment instanceof Stats ? last.comment.append(ds) : ds;
  }
}
const NIL = new TextLine('nil');
const ELLIPSIS = new TextLine('...');

function nodeLen(n: TextNode): number {
  if (n instanceof TextLine) return n.s.length;
  if (n instanceof TextWrap) return n.prefix.length + nodeLen(n.value) + n.suffix.length;
  return n.recs.reduce((a, r, i) => a + r.key.length + (r.key ? 2 : 0) + nodeLen(r.value) + (i < n.recs.length - 1 ? 2 : 0), 0);
}

function nodeEqual(a: TextNode, b: TextNode): boolean {
  if (a instanceof TextLine) return b instanceof TextLine && a.s === b.s;
  if (a instanceof TextWrap) return b instanceof TextWrap && a.prefix === b.prefix && a.suffix === b.suffix && nodeEqual(a.value, b.value);
  if (!(b instanceof TextList) || a.recs.length !== b.recs.length) return false;
  return a.recs.every((r, i) => {
    const o = b.recs[i] as Rec;
    const ca = r.comment instanceof Stats ? r.comment.toString() : r.comment ?? null;
    const cb = o.comment instanceof Stats ? o.comment.toString() : o.comment ?? null;
    return r.diff === o.diff && r.key === o.key && nodeEqual(r.value, o.value) && ca === cb;
  });
}

function indentFor(n: number, d: number): string {
  const marker = d === REMOVED ? '- ' : d === INSERTED ? '+ ' : '  ';
  return marker + '\t'.repeat(n);
}

/** formatCompactTo: returns the single-line text and the node that replaces this one. */
function compact(n: TextNode, d: number): [string, TextNode] {
  if (n instanceof TextLine) return [n.s, n];
  if (n instanceof TextWrap) {
    const [inner, v] = compact(n.value, d);
    n.value = v;
    const s = n.prefix + inner + n.suffix;
    return v instanceof TextLine ? [s, new TextLine(s)] : [s, n];
  }
  const recs = n.recs.map((r) => ({ ...r }));
  let b = '';
  let multi = false;
  recs.forEach((r, i) => {
    if (r.diff === INSERTED || r.diff === REMOVED) multi = true;
    b += r.key;
    if (r.key) b += ': ';
    const [s, v] = compact(r.value, d | r.diff);
    b += s;
    r.value = v;
    if (!(v instanceof TextLine)) multi = true;
    if (r.comment) multi = true;
    if (i < recs.length - 1) b += ', ';
  });
  if ((d === INSERTED || d === REMOVED) && b.length > 80) multi = true;
  return multi ? [b, new TextList(recs)] : [b, new TextLine(b)];
}

function alignLens(recs: readonly Rec[], skip: (r: Rec) => boolean, len: (r: Rec) => number): number[] {
  const lens = recs.map(() => 0);
  let start = 0;
  let end = 0;
  let max = 0;
  recs.forEach((r, i) => {
    if (skip(r)) {
      for (let j = start; j < end; j++) lens[j] = max - len(recs[j] as Rec);
      start = end = i + 1;
      max = 0;
    } else {
      max = Math.max(max, len(r));
      end = i + 1;
    }
  });
  for (let j = start; j < end; j++) lens[j] = max - len(recs[j] as Rec);
  return lens;
}

function expanded(node: TextNode, d: number, n: number): string {
  if (node instanceof TextLine) return node.s;
  if (node instanceof TextWrap) return node.prefix + expanded(node.value, d, n) + node.suffix;
  const recs = node.recs;
  const runes = (s: string) => [...s].length;
  const keyLens = alignLens(recs, (r) => r.key === '' || !(r.value instanceof TextLine), (r) => runes(r.key));
  const valueLens = alignLens(recs, (r) => !(r.value instanceof TextLine) || nodeEqual(r.value, ELLIPSIS) || !r.comment, (r) => runes((r.value as TextLine).s));
  const simple = recs.length > 0 && recs.every((r) => r.diff === 0 && r.key === '' && r.value instanceof TextLine && !r.comment);
  let b = '';
  if (simple) {
    let batch = '';
    const emit = () => {
      if (batch) b += `\n${indentFor(n + 1, d)}${batch.replace(/ +$/, '')}`;
      batch = '';
    };
    for (const r of recs) {
      const line = (r.value as TextLine).s;
      if (batch.length + line.length + 2 > 80) emit();
      batch += `${line}, `;
    }
    emit();
    return `${b}\n${indentFor(n, d)}`;
  }
  recs.forEach((r, i) => {
    b += `\n${indentFor(n + 1, d | r.diff)}`;
    if (r.key) b += `${r.key}: `;
    b += ' '.repeat(keyLens[i] ?? 0);
    b += expanded(r.value, d | r.diff, n + 1);
    if (!r.elideComma) b += ',';
    b += ' '.repeat(valueLens[i] ?? 0);
    if (r.comment) b += ` // ${r.comment.toString()}`;
  });
  return `${b}\n${indentFor(n, d)}`;
}

// ---------------- formatting (report_compare.go, report_reflect.go) ----------------

type TypeMode = 'emit' | 'elide' | 'auto';
interface Opts {
  readonly diff: Mode;
  readonly typeMode: TypeMode;
  readonly level: number;
  readonly limit: boolean;
  readonly avoidStringer: boolean;
}

const verbosity = (o: Opts) => Math.max(0, Math.min(16, o.level));
const withVerbosity = (o: Opts, level: number): Opts => ({ ...o, level, limit: true });
function preset(o: Opts, i: number): Opts {
  return { ...o, level: verbosity(o) + 2 * i, avoidStringer: i > 0 ? true : o.avoidStringer };
}

/** report_reflect.go formatString: strconv.Quote, or a raw string when quoting would escape printable characters. */
function goQuote(s: string): string {
  const qs = strconvQuote(s);
  const blen = (x: string) => new TextEncoder().encode(x).length;
  if (blen(qs) === 2 + blen(s)) return qs;
  if ([...s].every((ch) => ch !== '`' && ch !== '\n' && (isPrint(ch) || ch === '\t'))) return `\`${s}\``;
  return qs;
}

/**
 * formatOptions.formatString: a string of four or more lines printed as a removed or inserted
 * value takes the triple-quote form (lines past the verbosity's limit elided); otherwise one
 * quoted line, truncated to (1<<verbosity)<<5 bytes when verbosity is limited.
 */
function formatString(o: Opts, prefix: string, s: string): TextNode {
  const bytes = new TextEncoder().encode(s);
  const blen = (x: string) => new TextEncoder().encode(x).length;
  const maxLen = o.limit ? (1 << verbosity(o)) << 5 : bytes.length;
  const maxLines = o.limit ? (1 << verbosity(o)) << 2 : s.split('\n').length;
  const lines = s.replace(/\n$/, '').split('\n');
  let isTripleQuoted = lines.length >= 4 && (o.diff === REMOVED || o.diff === INSERTED);
  for (let i = 0; i < lines.length && isTripleQuoted; i++) {
    lines[i] = (lines[i] as string).replace(/\r$/, '').replace(/^\r/, '');
    const line = lines[i] as string;
    const rest = prefix && line.startsWith(prefix) ? line.slice(prefix.length) : line;
    isTripleQuoted = !rest.startsWith('"""') && !line.startsWith('...') && [...line].every((ch) => /^[\p{L}\p{M}\p{N}\p{P}\p{S} \t]$/u.test(ch)) && blen(line) <= maxLen;
  }
  if (isTripleQuoted) {
    const list = new TextList([{ diff: o.diff, key: '', value: new TextLine(`${prefix}"""`), elideComma: true }]);
    for (let i = 0; i < lines.length; i++) {
      const numElided = lines.length - i;
      if (i === maxLines - 1 && numElided > 1) {
        list.recs.push({ diff: o.diff, key: '', value: ELLIPSIS, elideComma: true, comment: `${numElided} elided lines` });
        break;
      }
      list.recs.push({ diff: o.diff, key: '', value: new TextLine(lines[i] as string), elideComma: true });
    }
    list.recs.push({ diff: o.diff, key: '', value: new TextLine(`${prefix}"""`), elideComma: true });
    return new TextWrap('(', list, ')');
  }
  if (bytes.length > maxLen + 3) return new TextLine(`${prefix}${goQuote(new TextDecoder().decode(bytes.slice(0, maxLen)))}...`);
  return new TextLine(prefix + goQuote(s));
}

function wrapParens(s: TextNode): TextNode {
  if (s instanceof TextWrap && ((s.prefix.startsWith('(') && s.suffix.endsWith(')')) || (s.prefix.startsWith('{') && s.suffix.endsWith('}')))) return s;
  return new TextWrap('(', s, ')');
}

function formatType(o: Opts, t: GoType, s: TextNode): TextNode {
  if (o.typeMode === 'elide') return s;
  if (o.typeMode === 'auto') {
    const k = kindOf(t);
    if (k !== 'struct' && k !== 'slice' && k !== 'map') return s;
    if (nodeEqual(s, NIL)) return s;
    if (o.diff === IDENT) return s;
  }
  let name = typeString(t);
  if (!isNamed(t) && t.k === 'ptr') name = `(${name})`;
  return new TextWrap(name, wrapParens(s));
}

function formatValue(o: Opts, t: GoType, v: Val): TextNode | null {
  if (v === INVALID) return null;
  if (t.k === 'quantity' && !o.avoidStringer) return formatString(o, 's', String(v ?? ''));
  let skipType = false;
  let out: TextNode;
  switch (t.k) {
    case 'bool': out = new TextLine(String(v ?? false)); break;
    case 'int': case 'int32': case 'int64': out = new TextLine(String(v ?? 0)); break;
    case 'string': out = formatString(o, '', String(v ?? '')); break;
    case 'quantity': out = new TextWrap('{', new TextList([{ diff: 0, key: 's', value: formatString(o, '', String(v ?? '')) }]), '}'); break;
    case 'struct': {
      const list = new TextList();
      const fields = t.fields();
      let maxLen = fields.length;
      let oo = o;
      if (o.limit) {
        maxLen = ((1 << verbosity(o)) >> 1) << 2;
        oo = { ...o, level: o.level - 1 };
      }
      for (const [name, ft] of fields) {
        const fv = field(v, name, ft);
        if (isZero(ft, fv)) continue;
        if (list.recs.length === maxLen) {
          list.appendEllipsis(null);
          break;
        }
        const s = formatValue({ ...oo, typeMode: 'auto' }, ft, fv) as TextNode;
        list.recs.push({ diff: 0, key: name, value: s });
      }
      out = new TextWrap('{', list, '}');
      break;
    }
    case 'slice': {
      if (v === null || v === undefined) { out = NIL; break; }
      const arr = v as unknown[];
      let maxLen = arr.length;
      let oo = o;
      if (o.limit) {
        maxLen = ((1 << verbosity(o)) >> 1) << 2;
        oo = { ...o, level: o.level - 1 };
      }
      const list = new TextList();
      for (const el of arr) {
        if (list.recs.length === maxLen) {
          list.appendEllipsis(null);
          break;
        }
        list.recs.push({ diff: 0, key: '', value: formatValue({ ...oo, typeMode: 'elide' }, t.elem, el) as TextNode });
      }
      out = new TextWrap('{', list, '}');
      break;
    }
    case 'map': {
      if (v === null || v === undefined) { out = NIL; break; }
      const m = v as Record<string, unknown>;
      let maxLen = Object.keys(m).length;
      let oo = o;
      if (o.limit) {
        maxLen = ((1 << verbosity(o)) >> 1) << 2;
        oo = { ...o, level: o.level - 1 };
      }
      const list = new TextList();
      for (const k of Object.keys(m).sort()) {
        if (list.recs.length === maxLen) {
          list.appendEllipsis(null);
          break;
        }
        list.recs.push({ diff: 0, key: goQuote(k), value: formatValue({ ...oo, typeMode: 'elide' }, t.elem, m[k]) as TextNode });
      }
      out = new TextWrap('{', list, '}');
      break;
    }
    case 'ptr': {
      if (v === null || v === undefined) { out = NIL; break; }
      skipType = true;
      out = new TextWrap('&', formatValue(o, t.elem, v) as TextNode);
      break;
    }
  }
  return skipType ? out : formatType(o, t, out);
}

function formatDiff(o0: Opts, v: VNode): TextNode | null {
  let o = o0;
  if (o.diff === IDENT) o = withVerbosity(o, 1);
  else if (verbosity(o) < 3) o = withVerbosity(o, 3);
  if (canFormatDiffSlice(o, v)) return formatDiffSlice(o, v);
  if (v.maxDepth === 0) {
    if (o.diff === 0 || o.diff === IDENT) {
      if (v.numDiff === 0) {
        const outx = formatValue(o, v.type, v.vx);
        const outy = formatValue(o, v.type, v.vy);
        if (!outx) return outy;
        if (!outy) return outx;
        return nodeLen(outx) < nodeLen(outy) ? outx : outy;
      }
      let outx = formatValue({ ...o, typeMode: 'elide' }, v.type, v.vx);
      let outy = formatValue({ ...o, typeMode: 'elide' }, v.type, v.vy);
      for (let i = 0; i <= 6 && outx && outy && nodeEqual(outx, outy); i++) {
        const o2: Opts = { ...preset(o, i), typeMode: 'elide' };
        outx = formatValue(o2, v.type, v.vx);
        outy = formatValue(o2, v.type, v.vy);
      }
      const list = new TextList();
      if (outx) list.recs.push({ diff: REMOVED, key: '', value: outx });
      if (outy) list.recs.push({ diff: INSERTED, key: '', value: outy });
      return formatType({ ...o, typeMode: 'emit' }, v.type, list);
    }
    return formatValue(o, v.type, o.diff === REMOVED ? v.vx : v.vy);
  }
  switch (v.type.k) {
    case 'struct': case 'slice': case 'map':
      return formatType(o, v.type, formatDiffList(o, v.records ?? [], v.type.k));
    case 'ptr':
      return new TextWrap('&', formatDiff(o, v.value as VNode) as TextNode);
    default:
      return null;
  }
}

function formatDiffList(o0: Opts, recs0: readonly { key: string | null; node: VNode }[], k: 'struct' | 'slice' | 'map'): TextNode {
  let o = o0;
  const name = k === 'struct' ? 'field' : k === 'slice' ? 'element' : 'entry';
  o = { ...o, typeMode: k === 'struct' ? 'auto' : 'elide' };
  const formatKey = (key: string | null) => (k === 'struct' ? key ?? '' : k === 'map' ? goQuote(key ?? '') : '');
  let maxLen = -1;
  if (o.limit) {
    maxLen = o.diff === IDENT ? ((1 << verbosity(o)) >> 1) << 2 : (1 << verbosity(o)) << 1;
    o = { ...o, level: o.level - 1 };
  }
  if (o.diff === IDENT || o.diff === REMOVED || o.diff === INSERTED) {
    const list = new TextList();
    let deferred = false;
    for (const r of recs0) {
      if (list.recs.length === maxLen) {
        deferred = true;
        break;
      }
      if (k === 'struct') {
        const zero = o.diff === IDENT ? isZero(r.node.type, r.node.vx) || isZero(r.node.type, r.node.vy)
          : o.diff === REMOVED ? isZero(r.node.type, r.node.vx) : isZero(r.node.type, r.node.vy);
        if (zero) continue;
      }
      const out = formatDiff(o, r.node);
      if (out) list.recs.push({ diff: 0, key: formatKey(r.key), value: out });
    }
    if (deferred) list.appendEllipsis(null);
    return new TextWrap('{', list, '}');
  }
  // Differencing.
  let numDiffs = 0;
  const list = new TextList();
  let recs = recs0;
  const groups = coalesce(name, recs);
  let maxGroup = new Stats(name);
  groups.forEach((ds, i) => {
    if (maxLen >= 0 && numDiffs >= maxLen) {
      maxGroup = maxGroup.append(ds);
      return;
    }
    if (ds.numDiff() === 0) {
      let lo = 0;
      let hi = 0;
      const numEqual = ds.ignored + ds.identical;
      while (lo < 2 && lo + hi < numEqual && i !== 0) lo++;
      while (hi < 2 && lo + hi < numEqual && i !== groups.length - 1) hi++;
      if (numEqual - (lo + hi) === 1 && ds.ignored === 0) hi++;
      for (const r of recs.slice(0, lo)) list.recs.push({ diff: 0, key: formatKey(r.key), value: formatDiff({ ...o, diff: IDENT }, r.node) as TextNode });
      if (numEqual > lo + hi) list.appendEllipsis(new Stats(ds.name, ds.ignored, ds.identical - (lo + hi)));
      for (const r of recs.slice(numEqual - hi, numEqual)) list.recs.push({ diff: 0, key: formatKey(r.key), value: formatDiff({ ...o, diff: IDENT }, r.node) as TextNode });
      recs = recs.slice(numEqual);
      return;
    }
    for (const r of recs.slice(0, ds.numDiff())) {
      if (canFormatDiffSlice(o, r.node)) {
        list.recs.push({ diff: 0, key: formatKey(r.key), value: formatDiffSlice(o, r.node) });
      } else if (r.node.numChildren === r.node.maxDepth) {
        let outx = formatDiff({ ...o, diff: REMOVED }, r.node);
        let outy = formatDiff({ ...o, diff: INSERTED }, r.node);
        for (let j = 0; j <= 6 && outx && outy && nodeEqual(outx, outy); j++) {
          const o2 = preset(o, j);
          outx = formatDiff({ ...o2, diff: REMOVED }, r.node);
          outy = formatDiff({ ...o2, diff: INSERTED }, r.node);
        }
        if (outx) list.recs.push({ diff: REMOVED, key: formatKey(r.key), value: outx });
        if (outy) list.recs.push({ diff: INSERTED, key: formatKey(r.key), value: outy });
      } else {
        list.recs.push({ diff: 0, key: formatKey(r.key), value: formatDiff(o, r.node) as TextNode });
      }
    }
    recs = recs.slice(ds.numDiff());
    numDiffs += ds.numDiff();
  });
  if (!maxGroup.isZero()) list.appendEllipsis(maxGroup);
  return new TextWrap('{', list, '}');
}

// ---------------- report_slices.go: strings diffed by lines or by bytes ----------------

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** unicode.IsSpace. */
// Stryker disable next-line Regex: Stryker writes `\V` inside this u-flag class, a SyntaxError that empties every judging test file
const isSpace = (ch: string): boolean => /^[\t\n\v\f\r \u0085\u00a0\p{Z}]$/u.test(ch);


/** formatString of a byte slice of a string: invalid UTF-8 (a rune cut by a chunk) quoted as \\xNN. */
function quoteBytes(b: Uint8Array): string {
  try {
    return goQuote(new TextDecoder('utf-8', { fatal: true }).decode(b));
  } catch {
    let q = '"';
    for (let i = 0; i < b.length;) {
      const c = b[i] as number;
      const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
      let ch: string | null = null;
      if (n > 0 && i + n <= b.length) {
        try {
          ch = new TextDecoder('utf-8', { fatal: true }).decode(b.slice(i, i + n));
        } catch {
          ch = null;
        }
      }
      if (ch === null) {
        q += `\\x${c.toString(16).padStart(2, '0')}`;
        i++;
      } else {
        q += strconvQuote(ch).slice(1, -1);
        i += n;
      }
    }
    return `${q}"`;
  }
}

/**
 * CanFormatDiffSlice: a node formatted in diff mode, with differences, both values present,
 * compared without options; in the values the API server diffs only strings qualify (slices of
 * strings do not: only slices of numbers and bools have specialized handling), both at least 32
 * bytes long.
 */
function canFormatDiffSlice(o: Opts, v: VNode): boolean {
  if (o.diff !== 0 || v.numDiff === 0 || v.vx === INVALID || v.vy === INVALID) return false;
  if (v.numCompared > 1 || (v.numCompared === 1 && isNamed(v.type))) return false;
  if (v.type.k !== 'string') return false;
  return utf8(String(v.vx ?? '')).length >= 32 && utf8(String(v.vy ?? '')).length >= 32;
}

/**
 * FormatDiffSlice for strings: text of four or more lines (unless a byte diff is much simpler)
 * is diffed by line and printed in the triple-quote form when that stays unambiguous; other text
 * is diffed by bytes in chunks of 64 as `strings.Join({…}, "")`; binary data as hex rows.
 */
function formatDiffSlice(o: Opts, v: VNode): TextNode {
  const sx = String(v.vx ?? '');
  const sy = String(v.vy ?? '');
  let numTotal = 0;
  let numValid = 0;
  let numLines = 0;
  let lastLineIdx = 0;
  let maxLineLen = 0;
  let i = 0;
  for (const ch of sx + sy) {
    numTotal++;
    if ((isPrint(ch) || isSpace(ch)) && ch !== '\ufffd') numValid++;
    if (ch === '\n') {
      if (maxLineLen < i - lastLineIdx) maxLineLen = i - lastLineIdx;
      lastLineIdx = i + 1;
      numLines++;
    }
    i += utf8(ch).length;
  }
  const isPureText = numValid === numTotal;
  const isMostlyText = numValid > Math.floor(0.9 * numTotal);
  let isPureLinedText = isPureText && numLines >= 4 && maxLineLen <= 1024;
  const bx = utf8(sx);
  const by = utf8(sy);
  const ssx = sx.split('\n');
  const ssy = sy.split('\n');
  // diff.BoolResult: unequal is {NumDiff: 2}, not similar (never a modification).
  const bool = (b: boolean): Res => (b ? { same: 1, diff: 0 } : { same: 0, diff: 2 });
  if (isPureLinedText) {
    const esLines = difference(ssx.length, ssy.length, (ix, iy) => bool(ssx[ix] === ssy[iy]));
    const esBytes = difference(bx.length, by.length, (ix, iy) => bool(bx[ix] === by[iy]));
    const dist = (es: Edit[]) => es.filter((e) => e !== '.').length;
    const efficiencyLines = dist(esLines) / esLines.length;
    const efficiencyBytes = dist(esBytes) / esBytes.length;
    const quotedLength = utf8(strconvQuote(sx + sy)).length;
    const escapeExpansionRatio = quotedLength / (bx.length + by.length);
    isPureLinedText = efficiencyLines < 4 * efficiencyBytes || escapeExpansionRatio > 1.1;
  }
  let list: TextList;
  let delim = '';
  if (isPureLinedText) {
    const raw = new Map<Rec, string>();
    list = diffSliceRecords(o, ssx, ssy, 1, 'line', (chunk, d) => {
      const line = chunk[0] ?? '';
      const rec: Rec = { diff: d, key: '', value: new TextLine(goQuote(line)) };
      raw.set(rec, line);
      return rec;
    });
    delim = '\n';
    let isTripleQuoted = true;
    let prevRemove = new Set<string>();
    let prevInsert = new Set<string>();
    const list2: Rec[] = [{ diff: 0, key: '', value: new TextLine('"""'), elideComma: true }];
    for (const r0 of list.recs) {
      const r = { ...r0 };
      if (!nodeEqual(r.value, ELLIPSIS)) {
        const line = (raw.get(r0) ?? '').replace(/\r$/, '').replace(/^\r/, '');
        const norm = [...line].filter((ch) => !isSpace(ch)).join('');
        isTripleQuoted = !line.startsWith('"""') && !line.startsWith('...') && [...line].every((ch) => isPrint(ch) || ch === '\t');
        if (r.diff === REMOVED) {
          isTripleQuoted = isTripleQuoted && !prevInsert.has(norm);
          prevRemove.add(norm);
        } else if (r.diff === INSERTED) {
          isTripleQuoted = isTripleQuoted && !prevRemove.has(norm);
          prevInsert.add(norm);
        }
        if (!isTripleQuoted) break;
        r.value = new TextLine(line);
        r.elideComma = true;
      }
      if (!(r.diff === REMOVED || r.diff === INSERTED)) {
        prevRemove = new Set();
        prevInsert = new Set();
      }
      list2.push(r);
    }
    const lastRec = list2[list2.length - 1] as Rec;
    if (lastRec.diff === IDENT && lastRec.value instanceof TextLine && lastRec.value.s === '') list2.pop();
    list2.push({ diff: 0, key: '', value: new TextLine('"""'), elideComma: true });
    if (isTripleQuoted) {
      const out = new TextWrap('(', new TextList(list2), ')');
      return isNamed(v.type) ? formatType(o, v.type, out) : out;
    }
  } else if (isMostlyText) {
    list = diffSliceRecords(o, [...bx], [...by], 64, 'byte', (chunk, d) => ({ diff: d, key: '', value: new TextLine(quoteBytes(new Uint8Array(chunk))) }));
  } else {
    const ascii = (chunk: number[]) => chunk.map((b) => (b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.')).join('');
    list = diffSliceRecords(o, [...bx], [...by], 16, 'byte', (chunk, d) => ({
      diff: d, key: '', value: new TextLine(chunk.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(', ')),
      comment: `${String.fromCharCode(d)}|${ascii(chunk)}|`,
    }));
  }
  const out = new TextWrap('{', list, '}');
  if (!isMostlyText) return formatType({ ...o, typeMode: 'emit' }, v.type, out);
  const joined = new TextWrap('strings.Join(', out, `, ${goQuote(delim)})`);
  return isNamed(v.type) ? formatType(o, v.type, joined) : joined;
}

/**
 * formatDiffSlice: the edit script of the elements, coalesced (coalesceAdjacentEdits, then
 * coalesceInterveningIdentical with a window of chunkSize/4, then cleanupSurroundingIdentical),
 * printed in chunks: equal runs with chunkSize×2 elements of context around an ellipsis, unequal
 * runs as removed then inserted chunks; at most (1<<verbosity)<<2 records of differences.
 */
function diffSliceRecords<T>(o0: Opts, xs0: readonly T[], ys0: readonly T[], chunkSize: number, name: string, makeRec: (chunk: T[], d: Mode) => Rec): TextList {
  let xs = xs0;
  let ys = ys0;
  const eq = (ix: number, iy: number) => xs0[ix] === ys0[iy];
  const es = difference(xs.length, ys.length, (ix, iy) => (eq(ix, iy) ? { same: 1, diff: 0 } : { same: 0, diff: 2 }));
  const list = new TextList();
  const appendChunks = (v: readonly T[], d: Mode): number => {
    for (let k = 0; k < v.length; k += chunkSize) list.recs.push(makeRec(v.slice(k, k + chunkSize), d));
    return v.length;
  };
  let numDiffs = 0;
  const maxLen = o0.limit ? (1 << verbosity(o0)) << 2 : -1;
  let groups = coalesceAdjacentEdits(name, es);
  groups = coalesceInterveningIdentical(groups, Math.floor(chunkSize / 4));
  groups = cleanupSurroundingIdentical(groups, eq);
  let maxGroup = new Stats(name);
  groups.forEach((ds0, i) => {
    const ds = ds0.append(new Stats(name));
    if (maxLen >= 0 && numDiffs >= maxLen) {
      maxGroup = maxGroup.append(ds);
      return;
    }
    if (ds.numDiff() === 0) {
      let lo = 0;
      let hi = 0;
      const numEqual = ds.ignored + ds.identical;
      while (lo < chunkSize * 2 && lo + hi < numEqual && i !== 0) lo++;
      while (hi < chunkSize * 2 && lo + hi < numEqual && i !== groups.length - 1) hi++;
      if (numEqual - (lo + hi) <= chunkSize && ds.ignored === 0) hi = numEqual - lo;
      appendChunks(xs.slice(0, lo), IDENT);
      if (numEqual > lo + hi) {
        ds.identical -= lo + hi;
        list.appendEllipsis(ds);
      }
      appendChunks(xs.slice(numEqual - hi, numEqual), IDENT);
      xs = xs.slice(numEqual);
      ys = ys.slice(numEqual);
      return;
    }
    const len0 = list.recs.length;
    const nx = appendChunks(xs.slice(0, ds.identical + ds.removed + ds.modified), REMOVED);
    xs = xs.slice(nx);
    const ny = appendChunks(ys.slice(0, ds.identical + ds.inserted + ds.modified), INSERTED);
    ys = ys.slice(ny);
    numDiffs += list.recs.length - len0;
  });
  if (!maxGroup.isZero()) list.appendEllipsis(maxGroup);
  return list;
}

function coalesceAdjacentEdits(name: string, es: readonly Edit[]): Stats[] {
  const groups: Stats[] = [];
  let prev = '';
  const last = (mode: string): Stats => {
    if (prev !== mode) {
      groups.push(new Stats(name));
      prev = mode;
    }
    return groups[groups.length - 1] as Stats;
  };
  for (const e of es) {
    if (e === '.') last('=').identical++;
    else if (e === 'X') last('!').removed++;
    else if (e === 'Y') last('!').inserted++;
    else last('!').modified++;
  }
  return groups;
}

function coalesceInterveningIdentical(orig: readonly Stats[], windowSize: number): Stats[] {
  const groups: Stats[] = [];
  for (const ds of orig) {
    if (groups.length >= 2 && ds.numDiff() > 0) {
      const prev = groups[groups.length - 2] as Stats;
      const curr = groups[groups.length - 1] as Stats;
      const hadX = prev.removed > 0;
      const hadY = prev.inserted > 0;
      const hasX = ds.removed > 0;
      const hasY = ds.inserted > 0;
      if ((hadX || hasX) && (hadY || hasY) && curr.identical <= windowSize) {
        groups[groups.length - 2] = prev.append(curr).append(ds);
        groups.pop();
        continue;
      }
    }
    groups.push(ds);
  }
  return groups;
}

/**
 * cleanupSurroundingIdentical. Its deferred prepend/append of a new group assigns a local after
 * `return groups` has been evaluated, so in v0.6.0 they change nothing; only the in-place updates
 * of neighbouring groups count.
 */
function cleanupSurroundingIdentical(groups: Stats[], eq: (ix: number, iy: number) => boolean): Stats[] {
  let ix = 0;
  let iy = 0;
  groups.forEach((ds, i) => {
    if (ds.numDiff() === 0) {
      ix += ds.identical;
      iy += ds.identical;
      return;
    }
    let nx = ds.identical + ds.removed + ds.modified;
    let ny = ds.identical + ds.inserted + ds.modified;
    let lead = 0;
    let trail = 0;
    for (let j = 0; j < nx && j < ny && eq(ix + j, iy + j); j++) lead++;
    for (let j = 0; j < nx && j < ny && eq(ix + nx - 1 - j, iy + ny - 1 - j); j++) trail++;
    const numIdentical = lead + trail;
    if (numIdentical > 0) {
      if (lead > 0) {
        const before = groups[i - 1];
        if (before) before.identical += lead;
        ix += lead;
        iy += lead;
      }
      if (trail > 0) {
        const after = groups[i + 1];
        if (after) after.identical += trail;
      }
      nx -= numIdentical;
      ny -= numIdentical;
      groups[i] = new Stats(ds.name, 0, 0, nx, ny, 0);
    }
    ix += nx;
    iy += ny;
  });
  return groups;
}

function coalesce(name: string, recs: readonly { node: VNode }[]): Stats[] {
  const groups: Stats[] = [];
  let prev = 0;
  const last = (i: number): Stats => {
    if (prev !== i) {
      groups.push(new Stats(name));
      prev = i;
    }
    return groups[groups.length - 1] as Stats;
  };
  for (const { node: rv } of recs) {
    if (rv.numDiff === 0) last(1).identical++;
    else if (rv.vy === INVALID) last(2).removed++;
    else if (rv.vx === INVALID) last(2).inserted++;
    else last(2).modified++;
  }
  return groups;
}

/** cmp.Diff(x, y): '' when equal, else the report (ending with a newline). */
export function cmpDiff(t: GoType, x: unknown, y: unknown): string {
  const root = compareAny(t, x, y, null);
  if (root.numDiff === 0) return '';
  const text = formatDiff({ diff: 0, typeMode: 'emit', level: 0, limit: false, avoidStringer: false }, root) as TextNode;
  const [, node] = compact(text, 0);
  return `${indentFor(0, 0)}${expanded(node, 0, 0)}\n`;
}
