import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { countLines } from './lines.js';

// Issue 12's fuzz (src/engine/laws/invariants.test.ts, seed 56663897) found a CR LF inside a broken
// plain scalar putting every later error a line early: yaml's own line counter counts that CR LF its
// own way. Lines are counted from the text, one per line feed, as Monaco and the CLI count them.
describe('line positions (countLines)', () => {
  it('starts a line after every line feed, CR or not', () => {
    const lines = countLines('a\r\nb\n\nc');
    expect(lines.lineStarts).toEqual([0, 3, 5, 6]);
    expect(lines.linePos(6)).toEqual({ line: 4, col: 1 });
  });

  it('places yaml errors after a CR LF in a broken scalar on their own lines', () => {
    const text = '  name\r\n: front\n  labels:\n    team: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: back\n';
    const errors = analyze([{ name: 'a.yaml', text }]).diagnostics.filter((d) => d.code === 'yaml-syntax');
    const at = (needle: string) => errors.find((d) => d.message.includes(needle));
    expect(at('"front\\n  labels"')).toMatchObject({ line: 2, column: 3, endLine: 3, endColumn: 9 });
    expect(at('"team"')).toMatchObject({ line: 4, column: 5, endLine: 4, endColumn: 9 });
    const fileLines = text.split('\n');
    for (const d of errors) expect(d.endColumn).toBeLessThanOrEqual((fileLines[d.endLine - 1]?.length ?? 0) + 1);
  });

  it('counts the CR LF lines of a block scalar (yaml\'s counter skipped them: pieces.test.ts)', () => {
    const text = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\ndata:\r\n  note: |\r\n    a\r\n    b\r\n  note: x\r\n';
    const dup = analyze([{ name: 'a.yaml', text }]).diagnostics.find((d) => d.code === 'yaml-syntax');
    expect(dup).toMatchObject({ message: 'YAML syntax error: Map keys must be unique', line: 9, column: 3 });
  });
});
