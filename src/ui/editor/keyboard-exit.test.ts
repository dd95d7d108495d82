import { describe, expect, it } from 'vitest';
import { nextExitState, type ExitState } from './keyboard-exit.js';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
  ({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

/** Feeds keys one after another; returns what the last one did. */
function run(...keys: ReturnType<typeof key>[]) {
  let state: ExitState = 'idle';
  let exit: 1 | -1 | null = null;
  for (const k of keys) ({ state, exit } = nextExitState(state, k));
  return exit;
}

describe('Esc then Tab leaves the editor', () => {
  it('Tab alone indents (Monaco keeps it)', () => expect(run(key('Tab'))).toBeNull());
  it('Esc, Tab leaves forward', () => expect(run(key('Escape'), key('Tab'))).toBe(1));
  it('Esc, Shift (pressed first), Shift+Tab leaves backward', () => expect(run(key('Escape'), key('Shift', { shiftKey: true }), key('Tab', { shiftKey: true }))).toBe(-1));
  it('a key typed between Esc and Tab cancels the way out', () => expect(run(key('Escape'), key('a'), key('Tab'))).toBeNull());
  it('Ctrl+Tab or Alt+Tab after Esc are not the way out', () => {
    expect(run(key('Escape'), key('Tab', { ctrlKey: true }))).toBeNull();
    expect(run(key('Escape'), key('Tab', { altKey: true }))).toBeNull();
  });
  it('leaving once does not leave again: the next Tab indents', () => expect(run(key('Escape'), key('Tab'), key('Tab'))).toBeNull());
});
