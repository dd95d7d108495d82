import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabContext } from '../../state/index.js';
import { useToast } from './toast.js';

/**
 * The simulated shell and the terminal come in chunks of their own (issue 11: the interpreter,
 * kubectl, docker, coreutils, xterm and the schema `kubectl explain` reads are ~1.1 MB of the main
 * bundle the first screen does not need). They are asked for when the terminal opens, when a lesson
 * runs a command, or once the first screen is up (`preloadTerminal`), whichever comes first.
 */
type LabShellModule = typeof import('./lab-shell.js');
type TerminalPaneModule = typeof import('./TerminalPane.js');

let labShellChunk: Promise<LabShellModule> | null = null;
let terminalChunk: Promise<TerminalPaneModule> | null = null;

export function loadLabShell(): Promise<LabShellModule> {
  labShellChunk ??= import('./lab-shell.js');
  return labShellChunk;
}

/** The terminal pane (React.lazy's loader: a module whose default export is the component). */
export function loadTerminalPane(): Promise<TerminalPaneModule> {
  terminalChunk ??= import('./TerminalPane.js');
  return terminalChunk;
}

/** Both chunks, fetched and evaluated before anyone needs them; a failure waits for the real use. */
export function preloadTerminal(): void {
  loadLabShell().catch(() => { labShellChunk = null; });
  loadTerminalPane().catch(() => { terminalChunk = null; });
}

/** `rm pod.yaml` closes the tab; nothing is lost: the toast puts it back. */
export function useOfferUndo(): (removed: readonly { name: string; text: string }[]) => void {
  const lab = useLabContext();
  const { t } = useTranslation('layout');
  const toast = useToast();
  return useCallback((removed) => {
    if (removed.length === 0) return;
    toast(t('terminal.removed', { files: removed.map((f) => f.name).join(', ') }), {
      label: t('terminal.undoRemove'),
      run: () => { for (const f of removed) lab.store.getState().setFileByName(f.name, f.text); },
    });
  }, [lab, t, toast]);
}

/**
 * Runs one command line in the lab's shell as if typed (a lesson's "run" button). Commands run in
 * the order asked, also while the shell's chunk is still on its way.
 */
export function useRunCommand(): (command: string) => void {
  const lab = useLabContext();
  const { t } = useTranslation('layout');
  const toast = useToast();
  const offerUndo = useOfferUndo();
  return useCallback((command: string) => {
    loadLabShell().then((m) => {
      const shell = m.labShell(lab);
      offerUndo(m.applyResult(lab, shell, shell.run(command), command));
    }, (error: unknown) => {
      labShellChunk = null; // asked again next time
      toast(t('terminal.loadFailed', { message: error instanceof Error ? error.message : String(error) }));
    });
  }, [lab, offerUndo, t, toast]);
}
