import { loadLessons, memoryFs } from '../course/index.js';
import type { Lesson } from '../course/model.js';

/**
 * The course, bundled: every text file under lessons/ becomes an in-memory folder tree that the
 * course loader reads exactly as the CLI reads the disk. With no lessons the list is empty and the
 * built-in sample is the first screen. Lesson problems are for `kslab lesson check`, not students.
 */
const raw = import.meta.glob<string>(
  ['../../lessons/*/**/*.{json,md,yaml,yml}', '../../lessons/*/**/Dockerfile*'],
  { query: '?raw', import: 'default', eager: true },
);

let cache: Lesson[] | null = null;

export function allLessons(): readonly Lesson[] {
  if (cache) return cache;
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(raw)) files[path.replace(/^(\.\.\/)+/, '')] = text;
  try {
    cache = Object.keys(files).length > 0 ? loadLessons('lessons', memoryFs(files)).lessons : [];
  } catch (error) {
    console.warn('lessons could not be loaded', error);
    cache = [];
  }
  return cache;
}

export function firstLesson(): Lesson | null {
  return allLessons()[0] ?? null;
}
