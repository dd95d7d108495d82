import { readSources } from './io.js';
import type { CliIo } from './main.js';
import { runShellCommand } from './shell.js';

/** `kslab shell`: node file access for the simulated terminal. */
export function runShell(args: readonly string[], io: CliIo): Promise<number> {
  return runShellCommand([...args], {
    read: (paths, opts) => readSources(paths, io.readStdin, opts),
    stdout: io.stdout,
    stderr: io.stderr,
    ...(io.tty ? { tty: io.tty } : {}),
  });
}
