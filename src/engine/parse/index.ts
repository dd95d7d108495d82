import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { PendingDiagnostic, SourceFile, SourceRange, SourceRef } from '../model/index.js';
import { LARGE_FILE_CHARS, parseFileCached, reparseDocument, streamDocuments } from './cache.js';
import { duplicateKeys } from './unique-keys.js';
import { blankDocuments, findTooDeep, MAX_NESTING, type TooDeep } from './depth.js';

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
  /** Range of a node; `atKey` selects the key of the last path segment instead of its value. */
  locate(ref: SourceRef, atKey?: boolean): SourceRange | null;
  /** Range of raw offsets within a file. */
  locateOffsets(file: string, start: number, end: number): SourceRange | null;
}

interface FileState {
  readonly text: string;
  readonly lines: LineCounter;
  /** The parsed documents, or for a large file (cache.ts LARGE_FILE_CHARS) each one's range, to parse again. */
  readonly docs: readonly Document.Parsed[] | readonly (readonly [number, number])[];
}

/** Parse every file into documents. Never throws: problems become diagnostics with positions. */
export function parseSources(files: readonly SourceFile[]): ParsedSources {
  const states = new Map<string, FileState>();
  const docs: ParsedDoc[] = [];
  const diagnostics: PendingDiagnostic[] = [];

  for (const file of files) {
    // Documents too deep for the parser's recursion are blanked first (offsets and lines kept):
    // the rest of the file and the other files are still analysed.
    const tooDeep = findTooDeep(file.text);
    const text = tooDeep.length > 0 ? blankDocuments(file.text, tooDeep) : file.text;
    let lines: LineCounter;
    let parsed: Iterable<Document.Parsed>;
    const ranges: (readonly [number, number])[] = [];
    if (text.length > LARGE_FILE_CHARS) {
      lines = new LineCounter();
      parsed = streamDocuments(text, lines);
      states.set(file.name, { text, lines, docs: ranges });
    } else {
      const whole = parseFileCached(text);
      lines = whole.lines;
      parsed = whole.docs;
      states.set(file.name, { text, lines, docs: whole.docs });
    }
    const deep = [...tooDeep];
    let index = 0;
    for (const doc of parsed) {
      if (text.length > LARGE_FILE_CHARS) ranges.push([doc.range[0], doc.range[2]]);
      while (deep[0] && deep[0].at <= doc.range[2]) {
        const at = (deep.shift() as TooDeep).at;
        diagnostics.push(tooDeepDiagnostic(file.name, index, [at, at + 1]));
      }
      readDocument(file.name, doc, index++);
    }
    for (const d of deep) diagnostics.push(tooDeepDiagnostic(file.name, index, [d.at, d.at + 1]));
  }

  function readDocument(fileName: string, doc: Document.Parsed, index: number): void {
    const errors = [...doc.errors, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
    for (const err of errors) {
      // The parser's recursion gave out (a depth the pre-check did not see): the same words.
      if (/call stack/i.test(err.message)) {
        diagnostics.push(tooDeepDiagnostic(fileName, index, [err.pos[0], Math.max(err.pos[1], err.pos[0] + 1)]));
        continue;
      }
      diagnostics.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: `YAML syntax error: ${cleanYamlMessage(err.message)}`,
        ref: { file: fileName, doc: index, path: [] },
        offsets: [err.pos[0], Math.max(err.pos[1], err.pos[0] + 1)],
        params: { detail: cleanYamlMessage(err.message) },
      });
    }
    const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
    let value: unknown;
    let ok = errors.length === 0;
    if (ok && !empty) {
      try {
        value = doc.toJS({ maxAliasCount: 1000 });
      } catch (e) {
        ok = false;
        diagnostics.push(e instanceof RangeError && /call stack/i.test(e.message)
          ? tooDeepDiagnostic(fileName, index, [doc.range[0], Math.max(doc.range[1], doc.range[0] + 1)])
          : {
              severity: 'error',
              code: 'yaml-syntax',
              message: `YAML error: ${e instanceof Error ? e.message : String(e)}`,
              ref: { file: fileName, doc: index, path: [] },
            });
      }
    }
    docs.push({ file: fileName, index, value, ok, empty });
  }

  function locate(ref: SourceRef, atKey = false): SourceRange | null {
    const state = states.get(ref.file);
    if (!state) return null;
    const held = state.docs[ref.doc];
    if (!held) return null;
    // A large file's document is parsed again from its own text: its ranges start at `base`.
    const base = Array.isArray(held) ? (held as readonly [number, number])[0] : 0;
    const doc = Array.isArray(held) ? reparseDocument(state.text, base, (held as readonly [number, number])[1]) : held as Document.Parsed;
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

  return { docs, diagnostics, locate, locateOffsets };
}

function toRange(file: string, state: FileState, start: number, end: number): SourceRange {
  const a = state.lines.linePos(start);
  const b = state.lines.linePos(end);
  return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, start, end };
}

/** A document nesting deeper than MAX_NESTING (depth.ts): left out, the rest still analysed. */
function tooDeepDiagnostic(file: string, doc: number, offsets: [number, number]): PendingDiagnostic {
  return {
    severity: 'error',
    code: 'yaml-too-deep',
    message: `YAML nesting deeper than ${MAX_NESTING} levels: this document is left out of the analysis. ` +
      `Kubernetes manifests nest a few dozen levels at most; look for a runaway run of [ or { or of ever-deeper indentation here.`,
    ref: { file, doc, path: [] },
    offsets,
    params: { limit: MAX_NESTING },
  };
}

/** yaml's messages end with a code excerpt; keep the first line. */
function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
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
