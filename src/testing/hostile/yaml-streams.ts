// Generated multi-document YAML for the parse property tests (engine/parse pieces.test.ts,
// fast.test.ts): block and flow collections at random indentations, compact and same-indentation
// sequences, scalars the YAML 1.1 resolver treats specially (yes, 0644, 1_000, ~, <<), scalars that
// need quoting and are not (a: b, #c, *x, - x, ---), block scalars holding `---`-like lines,
// comments, blank lines, empty documents, and now and then what cuts a stream differently
// (directives, `...`, a BOM, CRLF, tabs) or breaks it (an unclosed flow, a bad indentation, a
// duplicate key, an alias).
import fc from 'fast-check';

/** Scalars as written in the YAML text (some quoted, many needing quotes and not having them). */
const SCALARS = [
  'a', 'b', 'name', 'app', 'web-1', 'nginx:1.27', 'docker.io/library/nginx:latest', 'http://x:80/p', 'a b', 'x#y', 'é한',
  'yes', 'no', 'on', 'off', 'y', 'N', 'true', 'False', 'TRUE', '~', 'null', 'Null', '', '0644', '0o17', '1_000', '12', '-3', '+4',
  '0x1F', '0b101', '.5', '1e3', '-1.5e-3', '.inf', '-.Inf', '.NaN', '1:30', '2024-01-01', '2001-12-14t21:59:43.10-05:00',
  "'q'", "'it''s'", "''", '"d"', '""', '"a: b"', '"e\\n"', "'a # b'", '"x',
  '-', '-x', '?x', ':x', 'a: b', 'a:', '*x', '&y', '!t x', '!!str 1', '|', '>', '@a', '`a', '%a', '[', ']', '{', '}', ',', '#c',
  'k:v', '- x', '---', '...', '<<', 'a,b', 'a[0]', 'a{b}', '__proto__', 'constructor', '1234567890123456789012',
];

const scalar = fc.constantFrom(...SCALARS);
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'name', 'kind', 'spec', 'x.io/y', 'app') },
  { weight: 1, arbitrary: scalar });

type Tree = string | { readonly seq: readonly Tree[] } | { readonly map: readonly (readonly [string, Tree])[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalar },
    { weight: 2, arbitrary: fc.record({ seq: fc.array(tie('tree'), { maxLength: 4 }) }) },
    { weight: 3, arbitrary: fc.record({ map: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }) }) }),
})).tree;

interface Style {
  readonly step: number;
  readonly flowFrom: number;
  readonly sameIndentSeq: boolean;
  readonly comments: boolean;
}

function flowText(t: Tree): string {
  if (typeof t === 'string') return t;
  if ('seq' in t) return `[${t.seq.map(flowText).join(', ')}]`;
  return `{${t.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

/** Block lines of `t` as the value after a key or `- ` at indentation `indent`. */
function blockLines(t: Tree, indent: number, depth: number, s: Style, out: string[], lead: string | null): void {
  const pad = ' '.repeat(indent);
  if (typeof t === 'string' || depth >= s.flowFrom || ('seq' in t ? t.seq.length === 0 : t.map.length === 0)) {
    const text = typeof t === 'string' ? t : flowText(t);
    out.push(lead === null ? pad + text : `${lead} ${text}`.trimEnd());
    return;
  }
  if (lead !== null) out.push(lead + (s.comments && depth % 2 === 1 ? ' # c' : ''));
  if ('seq' in t) {
    for (const item of t.seq) {
      if (typeof item !== 'string' && 'map' in item && item.map.length > 0 && depth + 1 < s.flowFrom) {
        // `- k: v` then the other keys under the first.
        const [first, ...rest] = item.map;
        const inner: string[] = [];
        blockLines(first![1], indent + 2 + s.step, depth + 2, s, inner, `${pad}- ${first![0]}:`);
        out.push(...inner);
        for (const [k, v] of rest) blockLines(v, indent + 2 + s.step, depth + 2, s, out, `${pad}  ${k}:`);
      } else blockLines(item, indent + s.step, depth + 1, s, out, `${pad}-`);
    }
    return;
  }
  for (const [k, v] of t.map) {
    const isSeq = typeof v !== 'string' && 'seq' in v && v.seq.length > 0 && depth + 1 < s.flowFrom;
    const child = isSeq && s.sameIndentSeq ? indent : indent + s.step;
    blockLines(v, child, depth + 1, s, out, `${pad}${k}:`);
  }
}

const style = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  flowFrom: fc.integer({ min: 1, max: 6 }),
  sameIndentSeq: fc.boolean(),
  comments: fc.boolean(),
});

/** Extra lines in a document: a block scalar holding marker-like lines, a comment, a blank line. */
const extra = fc.constantFrom(
  '', '# a comment', '   # indented comment', 'z: |\n  ---\n  text\n   ---x\n', 'z: >-\n  folded\n  # not a comment\n',
  'z: "two\n  lines"', 'z: plain\n  continued', '  bad: indent', 'z: &a [1]\nw: *a', 'z: [unclosed', 'a: 1\na: 2', 'z: x\t# tab',
);

const document = fc.record({ t: tree, s: style, extras: fc.array(fc.tuple(fc.nat(), extra), { maxLength: 2 }), empty: fc.boolean() })
  .map(({ t, s, extras, empty }) => {
    if (empty) return '# only a comment\n';
    const lines: string[] = [];
    blockLines(t, 0, 0, s, lines, null);
    for (const [at, e] of extras) lines.splice(at % (lines.length + 1), 0, e);
    return lines.join('\n') + '\n';
  });

const marker = fc.constantFrom('---\n', '---\n', '---\n', '---   \n', '--- # start\n', '--- |\n  block\n', '---\t\n', '--- a: 1\n');
const head = fc.constantFrom('', '', '', '# leading comment\n\n', '\n', '%YAML 1.1\n---\n', '\uFEFF', '---\n');
const tail = fc.constantFrom('', '', '', '---\n', '...\n', '# trailing\n', '--- \n# x\n');

/** A multi-document YAML stream, mostly well formed. */
export const yamlStream: fc.Arbitrary<string> = fc.record({
  head, tail, crlf: fc.integer({ min: 0, max: 9 }),
  docs: fc.array(fc.tuple(marker, document), { minLength: 1, maxLength: 5 }),
}).map(({ head, tail, crlf, docs }) => {
  const text = head + docs.map(([m, d], i) => (i === 0 && head === '' ? '' : m) + d).join('') + tail;
  return crlf === 0 ? text.replace(/\n/g, '\r\n') : text;
});

/** One document of a stream, as a piece starts: its marker line, then the document. */
export const yamlPiece: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('', '---\n'), document).map(([m, d]) => m + d);
