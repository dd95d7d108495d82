/**
 * The scenario's files as the editor shows them (tabs), and the pure operations on them.
 * Every operation returns a new array so the analysis can be memoized by identity.
 */
export interface LabFile {
  /** Stable across renames, so editor models and undo history follow the tab. */
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

import { LIMITS } from './limits.js';

export type RenameError = 'empty' | 'duplicate' | 'invalid';

/** Why a file name from a link or zip is refused (importName). */
export type NameProblem = 'empty' | 'duplicate' | 'separator' | 'dots' | 'control' | 'tooLong';

/**
 * Control characters (C0, DEL, C1) and the bidirectional formatting characters (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069): a tab named `x\u202Elmy.yaml` shows as `xyml.yaml`
 * (Trojan Source, CVE-2021-42574), a newline or ESC breaks the line it is shown on.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * A file name from a share link or a zip, as it would become a tab and a zip entry: non-empty,
 * unique (`taken`), no path separator, not `.`/`..`, no control or bidi character, at most
 * LIMITS.nameChars characters. null when it is fine.
 */
export function importNameProblem(name: string, taken: ReadonlySet<string>): NameProblem | null {
  if (name.trim() === '') return 'empty';
  if ([...name].length > LIMITS.nameChars) return 'tooLong';
  if (HIDDEN.test(name)) return 'control';
  if (/[\\/]/.test(name)) return 'separator';
  if (name === '.' || name === '..' || name.includes('..')) return 'dots';
  if (name !== name.trim()) return 'empty';
  if (taken.has(name)) return 'duplicate';
  return null;
}

/**
 * A name as a message may show it: control and bidi characters as `\u{…}` (so the message reads
 * left to right and shows what is there), cut at 80 characters.
 */
export function visibleName(name: string): string {
  const shown = [...name].map((ch) => (HIDDEN.test(ch) ? `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}` : ch));
  return shown.length > 80 ? `${shown.slice(0, 80).join('')}…` : shown.join('');
}

/** The first bad name of a list, with its problem; null when all are fine. */
export function firstBadName(names: readonly string[]): { name: string; problem: NameProblem } | null {
  const taken = new Set<string>();
  for (const name of names) {
    const problem = importNameProblem(name, taken);
    if (problem) return { name, problem };
    taken.add(name);
  }
  return null;
}

let counter = 0;
/** Ids only need to be unique within one page session. */
export function newFileId(): string {
  counter += 1;
  return `f${Date.now().toString(36)}${counter.toString(36)}`;
}

/** A file name a student can type: no path separators, not blank. */
export function checkFileName(files: readonly LabFile[], name: string, selfId?: string): RenameError | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (/[\\/:*?"<>|]/.test(trimmed) || HIDDEN.test(trimmed) || trimmed.includes('..') || [...trimmed].length > LIMITS.nameChars) return 'invalid';
  if (files.some((f) => f.name === trimmed && f.id !== selfId)) return 'duplicate';
  return null;
}

/** `untitled.yaml`, `untitled-2.yaml`, … — the first name no tab uses. */
export function freshName(files: readonly LabFile[], base = 'untitled', ext = '.yaml'): string {
  const used = new Set(files.map((f) => f.name));
  if (!used.has(`${base}${ext}`)) return `${base}${ext}`;
  for (let i = 2; ; i += 1) {
    const candidate = `${base}-${i}${ext}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function setText(files: readonly LabFile[], id: string, text: string): readonly LabFile[] {
  const index = files.findIndex((f) => f.id === id);
  const file = files[index];
  if (!file || file.text === text) return files;
  const next = files.slice();
  next[index] = { ...file, text };
  return next;
}

export function rename(files: readonly LabFile[], id: string, name: string): readonly LabFile[] {
  return files.map((f) => (f.id === id ? { ...f, name: name.trim() } : f));
}

/** Moves a tab by `delta` places, clamped to the ends. */
export function move(files: readonly LabFile[], id: string, delta: number): readonly LabFile[] {
  const from = files.findIndex((f) => f.id === id);
  const file = files[from];
  if (!file) return files;
  const to = Math.max(0, Math.min(files.length - 1, from + delta));
  if (to === from) return files;
  const next = files.slice();
  next.splice(from, 1);
  next.splice(to, 0, file);
  return next;
}

/** The tab that becomes active when `id` closes: its right neighbour, else its left one. */
export function neighbourOf(files: readonly LabFile[], id: string): string | null {
  const index = files.findIndex((f) => f.id === id);
  if (index < 0) return files[0]?.id ?? null;
  return files[index + 1]?.id ?? files[index - 1]?.id ?? null;
}

/** Two scenarios hold the same work when names and texts match in order. */
export function sameWork(a: readonly { name: string; text: string }[], b: readonly { name: string; text: string }[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.text === b[i]?.text);
}

export function withIds(files: readonly { name: string; text: string }[]): LabFile[] {
  return files.map((f) => ({ id: newFileId(), name: f.name, text: f.text }));
}
