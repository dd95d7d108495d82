/**
 * Sizes in the graph's model units (1 unit = 1 screen pixel at zoom 1), shared by the style sheet
 * (graphStyle.ts), the element sizes (elements.ts) and the layout (layout.ts, pack.ts), so a
 * node's box, its text and the room the layout leaves for it always agree.
 *
 * Projector legibility (issue 10): pod names are POD_FONT units tall; the layout packs a small
 * graph to the canvas so that fitting it keeps zoom × POD_FONT ≥ READABLE_PX where it can, and a
 * fit never zooms a small graph out below that (the student pans instead). Text that would be
 * drawn below MIN_ZOOMED_FONT on screen is not drawn at all (Cytoscape's min-zoomed-font-size).
 */
export const POD_FONT = 15;
export const NS_FONT = 13;
export const EDGE_FONT = 12;
export const LINE_HEIGHT = 1.15;
/** The smallest on-screen text height a class reads at projector distance (issue 10). */
export const READABLE_PX = 14;
/**
 * Below this on-screen size a label is not drawn rather than drawn unreadably small (zoom in, or
 * search, to read a crowded graph; a big graph redraws faster too).
 */
export const MIN_ZOOMED_FONT = 10;
/** Room between a node's text and its border. */
export const NODE_PAD_X = 10;
export const NODE_PAD_Y = 5;
/** A namespace box's padding around its pods, and the gap between its label and its box. */
export const NS_PAD = 12;
export const NS_LABEL_GAP = 4;

/** Measures a line in the graph's font (a 2D canvas in the browser); null: estimate. */
export type TextMeasure = (line: string, font: number, bold: boolean) => number;
let measure: TextMeasure | null = null;

/** GraphView installs the browser's measure once; tests and the CLI estimate. */
export function setTextMeasure(m: TextMeasure | null): void {
  measure = m;
}

/**
 * Width of one line of canvas text. Estimated: Latin glyphs about 0.62 em (wider than most
 * sans-serif faces, so the estimate errs towards room), wide glyphs (Hangul, CJK) 1.05 em.
 * Measured: the font's own width with 6% to spare (a web font that is still loading may be
 * measured in its fallback), never under 0.5 em a glyph.
 */
export function textWidth(line: string, font: number, bold = false): number {
  let est = 0, floor = 0;
  for (const ch of line) {
    const wide = ch.charCodeAt(0) > 0x2e80;
    est += (wide ? 1.05 : bold ? 0.66 : 0.62) * font;
    floor += (wide ? 0.9 : 0.5) * font;
  }
  return measure ? Math.max(floor, measure(line, font, bold) * 1.06) : est;
}

/** A TextMeasure on a 2D canvas in `family` (the graph's CSS font). */
export function canvasMeasure(family: string): TextMeasure | null {
  if (typeof document === 'undefined') return null;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  const cache = new Map<string, number>();
  return (line, font, bold) => {
    const key = `${bold ? 'b' : ''}${font}|${line}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = `${bold ? 'bold ' : ''}${font}px ${family}`;
      w = ctx.measureText(line).width;
      if (cache.size > 5000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}

export function textHeight(lines: number, font: number): number {
  return lines * font * LINE_HEIGHT;
}

/** A node sized for its label: the text plus padding, never narrower than a short name needs. */
export function labelSize(label: string, font = POD_FONT): { w: number; h: number } {
  const lines = label.split('\n');
  const w = Math.min(340, Math.max(64, Math.ceil(Math.max(...lines.map((l) => textWidth(l, font))) + 2 * NODE_PAD_X)));
  return { w, h: Math.ceil(textHeight(lines.length, font) + 2 * NODE_PAD_Y) };
}

/** The room a namespace's label takes above its box (bold, NS_FONT). */
export function nsLabelSize(label: string): { w: number; h: number } {
  const lines = label.split('\n');
  return { w: Math.ceil(Math.max(...lines.map((l) => textWidth(l, NS_FONT, true)))), h: Math.ceil(textHeight(lines.length, NS_FONT) + NS_LABEL_GAP) };
}
