import { editorHandle } from '../editor/handle.js';
import { brokenFiles, createShell, lastParsedView, type ClusterViewFn, type Shell, type ShellResult } from '../../shell/index.js';
import type { Lab } from '../../state/index.js';

/**
 * The shell and the terminal are a chunk of their own, loaded after the first screen
 * (shell.ts `loadLabShell`): the interpreter, kubectl, docker, coreutils and the schema kubectl
 * explain reads are ~0.8 MB the graph and the editor do not need (issue 11).
 *
 * One simulated shell per lab, outside React. The files are the cluster (architecture.md
 * practice 8): the shell follows the editor, and commands that change objects rewrite the files.
 */
const shells = new WeakMap<Lab, Shell>();

/**
 * The shell components hold stays the same object; behind it a fresh interpreter starts whenever
 * the store's runtime is replaced by something the shell did not write (reset, lesson switch), so
 * containers started with `docker run` or a `kubens` choice do not outlive a reset.
 */
function shellOf(lab: Lab): Shell {
  const existing = shells.get(lab);
  if (existing) return existing;
  const filesOf = (state: ReturnType<Lab['store']['getState']>) => state.files.map((f) => ({ name: f.name, text: f.text }));
  const start = lab.store.getState();
  // The terminal reads the analysis on screen when it is of the shell's files (the worker's
  // result: `kubectl get pods` never runs the engine on the page); otherwise the engine runs here.
  const analyze = (files: Parameters<Lab['analysis']['analyzeFiles']>[0]) => lab.analysis.analyzeFiles(files);
  // One truth while a file has a YAML syntax error: the cluster is the graph's last good version.
  const fallback = lastParsedView();
  const clusterView: ClusterViewFn = (files) => {
    const { current: now, display, staleBecause } = lab.analysis.get();
    const same = now.sources.length === files.length && now.sources.every((s, i) => s.name === files[i]?.name && s.text === files[i]?.text);
    if (!same) return fallback(files); // the analysis of these files is still on its way
    return staleBecause ? { files: display.sources, broken: brokenFiles(files) } : { files, broken: [] };
  };
  let current = createShell({ files: filesOf(start), runtime: start.runtime, analyze, clusterView });
  let written: unknown = start.runtime;
  const shell: Shell = {
    run: (line) => {
      const result = current.run(line);
      written = current.runtime;
      return result;
    },
    runScript: (text) => {
      const result = current.runScript(text);
      written = current.runtime;
      return result;
    },
    interrupt: () => current.interrupt(),
    eof: () => {
      const result = current.eof();
      written = current.runtime;
      return result;
    },
    setFiles: (files) => current.setFiles(files),
    get files() { return current.files; },
    get runtime() { return current.runtime; },
    get prompt() { return current.prompt; },
    complete: (line) => current.complete(line),
  };
  lab.store.subscribe((next, prev) => {
    if (next.runtime !== prev.runtime && next.runtime !== written) {
      current = createShell({ files: filesOf(next), runtime: next.runtime, analyze, clusterView });
      written = next.runtime;
    } else if (next.files !== prev.files) {
      current.setFiles(filesOf(next));
    }
  });
  shells.set(lab, shell);
  return shell;
}

/**
 * What every command's result does to the lab: transcript, runtime, files, `kubectl edit`,
 * `vi FILE`. Returns the tabs the command removed (`rm`), so the caller can offer to undo.
 */
export function applyResult(lab: Lab, shell: Shell, result: ShellResult, command: string, prompt?: string): { name: string; text: string }[] {
  const s = lab.store.getState();
  s.appendTranscript({
    input: command, output: result.output, exitCode: result.exitCode,
    ...(prompt !== undefined ? { prompt } : {}), ...(result.probes?.length ? { probes: result.probes } : {}),
  });
  s.setRuntime(shell.runtime as unknown as Readonly<Record<string, unknown>>);
  const probe = result.probes?.at(-1);
  if (probe) s.setLastProbe(probe);
  let removed: { name: string; text: string }[] = [];
  if (result.files) {
    const next = new Set(result.files.map((f) => f.name));
    removed = s.files.filter((f) => !next.has(f.name)).map((f) => ({ name: f.name, text: f.text }));
    s.syncFiles(result.files);
  }
  if (result.edit) {
    const tab = lab.store.getState().files.find((f) => f.name === result.edit);
    if (tab) {
      lab.store.getState().setActive(tab.id);
      // The editor is the exam's vi: typing goes there now.
      requestAnimationFrame(() => editorHandle()?.focus());
    }
  }
  if (result.open) {
    const { file, ref } = result.open;
    if (ref) lab.actions.revealRef(ref);
    else {
      const tab = lab.store.getState().files.find((f) => f.name === file);
      if (tab) lab.store.getState().setActive(tab.id);
    }
  }
  return removed;
}

/** The lab's shell (one per lab; shell.ts loads this module). */
export function labShell(lab: Lab): Shell {
  return shellOf(lab);
}
