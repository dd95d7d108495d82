import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShell } from '../shell/index.js';
import { updatingGoldens } from './golden.js';

/**
 * Golden terminal transcripts: a folder holds the scenario's YAML files, `commands.txt` (one
 * command per line; a line ending in `\` continues, here-documents run to their delimiter) and
 * `transcript.txt`, what the terminal shows: `$ COMMAND`, its output, `[exit N]` when not 0.
 * A missing or different transcript fails; `npm run test:unit -- -u` rewrites it on purpose.
 */
export const TRANSCRIPTS = join(import.meta.dirname, 'transcripts');

export function transcriptDirs(prefix = ''): string[] {
  return readdirSync(TRANSCRIPTS).filter((d) => d.startsWith(prefix) && existsSync(join(TRANSCRIPTS, d, 'commands.txt'))).sort();
}

/** Splits commands.txt into command lines as a terminal would take them (a here-doc is one command). */
export function commandsOf(text: string): string[] {
  const out: string[] = [];
  let pending: string[] = [];
  let delim: string | null = null;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (delim === null && pending.length === 0 && (line.trim() === '' || line.startsWith('# '))) continue;
    pending.push(line);
    if (delim === null) {
      const m = /<<-?\s*'?"?(\w+)'?"?/.exec(line);
      if (m) { delim = m[1] as string; continue; }
      if (line.endsWith('\\')) continue;
    } else if (line.trim() !== delim) continue;
    else delim = null;
    out.push(pending.join('\n'));
    pending = [];
  }
  if (pending.length) out.push(pending.join('\n'));
  return out;
}

export function runTranscript(dir: string): { actual: string; expected: string | null; path: string } {
  const full = join(TRANSCRIPTS, dir);
  const files = readdirSync(full).filter((n) => /\.ya?ml$/.test(n)).sort().map((name) => ({ name, text: readFileSync(join(full, name), 'utf8') }));
  const shell = createShell({ files });
  let actual = '';
  for (const cmd of commandsOf(readFileSync(join(full, 'commands.txt'), 'utf8'))) {
    const r = shell.run(cmd);
    actual += `$ ${cmd}\n${r.output}${r.output === '' || r.output.endsWith('\n') ? '' : '\n'}${r.exitCode !== 0 ? `[exit ${r.exitCode}]\n` : ''}`;
  }
  const path = join(full, 'transcript.txt');
  if (updatingGoldens()) writeFileSync(path, actual);
  return { actual, expected: existsSync(path) ? readFileSync(path, 'utf8') : null, path };
}
