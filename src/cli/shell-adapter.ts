import { readdirSync, readFileSync } from 'node:fs';
import type { CliIo } from './main.js';
import { runShellCommand } from './shell.js';

/** `kslab shell`: node file access for the simulated terminal. */
export function runShell(args: readonly string[], io: CliIo): Promise<number> {
  return runShellCommand([...args], {
    readFile: (path) => (path === '-' ? io.readStdin() : readFileSync(path, 'utf8')),
    listYaml: (dir) => readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort(),
    stdout: io.stdout,
    stderr: io.stderr,
  });
}
