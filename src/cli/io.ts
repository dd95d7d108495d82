import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../engine/index.js';

export class UsageError extends Error {}

/**
 * PATH = a file, a directory (its *.yaml / *.yml, sorted by name) or `-` (standard input).
 * File names in diagnostics are the paths as the user wrote them.
 */
export function readSources(paths: readonly string[], readStdin: () => string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ name: '<stdin>', text: readStdin() });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${path}: no such file or directory`);
    }
    if (isDir) {
      const names = readdirSync(path).filter((n) => /\.ya?ml$/i.test(n)).sort();
      for (const name of names) files.push({ name: join(path, name), text: readFileSync(join(path, name), 'utf8') });
    } else {
      files.push({ name: path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

export function readStdinSync(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}
