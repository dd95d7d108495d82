import { useEffect } from 'react';
import type { LabStore } from '../../state/index.js';
import { editorHandle } from '../editor/handle.js';
import { PRESENT_PAIRS, presentPair } from './present.js';
import { focusPair } from './Present.js';

/** The shortcut table, shown by the `?` help; `keys` is what the help prints. */
export const SHORTCUTS = [
  { keys: '?', action: 'help' },
  { keys: 'Alt+Shift+P', action: 'presentation' },
  { keys: '1, 2, 3', action: 'presentPair' },
  { keys: 'Esc', action: 'exitPresentation' },
  { keys: 'Esc, Tab', action: 'leaveEditor' },
  { keys: 'Ctrl+M', action: 'tabFocus' },
  { keys: 'Alt+1', action: 'focusEditor' },
  { keys: 'Alt+2', action: 'focusView' },
  { keys: 'Alt+3', action: 'focusSide' },
  { keys: 'Alt+M', action: 'toggleView' },
  { keys: 'Alt+T', action: 'terminal' },
  { keys: 'Shift+Tab', action: 'leaveTerminal' },
  { keys: '← ↑ → ↓, Enter', action: 'explainCell' },
  { keys: '← ↑ → ↓, Enter, Esc', action: 'graphKeys' },
  { keys: 'F, C, /', action: 'graphTeach' },
  { keys: 'Alt+PageDown', action: 'nextTab' },
  { keys: 'Alt+PageUp', action: 'prevTab' },
  { keys: 'Ctrl+Alt+Z', action: 'reopenTab' },
  { keys: 'Ctrl+Z', action: 'undo' },
  { keys: '→ / N', action: 'nextStep' },
  { keys: '← / P', action: 'prevStep' },
] as const;

/** Keys typed into a field or the editor are the student's text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor, .xterm')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Widgets that use the arrow keys themselves: presentation mode's step keys leave them alone. */
function usesArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLElement
    && target.closest('[role="tablist"], [role="application"], [role="grid"], [role="listbox"], [role="menu"], [role="radiogroup"], table, .lesson-steps') !== null;
}

/** Alt+T: open the terminal and put the caret in it; from inside it, hide it (focus goes to its handle). */
function toggleTerminal(open: boolean, setOpen: (open: boolean) => void) {
  const inside = document.activeElement?.closest('.terminal-drawer .terminal-body') != null;
  if (open && inside) {
    setOpen(false);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="terminal-toggle"]')?.focus());
    return;
  }
  if (!open) setOpen(true);
  // xterm mounts after the drawer opens: try for a few frames.
  let frames = 30;
  const focus = () => {
    const input = document.querySelector<HTMLElement>('.terminal-body .xterm-helper-textarea');
    if (input) input.focus();
    else if (frames-- > 0) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}

function focusRegion(id: string) {
  const region = document.getElementById(id);
  const target = region?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], button, [tabindex="0"]') ?? region;
  target?.focus();
}

export function useGlobalShortcuts(store: LabStore, stepCount: number) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      const typing = isTyping(e.target);
      const cycleTab = (delta: number) => {
        const index = s.files.findIndex((f) => f.id === s.activeId);
        const next = s.files[(index + delta + s.files.length) % s.files.length];
        if (next) s.setActive(next.id);
      };
      let handled = true;
      const pairKey = /^Digit([123])$/.exec(e.code);
      const pair = pairKey ? PRESENT_PAIRS[Number(pairKey[1]) - 1] : undefined;
      if (e.altKey && e.shiftKey && e.code === 'KeyP') s.setPresentation(!s.presentation);
      // Present mode's pairs: 1, 2, 3, and Alt+Shift+1, 2, 3 from inside the editor or the terminal.
      else if (s.presentation && pair && !e.ctrlKey && !e.metaKey && ((e.altKey && e.shiftKey) || (!typing && !e.altKey && !e.shiftKey))) { presentPair.set(pair); focusPair(pair); }
      else if (e.ctrlKey && e.altKey && e.code === 'KeyZ') s.reopenClosed();
      else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'Digit1') editorHandle()?.focus();
      else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'Digit2') focusRegion('view');
      else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'Digit3') focusRegion('side');
      else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyM') s.setMainView(s.mainView === 'graph' ? 'matrix' : 'graph');
      else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyT') toggleTerminal(s.terminalOpen && !s.presentation, s.setTerminalOpen);
      else if (e.altKey && e.key === 'PageDown') cycleTab(1);
      else if (e.altKey && e.key === 'PageUp') cycleTab(-1);
      else if (typing || e.ctrlKey || e.metaKey || e.altKey) handled = false;
      else if (e.key === '?') s.openDialog({ kind: 'help' });
      else if (s.presentation && e.key === 'Escape' && !s.dialog) s.setPresentation(false);
      else if (s.presentation && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && usesArrows(e.target)) handled = false;
      else if (s.presentation && (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === 'n')) s.setStep(Math.min(s.step + 1, Math.max(0, stepCount - 1)));
      else if (s.presentation && (e.key === 'ArrowLeft' || e.key === 'PageUp' || e.key === 'p')) s.setStep(s.step - 1);
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    // Capture phase: Monaco stops propagation of keys it handles, and Alt+digit must still work there.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, stepCount]);
}
