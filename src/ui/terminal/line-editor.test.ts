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
