import { describe, expect, it } from 'vitest';
import { isLarge, LARGE_CHARS, LARGE_FILE_OPTIONS, LARGE_LINES, lineCount, NORMAL_FILE_OPTIONS } from './large-file.js';
import { manyPods, manyPolicies } from '../../testing/hostile/generate.js';

describe('large files (issue 12: big pastes)', () => {
  it('counts lines as Monaco does: one more than the line feeds', () => {
    expect(lineCount('')).toBe(1);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(2);
    expect(lineCount('a\nb\nc')).toBe(3);
    expect(lineCount('\n\n')).toBe(3);
  });

  it('is large over either bound, and back to normal only under three quarters of both', () => {
    expect(isLarge(LARGE_CHARS, 10, false)).toBe(false);
    expect(isLarge(LARGE_CHARS + 1, 10, false)).toBe(true);
    expect(isLarge(10, LARGE_LINES, false)).toBe(false);
    expect(isLarge(10, LARGE_LINES + 1, false)).toBe(true);
    // Hysteresis: an edit just under the bound keeps a large file large.
    expect(isLarge(LARGE_CHARS - 1, 10, true)).toBe(true);
    expect(isLarge(LARGE_CHARS * 0.75 + 1, 10, true)).toBe(true);
    expect(isLarge(LARGE_CHARS * 0.75, 10, true)).toBe(false);
    expect(isLarge(10, LARGE_LINES * 0.75 + 1, true)).toBe(true);
    expect(isLarge(10, LARGE_LINES * 0.75, true)).toBe(false);
  });

  it('catches both pastes of e2e/hostile-paste.spec.ts and none of a lesson-sized file', () => {
    const pods = manyPods(2_000);
    const policies = manyPolicies(400);
    expect(isLarge(pods.length, lineCount(pods), false)).toBe(true);
    // 188 KB on 842 long lines: caught by its size, not its lines.
    expect(lineCount(policies)).toBeLessThan(LARGE_LINES);
    expect(isLarge(policies.length, lineCount(policies), false)).toBe(true);
    const lesson = manyPods(20);
    expect(isLarge(lesson.length, lineCount(lesson), false)).toBe(false);
  });

  it('turns every costly helper off for a large file and names the same options for a normal one', () => {
    expect(Object.keys(LARGE_FILE_OPTIONS).sort()).toEqual(Object.keys(NORMAL_FILE_OPTIONS).sort());
    expect(LARGE_FILE_OPTIONS).toMatchObject({
      folding: false, bracketPairColorization: { enabled: false }, matchBrackets: 'never', stickyScroll: { enabled: false },
      occurrencesHighlight: 'off', selectionHighlight: false, wordBasedSuggestions: 'off', links: false, wordWrap: 'off',
    });
    for (const [key, value] of Object.entries(LARGE_FILE_OPTIONS)) {
      expect(NORMAL_FILE_OPTIONS[key as keyof typeof NORMAL_FILE_OPTIONS], key).not.toEqual(value);
    }
  });

  it('takes a normal file\'s sticky lines from its folding ranges, not from document symbols', () => {
    // Monaco's outline model (document symbols) cost 20-70 ms of the page's time after each edit of
    // a 1,300-line file (issue 11); monaco-yaml's folding ranges give the same enclosing keys.
    expect(NORMAL_FILE_OPTIONS.stickyScroll).toEqual({ enabled: true, defaultModel: 'foldingProviderModel' });
  });
});
