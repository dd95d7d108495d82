import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CrashSwitch, crashPanel, disarmPanel } from './panel-crash.js';

describe('the test API\'s panel switch (issue 12)', () => {
  it('an armed panel throws on every render until its boundary disarms it; other panels never do', () => {
    expect(renderToStaticMarkup(<CrashSwitch panel="graph" />)).toBe('');
    crashPanel('graph');
    expect(() => renderToStaticMarkup(<CrashSwitch panel="graph" />)).toThrow('graph crashed on purpose (test switch)');
    // React retries a failed render once: it must fail again, or the boundary would never show.
    expect(() => renderToStaticMarkup(<CrashSwitch panel="graph" />)).toThrow();
    expect(renderToStaticMarkup(<CrashSwitch panel="matrix" />)).toBe('');
    disarmPanel('graph');
    expect(renderToStaticMarkup(<CrashSwitch panel="graph" />)).toBe('');
  });
});
