import type { Analysis, SourceFile } from '../engine/index.js';
import { HOST_COMMANDS } from './builtins.js';
import { completeLine } from './complete.js';
import { Ctx, normalizeRuntime, type Command } from './context.js';
import { docker } from './docker/index.js';
import { kubectl } from './kubectl/index.js';
import { tokenize } from './tokenize.js';
import type { ShellResult, ShellRuntime } from './types.js';

export type { ShellResult, ShellRuntime, OutputChunk, DockerContainer, DockerImage } from './types.js';
export { CLUSTER_FILE } from './yaml-edit.js';

export interface Shell {
  run(line: string): ShellResult;
  /** The editor changed: the cluster is the files. */
  setFiles(files: readonly SourceFile[]): void;
  readonly files: readonly SourceFile[];
  readonly runtime: ShellRuntime;
  /** Tab completion: candidates replace `line.slice(from)`. */
  complete(line: string): { candidates: string[]; from: number };
}

export interface ShellInit {
  readonly files: readonly SourceFile[];
  /** What a previous session kept (the store's terminal slice); anything unknown is ignored. */
  readonly runtime?: ShellRuntime | Readonly<Record<string, unknown>>;
  /** For tests: analyze with a stand-in instead of the engine. */
  readonly analyze?: (files: readonly SourceFile[]) => Analysis;
}

export const COMMANDS: Readonly<Record<string, Command>> = { ...HOST_COMMANDS, kubectl, k: kubectl, docker };

export function createShell(init: ShellInit): Shell {
  let files: SourceFile[] = [...init.files];
  let runtime: ShellRuntime = normalizeRuntime(init.runtime);
  const analyzer = init.analyze;

  return {
    get files() {
      return files;
    },
    get runtime() {
      return runtime;
    },
    setFiles(next) {
      files = [...next];
    },
    complete(line) {
      return completeLine(line, new Ctx(files, runtime, analyzer), Object.keys(COMMANDS));
    },
    run(line) {
      const ctx = new Ctx(files, runtime, analyzer);
      const trimmed = line.trim();
      if (trimmed !== '') ctx.runtime.history = [...ctx.runtime.history, trimmed];
      const code = execute(trimmed, ctx);
      runtime = ctx.runtime;
      const result: { -readonly [K in keyof ShellResult]: ShellResult[K] } = {
        output: ctx.out.text(),
        exitCode: code,
        streams: ctx.out.chunks,
      };
      if (ctx.filesChanged) {
        files = ctx.files;
        result.files = files;
      }
      if (ctx.open) result.open = ctx.open;
      if (ctx.clear) result.clear = true;
      return result;
    },
  };
}

function execute(line: string, ctx: Ctx): number {
  if (line === '' || line.startsWith('#')) return 0;
  const t = tokenize(line);
  if (!t.ok) {
    ctx.out.errLine(t.error);
    return 2;
  }
  const [name, ...args] = t.words;
  if (name === undefined) return 0;
  const cmd = COMMANDS[name];
  if (!cmd) {
    ctx.out.errLine(`bash: ${name}: command not found`);
    return 127;
  }
  try {
    return cmd(args, ctx);
  } catch (e) {
    // A bug in the simulator must not take the terminal down; say so plainly.
    ctx.out.errLine(`lab: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
