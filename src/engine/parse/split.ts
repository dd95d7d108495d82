/**
 * A multi-document YAML stream cut at its `---` lines, so that each document can be parsed on its
 * own (a large file's documents one at a time: issue 12). A line that starts with `---` followed by
 * a space, a tab or the line's end starts a document wherever it is — inside a block scalar, a
 * quoted scalar or a flow collection too (YAML 1.2 §9.1.4, c-forbidden; the `yaml` package ends
 * the scalar or collection there). Each piece starts at its marker and runs to the next one, which
 * is where `parseAllDocuments` puts the document's range; the text before the first marker is
 * part of the first document when it holds only blank and comment lines, as the parser makes it.
 *
 * Streams this cannot cut as the parser would are left whole (null): a directive line (`%YAML`,
 * `%TAG` apply to the documents after them), a `...` document end marker, a byte order mark after
 * the start. A piece is parsed with the next piece's `---` after it
 * (cache.ts parsePiece), so that it ends as in the stream. Linear in the text; never throws.
 */
export function splitDocuments(text: string): number[] | null {
  const starts: number[] = [];
  let onlyComments = true; // the text before the first marker holds only blank and comment lines
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const c = text.charCodeAt(lineStart);
    if (c === 0x2d /* - */ || c === 0x2e /* . */ || c === 0x25 /* % */) {
      if (c === 0x25) return null;
      if (text.charCodeAt(lineStart + 1) === c && text.charCodeAt(lineStart + 2) === c) {
        const after = lineStart + 3 < text.length ? text.charCodeAt(lineStart + 3) : 0x0a;
        if (after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d) {
          if (c === 0x2e) return null;
          starts.push(lineStart);
        }
      }
    }
    if (starts.length === 0 && onlyComments) {
      let i = lineStart;
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || (i === 0 && text[i] === '\uFEFF'))) i++;
      if (i < lineEnd && text[i] !== '#') onlyComments = false;
    }
    lineStart = lineEnd + 1;
  }
  if (text.indexOf('\uFEFF', 1) >= 0) return null;
  // No marker: one document, or none when there are only blank and comment lines.
  if (starts.length === 0) return onlyComments ? [] : [0];
  // A first piece of blank and comment lines belongs to the first document; otherwise it is one.
  if (starts[0] !== 0 && !onlyComments) starts.unshift(0);
  else starts[0] = 0;
  return starts;
}

/** The ranges [start, end) of the pieces `splitDocuments` found. */
export function pieceEnd(starts: readonly number[], i: number, textLength: number): number {
  return i + 1 < starts.length ? (starts[i + 1] as number) : textLength;
}
