import { describe, expect, it, vi } from 'vitest';
import { glyphsOf, preloadGlyphs, UI_FONT_FAMILY } from './fonts.js';
import { stringsOf } from '../i18n/index.js';

describe('glyphsOf', () => {
  it('keeps each character past ASCII once, in code point order, from nested strings', () => {
    expect(glyphsOf({ a: 'a → b', b: ['“x”', { c: '네임 → 네' }], n: 3, z: null })).toBe('“”→네임');
  });
  it('reads astral characters whole and leaves out printable ASCII', () => {
    expect(glyphsOf(['plain ~', '😀', 'é'])).toBe('é😀');
    expect(glyphsOf('')).toBe('');
  });
  it('of the lab\'s own strings: the arrow in both languages, Hangul only in Korean', () => {
    expect(glyphsOf(stringsOf('en'))).toContain('→');
    expect(glyphsOf(stringsOf('ko'))).toContain('→');
    expect(glyphsOf(stringsOf('ko'))).toContain('네');
    // English draws Hangul only in the language switch's own name.
    expect(glyphsOf(stringsOf('en')).match(/[\uac00-\ud7a3]/g)?.sort()).toEqual([...'한국어'].sort());
  });
});

describe('preloadGlyphs', () => {
  it('asks the interface family for the text, once', () => {
    const load = vi.fn(() => Promise.resolve([]));
    preloadGlyphs('→…', { load } as unknown as FontFaceSet);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(`16px "${UI_FONT_FAMILY}"`, '→…');
  });
  it('asks nothing for no text, without fonts, and swallows a failed load', async () => {
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    preloadGlyphs('', { load } as unknown as FontFaceSet);
    expect(load).not.toHaveBeenCalled();
    expect(() => preloadGlyphs('→', undefined)).not.toThrow();
    preloadGlyphs('→', { load } as unknown as FontFaceSet);
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
