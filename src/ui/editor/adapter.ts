import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';
import type { Diagnostic } from '../../engine/model/index.js';
import type { Monaco } from './monaco.js';
import { MONO_FONTS, whenMonoFontReady } from '../common/fonts.js';
import { installEditorExit } from './keyboard-exit.js';
import { installTypedIndent } from './typed-indent.js';
import { isLarge, lineCount, LARGE_FILE_OPTIONS, LARGE_YAML, NORMAL_FILE_OPTIONS, registerLargeYaml } from './large-file.js';
import { makeRestricted } from '../../state/restricted-fix.js';

/**
 * Monaco lives behind this adapter (architecture.md practice 7): created once, then updated with
 * files, markers and reveal requests, then destroyed. One model per tab, keyed by the tab's id,
 * so a rename keeps its undo history and view state.
 */
export interface EditorFile {
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

export interface RevealRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface EditorAdapter {
  update(files: readonly EditorFile[], activeId: string | null): void;
  setDiagnostics(files: readonly EditorFile[], diagnostics: readonly Diagnostic[]): void;
  reveal(fileId: string, range: RevealRange): void;
  setFontSize(size: number): void;
  /** The name screen readers hear on entering the editor (it says which file). */
  setAriaLabel(label: string): void;
  focus(): void;
  undo(): void;
  selection(): { fileId: string; text: string; line: number; column: number; endLine: number; endColumn: number } | null;
  markers(): { owner: string; message: string; line: number }[];
  destroy(): void;
}

export interface AdapterOptions {
  onChange(fileId: string, text: string): void;
  fontSize: number;
  ariaLabel: string;
  /** The quick fix's title on a Pod Security diagnostic, in the current language. */
  fixTitle?(): string;
  /** The active tab is (true) or is no longer (false) a large file, with some editor help off (large-file.ts). */
  onLargeFile?(large: boolean): void;
}

/** The engine's Pod Security diagnostics on a pod's (or its controller's) YAML: the quick fix's markers. */
const POD_SECURITY_CODES = new Set(['pod-security-forbidden', 'pod-security-warning', 'pod-security-audit', 'pod-security-failed-create']);

const MARKER_OWNER = 'kslab';

export function modelUri(monaco: Monaco, fileId: string) {
  // The `.yaml` suffix is what the schema's fileMatch keys on; the tab name is not in the URI
  // because a model's URI cannot change and renames must keep undo history.
  return monaco.Uri.parse(`file:///lab/${fileId}.yaml`);
}

export function createEditorAdapter(monaco: Monaco, container: HTMLElement, options: AdapterOptions): EditorAdapter {
  const models = new Map<string, MonacoEditor.ITextModel>();
  const viewStates = new Map<string, MonacoEditor.ICodeEditorViewState | null>();
  const listeners = new Map<string, IDisposable>();
  let activeId: string | null = null;
  /** True while we write store text into a model, so the change is not echoed back. */
  let applying = false;
  /** Tabs whose model is large (large-file.ts), and whether the editor's options are set for one. */
  const large = new Set<string>();
  let largeOptions = false;
  registerLargeYaml(monaco);

  const editor = monaco.editor.create(container, {
    model: null,
    language: 'yaml',
    theme: 'kslab-light',
    automaticLayout: true,
    fontSize: options.fontSize,
    fontFamily: MONO_FONTS,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    ...NORMAL_FILE_OPTIONS,
    // Enter ends the line: with quick suggestions open it would accept one instead ("…/v1⏎kind:"
    // became "…/v1kind:"). Tab still accepts a suggestion.
    acceptSuggestionOnEnter: 'off',
    ariaLabel: options.ariaLabel,
    fixedOverflowWidgets: true,
    padding: { top: 8 },
    // A blinking caret is motion: it stops when the student's system asks for less of it.
    cursorBlinking: reducedMotion() ? 'solid' : 'blink',
  });
  // Monaco measured its glyphs with a fallback font if the bundled one was still loading.
  const cancelFont = monoFontLoaded(options.fontSize) ? () => {} : whenMonoFontReady(() => monaco.editor.remeasureFonts());
  const removeExit = installEditorExit(container);
  // Typed indentation is the student's own: it replaces Monaco's auto-indent (typed-indent.ts).
  const typedIndent = installTypedIndent(editor, () => applying);
  // "Make this pod restricted-compliant" on a Pod Security marker: one edit over the document's
  // text (makeRestricted), so a single undo restores what the student wrote.
  const quickFix = monaco.languages.registerCodeActionProvider(['yaml', LARGE_YAML], {
    provideCodeActions(model, _range, context) {
      if (![...models.values()].includes(model)) return { actions: [], dispose() {} };
      const markers = context.markers.filter((m) => m.source === 'kslab'
        && POD_SECURITY_CODES.has(typeof m.code === 'string' ? m.code : m.code?.value ?? ''));
      const actions = [];
      const seen = new Set<string>();
      for (const m of markers) {
        const text = model.getValue();
        const fixed = makeRestricted(text, model.getOffsetAt({ lineNumber: m.startLineNumber, column: m.startColumn }));
        if (fixed === null || seen.has(fixed)) continue;
        seen.add(fixed);
        actions.push({
          title: options.fixTitle?.() ?? 'Make this pod restricted-compliant',
          kind: 'quickfix', diagnostics: [m], isPreferred: true,
          edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: model.getFullModelRange(), text: fixed } }] },
        });
      }
      return { actions, dispose() {} };
    },
  }, { providedCodeActionKinds: ['quickfix'] });

  /** The editor's options for the active tab's size; tells the host when that changes. */
  function fitOptions() {
    const want = activeId !== null && large.has(activeId);
    if (want === largeOptions) return;
    largeOptions = want;
    editor.updateOptions(want ? LARGE_FILE_OPTIONS : NORMAL_FILE_OPTIONS);
    options.onLargeFile?.(want);
  }

  /** A model over the size (a paste, a restored tab) leaves monaco-yaml's language, and back under it. */
  function classify(id: string, model: MonacoEditor.ITextModel, chars = model.getValueLength(), lines = model.getLineCount()) {
    const now = isLarge(chars, lines, large.has(id));
    if (now === large.has(id)) return;
    if (now) large.add(id);
    else large.delete(id);
    monaco.editor.setModelLanguage(model, now ? LARGE_YAML : 'yaml');
    if (id === activeId) fitOptions();
  }

  /**
   * A paste that will make the tab large switches it before Monaco applies the text: switching a
   * small model's language is cheap, a large one's rebuilds its bracket tree (~50 ms at 363 KB).
   */
  const onPaste = (e: ClipboardEvent) => {
    const model = editor.getModel();
    const text = e.clipboardData?.getData('text/plain');
    if (!model || !activeId || !text || models.get(activeId) !== model) return;
    const selections = editor.getSelections() ?? [];
    const removed = selections.reduce((n, s) => n + model.getValueLengthInRange(s), 0);
    const removedLines = selections.reduce((n, s) => n + s.endLineNumber - s.startLineNumber, 0);
    const copies = Math.max(1, selections.length);
    classify(activeId, model, model.getValueLength() - removed + copies * text.length, model.getLineCount() - removedLines + copies * (lineCount(text) - 1));
  };
  container.addEventListener('paste', onPaste, true);

  function ensureModel(file: EditorFile) {
    let model = models.get(file.id);
    if (!model) {
      const id = file.id;
      // A large tab never goes through monaco-yaml: created in the large language at once.
      if (isLarge(file.text.length, lineCount(file.text), false)) large.add(id);
      model = monaco.editor.createModel(file.text, large.has(id) ? LARGE_YAML : 'yaml', modelUri(monaco, id));
      const m = model;
      listeners.set(id, model.onDidChangeContent(() => {
        // Before Monaco's own helpers see the new text (they run debounced or at the next frame).
        classify(id, m);
        if (!applying) options.onChange(id, m.getValue());
      }));
      models.set(file.id, model);
    } else if (model.getValue() !== file.text) {
      // Text changed outside the editor (terminal, CNI picker, test hook): an undoable edit, not setValue.
      applying = true;
      try {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: file.text }], () => null);
      } finally {
        applying = false;
      }
    }
    return model;
  }

  return {
    update(files, nextActive) {
      const alive = new Set(files.map((f) => f.id));
      for (const file of files) ensureModel(file);
      for (const [id, model] of models) {
        if (alive.has(id)) continue;
        listeners.get(id)?.dispose();
        listeners.delete(id);
        viewStates.delete(id);
        large.delete(id);
        model.dispose();
        models.delete(id);
      }
      if (nextActive === activeId) return;
      if (activeId && models.has(activeId)) viewStates.set(activeId, editor.saveViewState());
      activeId = nextActive;
      const model = nextActive ? models.get(nextActive) ?? null : null;
      fitOptions();
      editor.setModel(model);
      const state = nextActive ? viewStates.get(nextActive) : null;
      if (state) editor.restoreViewState(state);
    },
    setDiagnostics(files, diagnostics) {
      for (const file of files) {
        const model = models.get(file.id);
        if (!model) continue;
        const mine = diagnostics.filter((d) => d.file === file.name);
        monaco.editor.setModelMarkers(model, MARKER_OWNER, mine.map((d) => ({
          severity: d.severity === 'error' ? monaco.MarkerSeverity.Error
            : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
          message: d.message,
          code: d.code,
          source: 'kslab',
          startLineNumber: d.line,
          startColumn: d.column,
          // A zero-width range would draw nothing: widen it to the end of the word.
          endLineNumber: d.endLine < d.line ? d.line : d.endLine,
          endColumn: d.endLine > d.line || d.endColumn > d.column ? d.endColumn : model.getLineMaxColumn(Math.min(d.line, model.getLineCount())),
        })));
      }
    },
    reveal(fileId, range) {
      const model = models.get(fileId);
      if (!model) return;
      if (fileId !== activeId) {
        if (activeId && models.has(activeId)) viewStates.set(activeId, editor.saveViewState());
        activeId = fileId;
        fitOptions();
        editor.setModel(model);
      }
      const selection = new monaco.Selection(range.line, range.column, range.endLine, range.endColumn);
      editor.setSelection(selection);
      editor.revealRangeInCenterIfOutsideViewport(selection);
      editor.focus();
    },
    setFontSize(size) {
      editor.updateOptions({ fontSize: size });
    },
    setAriaLabel(label) {
      editor.updateOptions({ ariaLabel: label });
    },
    focus() {
      editor.focus();
    },
    undo() {
      editor.trigger('kslab', 'undo', null);
    },
    selection() {
      const model = editor.getModel();
      const sel = editor.getSelection();
      if (!model || !sel || !activeId) return null;
      return {
        fileId: activeId, text: model.getValueInRange(sel),
        line: sel.startLineNumber, column: sel.startColumn, endLine: sel.endLineNumber, endColumn: sel.endColumn,
      };
    },
    markers() {
      const model = editor.getModel();
      if (!model) return [];
      return monaco.editor.getModelMarkers({ resource: model.uri })
        .map((m) => ({ owner: m.owner, message: m.message, line: m.startLineNumber }));
    },
    destroy() {
      container.removeEventListener('paste', onPaste, true);
      quickFix.dispose();
      typedIndent.dispose();
      removeExit();
      cancelFont();
      for (const l of listeners.values()) l.dispose();
      for (const m of models.values()) m.dispose();
      models.clear();
      editor.dispose();
    },
  };
}

/** The bundled monospace font is already loaded (MonacoHost waits for it): no second measurement. */
function monoFontLoaded(size: number): boolean {
  try {
    return typeof document !== 'undefined' && document.fonts?.check(`${size}px "JetBrains Mono Variable"`, 'M') === true;
  } catch {
    return false;
  }
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
