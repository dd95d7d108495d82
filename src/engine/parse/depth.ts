/**
 * How deep a YAML text nests, found by one pass over its characters before the `yaml` package
 * sees it. That package composes documents recursively and a few hundred levels (`[[[[…`, or a
 * staircase of indented keys) overflow the JavaScript stack: the student read `YAML syntax error:
 * Maximum call stack size exceeded` and lost the file (issue 12). A document deeper than
 * MAX_NESTING is left out with a diagnostic in the student's terms, at the place it gets too deep.
 *
 * Lab rule: the API server reads far deeper documents (its JSON decoder stops at 10,000 levels);
 * no manifest comes near 100 (a Deployment's deepest field is about 15 levels down, a CRD schema
 * a few dozen), and 100 keeps the composer and the engine's own walks well inside the stack of a
 * browser worker.
 */
export const MAX_NESTING = 100;

/** A document that nests deeper than MAX_NESTING: its extent and where the limit was passed. */
export interface TooDeep {
  /** Offsets of the document's text (after its `---` line, up to the next marker or the end). */
  readonly start: number;
  readonly end: number;
  /** Offset of the first character past the limit. */
  readonly at: number;
}

/**
 * The documents of `text` nesting deeper than `limit`. Counts block levels by indentation (and
 * compact `- - -` entries), flow levels by `[`/`{`, and skips comments, quoted scalars and block
 * scalars (`|`, `>`). An estimate that can only undercount odd layouts (a sequence at its key's
 * indentation counts no level), so a real manifest is never refused; a hostile text is caught far
 * before the stack is at risk. Linear in the text; never throws.
 */
export function findTooDeep(text: string, limit = MAX_NESTING): TooDeep[] {
  const out: TooDeep[] = [];
  let docStart = 0;
  let at = -1;
  let indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let scalarParent = -1; // inside a block scalar: its lines are indented more than this
  const endDoc = (end: number) => {
    if (at >= 0) out.push({ start: docStart, end, at });
    at = -1;
    indents = [];
    flow = 0;
    quote = null;
    scalarParent = -1;
  };
  const deeper = (depth: number, offset: number) => {
    if (depth > limit && at < 0) at = offset;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let end = lineEnd;
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
    let i = lineStart;
    while (i < end && text[i] === ' ') i++;
    const indent = i - lineStart;
    const blank = i >= end || (text[i] === '#' && quote === null);

    // A document marker at column 0 ends the document whatever is open (YAML 1.2 §9.1.4).
    const marker = text.startsWith('---', lineStart) || text.startsWith('...', lineStart);
    if (marker && (end === lineStart + 3 || text[lineStart + 3] === ' ' || text[lineStart + 3] === '\t')) {
      endDoc(lineStart);
      docStart = Math.min(lineEnd + 1, text.length);
      if (text[lineStart] === '.') { lineStart = lineEnd + 1; continue; }
      i = lineStart + 3;
      while (i < end && text[i] === ' ') i++;
      if (i >= end) { lineStart = lineEnd + 1; continue; }
    } else if (scalarParent >= 0) {
      if (blank || indent > scalarParent) { lineStart = lineEnd + 1; continue; }
      scalarParent = -1;
    } else if (blank && flow === 0) {
      lineStart = lineEnd + 1;
      continue;
    }

    if (flow === 0 && quote === null) {
      // Block levels: pop what this line closes, then each `- ` opens one more (compact sequences).
      for (;;) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= i - lineStart) indents.pop();
        indents.push(i - lineStart);
        deeper(indents.length, i);
        if (text[i] === '-' && (i + 1 >= end || text[i + 1] === ' ')) {
          i++;
          while (i < end && text[i] === ' ') i++;
          if (i < end) continue;
        }
        break;
      }
    }

    const contentStart = i;
    let last = i > lineStart ? (text.slice(lineStart, i).trimEnd().slice(-1) || ' ') : ' '; // the last non-space character before i
    for (; i < end; i++, last = text[i - 1] === ' ' || text[i - 1] === '\t' ? last : (text[i - 1] ?? ' ')) {
      const c = text[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = null;
        continue;
      }
      if (quote === "'") {
        if (c === "'") {
          if (text[i + 1] === "'") i++;
          else quote = null;
        }
        continue;
      }
      const prev = i > lineStart ? text[i - 1] : ' ';
      const spaced = i === contentStart || prev === ' ' || prev === '\t';
      if (c === '#' && spaced) break;
      // Where a value may start: the line's content, after `key: `, `- `, `? `, and inside flow after `[`, `{`, `,`, `:`.
      const valueStart = i === contentStart || (spaced && (last === ':' || last === '?' || last === '-')) ||
        (flow > 0 && (prev === '[' || prev === '{' || prev === ',' || prev === ':' || spaced));
      if ((c === '"' || c === "'") && valueStart) quote = c;
      else if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow++;
        deeper(indents.length + flow, i);
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if ((c === '|' || c === '>') && flow === 0 && valueStart) {
        scalarParent = indent;
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  endDoc(text.length);
  return out;
}

/** `text` with the given documents blanked (spaces; line breaks kept, so every offset and line stays). */
export function blankDocuments(text: string, docs: readonly TooDeep[]): string {
  let out = '';
  let from = 0;
  for (const d of docs) {
    out += text.slice(from, d.start) + text.slice(d.start, d.end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
    from = d.end;
  }
  return out + text.slice(from);
}
