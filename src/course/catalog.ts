import type { Lesson } from './model.js';
import { loadLessons, memoryFs } from './loader.js';

/**
 * The lessons bundled into the app: every file under lessons/<id>/ as raw text (Vite's glob, also
 * understood by Vitest), loaded by the same loader the CLI uses. Not for the CLI: tsx has no glob.
 */
// Stryker disable next-line all: Vite needs the glob's arguments as literals; an instrumented copy fails to build.
const raw = import.meta.glob<string>('../../lessons/*/**/*', { query: '?raw', import: 'default', eager: true });

let cached: { lessons: Lesson[]; problems: string[] } | null = null;

export function bundledLessons(): { lessons: Lesson[]; problems: string[] } {
  if (!cached) {
    const files: Record<string, string> = {};
    for (const [path, text] of Object.entries(raw)) {
      if (path.endsWith('.test.ts')) continue;
      files[path.replace(/^(\.\.\/)+/, '')] = text;
    }
    cached = loadLessons('lessons', memoryFs(files));
  }
  return cached;
}
