import { describe, expect, it } from 'vitest';
import type { Check, Step } from '../../course/model.js';
import { explainedPath, presentPair } from './present.js';

const text = { en: '', ko: '' };
const step = (check: Check): Step => ({ id: 's', title: text, body: text, hint: text, check, solution: { files: [], patch: [], commands: [] } });
const flow = (from: string, allowed: boolean): Check => ({ kind: 'flow', from, to: 'default/db', port: 3306, protocol: 'TCP', allowed });

describe('present mode', () => {
  it("a step's explained path is its first flow check, searched through all/any/sequence but not a not", () => {
    expect(explainedPath(step({ kind: 'all', checks: [{ kind: 'noErrors' }, flow('default/web', false), flow('default/api', true)] })))
      .toEqual({ from: 'default/web', to: 'default/db', port: 3306, protocol: 'TCP', allowed: false });
    expect(explainedPath(step({ kind: 'any', checks: [{ kind: 'sequence', checks: [flow('default/api', true)] }] }))?.from).toBe('default/api');
    expect(explainedPath(step({ kind: 'not', check: flow('default/web', true) }))).toBeNull();
    expect(explainedPath(step({ kind: 'noErrors' }))).toBeNull();
    expect(explainedPath(undefined)).toBeNull();
  });
  it('the pair store tells its listeners once per change', () => {
    let calls = 0;
    const off = presentPair.subscribe(() => { calls += 1; });
    presentPair.set('terminal');
    presentPair.set('terminal');
    expect(presentPair.get()).toBe('terminal');
    presentPair.set('lesson');
    off();
    presentPair.set('editor');
    expect(calls).toBe(2);
    presentPair.set('lesson');
  });
});
