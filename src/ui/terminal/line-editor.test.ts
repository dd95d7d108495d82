import { describe, expect, it } from 'vitest';
import * as ed from './line-editor.js';

describe('line editor', () => {
  it('inserts at the cursor and deletes before it', () => {
    let st = ed.insert(ed.fresh(0), 'kubectl');
    st = ed.move(st, 1);
    st = ed.insert(st, 'X');
    expect([st.text, st.cursor]).toEqual(['kXubectl', 2]);
    expect(ed.backspace(st).text).toBe('kubectl');
  });
  it('browses history and returns to the draft', () => {
    const h = ['a', 'b'];
    let st = ed.insert(ed.fresh(2), 'dr');
    st = ed.historyStep(st, h, -1);
    expect(st.text).toBe('b');
    st = ed.historyStep(st, h, -1);
    expect(st.text).toBe('a');
    st = ed.historyStep(ed.historyStep(st, h, 1), h, 1);
    expect(st.text).toBe('dr');
  });
  it.each([
    [['kubectl', 'kubectx', 'kubens'], 'kube'],
    [['get'], 'get'],
    [[], ''],
  ])('common prefix %j', (words, prefix) => {
    expect(ed.commonPrefix(words)).toBe(prefix);
  });
});

describe('redraw writes only what changed (a screen reader hears what is written)', () => {
  /** A one-line terminal: applies printable text, ESC[nD, ESC[nC and ESC[K at a cursor. */
  function apply(line: string, cursor: number, ansi: string): { line: string; cursor: number } {
    let i = 0;
    while (i < ansi.length) {
      const m = /^\x1b\[(\d*)([CDK])/.exec(ansi.slice(i));
      if (m) {
        const n = Number(m[1] || '1');
        if (m[2] === 'D') cursor -= n;
        else if (m[2] === 'C') cursor += n;
        else line = line.slice(0, cursor);
        i += m[0].length;
        continue;
      }
      line = line.slice(0, cursor) + ansi[i] + line.slice(cursor + 1);
      cursor++;
      i++;
    }
    return { line, cursor };
  }
  const at = (text: string, cursor = text.length) => ({ ...ed.EMPTY, text, cursor });
  const printed = (ansi: string) => ansi.replace(/\x1b\[\d*[CDK]/g, '');

  it.each([
    ['kub', 3, 'kube', 4, 'e'],
    ['kube', 4, 'kub', 3, ''],
    ['kbe', 1, 'kube', 2, 'ube'],
    ['kubectl get po', 14, 'kubectl get po', 0, ''],
    ['kubectl get pods', 16, 'ls', 2, 'ls'],
    ['', 0, 'kubectl', 7, 'kubectl'],
    ['abc', 3, 'abd', 3, 'd'],
  ] as const)('%j (cursor %i) → %j (cursor %i) writes %j', (from, fc, to, tc, text) => {
    const ansi = ed.redraw(at(from, fc), at(to, tc));
    expect(printed(ansi)).toBe(text);
    expect(apply(from, fc, ansi)).toEqual({ line: to, cursor: tc });
  });
});
