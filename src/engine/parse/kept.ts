import type { Document, LineCounter } from 'yaml';
import type { PendingDiagnostic } from '../model/index.js';
import { parsePiece } from './cache.js';
import { findTooDeep } from './depth.js';
import { readSimpleDocument } from './fast.js';
import type { ParsedDoc } from './index.js';
import { readDocument } from './read-document.js';
import { pieceEnd, splitDocuments } from './split.js';
import { countLines } from './lines.js';
import { duplicateKeys } from './unique-keys.js';

/**
 * The lab's files between edits (issue 11): a file of several documents is cut at its `---` lines
 * (split.ts) and each piece is read on its own (pieces.ts: the quick reader, else the `yaml`
 * package), as a one-shot analysis reads every file. What a piece read to is kept by its text, in
 * the piece's own terms (offsets from its start, no file name or index), so an edit reads again
 * only the pieces whose text changed: the others are placed where they now are — their offsets
 * moved by their new start, their line numbers read from the file's new line starts. A piece's
 * value object is the one read before, so what was built from it is found again (normalize's memo).
 */

/** What one piece read to, in its own terms. */
export interface PieceRead {
  /** The file's last piece: parsed with no `---` after it (cache.ts parsePiece). */
  readonly last: boolean;
  readonly value: unknown;
  readonly ok: boolean;
  readonly empty: boolean;
  /** Its diagnostics, offsets from the piece's start. */
  readonly diagnostics: readonly PendingDiagnostic[];
  /** The `yaml` package's document of the piece (node ranges from its start): parsed when a position is first asked, then kept. */
  tree: Document.Parsed | null | undefined;
}

/** A piece where it is in the file now, and what it read to. */
export interface KeptPiece {
  readonly start: number;
  readonly end: number;
  readonly read: PieceRead;
}

/** What a file's pieces read to, by the piece's text. */
export type PieceReads = Map<string, PieceRead>;

export interface KeptFile {
  readonly pieces: readonly KeptPiece[];
  readonly reads: PieceReads;
  /** Line starts as the parser counts them (0, and after every line feed). */
  readonly lines: LineCounter;
  readonly docs: readonly ParsedDoc[];
  readonly diagnostics: readonly PendingDiagnostic[];
}

/**
 * `text` read a piece at a time, the pieces `previous` holds not read again; or null when the file is
 * to be parsed as one stream, as parse/index.ts does then for every file: it has one document or
 * cannot be cut (split.ts), a document nests too deep (depth.ts), or a piece has a syntax error or a
 * duplicate key (the error's words and place are the stream's). Never throws.
 */
export function readKept(fileName: string, text: string, previous: PieceReads | undefined): KeptFile | null {
  const starts = splitDocuments(text);
  if (!starts || starts.length < 2 || !depthSeesTheCuts(text, starts)) return null;
  const reads: PieceReads = new Map();
  const pieces: KeptPiece[] = [];
  const docs: ParsedDoc[] = [];
  const diagnostics: PendingDiagnostic[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number, end = pieceEnd(starts, i, text.length);
    const piece = text.slice(start, end);
    const last = end === text.length;
    let read = reads.get(piece) ?? previous?.get(piece);
    if (!read || read.last !== last) {
      const fresh = readPiece(text, start, end, piece, last);
      if (!fresh) return null;
      read = fresh;
    }
    reads.set(piece, read);
    pieces.push({ start, end, read });
    docs.push({ file: fileName, index: i, value: read.value, ok: read.ok, empty: read.empty });
    for (const d of read.diagnostics) diagnostics.push(placed(d, fileName, i, start));
  }
  const lines = countLines(text);
  return { pieces, reads, lines, docs, diagnostics };
}

/** The piece's document for a position: parsed the first time one is asked, then kept with what it read to. */
export function pieceTree(text: string, piece: KeptPiece): Document.Parsed | null {
  if (piece.read.tree === undefined) piece.read.tree = parsePiece(text, piece.start, piece.end);
  return piece.read.tree;
}

export function isKeptPiece(held: unknown): held is KeptPiece {
  return typeof held === 'object' && held !== null && (held as Partial<KeptPiece>).read !== undefined;
}

/** One piece as pieces.ts reads it, or null when the file must be parsed as one stream. */
function readPiece(text: string, start: number, end: number, piece: string, last: boolean): PieceRead | null {
  if (findTooDeep(piece).length > 0) return null;
  const fast = readSimpleDocument(piece);
  if (fast) return { last, value: fast.value, ok: true, empty: fast.empty, diagnostics: [], tree: undefined };
  const doc = parsePiece(text, start, end);
  if (!doc || doc.errors.length > 0 || duplicateKeys(doc).length > 0) return null;
  const docs: ParsedDoc[] = [];
  const diagnostics: PendingDiagnostic[] = [];
  readDocument('', doc, 0, docs, diagnostics);
  const d = docs[0] as ParsedDoc;
  return { last, value: d.value, ok: d.ok, empty: d.empty, diagnostics, tree: doc };
}

/** A piece's diagnostic in its file, at its index, its offsets moved by the piece's start. */
function placed(d: PendingDiagnostic, file: string, index: number, start: number): PendingDiagnostic {
  const out: PendingDiagnostic = { ...d, ...(d.ref ? { ref: { ...d.ref, file, doc: index } } : {}) };
  return d.offsets ? { ...out, offsets: [d.offsets[0] + start, d.offsets[1] + start] } : out;
}

/**
 * Whether depth.ts ends a document at every cut: then a text nests too deep exactly when one of its
 * pieces does. It takes `---` followed by a space, a tab or the line's end (a CR before the line
 * feed included) for a marker; split.ts also cuts at `---` and a CR inside a line.
 */
function depthSeesTheCuts(text: string, starts: readonly number[]): boolean {
  for (const s of starts) {
    if (!text.startsWith('---', s) || text.charCodeAt(s + 3) !== 0x0d) continue;
    if (s + 4 < text.length && text.charCodeAt(s + 4) !== 0x0a) return false;
  }
  return true;
}
