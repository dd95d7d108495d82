import type { Analysis, SourceFile } from '../engine/index.js';
import { completeLine } from './complete.js';
import { Ctx, normalizeRuntime } from './context.js';
import { endSession, runSession, sessionPrompt } from './session.js';
import { Input, Interp } from './sh/exec.js';
import { tildePath } from './sh/fs.js';
import { HOST_ALIASES, HOST_ENV, hostSystem } from './sh/host.js';
import { HOST_HOME } from './sh/host-fs.js';
import { parse } from './sh/parse.js';
import { freshState, restoreState } from './sh/state.js';
import { HOST_PROGRAMS } from './programs.js';
import type { OutputChunk, ShellResult, ShellRuntime } from './types.js';
import { rememberScreen, screenText } from './escape.js';
import { lastParsedView, type ClusterViewFn } from './cluster-view.js';

export type { ShellResult, ShellRuntime, OutputChunk, DockerContainer, DockerImage, ProbeRecord } from './types.js';
export { CLUSTER_FILE } from './yaml-edit.js';
export { brokenFiles, lastParsedView, type BrokenFile, type ClusterView, type ClusterViewFn } from './cluster-view.js';
export { escapeTerminal, screenFor, screenText, visible, visibleStyled } from './escape.js';

export interface Shell {
  /** One line typed at the prompt; an incomplete command waits for more lines (`continuation`). */
  run(line: string): ShellResult;
  /** A whole script at once (the CLI's `-c`): its end is the end of input. */
  runScript(text: string): ShellResult;
  /** Ctrl+C: forget a half-typed multi-line command. */
  interrupt(): void;
  /** Ctrl+D: ends an interactive container shell (null when there is none). */
  eof(): ShellResult | null;
  /** The editor changed: the cluster is the files. */
  setFiles(files: readonly SourceFile[]): void;
  readonly files: readonly SourceFile[];
  readonly runtime: ShellRuntime;
  /** What the terminal shows before the cursor: PS1 of the current shell, or PS2 (`> `). */
  readonly prompt: string;
  /** Tab completion: candidates replace `line.slice(from)`. */
  complete(line: string): { candidates: string[]; from: number };
}

export interface ShellInit {
  readonly files: readonly SourceFile[];
  /** What a previous session kept (the store's terminal slice); anything unknown is ignored. */
  readonly runtime?: ShellRuntime | Readonly<Record<string, unknown>>;
  /** For tests: analyze with a stand-in instead of the engine. */
  readonly analyze?: (files: readonly SourceFile[]) => Analysis;
  /**
   * The files the cluster is made of while one has a YAML syntax error: the lab passes the graph's
   * last good version; by default the shell keeps the last set of files that all parsed.
   */
  readonly clusterView?: ClusterViewFn;
}

/** Every program name on the host's PATH (for completion). */
export const COMMANDS: readonly string[] = Object.keys(HOST_PROGRAMS);

export function createShell(init: ShellInit): Shell {
  let files: SourceFile[] = [...init.files];
  let runtime: ShellRuntime = normalizeRuntime(init.runtime);
  let pending: string | null = null;
  const analyzer = init.analyze;
  const view = init.clusterView ?? lastParsedView();

  const execute = (src: string, atEof: boolean, record: string | null): ShellResult => {
    const ctx = new Ctx(files, runtime, analyzer, view);
    if (record !== null && record.trim() !== '') ctx.runtime.history = [...ctx.runtime.history, record.trim()];
    const incomplete = ctx.runtime.session ? runSession(ctx, src, atEof) : runHost(ctx, src, atEof);
    runtime = ctx.runtime;
    if (incomplete !== null) return { output: '', exitCode: 0, continuation: true, streams: [] };
    const result: { -readonly [K in keyof ShellResult]: ShellResult[K] } = {
      output: ctx.out.text(),
      exitCode: lastStatus(ctx),
      streams: ctx.out.chunks,
      screen: screenOf(ctx.out.chunks),
    };
    if (ctx.filesChanged) {
      files = ctx.files;
      result.files = files;
    }
    if (ctx.open) result.open = ctx.open;
    if (ctx.edit) result.edit = ctx.edit;
    if (ctx.clear) result.clear = true;
    if (ctx.probes.length) result.probes = ctx.probes;
    if (ctx.staleBecause.length) result.stale = ctx.staleBecause;
    return result;
  };

  return {
    get files() { return files; },
    get runtime() { return runtime; },
    get prompt() {
      if (pending !== null) return '> ';
      if (runtime.session) return sessionPrompt(runtime.session, new Ctx(files, runtime, analyzer, view));
      return `controlplane:${tildePath(runtime.sh?.cwd ?? HOST_HOME, HOST_HOME)}$ `;
    },
    setFiles(next) { files = [...next]; },
    interrupt() { pending = null; },
    eof() {
      if (pending !== null) {
        const src = pending;
        pending = null;
        return execute(src, true, null);
      }
      if (!runtime.session) return null;
      const ctx = new Ctx(files, runtime, analyzer, view);
      // Interactive bash says `exit` on Ctrl+D as on `exit`; ash and dash leave quietly.
      if (/(^|\/)bash$/.test(runtime.session.shell)) ctx.out.err('exit\n');
      endSession(ctx, runtime.session.state.status);
      runtime = ctx.runtime;
      if (ctx.filesChanged) files = ctx.files;
      return { output: ctx.out.text(), exitCode: 0, streams: ctx.out.chunks, screen: screenOf(ctx.out.chunks), ...(ctx.filesChanged ? { files } : {}) };
    },
    complete(line) {
      return completeLine(line, new Ctx(files, runtime, analyzer, view), COMMANDS);
    },
    run(line) {
      const src = pending === null ? line : `${pending}\n${line}`;
      // bash (the host, or a bash session in a container) reads `((` and `for ((` as arithmetic.
      const parsed = parse(src, false, runtime.session === null || /(^|\/)bash$/.test(runtime.session.shell));
      if (!parsed.ok && parsed.incomplete !== undefined) {
        pending = src;
        return { output: '', exitCode: 0, continuation: true, streams: [] };
      }
      pending = null;
      // A multi-line command is one history entry, as typed.
      return { ...execute(src, false, src), command: src };
    },
    runScript(text) {
      pending = null;
      return execute(text, true, text);
    },
  };
}

/** The terminal's form of a command's output (escape.ts), remembered when it kept a tool's colours. */
function screenOf(chunks: readonly OutputChunk[]): string {
  const screen = screenText(chunks);
  if (chunks.some((c) => c.styled)) rememberScreen(chunks.map((c) => c.text).join(''), screen);
  return screen;
}

/** The exit status of the last command line (kept in the shell's `$?`). */
function lastStatus(ctx: Ctx): number {
  return ctx.runtime.session?.state.status ?? ctx.lastStatus;
}

/** Runs source text in the host's bash; returns what it still needs, or null when it ran. */
function runHost(ctx: Ctx, src: string, atEof: boolean): string | null {
  const sys = hostSystem(ctx);
  ctx.sys = sys;
  const st = ctx.runtime.sh ? restoreState(ctx.runtime.sh, freshState(HOST_HOME, HOST_ENV, HOST_ALIASES)) : freshState(HOST_HOME, HOST_ENV, HOST_ALIASES);
  const sh = new Interp(ctx, sys, st, 'bash', 'bash', true);
  const top = ctx.out;
  const r = sh.run(src, { stdin: new Input(''), out: (s, styled) => top.out(s, styled), err: (s, styled) => top.err(s, styled), outTty: true, errTty: true, inTty: true }, atEof);
  if (r.incomplete !== undefined) return r.incomplete;
  ctx.lastStatus = r.status;
  if (r.exited !== undefined) {
    // The lab logs in again: a fresh shell, same files.
    ctx.runtime.sh = null;
  } else {
    ctx.runtime.sh = st;
  }
  return null;
}
export { toolsetOf, type Toolset } from './proc/toolsets.js';
