/**
 * Monaco's typing path, walked once on a throwaway editor while the lab is idle after its first
 * screen (issue 11). The student's first keystroke was the first to run Monaco's `type` command: at
 * 50 pods its key → posted took 18-29 ms against 5 ms for the keystrokes after it, all inside the
 * command's edit and cursor code. Here a hidden editor, never attached to the lab's files or store,
 * takes a few characters and a new line, and is disposed in the same task, before anything is drawn.
 */
import type { Monaco } from './monaco.js';

/** What the rehearsal types: a character at a line's end, a new line, a character on it. */
const KEYS = ['x', '\n', 'y'] as const;

/** Returns how many characters the throwaway model ended with (0 if Monaco refused to make it). */
export function rehearseTyping(monaco: Monaco, doc: Document = document): number {
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position:fixed;left:-10000px;top:0;width:400px;height:120px;overflow:hidden;visibility:hidden';
  doc.body.append(box);
  const model = monaco.editor.createModel('metadata:\n  labels:\n    app: web\n', 'yaml');
  const editor = monaco.editor.create(box, { model, minimap: { enabled: false }, tabSize: 2, insertSpaces: true, automaticLayout: false });
  try {
    editor.setPosition({ lineNumber: 3, column: model.getLineMaxColumn(3) });
    for (const text of KEYS) editor.trigger('keyboard', 'type', { text });
    return model.getValueLength();
  } finally {
    editor.dispose();
    model.dispose();
    box.remove();
  }
}
