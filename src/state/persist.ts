import type { Lang } from './store.js';

/**
 * Work is never lost: the scenario is saved to localStorage on every change (debounced by the
 * caller) and restored on reload. Preferences live under their own key so a reset keeps them.
 */
export const WORK_KEY = 'kslab.work.v1';
export const PREFS_KEY = 'kslab.prefs.v1';

export interface SavedWork {
  readonly files: readonly { name: string; text: string }[];
  readonly active: string | null;
  readonly lessonId: string | null;
  readonly step: number;
  readonly progress?: Readonly<Record<string, readonly string[]>>;
  readonly lessonWork?: Readonly<Record<string, readonly { name: string; text: string }[]>>;
}

export interface Prefs {
  readonly lang?: Lang;
  readonly presentation?: boolean;
  /** The welcome was dismissed once: it does not open again. */
  readonly welcomed?: boolean;
}

/** The part of `localStorage` used here, so tests can pass a Map-backed fake. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadWork(storage: KeyValue): SavedWork | null {
  const parsed = readJson(storage, WORK_KEY);
  if (!parsed || typeof parsed !== 'object') return null;
  const { files, active, lessonId, step, progress, lessonWork } = parsed as Record<string, unknown>;
  const clean = cleanFiles(files);
  if (clean.length === 0) return null;
  // Keys come from storage (any tab, any extension, a hand edit): `__proto__`, `constructor` or
  // `toString` must be keys like any other, so these maps have no prototype.
  const cleanProgress = emptyRecord<string[]>();
  if (progress && typeof progress === 'object' && !Array.isArray(progress)) {
    for (const [id, steps] of Object.entries(progress)) {
      if (Array.isArray(steps)) cleanProgress[id] = steps.filter((x): x is string => typeof x === 'string');
    }
  }
  const cleanWork = emptyRecord<{ name: string; text: string }[]>();
  if (lessonWork && typeof lessonWork === 'object' && !Array.isArray(lessonWork)) {
    for (const [id, list] of Object.entries(lessonWork)) {
      const work = cleanFiles(list);
      if (work.length > 0) cleanWork[id] = work;
    }
  }
  return {
    files: clean,
    active: typeof active === 'string' ? active : null,
    lessonId: typeof lessonId === 'string' ? lessonId : null,
    step: typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : 0,
    progress: cleanProgress,
    lessonWork: cleanWork,
  };
}

/** A record keyed by user strings: no prototype, so no key is inherited or special. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record` with `key` set, as a new prototype-free record. */
export function withKey<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out = emptyRecord<T>();
  for (const k of Object.keys(record)) out[k] = record[k] as T;
  out[key] = value;
  return out;
}

/** The value under an own key (never an inherited `toString` or `constructor`). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function cleanFiles(files: unknown): { name: string; text: string }[] {
  if (!Array.isArray(files)) return [];
  return files.filter((f): f is { name: string; text: string } =>
    typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string' && typeof (f as { text?: unknown }).text === 'string')
    .map((f) => ({ name: f.name, text: f.text }));
}

export function saveWork(storage: KeyValue, work: SavedWork): boolean {
  return saveWorkResult(storage, work).ok;
}

/**
 * Why the work could not be saved: `full` is a QuotaExceededError, which the HTML standard's
 * Storage.setItem throws when "the quota has been exceeded" or "the user has disabled storage for
 * the site" (a 10 MB paste is more than Chromium keeps per site); `blocked` is anything else (a
 * SecurityError…). The work stays in memory either way; the caller tells the student, with the
 * size it tried to save, and offers the export.
 */
export type SaveResult = { readonly ok: true } | SaveFailure;
export interface SaveFailure {
  readonly ok: false;
  readonly problem: 'full' | 'blocked';
  /** Characters the lab tried to store (the size the student is told). */
  readonly chars: number;
}

export function saveWorkResult(storage: KeyValue, work: SavedWork): SaveResult {
  return saveWorkText(storage, JSON.stringify(work));
}

/**
 * Work this long (characters) is not tried: it is more than any browser keeps for a site by
 * default (Chromium 10 MiB of UTF-16, about 5.2 million characters; Firefox and Safari 5 MB), and
 * trying cost a 13 MB paste ~0.5 s of the page at every pause in typing (issue 12). It is told as
 * storage full, with the export.
 */
export const UNSAVABLE_CHARS = 10 * 1024 * 1024;

/** Why `work` would not be saved, told before serialising it: it is longer than UNSAVABLE_CHARS. */
export function tooBigToSave(work: SavedWork): SaveFailure | null {
  let chars = 0;
  for (const f of work.files) chars += f.name.length + f.text.length;
  return chars > UNSAVABLE_CHARS ? { ok: false, problem: 'full', chars } : null;
}

/** saveWorkResult for work already written as JSON (`JSON.stringify(work)`): a 10 MB paste is serialised once per save. */
export function saveWorkText(storage: KeyValue, text: string): SaveResult {
  try {
    storage.setItem(WORK_KEY, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: isQuotaError(error) ? 'full' : 'blocked', chars: text.length };
  }
}

/**
 * A storage write refused for lack of room: a DOMException named QuotaExceededError (code 22) in
 * every current browser, NS_ERROR_DOM_QUOTA_REACHED (code 1014) in older Firefox. Anything else
 * (SecurityError when storage is disabled, …) is storage being blocked.
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** The saved work exactly as stored (a tab compares it with what a `storage` event brings). */
export function savedWorkText(storage: KeyValue): string | null {
  try {
    return storage.getItem(WORK_KEY);
  } catch {
    return null;
  }
}

export function loadPrefs(storage: KeyValue): Prefs {
  const parsed = readJson(storage, PREFS_KEY);
  if (!parsed || typeof parsed !== 'object') return {};
  const { lang, presentation, welcomed } = parsed as Record<string, unknown>;
  return {
    ...(lang === 'en' || lang === 'ko' ? { lang } : {}),
    ...(typeof presentation === 'boolean' ? { presentation } : {}),
    ...(welcomed === true ? { welcomed } : {}),
  };
}

export function savePrefs(storage: KeyValue, prefs: Prefs): boolean {
  return writeJson(storage, PREFS_KEY, prefs);
}

function readJson(storage: KeyValue, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null; // corrupt or blocked storage: start fresh rather than fail to open
  }
}

/** false when storage is full or blocked (private mode); the caller tells the student. */
function writeJson(storage: KeyValue, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
