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
