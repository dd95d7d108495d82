import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, i18nOptions } from './index.js';

/** The same options without the memo: what i18next itself answers. */
function plain(lang: 'en' | 'ko') {
  const i = i18next.createInstance();
  void i.init(i18nOptions(lang));
  return i;
}

describe('the remembered t', () => {
  const calls: [string, Record<string, unknown>?][] = [
    ['graph:searchFound', { count: 1 }],
    ['graph:searchFound', { count: 3 }],
    ['graph:searchFound', { count: 3 }],
    ['editor:moreTabs', { count: 2 }],
    ['editor:moreTabs', { count: 1 }],
    ['graph:focusOn', { id: 'default/web' }],
    ['graph:focusOn', { id: 'default/db' }],
    ['no:such-key'],
  ];

  it('answers what i18next answers, call after call, in both languages and across a switch', async () => {
    const memo = createI18n('en');
    for (const lang of ['en', 'ko', 'en'] as const) {
      await memo.changeLanguage(lang);
      const ref = plain(lang);
      for (const [key, opts] of calls) {
        const want = ref.t(key, opts);
        expect(memo.t(key, opts), `${lang} ${key} ${JSON.stringify(opts)}`).toBe(want);
        expect(memo.getFixedT(lang)(key, opts)).toBe(want);
      }
    }
  });

  it('passes calls with object options through, unremembered', () => {
    const memo = createI18n('en');
    const ref = plain('en');
    const opts = { returnObjects: true, nested: { a: 1 } };
    expect(memo.t('graph:focusOn', opts)).toEqual(ref.t('graph:focusOn', opts));
  });
});
