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

export type RenameError = 'empty' | 'duplicate' | 'invalid';

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
  if (/[\\/:*?"<>|]/.test(trimmed)) return 'invalid';
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
