import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDocument, parseAllDocuments, visit, type Document } from 'yaml';
import { yamlStream } from '../../testing/hostile/yaml-streams.js';
import { manyPods } from '../../testing/hostile/generate.js';
import { ENGINE_OPTIONS, parsePiece } from './cache.js';
import { readPieces } from './pieces.js';
import { pieceEnd, splitDocuments } from './split.js';
import { sameData } from './index.js';
import { duplicateKeys } from './unique-keys.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? 300);
/** More runs (KSLAB_PROPERTY_RUNS) take longer than vitest's default 30 s. */
const TIMEOUT = Math.max(30_000, RUNS * 10);

/** Every node's range in `doc`, shifted by `base`, in visiting order; then the document's range. */
function ranges(doc: Document.Parsed, base: number): number[][] {
  const out: number[][] = [];
  visit(doc, (_key, node) => {
    const r = (node as { range?: number[] | null } | null)?.range;
    if (r) out.push(r.map((x) => x + base));
  });
  return out;
}

const hasError = (d: Document.Parsed) => d.errors.length > 0 || duplicateKeys(d).length > 0;
function value(d: Document.Parsed): unknown {
  if (hasError(d)) return 'error';
  try {
    return d.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return `throws: ${String(e)}`; // an alias without its anchor: the engine's diagnostic says so
  }
}
/** A document's syntax errors and duplicate keys: words and offsets. */
const errors = (d: Document.Parsed) => [...d.errors.map((e) => [e.message, e.pos]), ...duplicateKeys(d).map((e) => [e.message, e.pos])];
/** As parse/index.ts readDocument: no contents, or a null scalar. */
const isEmpty = (d: Document.Parsed) => d.contents === null || (d.contents as { value?: unknown }).value === null;

/** The stream as the `yaml` package parses it whole. */
function whole(text: string) {
  const docs = parseAllDocuments(text, ENGINE_OPTIONS) as Document.Parsed[];
  return { docs: Array.isArray(docs) ? docs : [] };
}

/**
 * A line starts after every line feed, as the editor counts. Not the `yaml` package's own counter:
 * inside a block scalar or a broken plain scalar it skips CR LF lines ("{}\r\nz: |\r\n  ---\r\n…"
 * counted 4 lines of 7), see lines.test.ts.
 */
const lineFeedStarts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];

describe('a stream cut at its --- lines, each piece parsed on its own (issue 12)', () => {
  it('gives the documents parseAllDocuments gives: as many, the same values, node ranges and errors', () => {
    let cut = 0;
    fc.assert(fc.property(yamlStream, (text) => {
      const starts = splitDocuments(text);
      if (!starts) {
        // Left whole only for what cuts differently.
        expect(/^(%|\.\.\.(\s|$))/m.test(text) || text.indexOf('\uFEFF', 1) >= 0).toBe(true);
        return;
      }
      const pieces = starts.map((start, i) => parsePiece(text, start, pieceEnd(starts, i, text.length)));
      // A piece with an error sends the whole file to the stream parser (pieces.ts): nothing to compare.
      if (pieces.some((p) => !p || hasError(p))) return;
      cut++;
      const stream = whole(text).docs;
      expect(starts.length, JSON.stringify(text)).toBe(stream.length);
      (pieces as Document.Parsed[]).forEach((piece, i) => {
        const doc = stream[i] as Document.Parsed;
        expect(hasError(doc), `document ${i} of ${JSON.stringify(text)}`).toBe(false);
        expect(sameData(value(piece), value(doc), 0)).toBe(true);
        expect(ranges(piece, starts[i] as number)).toEqual(ranges(doc, 0));
      });
    }), { numRuns: RUNS });
    expect(cut).toBeGreaterThan(RUNS / 10);
  }, TIMEOUT);

  it('readPieces: the values, line starts and pieces the engine reads, or null when the stream must be read whole', () => {
    let read = 0;
    fc.assert(fc.property(yamlStream, (text) => {
      const got: { value: unknown; empty: boolean; errors: unknown }[] = [];
      const pieces = readPieces(text, (d) => {
        if (isDocument(d)) {
          const doc = d as Document.Parsed;
          got.push({ value: isEmpty(doc) ? undefined : value(doc), empty: isEmpty(doc), errors: errors(doc) });
        } else got.push({ value: d.value, empty: d.empty, errors: [] });
      });
      const stream = whole(text);
      if (!pieces) {
        expect(splitDocuments(text) === null || stream.docs.some(hasError)).toBe(true);
        return;
      }
      read++;
      // Only a file of one document may come with its error (the piece is the whole text).
      if (pieces.ranges.length > 1) expect(stream.docs.some(hasError)).toBe(false);
      expect(pieces.ranges.length).toBe(stream.docs.length);
      expect(got.length).toBe(stream.docs.length);
      stream.docs.forEach((doc, i) => {
        expect(got[i]?.errors, `document ${i} of ${JSON.stringify(text)}`).toEqual(errors(doc));
        expect(got[i]?.empty, `document ${i} of ${JSON.stringify(text)}`).toBe(isEmpty(doc));
        if (!isEmpty(doc)) expect(sameData(got[i]?.value, value(doc), 0), `document ${i} of ${JSON.stringify(text)}`).toBe(true);
      });
      expect(pieces.lines.lineStarts).toEqual(lineFeedStarts(text));
    }), { numRuns: RUNS });
    expect(read).toBeGreaterThan(RUNS / 10);
  }, TIMEOUT);

  it('a paste of pods is cut into one piece per pod, each read without the yaml package', () => {
    const text = manyPods(300);
    let viaPackage = 0;
    const pieces = readPieces(text, (d) => { if (isDocument(d)) viaPackage++; });
    expect(pieces?.ranges.length).toBe(300);
    expect(viaPackage).toBe(0);
  });
});
