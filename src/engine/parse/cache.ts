import { Composer, parseAllDocuments, parseDocument, Parser, type Document, type DocumentOptions, type LineCounter, type ParseOptions, type ScalarTag, type SchemaOptions, type Tags } from 'yaml';
import { countLines } from './lines.js';

/**
 * Plain scalars resolve as kubectl's and the API server's YAML reader resolves them:
 * sigs.k8s.io/yaml converts YAML to JSON with go-yaml v2, a YAML 1.1 resolver, so `yes`, `on`,
 * `y` are booleans, `0644` is octal, `1_000` is 1000, and `<<` merges (goyaml.v2/resolve.go).
 * go-yaml v2 does not resolve base-60 numbers (`1:30` stays a string); dates are left as strings
 * too (go-yaml makes them a time that JSON prints as RFC 3339 — still a string).
 */
const withoutTimeTags = (tags: Tags): Tags =>
  tags.filter((t) => !(typeof t === 'object' && (t.format === 'TIME' || t.tag === 'tag:yaml.org,2002:timestamp')));

/**
 * go-yaml v2's floats with an exponent: `yamlStyleFloat` is
 * `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, tried on the text without its `_`
 * (goyaml.v2/resolve.go), so digits come before the exponent. The `yaml` package's YAML 1.1 float
 * needs none: `e0`, `E5`, `.e5` were numbers, and `metadata.name: e0` a false "cannot unmarshal
 * number" error (found by the service mutation run's tests).
 */
const GO_EXP_FLOAT = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]*[0-9][0-9_]*)[eE][-+]?[0-9]+$/;
const goYamlTags = (tags: Tags): Tags =>
  withoutTimeTags(tags).map((t) => (typeof t === 'object' && t.tag === 'tag:yaml.org,2002:float' && t.format === 'EXP' ? ({ ...t, test: GO_EXP_FLOAT } as ScalarTag) : t));

export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  uniqueKeys: true, prettyErrors: false, merge: true, schema: 'yaml-1.1', customTags: goYamlTags,
};

/**
 * What the engine parses with: PARSE_OPTIONS without the parser's own duplicate-key check, which
 * is quadratic in a map's keys; unique-keys.ts finds them in one pass, with the same message.
 */
export const ENGINE_OPTIONS = { ...PARSE_OPTIONS, uniqueKeys: false } as const;

export interface ParsedFile {
  readonly lines: LineCounter;
  readonly docs: readonly Document.Parsed[];
}

/** Characters of YAML text kept parsed, least recently used out first (parsed documents take ~40 bytes of heap per character). */
export const PARSE_CACHE_CHARS = 1_000_000;
const cache = new Map<string, ParsedFile>();
let cachedChars = 0;

/**
 * Parsing is most of an analysis (the yaml lexer and composer). The lab re-analyzes on every
 * edit, but usually only one file changed: the parsed documents of a text are kept and reused.
 * Safe because nothing downstream mutates a Document (values come from `toJS`, positions from
 * reading node ranges). Never throws.
 */
export function parseFileCached(text: string): ParsedFile {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const lines = countLines(text);
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, ENGINE_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [];
  } catch {
    docs = [];
  }
  const entry: ParsedFile = { lines, docs };
  cache.set(text, entry);
  cachedChars += text.length;
  for (const [key] of cache) {
    if (cachedChars <= PARSE_CACHE_CHARS || cache.size <= 1) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
  return entry;
}

/**
 * Above this many characters a file is parsed one document at a time and its documents are not
 * kept: each yields its value and errors, then is dropped (a parsed document takes ~40 bytes of
 * heap per character: a 10 MB paste of 70,000 pods held ~500 MB of syntax trees, issue 12). A
 * position in such a file re-parses the one document it is in (`reparseDocument`).
 */
export const LARGE_FILE_CHARS = PARSE_CACHE_CHARS;

/** The documents of `text` as the composer finishes them. Never throws. */
export function* streamDocuments(text: string): Generator<Document.Parsed> {
  const parser = new Parser();
  const composer = new Composer(ENGINE_OPTIONS);
  try {
    yield* composer.compose(parser.parse(text)) as Generator<Document.Parsed>;
  } catch {
    // As parseFileCached: a failure of the parser itself ends the file's documents.
  }
}

/**
 * The document of `text` from `start` to `end` (a piece of split.ts, or a document's range), parsed
 * on its own as the stream parses it: when the next document's `---` follows, it is parsed too, so
 * that the document ends as it does in the stream (at the end of the input the parser closes a
 * last empty value before a trailing comment's line break instead: its range would end one later).
 * Node ranges are relative to `start`; `lineCounter` gets the piece's line starts as the parser counts them. Null when the parser fails.
 */
export function parsePiece(text: string, start: number, end: number): Document.Parsed | null {
  const options = ENGINE_OPTIONS;
  try {
    if (text.startsWith('---', end)) {
      const docs = parseAllDocuments(text.slice(start, end + 3), options);
      return Array.isArray(docs) ? (docs[0] as Document.Parsed | undefined) ?? null : null;
    }
    return parseDocument(text.slice(start, end), options) as Document.Parsed;
  } catch {
    return null;
  }
}

let reparsed: { text: string; start: number; end: number; doc: Document.Parsed } | null = null;

/**
 * One document of a large file again, from its text `start..end` (its range in the file); node
 * ranges in it are relative to `start`. The last one is kept: a document's diagnostics come together.
 */
export function reparseDocument(text: string, start: number, end: number): Document.Parsed | null {
  if (reparsed && reparsed.text === text && reparsed.start === start && reparsed.end === end) return reparsed.doc;
  const doc = parsePiece(text, start, end);
  if (doc) reparsed = { text, start, end, doc };
  return doc;
}
