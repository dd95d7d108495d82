import { Document, isScalar, type Schema } from 'yaml';
import { ENGINE_OPTIONS } from './cache.js';

// The scalars and one-line flow collections of the quick reader (fast.ts).

let tags: Schema['tags'] | null = null;
let options: Document['options'] | null = null;

/**
 * A plain scalar as the `yaml` package resolves it. Every YAML 1.1 tag but `str` (null, bool,
 * int, float; merge for keys) matches only texts that start with a digit, a sign, `.`, `~`, `<` or
 * `0`, or are words of at most five letters (`false`): longer texts starting with a letter are
 * strings without trying the tags (fast.test.ts checks this against the tags).
 */
export function resolvePlain(text: string, atKey: boolean): unknown {
  const c = text.charCodeAt(0);
  if (text.length > 5 && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return text;
  return resolveByTags(text, atKey);
}

/** A plain scalar through the tags, as compose-scalar.ts findScalarTagByTest does, or NOT. */
export function resolveByTags(text: string, atKey: boolean): unknown {
  if (!tags || !options) {
    const doc = new Document(null, ENGINE_OPTIONS);
    if (doc.schema.compat) return NOT;
    tags = doc.schema.tags;
    options = doc.options;
  }
  let tag = null;
  for (const t of tags) {
    if ((t.default === true || (atKey && t.default === 'key')) && t.test?.test(text)) { tag = t; break; }
  }
  if (!tag) return text;
  if (tag.default !== true || !tag.resolve) return NOT; // a merge key
  let failed = false;
  let res: unknown;
  try {
    res = tag.resolve(text, () => { failed = true; }, options);
  } catch {
    return NOT;
  }
  if (failed) return NOT;
  return isScalar(res) ? res.value : res;
}

/** Not read: the document goes to the `yaml` package. */
export const NOT: unique symbol = Symbol('not read');

/** Characters a plain scalar may not start with (indicators), and `<` (a merge key). */
export const PLAIN_FIRST_NOT = new Set([...'-?:,[]{}#&*!|>\'"%@`<']);

/** A quoted scalar at `s` on one line, without escapes: its value and the offset after its closing quote. */
export function quoted(t: string, s: number, e: number): readonly [string, number] | null {
  const q = t.charCodeAt(s);
  let out = '';
  let k = s + 1;
  for (;;) {
    const close = t.indexOf(q === 0x22 ? '"' : "'", k);
    if (close < 0 || close >= e) return null;
    const part = t.slice(k, close);
    if (q === 0x22 && part.includes('\\')) return null;
    out += part;
    if (q === 0x27 && t.charCodeAt(close + 1) === 0x27) { out += "'"; k = close + 2; continue; }
    return [out, close + 1];
  }
}


/**
 * A flow collection on one line: `[a, "b", {c: d}]`, `{a: 1, b: [x]}`. Plain scalars inside hold
 * no `:`, `#` or flow indicator; no empty entries, no trailing comma, no single-pair maps in sequences.
 */
export function flow(t: string, s: number, e: number): readonly [unknown, number] | null {
  let k = s;
  const skip = () => { while (k < e && t.charCodeAt(k) === 0x20) k++; };
  const scalar = (atKey: boolean): unknown => {
    const c = t[k] as string;
    if (c === '[' || c === '{') return collection();
    if (c === '"' || c === "'") {
      const q = quoted(t, k, e);
      if (!q) return NOT;
      k = q[1];
      return q[0];
    }
    if (PLAIN_FIRST_NOT.has(c) && !(c === '-' && k + 1 < e && !' ,[]{}'.includes(t[k + 1] as string))) return NOT;
    const start = k;
    while (k < e) {
      const ch = t.charCodeAt(k);
      if (ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d || ch === 0x3a) break;
      if (ch === 0x23 || ch === 0x22 || ch === 0x27) return NOT;
      k++;
    }
    let ve = k;
    while (t.charCodeAt(ve - 1) === 0x20) ve--;
    if (ve === start) return NOT;
    return resolvePlain(t.slice(start, ve), atKey);
  };
  const collection = (): unknown => {
    const open = t[k];
    k++;
    skip();
    if (open === '[') {
      const out: unknown[] = [];
      if (t[k] === ']') { k++; return out; }
      for (;;) {
        const v = scalar(false);
        if (v === NOT) return NOT;
        out.push(v);
        skip();
        if (t[k] === ',') { k++; skip(); if (t[k] === ']') return NOT; continue; }
        if (t[k] === ']') { k++; return out; }
        return NOT;
      }
    }
    const out: Record<string, unknown> = {};
    if (t[k] === '}') { k++; return out; }
    for (;;) {
      const key = scalar(true);
      if (typeof key !== 'string' || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return NOT;
      skip();
      if (t[k] !== ':' || t[k + 1] !== ' ') return NOT;
      k++;
      skip();
      const v = scalar(false);
      if (v === NOT) return NOT;
      out[key] = v;
      skip();
      if (t[k] === ',') { k++; skip(); if (t[k] === '}') return NOT; continue; }
      if (t[k] === '}') { k++; return out; }
      return NOT;
    }
  };
  const v = collection();
  return v === NOT ? null : [v, k];
}
