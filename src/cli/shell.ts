import type { SourceFile } from '../engine/index.js';
import { createShell } from '../shell/index.js';

export interface ShellIo {
  readFile(path: string): string;
  stdout(s: string): void;
  stderr(s: string): void;
  /** Names (not paths) of the *.yaml / *.yml files in a directory; throws when `dir` is not one. */
  listYaml(dir: string): string[];
}

/**
 * `kslab shell PATH... -c "CMD" [-c "CMD" ...]` (engine-spec section 7): the files are the cluster,
 * the commands run in order sharing one shell, each prints to stdout/stderr as a terminal would;
 * the exit code is the last command's (2 on a usage error).
 */
export async function runShellCommand(args: string[], io: ShellIo): Promise<number> {
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
  const files: SourceFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ name: '<stdin>', text: io.readFile('-') });
      continue;
    }
    let names: string[] | null = null;
    try {
      names = io.listYaml(path);
    } catch {
      names = null;
    }
    try {
      if (names === null) files.push({ name: path, text: io.readFile(path) });
      else for (const n of names) files.push({ name: `${path.replace(/\/+$/, '')}/${n}`, text: io.readFile(`${path.replace(/\/+$/, '')}/${n}`) });
    } catch {
      io.stderr(`kslab shell: ${path}: no such file or directory\n`);
      return 2;
    }
  }
  // Dockerfiles next to the YAML are tabs too (`docker build`), when given by path.
  const shell = createShell({ files });
  let code = 0;
  for (const cmd of commands) {
    const res = shell.runScript(cmd);
    for (const chunk of res.streams ?? [{ fd: 1 as const, text: res.output }]) (chunk.fd === 1 ? io.stdout : io.stderr)(chunk.text);
    code = res.exitCode;
  }
  return code;
}
