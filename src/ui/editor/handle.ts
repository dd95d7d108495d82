/**
 * The live editor, for the few callers outside the editor pane: global shortcuts (focus) and the
 * test-only window API (what is selected). Set by MonacoHost while an editor exists.
 */
export interface EditorHandle {
  focus(): void;
  /** The selected text and its range in the active tab, or null without an editor. */
  selection(): { fileId: string; text: string; line: number; column: number; endLine: number; endColumn: number } | null;
  undo(): void;
  /**
   * Markers on the active tab by owner: `kslab` for the engine's diagnostics, `yaml` for
   * monaco-yaml's schema checks (present only when its worker really runs).
   */
  markers(): { owner: string; message: string; line: number }[];
}

let current: EditorHandle | null = null;

export function setEditorHandle(handle: EditorHandle | null): void {
  current = handle;
}

export function editorHandle(): EditorHandle | null {
  return current;
}
