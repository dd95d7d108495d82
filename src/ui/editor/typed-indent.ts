import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';

/**
 * Typing a lesson's YAML by hand (issue 10). The real cause of the doubled indentation: on Enter,
 * Monaco's autoIndent keeps the line's indentation and adds a level after a line ending in `:`
 * (the YAML language's onEnterRules), and a student copying a snippet then types the snippet's own
 * spaces as well, so "spec:⏎" + "  podSelector:" lands at 4 columns, and a top-level key typed
 * after an indented line can never get back to column 1.
 *
 * The rule here: typed indentation is the student's own. A space typed (or text pasted starting
 * with a space) on a new line that holds only what auto-indent put there replaces that
 * indentation, and from then on Enter starts lines at column 1 (the student is indenting by hand)
 * until the caret is moved by arrow keys or the mouse. A student who never types leading spaces
 * keeps Monaco's auto-indent as before.
 */
export interface IndentState {
  /** The student indents by hand: Enter's auto-indent is removed. */
  readonly manual: boolean;
  /** The line Enter just opened, with the indentation auto-indent gave it. */
  readonly auto: { readonly line: number; readonly indent: string } | null;
}

export const START: IndentState = { manual: false, auto: null };

export interface TextChange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

/** Indentation to remove: columns 1..length of `line`. */
export interface Removal {
  readonly line: number;
  readonly length: number;
}

const ENTER = /^(?:\r?\n)([ \t]*)$/;

/**
 * The next state after one edit the student made, and the auto-indentation to take out, if any.
 * `lineText(n)` is line n's text after the edit.
 */
export function afterChange(state: IndentState, changes: readonly TextChange[], lineText: (line: number) => string): { state: IndentState; remove: Removal | null } {
  // Enter may come with a second change (Monaco trims the whitespace it left on the line before).
  const enter = changes.find((c) => ENTER.test(c.text));
  if (enter) {
    const indent = ENTER.exec(enter.text)?.[1] ?? '';
    const line = enter.line + 1;
    if (state.manual && indent !== '' && lineText(line).startsWith(indent)) return { state: { manual: true, auto: null }, remove: { line, length: indent.length } };
    return { state: { manual: state.manual, auto: indent === '' ? null : { line, indent } }, remove: null };
  }
  const [change] = changes;
  const auto = state.auto;
  if (changes.length === 1 && change && auto && change.line === auto.line && change.endLine === auto.line
    && change.column === auto.indent.length + 1 && change.endColumn === change.column && /^[ \t]/.test(change.text)
    && lineText(auto.line).startsWith(auto.indent + change.text.split(/\r?\n/)[0])) {
    return { state: { manual: true, auto: null }, remove: { line: auto.line, length: auto.indent.length } };
  }
  // Leading spaces typed where auto-indent gave none (Monaco's YAML indentation rules load with the
  // language, so the first Enters of a fresh editor may not indent): the student indents by hand too.
  if (changes.length === 1 && change && change.line === change.endLine && change.column === change.endColumn
    && /^[ \t]/.test(change.text) && /^[ \t]*$/.test(lineText(change.line).slice(0, change.column - 1))) {
    return { state: { manual: true, auto: null }, remove: null };
  }
  return { state: { manual: state.manual, auto: null }, remove: null };
}

/** Monaco's CursorChangeReason.Explicit: arrow keys, Home/End, a click. */
const EXPLICIT = 3;

/** Wires the rule to an editor; `external()` is true while the lab writes text it did not type. */
export function installTypedIndent(editor: MonacoEditor.IStandaloneCodeEditor, external: () => boolean): IDisposable {
  let state = START;
  /** True while this module removes indentation (its own edit moves the caret, not the student). */
  let ours = false;
  const subs = [
    editor.onDidChangeModelContent((e) => {
      const model = editor.getModel();
      if (ours) return;
      if (!model || external() || e.isUndoing || e.isRedoing || e.isFlush) { state = START; return; }
      const changes = e.changes.map((c) => ({
        line: c.range.startLineNumber, column: c.range.startColumn, endLine: c.range.endLineNumber, endColumn: c.range.endColumn, text: c.text,
      }));
      const next = afterChange(state, changes, (n) => (n >= 1 && n <= model.getLineCount() ? model.getLineContent(n) : ''));
      state = next.state;
      const remove = next.remove;
      if (!remove) return;
      // After this event: a model is not edited from inside its own change event. More keys may have
      // landed by then (input can arrive batched), so check the indentation is still there, not the version.
      queueMicrotask(() => {
        if (editor.getModel() !== model || remove.line > model.getLineCount()) return;
        const head = model.getLineContent(remove.line).slice(0, remove.length);
        if (head.length < remove.length || !/^[ \t]*$/.test(head)) return;
        // No end state: the caret is carried along by the edit (it stays after what was typed).
        ours = true;
        try {
          editor.executeEdits('kslab-typed-indent', [{ range: { startLineNumber: remove.line, startColumn: 1, endLineNumber: remove.line, endColumn: remove.length + 1 }, text: '' }]);
        } finally {
          ours = false;
        }
      });
    }),
    editor.onDidChangeCursorPosition((e) => { if (!ours && e.reason === EXPLICIT) state = START; }),
    editor.onDidChangeModel(() => { state = START; }),
  ];
  return { dispose: () => subs.forEach((s) => s.dispose()) };
}
