/**
 * The lab's bundled fonts (main.tsx imports their @font-face rules): JetBrains Mono for code and the
 * terminal, Noto Sans KR for Hangul. Both come from the lab itself, split by unicode-range, so a
 * page loads only the subsets it shows. The CSS variables in layout/app.css name the same stacks.
 */
export const MONO_FONTS = '"JetBrains Mono Variable", ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace, "Noto Sans KR Variable"';

/**
 * Calls `fn` once the bundled monospace font is ready (at once when it already is), so canvases
 * that measured a fallback font's cell width (xterm, Monaco) measure again. Returns a canceller.
 */
export function whenMonoFontReady(fn: () => void): () => void {
  let live = true;
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts) return () => {};
  fonts.load('13px "JetBrains Mono Variable"', 'M').then(() => { if (live) fn(); }, () => {});
  return () => { live = false; };
}

/** The interface's bundled family (layout/app.css --font-ui), split into ~120 unicode-range subsets. */
export const UI_FONT_FAMILY = 'Noto Sans KR Variable';

/**
 * Every character past ASCII in `strings` (strings, or objects and arrays of them, walked), each
 * once, in code point order: what a language's texts may draw that the first screen did not.
 */
export function glyphsOf(strings: unknown): string {
  const seen = new Set<number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const c of v) { const cp = c.codePointAt(0) ?? 0; if (cp > 0x7e) seen.add(cp); }
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(strings);
  return String.fromCodePoint(...[...seen].sort((a, b) => a - b));
}

/**
 * Asks for the interface font's subsets that hold `text`. A subset a page has not used yet is
 * fetched the first time a glyph of it is drawn, and its arrival lays out every text of the family
 * again: at 50 pods the first edit drew a "→" (subset 110), and the 43 ms relayout that followed
 * was most of why that edit took 120 ms (issue 11). Asked after the first screen, the subsets come
 * while nothing else is happening.
 */
export function preloadGlyphs(text: string, fonts: FontFaceSet | undefined = typeof document === 'undefined' ? undefined : document.fonts): void {
  if (!fonts || text === '') return;
  void fonts.load(`16px "${UI_FONT_FAMILY}"`, text).catch(() => []);
}
