import type { Document, LineCounter } from 'yaml';
import { parsePiece } from './cache.js';
import { readSimpleDocument, type FastDocument } from './fast.js';
import { pieceEnd, splitDocuments } from './split.js';
import { countLines } from './lines.js';
import { duplicateKeys } from './unique-keys.js';

/**
 * A large file a document at a time (issue 12): cut at its `---` lines (split.ts), each piece read
 * by the quick reader (fast.ts) or, when that is unsure, parsed by the `yaml` package on its own
 * and dropped once read. The same documents, values and positions as parsing the whole stream
 * (pieces.test.ts compares them with `parseAllDocuments`), at a fraction of the time and memory.
 */
export interface Pieces {
  /** Each piece's [start, end) in the file: what a position re-parses (cache.ts reparseDocument). */
  readonly ranges: (readonly [number, number])[];
  /** Line starts as the parser counts them (0, and after every line feed). */
  readonly lines: LineCounter;
}

/**
 * The pieces of `text`, each given to `each` as it is read (what the quick reader read, or the
 * document the `yaml` package parsed without an error, to read and let go), or null when the whole
 * stream must be parsed as one: it cannot be cut (split.ts), or one of several pieces has a syntax
 * error or a duplicate key (the error's words and place are then the stream's, whatever the cut); what `each`
 * was given is then to be dropped. Never throws.
 */
export function readPieces(text: string, each: (got: FastDocument | Document.Parsed, start: number) => void): Pieces | null {
  const starts = splitDocuments(text);
  if (!starts) return null;
  const ranges: (readonly [number, number])[] = [];
  // A file of one document is one piece, the whole text: parsed, it is what parsing the file gives,
  // its errors too.
  const one = starts.length === 1;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number, end = pieceEnd(starts, i, text.length);
    let got: FastDocument | Document.Parsed | undefined = readSimpleDocument(text.slice(start, end));
    if (!got) {
      const doc = parsePiece(text, start, end);
      if (!doc) return null;
      if (!one && (doc.errors.length > 0 || duplicateKeys(doc).length > 0)) return null;
      got = doc;
    }
    ranges.push([start, end]);
    each(got, start);
  }
  const lines = countLines(text);
  return { ranges, lines };
}
