import { analyze } from '../engine/index.js';
import { visible } from '../shell/escape.js';
import { InputError, isFsError, MAX_FILE_BYTES, MAX_FILES, readSources, readStdinSync, symlinkFlag, UsageError } from './io.js';
import { runExplain } from './explain.js';
import { writeContractJson } from './report-json.js';
import { chooseForm, COMPACT_ABOVE, type ConnectivityForm } from './connectivity.js';
import { formatAnalysis } from './report-text.js';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): string;
  /**
   * Whether stdout / stderr are terminals. `kslab shell` then shows what the lab's terminal shows
   * (control characters from data made visible); into a pipe it writes the tools' bytes as they are.
   */
  readonly tty?: { readonly out: boolean; readonly err: boolean };
}

const USAGE = `Usage:
  kslab analyze [--json] [--connectivity=full|compact|none] PATH...
                                                 what a real cluster would do with these manifests
  kslab explain PATH... --from A --to B --port P[/TCP|UDP|SCTP] [--json]
                                                 why one connection is allowed or denied
  kslab shell PATH... -c "CMD" [-c "CMD" ...]    run simulated kubectl/docker commands
  kslab lesson check lessons/<id> [PATH...] [--solution]
                                                 check a lesson's steps without a browser
Connectivity lists every pair on every port (full) up to ${COMPACT_ABOVE} endpoints; above, per source the allowed
destinations with ports that answer alike grouped (compact), unless --connectivity chooses.
PATH is a file, a directory (its *.yaml and *.yml files, sorted) or - for standard input. Only regular
files are read (FIFOs, devices and sockets are refused), at most ${MAX_FILE_BYTES / 1024 / 1024} MiB each and ${MAX_FILES} files;
a symlink inside a directory PATH that points outside it is refused unless --follow-symlinks is given.
Endpoints are namespace/pod for pods and the bare IP for external hosts; explain --to may also name a
Service (namespace/name, when no pod has that name): each of its endpoints is explained on its target port.
Exit codes: 0 ok, 1 an error diagnostic (analyze) or a failed step (lesson), 2 usage error,
3 input unreadable (missing, not a regular file, too big, a symlink loop or one leaving its folder).
`;

const nodeIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: readStdinSync,
  tty: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
};

/** kslab: the engine from the command line. Returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze':
        return runAnalyze(rest, io);
      case 'explain':
        return runExplain(rest, io);
      case 'shell': {
        const { runShell } = await import('./shell-adapter.js');
        return await runShell(rest, io);
      }
      case 'lesson': {
        const { runLesson } = await import('./lesson-adapter.js');
        return await runLesson(rest, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`kslab: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kslab: ${visible(e.message)}\n\n${USAGE}`);
      return 2;
    }
    // Input that cannot be read: one line, its own exit code (paths may hold anything: escaped).
    if (e instanceof InputError || isFsError(e)) {
      io.stderr(`kslab: ${visible(e.message.split('\n')[0] ?? '')}\n`);
      return 3;
    }
    throw e;
  }
}

function runAnalyze(all: readonly string[], io: CliIo): number {
  const { followSymlinks, rest: args } = symlinkFlag(all);
  const json = args.includes('--json');
  let flag: ConnectivityForm | undefined;
  for (const a of args.filter((x) => x.startsWith('--connectivity'))) {
    const m = /^--connectivity=(full|compact|none)$/.exec(a);
    if (!m) throw new UsageError(`--connectivity must be full, compact or none (got "${a.slice('--connectivity'.length).replace(/^=/, '')}")`);
    flag = m[1] as ConnectivityForm;
  }
  const unknown = args.find((a) => a.startsWith('--') && a !== '--json' && !a.startsWith('--connectivity'));
  if (unknown) throw new UsageError(`unknown flag ${unknown}`);
  const paths = args.filter((a) => a !== '--json' && !a.startsWith('--connectivity'));
  if (paths.length === 0) throw new UsageError('analyze needs at least one PATH');
  const analysis = analyze(readSources(paths, io.readStdin, { followSymlinks }));
  const form = chooseForm(flag, analysis.network, analysis.diagnostics);
  // The text report goes to people: names, images and messages from the files are shown, never
  // interpreted (escape.ts visible). JSON escapes control characters itself, and is streamed.
  if (json) writeContractJson(analysis, form, (s) => io.stdout(s));
  else io.stdout(visible(formatAnalysis(analysis, form)));
  return analysis.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
