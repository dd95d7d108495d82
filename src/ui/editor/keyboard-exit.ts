/**
 * The editor's way out for keyboard users. Monaco keeps Tab for indenting (its own way out, Ctrl+M,
 * toggles "Tab moves focus" for good); here Esc then Tab (or Shift+Tab) leaves the editor once,
 * like CodeMirror's and GitHub's editors, without changing what Tab does next time. Esc still
 * closes Monaco's widgets first: it is only remembered, never swallowed.
 */

/** What a key does after the keys before it: `exit` is the Tab that leaves (forward or back). */
export type ExitState = 'idle' | 'escaped';

export function nextExitState(state: ExitState, e: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }):
  { state: ExitState; exit: 1 | -1 | null } {
  if (e.key === 'Escape') return { state: 'escaped', exit: null };
  if (e.key === 'Tab' && state === 'escaped' && !e.ctrlKey && !e.altKey && !e.metaKey) return { state: 'idle', exit: e.shiftKey ? -1 : 1 };
  // A modifier pressed on its own (the Shift of Shift+Tab) keeps the Esc in mind.
  if (e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta') return { state, exit: null };
  return { state: 'idle', exit: null };
}

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** The next (or previous) element in the page's Tab order outside `box`, as the browser would pick. */
export function tabbableOutside(box: HTMLElement, dir: 1 | -1): HTMLElement | null {
  const all = Array.from(document.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) =>
    el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[hidden], [inert], [aria-hidden="true"]')
    && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
  const outside = (el: HTMLElement) => !box.contains(el);
  if (dir === 1) return all.find((el) => outside(el) && (box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) ?? null;
  return all.reverse().find((el) => outside(el) && (box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0) ?? null;
}

/** Listens on the editor's container (capture: before Monaco indents); returns the remover. */
export function installEditorExit(box: HTMLElement): () => void {
  let state: ExitState = 'idle';
  const onKey = (e: KeyboardEvent) => {
    const next = nextExitState(state, e);
    state = next.state;
    if (next.exit === null) return;
    const target = tabbableOutside(box, next.exit);
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    target.focus();
  };
  box.addEventListener('keydown', onKey, true);
  return () => box.removeEventListener('keydown', onKey, true);
}
