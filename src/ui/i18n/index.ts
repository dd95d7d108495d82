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

export function createI18n(lang: 'en' | 'ko'): I18n {
  const namespaces = featureNamespaces();
  const resources: Record<string, Record<string, Record<string, unknown>>> = { en: {}, ko: {} };
  for (const [ns, strings] of Object.entries(namespaces)) {
    (resources.en ??= {})[ns] = strings.en;
    (resources.ko ??= {})[ns] = strings.ko;
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    ns: Object.keys(namespaces),
    defaultNS: 'layout',
    interpolation: { escapeValue: false }, // React escapes; strings are rendered as text
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
