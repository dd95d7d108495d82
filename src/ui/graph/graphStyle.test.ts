import { describe, expect, it } from 'vitest';
import { graphStyle } from './graphStyle.js';
import { DEFAULT_THEME } from './theme.js';

// Issue 14 / WCAG 1.4.1 and 1.4.11: an edge's state is not told by colour alone, and each edge colour
// is at least 3:1 against the canvas and the namespace fill.
const styleOf = (selector: string) => {
  const rules = graphStyle(DEFAULT_THEME) as unknown as { selector: string; style: Record<string, unknown> }[];
  return Object.assign({}, ...rules.filter((r) => r.selector === 'edge' || r.selector === selector).map((r) => r.style)) as Record<string, unknown>;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };

describe('edge states in grayscale', () => {
  const states = ['edge.allowed', 'edge.partial', 'edge.denied'].map(styleOf);
  it('differ by line style and arrowhead, not colour alone', () => {
    const shape = states.map((s) => `${String(s['line-style'])}|${String(s['target-arrow-shape'])}|${String(s['target-arrow-fill'] ?? 'filled')}`);
    expect(new Set(shape).size).toBe(3);
    expect(states.map((s) => s['line-style'])).toEqual(['solid', 'dashed', 'dotted']);
  });
  it.each(['edge.allowed', 'edge.partial', 'edge.denied'])('%s is at least 3:1 against the canvas and the namespace fill, fully opaque', (sel) => {
    const s = styleOf(sel);
    const color = String(s['line-color']);
    expect(contrast(color, DEFAULT_THEME.surface)).toBeGreaterThanOrEqual(3);
    expect(contrast(color, DEFAULT_THEME.nsFill)).toBeGreaterThanOrEqual(3);
    expect(s.opacity ?? 1).toBe(1);
  });
});
