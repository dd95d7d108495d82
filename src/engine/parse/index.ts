import { isDocument, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PendingDiagnostic, SourceFile, SourceRange, SourceRef } from '../model/index.js';
import { LARGE_FILE_CHARS, parseFileCached, reparseDocument, streamDocuments } from './cache.js';
import { blankDocuments, findTooDeep, type TooDeep } from './depth.js';
import { isKeptPiece, pieceTree, readKept, type KeptPiece, type PieceReads } from './kept.js';
import { countLines } from './lines.js';
import { readPieces } from './pieces.js';
import { readDocument, tooDeepDiagnostic } from './read-document.js';

/** One YAML document of one file, converted to plain data (or `ok: false` when it could not be). */
export interface ParsedDoc {
  readonly file: string;
  readonly index: number;
  /** Plain JS value of the document; undefined when empty or broken. */
  readonly value: unknown;
  /** False when the document has a syntax error: it is left out of the analysis. */
  readonly ok: boolean;
  readonly empty: boolean;
}

export interface ParsedSources {
  readonly docs: readonly ParsedDoc[];
  readonly diagnostics: readonly PendingDiagnostic[];
  /**
   * Range of a node; `atKey` selects the key of the last path segment instead of its value. With
   * `rough`, a node whose document would have to be parsed again for it (a document read on its
   * own, its tree not kept) gets its document's range instead: see analyze.ts EXACT_REPARSES.
   */
  locate(ref: SourceRef, atKey?: boolean, rough?: boolean): SourceRange | null;
  /** Whether locating in this document parses it again (its tree is not held). */
  reparses(ref: SourceRef): boolean;
  /** Range of raw offsets within a file. */
  locateOffsets(file: string, start: number, end: number): SourceRange | null;
}

interface FileState {
  readonly text: string;
  readonly lines: LineCounter;
  /**
   * The parsed documents; for a large file (cache.ts LARGE_FILE_CHARS) or one read a document at a
   * time, each one's range, to parse again; for a kept file read so (kept.ts), each piece.
   */
  readonly docs: readonly Document.Parsed[] | readonly (readonly [number, number])[] | readonly KeptPiece[];
}

/**
 * What `parseSources` keeps between calls when asked to (the lab's incremental analysis,
 * incremental/): per file name its text and what it parsed to. A file whose text is unchanged is
 * not looked at again; a changed file's documents whose values are deep-equal to the previous
 * ones at the same index keep the previous value objects, so that what is built from a value
 * (normalize's per-document memo) is found again after an edit that changed nothing it reads
 * (a comment, spacing, another document of the file). Large files (LARGE_FILE_CHARS) are not kept.
 */
export type ParseCache = Map<string, { readonly text: string; readonly result: FileResult }>;

interface FileResult {
  readonly state: FileState;
  readonly docs: readonly ParsedDoc[];
  readonly diagnostics: readonly PendingDiagnostic[];
  /** What the file's pieces read to (kept.ts), for its next text; the last file's when this one was parsed whole. */
  readonly reads?: PieceReads;
}

/** Parse every file into documents. Never throws: problems become diagnostics with positions. */
export function parseSources(files: readonly SourceFile[], cache?: ParseCache): ParsedSources {
  const states = new Map<string, FileState>();
  const docs: ParsedDoc[] = [];
  const diagnostics: PendingDiagnostic[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    seen.add(file.name);
    const held = cache?.get(file.name);
    let result: FileResult;
    if (held && held.text === file.text) result = held.result;
    else {
      result = parseFile(file, cache !== undefined, held?.result.reads);
      if (held) result = { ...result, docs: shareValues(result.docs, held.result.docs) };
      if (cache) {
        if (file.text.length > LARGE_FILE_CHARS) cache.delete(file.name);
        else cache.set(file.name, { text: file.text, result });
      }
    }
    states.set(file.name, result.state);
    for (const d of result.docs) docs.push(d);
    for (const d of result.diagnostics) diagnostics.push(d);
  }
  if (cache) for (const name of [...cache.keys()]) if (!seen.has(name)) cache.delete(name);

  function reparses(ref: SourceRef): boolean {
    const held = states.get(ref.file)?.docs[ref.doc];
    return held !== undefined && (Array.isArray(held) || (isKeptPiece(held) && held.read.tree === undefined));
  }

  function locate(ref: SourceRef, atKey = false, rough = false): SourceRange | null {
    const state = states.get(ref.file);
    if (!state) return null;
    const held = state.docs[ref.doc];
    if (!held) return null;
    if (rough && reparses(ref)) {
      const [start, end] = Array.isArray(held) ? held as readonly [number, number] : [(held as KeptPiece).start, (held as KeptPiece).end];
      // From the document's first line after its `---`.
      const nl = state.text.startsWith('---', start) ? state.text.indexOf('\n', start) : -1;
      const from = nl >= 0 && nl < end ? nl + 1 : start;
      return toRange(ref.file, state, from, Math.max(from, end));
    }
    // A document read on its own (a large file's, a kept piece) has ranges from its start, `base`.
    let base = 0;
    let doc: Document.Parsed | null;
    if (Array.isArray(held)) {
      base = (held as readonly [number, number])[0];
      doc = reparseDocument(state.text, base, (held as readonly [number, number])[1]);
    } else if (isKeptPiece(held)) {
      base = held.start;
      doc = pieceTree(state.text, held);
    } else doc = held as Document.Parsed;
    const range = doc ? rangeOf(doc, ref.path, atKey) : null;
    if (!range) return null;
    return toRange(ref.file, state, base + range[0], base + range[1]);
  }

  function locateOffsets(file: string, start: number, end: number): SourceRange | null {
    const state = states.get(file);
    if (!state) return null;
    const max = state.text.length;
    return toRange(file, state, Math.min(start, max), Math.min(end, max));
  }

  return { docs, diagnostics, locate, locateOffsets, reparses };
}

/**
 * One file's documents, their diagnostics and what `locate` needs. Every file is read a document at
 * a time (pieces.test.ts: the same values and positions as parsing it whole, in a fraction of the
 * time). `kept`: the caller keeps what a file read to between analyses (the lab's incremental
 * analysis): a small file's pieces are kept by their text (kept.ts), so an edit reads again only
 * the documents it changed (`previous`: the pieces of the file's last text), and a piece's syntax
 * tree is kept once a position asked for it; a file of one document, or one that must be parsed
 * as one stream, is parsed whole and its documents kept.
 */
function parseFile(file: SourceFile, kept: boolean, previous?: PieceReads): FileResult {
  if (kept && file.text.length <= LARGE_FILE_CHARS) {
    const read = readKept(file.name, file.text, previous);
    if (read) return { state: { text: file.text, lines: read.lines, docs: read.pieces }, docs: [...read.docs], diagnostics: read.diagnostics, reads: read.reads };
  }
  const docs: ParsedDoc[] = [];
  const diagnostics: PendingDiagnostic[] = [];
  // Documents too deep for the parser's recursion are blanked first (offsets and lines kept):
  // the rest of the file and the other files are still analysed.
  const tooDeep = findTooDeep(file.text);
  const text = tooDeep.length > 0 ? blankDocuments(file.text, tooDeep) : file.text;
  if ((text.length > LARGE_FILE_CHARS || !kept) && tooDeep.length === 0) {
    const read = parsePieces(file.name, text);
    if (read) return read;
  }
  let lines: LineCounter;
  let parsed: Iterable<Document.Parsed>;
  let state: FileState;
  const ranges: (readonly [number, number])[] = [];
  if (text.length > LARGE_FILE_CHARS) {
    lines = countLines(text);
    parsed = streamDocuments(text);
    state = { text, lines, docs: ranges };
  } else {
    const whole = parseFileCached(text);
    lines = whole.lines;
    parsed = whole.docs;
    state = { text, lines, docs: whole.docs };
  }
  const deep = [...tooDeep];
  let index = 0;
  for (const doc of parsed) {
    if (text.length > LARGE_FILE_CHARS) ranges.push([doc.range[0], doc.range[2]]);
    while (deep[0] && deep[0].at <= doc.range[2]) {
      const at = (deep.shift() as TooDeep).at;
      diagnostics.push(tooDeepDiagnostic(file.name, index, [at, at + 1]));
    }
    readDocument(file.name, doc, index++, docs, diagnostics);
  }
  for (const d of deep) diagnostics.push(tooDeepDiagnostic(file.name, index, [d.at, d.at + 1]));
  return { state, docs, diagnostics, ...(previous ? { reads: previous } : {}) };
}

/**
 * A large file a document at a time (pieces.ts): each document's value is read and its syntax tree
 * dropped; a position re-parses its one document. Null when the file must be parsed as one stream.
 */
function parsePieces(fileName: string, text: string): FileResult | null {
  const docs: ParsedDoc[] = [];
  const diagnostics: PendingDiagnostic[] = [];
  const pieces = readPieces(text, (got, start) => {
    const index = docs.length;
    if (!isDocument(got)) {
      docs.push({ file: fileName, index, value: got.value, ok: true, empty: got.empty });
      return;
    }
    const from = diagnostics.length;
    readDocument(fileName, got, index, docs, diagnostics);
    // Offsets in a piece's document are the piece's: the file's are `start` further.
    for (let k = from; k < diagnostics.length; k++) {
      const d = diagnostics[k] as PendingDiagnostic;
      if (d.offsets) diagnostics[k] = { ...d, offsets: [d.offsets[0] + start, d.offsets[1] + start] };
    }
  });
  if (!pieces) return null;
  return { state: { text, lines: pieces.lines, docs: pieces.ranges }, docs, diagnostics };
}

/** `next` with each document whose value deep-equals the one at its index in `previous` holding the previous object. */
function shareValues(next: readonly ParsedDoc[], previous: readonly ParsedDoc[]): ParsedDoc[] {
  return next.map((d, i) => {
    const p = previous[i];
    return p && p.value !== d.value && p.ok === d.ok && p.empty === d.empty && sameData(p.value, d.value, 0) ? { ...d, value: p.value } : d;
  });
}

/** Deep equality of plain data (what toJS makes), key order included; anything else only when identical. */
export function sameData(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 200) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], depth + 1)) return false;
    return true;
  }
  const pa = Object.getPrototypeOf(a) as unknown, pb = Object.getPrototypeOf(b) as unknown;
  if (Array.isArray(b) || pa !== pb || (pa !== Object.prototype && pa !== null)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

function toRange(file: string, state: FileState, start: number, end: number): SourceRange {
  const a = state.lines.linePos(start);
  const b = state.lines.linePos(end);
  return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, start, end };
}

/**
 * Offsets of the node at `path`: walks maps and sequences; for a path that does not exist stops at
 * the deepest existing ancestor (a diagnostic about a missing field points at its parent).
 */
function rangeOf(doc: Document.Parsed, path: SourceRef['path'], atKey: boolean): [number, number] | null {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  for (const seg of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = isScalar(pair.key) ? pair.key : null;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
    } else {
      break;
    }
  }
  const target = atKey && keyNode ? keyNode : node;
  const r = (target as Node | null)?.range;
  if (r) return [r[0], r[1]];
  const docRange = doc.range;
  return docRange ? [docRange[0], docRange[1]] : null;
}
