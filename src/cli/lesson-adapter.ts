import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { CliIo } from './main.js';
import { runLessonCommand } from './lesson.js';

/** `kslab lesson check`: node file access for the lesson checker. */
export function runLesson(args: readonly string[], io: CliIo): Promise<number> {
  return runLessonCommand([...args], {
    readFile: (path) => readFileSync(path, 'utf8'),
    listDir: (path) => readdirSync(path).sort(),
    exists: (path) => existsSync(path),
    stdout: io.stdout,
    stderr: io.stderr,
  });
}
