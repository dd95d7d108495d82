import { join } from 'node:path';
import type { SourceFile } from '../engine/index.js';
import { Budget, folderReader, listDirectory, readTextFile } from './io.js';
import type { CliIo } from './main.js';
import { runLessonCommand } from './lesson.js';

/**
 * `kslab lesson check`: node file access for the lesson checker. The lesson's own files are read
 * through a reader confined to its folder; the PATHs the user names are read as `analyze` reads
 * them (a directory: its *.yaml / *.yml and Dockerfile).
 */
export function runLesson(args: readonly string[], io: CliIo): Promise<number> {
  return runLessonCommand([...args], {
    lessonFs: (dir, opts) => folderReader(dir, opts),
    readPaths: (paths, opts) => {
      const files: SourceFile[] = [];
      const budget = new Budget();
      for (const path of paths) {
        const dir = listDirectory(path, (n) => n === 'Dockerfile');
        if (!dir) files.push({ name: path, text: readTextFile(path, opts, undefined, budget) });
        else for (const name of dir.names) files.push({ name: `${path.replace(/\/+$/, '')}/${name}`, text: readTextFile(join(path, name), opts, dir.real, budget) });
      }
      return files;
    },
    stdout: io.stdout,
    stderr: io.stderr,
  });
}
