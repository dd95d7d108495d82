import { describe, expect, it } from 'vitest';
import { PULSE_MAX, pulseSteps } from './cyAdapter.js';
import { graphStyle } from './graphStyle.js';
import { DEFAULT_THEME } from './theme.js';

// Issue 11: a changed edge's pulse is four steps of its width (wide, narrow, wide, narrow), never
// a transition: Cytoscape restyles a transitioning element at every frame, and with 59 changed
// edges at 50 pods those frames took 50-160 ms each for a second and a half after the edit.
describe('the pulse of edges whose verdict changed', () => {
  it('steps wide and narrow twice for a few changed edges', () => {
    expect(pulseSteps(1, true)).toEqual([true, false, true, false]);
    expect(pulseSteps(PULSE_MAX, true)).toEqual([true, false, true, false]);
  });
  it('does not pulse past PULSE_MAX edges, for no edge, or for reduced motion', () => {
    expect(pulseSteps(PULSE_MAX + 1, true)).toEqual([]);
    expect(pulseSteps(59, true)).toEqual([]);
    expect(pulseSteps(0, true)).toEqual([]);
    expect(pulseSteps(3, false)).toEqual([]);
  });
  it('ends narrow: a pulse never leaves an edge wide', () => {
    expect(pulseSteps(2, true).at(-1)).toBe(false);
  });
  it('no style rule animates: a transition would restyle at every frame', () => {
    const rules = graphStyle(DEFAULT_THEME) as unknown as { selector: string; style: Record<string, unknown> }[];
    const animated = rules.filter((rule) => Object.keys(rule.style).some((k) => k.startsWith('transition')));
    expect(animated.map((r) => r.selector)).toEqual([]);
    expect(rules.find((r) => r.selector === 'edge.changed.pulse')?.style).toEqual({ width: 9 });
  });
});
