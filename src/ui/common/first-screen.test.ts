import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterEditorCreated, afterFirstScreen, editorCreated, firstScreenShown, resetFirstScreen } from './first-screen.js';

describe('afterFirstScreen (issue 11: the terminal chunks wait for the graph and the editor)', () => {
  afterEach(() => { resetFirstScreen(); vi.useRealTimers(); });

  it('waits for the first screen, then runs the callback once, in a task of its own', () => {
    vi.useFakeTimers();
    const f = vi.fn();
    afterFirstScreen(f, 4000);
    vi.advanceTimersByTime(3999);
    expect(f).not.toHaveBeenCalled();
    firstScreenShown();
    expect(f).not.toHaveBeenCalled(); // not inside the editor's own task
    vi.advanceTimersByTime(0);
    expect(f).toHaveBeenCalledTimes(1);
    firstScreenShown();
    vi.advanceTimersByTime(10_000);
    expect(f).toHaveBeenCalledTimes(1); // the fallback does not run it again
  });

  it('runs it after the fallback when no editor says the first screen is up', () => {
    vi.useFakeTimers();
    const f = vi.fn();
    afterFirstScreen(f, 4000);
    vi.advanceTimersByTime(4000);
    vi.advanceTimersByTime(1); // a timer queued inside a timer: fake timers run it a tick later
    expect(f).toHaveBeenCalledTimes(1);
    firstScreenShown();
    vi.advanceTimersByTime(0);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('runs it at once (next task) when the first screen is already up', () => {
    vi.useFakeTimers();
    firstScreenShown();
    const f = vi.fn();
    afterFirstScreen(f, 4000);
    vi.advanceTimersByTime(0);
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('cancelled (the component unmounted) it never runs, before or after its task is queued', () => {
    vi.useFakeTimers();
    const early = vi.fn();
    const late = vi.fn();
    const cancelEarly = afterFirstScreen(early, 4000);
    const cancelLate = afterFirstScreen(late, 4000);
    cancelEarly();
    firstScreenShown();
    cancelLate(); // its task is queued but has not run
    vi.advanceTimersByTime(10_000);
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });

  it('afterEditorCreated: runs once the editor exists, before the first screen is up', () => {
    vi.useFakeTimers();
    const held = vi.fn();
    const later = vi.fn();
    afterEditorCreated(held, 800);
    afterFirstScreen(later, 4000);
    editorCreated();
    vi.advanceTimersByTime(0);
    expect(held).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
    firstScreenShown();
    vi.advanceTimersByTime(0);
    expect(later).toHaveBeenCalledTimes(1);
    expect(held).toHaveBeenCalledTimes(1);
  });

  it('afterEditorCreated: the first screen counts as the editor too, and the fallback is 800 ms by default', () => {
    vi.useFakeTimers();
    const a = vi.fn();
    afterEditorCreated(a);
    vi.advanceTimersByTime(799);
    expect(a).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(1);
    expect(a).toHaveBeenCalledTimes(1);
    resetFirstScreen();
    const b = vi.fn();
    afterEditorCreated(b, 800);
    firstScreenShown();
    vi.advanceTimersByTime(0);
    expect(b).toHaveBeenCalledTimes(1);
  });
});
