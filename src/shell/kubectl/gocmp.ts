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

/** strconv.Quote, or a raw string when quoting would escape printable characters. */
function goQuote(s: string): string {
  let q = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') q += `\\${ch}`;
    else if (ch === '\n') q += '\\n';
    else if (ch === '\t') q += '\\t';
    else if (ch === '\r') q += '\\r';
    else if (c < 0x20 || c === 0x7f) q += `\\x${c.toString(16).padStart(2, '0')}`;
    else q += ch;
  }
  q += '"';
  if (q.length === s.length + 2) return q;
  if (!/[`\n]/.test(s) && [...s].every((ch) => ch === '\t' || ((ch.codePointAt(0) as number) >= 0x20 && ch !== '\x7f'))) return `\`${s}\``;
  return q;
}

function formatString(o: Opts, prefix: string, s: string): TextNode {
  const maxLen = o.limit ? (1 << verbosity(o)) << 5 : s.length;
  if (s.length > maxLen + 3) return new TextLine(`${prefix}${goQuote(s.slice(0, maxLen))}...`);
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
      if (r.node.numChildren === r.node.maxDepth) {
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
