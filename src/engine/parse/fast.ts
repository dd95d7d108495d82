import { flow, NOT, PLAIN_FIRST_NOT, quoted, resolvePlain } from './fast-scalars.js';

export { NOT, resolveByTags, resolvePlain } from './fast-scalars.js';

/**
 * A quick reader for the plain shape most manifests have — block mappings and sequences, one-line
 * plain and quoted scalars, one-line flow collections, comments — giving the value `doc.toJS()` of
 * the `yaml` package gives, about ten times faster (that package builds a syntax tree with source
 * tokens and ranges for every node: a 70,000-pod paste took 14 s to parse, issue 12).
 *
 * It answers only where it is sure: anything else — anchors, aliases, tags, block scalars,
 * multi-line scalars or flow collections, `?` keys, merge keys, tabs, control characters, escapes,
 * a key that is not a string, a duplicate key, an indentation the parser would question — gives
 * `undefined`, and the caller parses the document with the `yaml` package, which also reports its
 * errors. Plain scalars resolve through the `yaml` package's own YAML 1.1 tags (PARSE_OPTIONS), so
 * `yes`, `0644`, `1_000` and `~` are what the package makes of them. Never throws.
 */
export interface FastDocument {
  /** The document's value; undefined when empty. */
  readonly value: unknown;
  readonly empty: boolean;
}


class Reader {
  /** Offsets of each content line's start, its content (after the indentation) and end. */
  readonly lineStart: number[] = [];
  readonly contentStart: number[] = [];
  readonly lineEnd: number[] = [];
  i = 0;
  constructor(readonly text: string) {}
  indent(l: number): number { return (this.contentStart[l] as number) - (this.lineStart[l] as number); }
}

/** The value of the document in `text` (one piece of splitDocuments, its `---` line included), or undefined. */
export function readSimpleDocument(text: string): FastDocument | undefined {
  try {
    const r = new Reader(text);
    if (!scanLines(r)) return undefined;
    if (r.lineStart.length === 0) return { value: undefined, empty: true };
    const v = readNode(r, -1, r.indent(0));
    if (v === NOT || r.i !== r.lineStart.length) return undefined;
    if (v === null) return undefined; // a document that is a null scalar: left to the package
    return { value: v, empty: false };
  } catch {
    return undefined;
  }
}

/** Content lines (not blank, not only a comment); false for a character or marker this reader leaves alone. */
function scanLines(r: Reader): boolean {
  const t = r.text;
  let p = 0;
  let first = true;
  while (p < t.length) {
    let e = t.indexOf('\n', p);
    if (e < 0) e = t.length;
    let s = p;
    while (s < e && t.charCodeAt(s) === 0x20) s++;
    for (let k = s; k < e; k++) {
      const c = t.charCodeAt(k);
      if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) return false;
    }
    if (first && t.startsWith('---', p)) {
      // The piece's marker line: `---` alone (trailing spaces) only.
      if (t.slice(p + 3, e).trim() !== '') return false;
      s = e;
    } else if (t.startsWith('---', p) || t.startsWith('...', p)) return false;
    first = false;
    if (s < e && t.charCodeAt(s) !== 0x23 /* # */) {
      r.lineStart.push(p);
      r.contentStart.push(s);
      r.lineEnd.push(e);
    }
    p = e + 1;
  }
  return true;
}

/**
 * The node whose first line is r.i, at indentation `indent`, inside a parent at `parent`
 * (-1 for the document). Returns NOT when unsure.
 */
function readNode(r: Reader, parent: number, indent: number): unknown {
  const l = r.i;
  if (indent <= parent) return NOT;
  const s = r.contentStart[l] as number, e = r.lineEnd[l] as number;
  if (isSeqItem(r.text, s, e)) return readSeq(r, indent);
  const key = keyAt(r.text, s, e);
  if (key) return readMap(r, indent, s);
  // A scalar or flow collection alone on its line: the next line must close the parent.
  const v = readInline(r.text, s, e);
  r.i++;
  if (v === NOT || (r.i < r.lineStart.length && r.indent(r.i) > parent)) return NOT;
  return v;
}

function isSeqItem(t: string, s: number, e: number): boolean {
  return t.charCodeAt(s) === 0x2d && (s + 1 === e || t.charCodeAt(s + 1) === 0x20);
}

/** A block sequence at `indent` starting at line r.i. */
function readSeq(r: Reader, indent: number): unknown {
  const out: unknown[] = [];
  const t = r.text;
  while (r.i < r.lineStart.length) {
    const l = r.i;
    const ind = r.indent(l);
    if (ind < indent) break;
    const s = r.contentStart[l] as number, e = r.lineEnd[l] as number;
    if (ind > indent) return NOT;
    if (!isSeqItem(t, s, e)) break; // a sequence at its key's indentation ends at the next key
    let c = s + 1;
    while (c < e && t.charCodeAt(c) === 0x20) c++;
    if (c === e || t.charCodeAt(c) === 0x23) {
      // `-` alone: the item is on the next lines, more indented, or null.
      if (c < e && t.charCodeAt(c - 1) !== 0x20) return NOT;
      r.i++;
      if (r.i < r.lineStart.length && r.indent(r.i) > indent) {
        const v = readNode(r, indent, r.indent(r.i));
        if (v === NOT) return NOT;
        out.push(v);
      } else out.push(null);
      continue;
    }
    if (isSeqItem(t, c, e)) return NOT; // `- - x`
    if (keyAt(t, c, e)) {
      // `- key: value`: a mapping whose keys are at the column of the first.
      const v = readMap(r, c - (r.lineStart[l] as number), c);
      if (v === NOT) return NOT;
      out.push(v);
      continue;
    }
    const v = readInline(t, c, e);
    r.i++;
    if (v === NOT || (r.i < r.lineStart.length && r.indent(r.i) > indent)) return NOT;
    out.push(v);
  }
  return out;
}

/** A block mapping at `indent`; its first key starts at `first` on line r.i (a `- ` may precede it). */
function readMap(r: Reader, indent: number, first: number): unknown {
  const out: Record<string, unknown> = {};
  const t = r.text;
  let at = first;
  for (;;) {
    const l = r.i;
    const e = r.lineEnd[l] as number;
    const key = keyAt(t, at, e);
    if (!key) return NOT;
    const [name, colon] = key;
    if (Object.prototype.hasOwnProperty.call(out, name)) return NOT;
    let c = colon + 1;
    while (c < e && t.charCodeAt(c) === 0x20) c++;
    let value: unknown;
    if (c === e || t.charCodeAt(c) === 0x23) {
      if (c < e && t.charCodeAt(c - 1) !== 0x20) return NOT;
      r.i++;
      if (r.i < r.lineStart.length && r.indent(r.i) > indent) value = readNode(r, indent, r.indent(r.i));
      else if (r.i < r.lineStart.length && r.indent(r.i) === indent &&
        isSeqItem(t, r.contentStart[r.i] as number, r.lineEnd[r.i] as number)) value = readSeq(r, indent);
      else value = null;
    } else {
      value = readInline(t, c, e);
      r.i++;
      if (r.i < r.lineStart.length && r.indent(r.i) > indent) return NOT;
    }
    if (value === NOT) return NOT;
    out[name] = value;
    if (r.i >= r.lineStart.length) break;
    const ind = r.indent(r.i);
    if (ind < indent) break;
    if (ind > indent) return NOT;
    at = r.contentStart[r.i] as number;
  }
  return out;
}


/**
 * A key at `s` on a line ending at `e`: `name: …` or `name:` at the end, name plain (no `:`,
 * `#`, flow indicators) or quoted on one line. Returns the key's string and the colon's offset.
 */
function keyAt(t: string, s: number, e: number): readonly [string, number] | null {
  const c = t[s] as string;
  let name: string;
  let colon: number;
  if (c === '"' || c === "'") {
    const q = quoted(t, s, e);
    if (!q || t.charCodeAt(q[1]) !== 0x3a) return null;
    name = q[0];
    colon = q[1];
  } else {
    if (PLAIN_FIRST_NOT.has(c)) return null;
    colon = -1;
    for (let k = s; k < e; k++) {
      const ch = t.charCodeAt(k);
      if (ch === 0x3a) { colon = k; break; }
      if (ch === 0x23 || ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d || ch === 0x22 || ch === 0x27) return null;
    }
    if (colon < 0) return null;
    let ke = colon;
    while (ke > s && t.charCodeAt(ke - 1) === 0x20) ke--;
    const raw = t.slice(s, ke);
    const v = resolvePlain(raw, true);
    if (typeof v !== 'string') return null;
    name = v;
  }
  if (colon + 1 < e && t.charCodeAt(colon + 1) !== 0x20) return null;
  if (name === '__proto__' || colon - s > 1000) return null;
  return [name, colon];
}

/** The value starting at `s` and running to the line's end `e` (a comment may follow), or NOT. */
function readInline(t: string, s: number, e: number): unknown {
  const c = t[s] as string;
  let v: unknown;
  let end: number;
  if (c === '[' || c === '{') {
    const f = flow(t, s, e);
    if (!f) return NOT;
    [v, end] = f;
  } else if (c === '"' || c === "'") {
    const q = quoted(t, s, e);
    if (!q) return NOT;
    [v, end] = q;
  } else {
    if (PLAIN_FIRST_NOT.has(c) && !((c === '-' || c === '?' || c === ':') && s + 1 < e && !' ,[]{}'.includes(t[s + 1] as string))) return NOT;
    if (c === '?' || c === ':' || c === '<') return NOT;
    end = s;
    while (end < e) {
      const ch = t.charCodeAt(end);
      if (ch === 0x23 && t.charCodeAt(end - 1) === 0x20) break;
      if (ch === 0x3a && (end + 1 === e || t.charCodeAt(end + 1) === 0x20)) return NOT; // `a: b: c`
      end++;
    }
    let ve = end;
    while (t.charCodeAt(ve - 1) === 0x20) ve--;
    v = resolvePlain(t.slice(s, ve), false);
    if (v === NOT) return NOT;
    return v;
  }
  // After a quoted scalar or a flow collection: spaces, then a comment or the end.
  let k = end;
  while (k < e && t.charCodeAt(k) === 0x20) k++;
  if (k < e && !(t.charCodeAt(k) === 0x23 && k > end)) return NOT;
  return v;
}
