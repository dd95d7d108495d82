import type { SourceFile } from '../engine/index.js';
import { visible, visibleStyled } from '../shell/escape.js';
import { createShell } from '../shell/index.js';
import { InputError, isFsError, symlinkFlag } from './io.js';

export interface ShellIo {
  /**
   * The files of the PATHs (a file, a directory's *.yaml / *.yml, `-` for standard input), read as
   * io.ts reads them; throws InputError for input that cannot be read.
   */
  read(paths: readonly string[], opts: { followSymlinks: boolean }): SourceFile[];
  stdout(s: string): void;
  stderr(s: string): void;
  /** Whether stdout / stderr are terminals (then control characters from data are shown visibly). */
  readonly tty?: { readonly out: boolean; readonly err: boolean };
}

/**
 * `kslab shell PATH... -c "CMD" [-c "CMD" ...]` (engine-spec section 7): the files are the cluster,
 * the commands run in order sharing one shell, each prints to stdout/stderr as a terminal would;
 * the exit code is the last command's (2 on a usage error, 3 when a PATH cannot be read).
 *
 * What reaches a real terminal goes through the lab's terminal boundary (escape.ts): `kubectl get
 * -o jsonpath` or `exec -- env` print data raw, as kubectl does, so on a terminal its control
 * characters are shown (`^[`), never interpreted; into a pipe or a file the bytes are kubectl's.
 */
export async function runShellCommand(all: string[], io: ShellIo): Promise<number> {
  const { followSymlinks, rest: args } = symlinkFlag(all);
  const paths: string[] = [];
  const commands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c' || a === '--command') {
      const cmd = args[++i];
      if (cmd === undefined) {
        io.stderr('kslab shell: -c needs a command\n');
        return 2;
      }
      commands.push(cmd);
    } else if (a.startsWith('-c') && a.length > 2) commands.push(a.slice(2));
    else paths.push(a);
  }
  if (commands.length === 0) {
    io.stderr('usage: kslab shell PATH... -c "CMD" [-c "CMD" ...]\n');
    return 2;
  }
  let files: SourceFile[];
  try {
    files = io.read(paths, { followSymlinks });
  } catch (e) {
    if (!(e instanceof InputError) && !isFsError(e)) throw e;
    io.stderr(`kslab shell: ${visible(e.message)}\n`);
    return 3;
  }
  // Dockerfiles next to the YAML are tabs too (`docker build`), when given by path.
  const shell = createShell({ files });
  let code = 0;
  for (const cmd of commands) {
    const res = shell.runScript(cmd);
    for (const chunk of res.streams ?? [{ fd: 1 as const, text: res.output }]) {
      const tty = chunk.fd === 1 ? io.tty?.out : io.tty?.err;
      const text = !tty ? chunk.text : chunk.styled ? visibleStyled(chunk.text) : visible(chunk.text);
      (chunk.fd === 1 ? io.stdout : io.stderr)(text);
    }
    code = res.exitCode;
  }
  return code;
}
