import { describe, expect, it } from 'vitest';
import { afterChange, START, type IndentState, type TextChange } from './typed-indent.js';

/** A tiny editor model: applies changes to lines and the rule's removals, as Monaco would. */
function simulate(keys: string, autoIndent: (prev: string) => string, rule = true): string {
  let lines = [''];
  let row = 0;
  let col = 0;
  let state: IndentState = START;
  const edit = (change: TextChange) => {
    const next = afterChange(state, [change], (n) => lines[n - 1] ?? '');
    state = next.state;
    if (rule && next.remove) {
      const { line, length } = next.remove;
      lines[line - 1] = (lines[line - 1] ?? '').slice(length);
      if (row === line - 1) col -= length;
    }
  };
  for (const ch of keys) {
    if (ch === '\n') {
      const indent = autoIndent(lines[row] ?? '');
      const rest = (lines[row] ?? '').slice(col);
      lines[row] = (lines[row] ?? '').slice(0, col);
      lines = [...lines.slice(0, row + 1), indent + rest, ...lines.slice(row + 1)];
      const change = { line: row + 1, column: col + 1, endLine: row + 1, endColumn: col + 1, text: `\n${indent}` };
      row += 1;
      col = indent.length;
      edit(change);
    } else {
      const line = lines[row] ?? '';
      lines[row] = line.slice(0, col) + ch + line.slice(col);
      col += 1;
      edit({ line: row + 1, column: col, endLine: row + 1, endColumn: col, text: ch });
    }
  }
  return lines.join('\n');
}

/** Monaco's YAML auto-indent on Enter: keep the indentation, one level more after a `:`. */
const monacoYaml = (prev: string) => (/^\s*/.exec(prev)?.[0] ?? '') + (/:\s*$/.test(prev) ? '  ' : '');

const SNIPPET = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db-policy\nspec:\n  podSelector:\n    matchLabels:\n      role: db\n  policyTypes:\n  - Ingress\n';

describe('typed indentation replaces auto-indent', () => {
  it('a lesson snippet typed key by key lands exactly as written', () => {
    expect(simulate(SNIPPET, monacoYaml)).toBe(SNIPPET);
  });
  it('without the rule the same keys double the indentation (the bug it fixes)', () => {
    const raw = simulate(SNIPPET, monacoYaml, false);
    expect(raw).not.toBe(SNIPPET);
    expect(raw).toContain('    spec:\n        podSelector:');
  });
  it('leading spaces typed before the language indents (its rules load late) still make indentation the student\'s', () => {
    // The first Enters of a fresh editor get no auto-indent; later ones do (the e2e typing journey's race).
    let enters = 0;
    const lateRules = (prev: string) => (++enters <= 3 ? '' : monacoYaml(prev));
    expect(simulate(SNIPPET, lateRules)).toBe(SNIPPET);
    enters = 0;
    expect(simulate(SNIPPET, lateRules, false)).toContain('  spec:');
  });
  it('a student who never types leading spaces keeps auto-indent', () => {
    expect(simulate('spec:\npodSelector: {}\n', monacoYaml)).toBe('spec:\n  podSelector: {}\n  ');
  });
  it('a space typed after text on the line is just a space', () => {
    const s = afterChange({ manual: false, auto: { line: 2, indent: '  ' } }, [{ line: 2, column: 5, endLine: 2, endColumn: 5, text: ' ' }], () => '  ab ');
    expect(s.remove).toBeNull();
  });
  it('a paste that starts with spaces on an auto-indented line replaces the auto-indent', () => {
    const s = afterChange({ manual: false, auto: { line: 2, indent: '  ' } },
      [{ line: 2, column: 3, endLine: 2, endColumn: 3, text: '  podSelector:\n    matchLabels: {}' }], (n) => (n === 2 ? '    podSelector:' : ''));
    expect(s.remove).toEqual({ line: 2, length: 2 });
    expect(s.state.manual).toBe(true);
  });
});
