import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every feature folder's `strings.ts` (`export const strings = { en, ko }`) becomes an i18next
 * namespace named after the folder (`graph`, `explain`, `editor`, …). The glob picks up features
 * as they land, so no feature has to be registered by hand.
 */
type Strings = { readonly en: Record<string, unknown>; readonly ko: Record<string, unknown> };
const modules = import.meta.glob<{ strings?: Strings }>('../*/strings.ts', { eager: true });

export function featureNamespaces(): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  for (const [path, mod] of Object.entries(modules)) {
    const ns = /\.\.\/([^/]+)\/strings\.ts$/.exec(path)?.[1];
    if (ns && mod.strings) out[ns] = mod.strings;
  }
  return out;
}

export const LANGS = ['en', 'ko'] as const;

/** i18next's options for the lab: every feature's strings in both languages, read at once. */
export function i18nOptions(lang: 'en' | 'ko') {
  const namespaces = featureNamespaces();
  const resources: Record<string, Record<string, Record<string, unknown>>> = { en: {}, ko: {} };
  for (const [ns, strings] of Object.entries(namespaces)) {
    (resources.en ??= {})[ns] = strings.en;
    (resources.ko ??= {})[ns] = strings.ko;
  }
  return {
    resources,
    lng: lang,
    fallbackLng: 'en',
    ns: Object.keys(namespaces),
    defaultNS: 'layout',
    interpolation: { escapeValue: false }, // React escapes; strings are rendered as text
    initAsync: false,
    returnNull: false,
  } as const;
}

export function createI18n(lang: 'en' | 'ko'): I18n {
  const instance = i18next.createInstance();
  memoizeT(instance);
  void instance.use(initReactI18next).init(i18nOptions(lang));
  return instance;
}

/** Past this many remembered strings the memo starts again (names and counts vary without end). */
const MEMO_MAX = 4000;

/**
 * The key under which a translation is remembered: the key and every option (language, namespace,
 * count, context, interpolated values), or null when an option is not a plain value (then the
 * call is not remembered).
 */
function memoKey(key: unknown, opts: unknown): string | null {
  if (typeof key !== 'string') return null;
  if (opts === undefined) return key;
  if (typeof opts !== 'object' || opts === null) return null;
  const parts: unknown[] = [key];
  for (const [k, v] of Object.entries(opts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (v === undefined) continue;
    const plain = (x: unknown) => x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
    if (!plain(v) && !(Array.isArray(v) && v.every(plain))) return null;
    parts.push(k, v);
  }
  return JSON.stringify(parts);
}

/**
 * i18next's `t` remembers what it returned: the resources never change after start, so a string
 * depends only on its key and options. Every view translates its labels on every render, and a
 * result re-renders most views: at 50 pods i18next's own lookup was ~20 ms of each edit's render
 * (CPU profile of `npm run bench:ui`). Only string results are remembered.
 */
export function memoizeT(instance: I18n): void {
  const original = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  let memo = new Map<string, string>();
  instance.on('languageChanged', () => { memo = new Map(); });
  const t = (key: unknown, opts?: unknown, ...rest: unknown[]): unknown => {
    const k = rest.length === 0 && instance.isInitialized ? memoKey(key, opts) : null;
    if (k === null) return original(key, opts, ...rest);
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const value = original(key, opts);
    if (typeof value === 'string') {
      if (memo.size >= MEMO_MAX) memo = new Map();
      memo.set(k, value);
    }
    return value;
  };
  (instance as unknown as { t: typeof t }).t = t;
}

/** Every feature's strings in one language (what glyphsOf reads to ask for their font subsets). */
export function stringsOf(lang: 'en' | 'ko'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [ns, strings] of Object.entries(featureNamespaces())) out[ns] = strings[lang];
  return out;
}
