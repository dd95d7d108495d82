// Which analysis updates the views take in a transition (state/react.ts inTransition, issue 11).
import { describe, expect, it } from 'vitest';
import { analyze } from '../engine/index.js';
import type { DerivedAnalysis } from './analysis.js';
import { inTransition, TRANSITION_PODS } from './react.js';

const small = analyze([{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n' }]);
const other = analyze([{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec: {containers: [{name: c, image: nginx}]}\n' }]);
const state = (over: Partial<DerivedAnalysis> = {}): DerivedAnalysis => ({ current: small, display: small, staleBecause: null, version: 1, ...over });

describe('inTransition', () => {
  it('a keystroke\'s "recomputing" mark (pending only) waits for the key\'s task to end', () => {
    expect(inTransition(state(), state({ pending: true }))).toBe(true);
    expect(inTransition(state({ pending: true }), state())).toBe(true);
    expect(inTransition(state(), state({ checked: other }))).toBe(true);
  });
  it('a new result of a small scenario is shown at once', () => {
    expect(inTransition(state(), state({ current: other, display: other, version: 2 }))).toBe(false);
    // a syntax error: current moves, display stays
    expect(inTransition(state(), state({ current: other, version: 2 }))).toBe(false);
    expect(inTransition(state(), state({ display: other, version: 2 }))).toBe(false);
    expect(inTransition(state(), state({ version: 2 }))).toBe(false);
  });
  it(`a result of ${TRANSITION_PODS} pods or more goes in a transition`, () => {
    const pods = Array.from({ length: TRANSITION_PODS }, (_, i) => ({ ...small.pods[0]!, key: `default/p${i}` }));
    const big = { ...small, pods } as typeof small;
    expect(inTransition(state(), state({ current: big, display: big, version: 2 }))).toBe(true);
  });
});
