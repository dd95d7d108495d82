import { useMemo } from 'react';
import { createShell, type Shell, type ShellResult } from '../../shell/index.js';
import { useLabContext, type Lab } from '../../state/index.js';

/**
 * One simulated shell per lab, outside React. The files are the cluster (architecture.md
 * practice 8): the shell follows the editor, and commands that change objects rewrite the files.
 */
const shells = new WeakMap<Lab, Shell>();

function shellOf(lab: Lab): Shell {
  let shell = shells.get(lab);
  if (!shell) {
    const s = lab.store.getState();
    shell = createShell({ files: s.files.map((f) => ({ name: f.name, text: f.text })), runtime: s.runtime });
    const created = shell;
    lab.store.subscribe((next, prev) => {
      if (next.files !== prev.files) created.setFiles(next.files.map((f) => ({ name: f.name, text: f.text })));
    });
    shells.set(lab, shell);
  }
  return shell;
}

/** What every command's result does to the lab: transcript, runtime, files, `kubectl edit`. */
export function applyResult(lab: Lab, shell: Shell, result: ShellResult, command: string): void {
  const s = lab.store.getState();
  s.appendTranscript({ input: command, output: result.output, exitCode: result.exitCode });
  s.setRuntime(shell.runtime as unknown as Readonly<Record<string, unknown>>);
  if (result.files) s.syncFiles(result.files);
  if (result.open) {
    const { file, ref } = result.open;
    if (ref) lab.actions.revealRef(ref);
    else {
      const tab = lab.store.getState().files.find((f) => f.name === file);
      if (tab) lab.store.getState().setActive(tab.id);
    }
  }
}

export function useLabShell() {
  const lab = useLabContext();
  const shell = useMemo(() => shellOf(lab), [lab]);
  return {
    shell,
    onResult: (result: ShellResult, command: string) => applyResult(lab, shell, result, command),
    run: (command: string) => applyResult(lab, shell, shell.run(command), command),
  };
}
