import { expect, it } from 'vitest';

/**
 * A hostile-corpus case: it must finish, and within `ms` (measured, so a slow pass fails as
 * clearly as a hang); vitest's own timeout is a margin above it, for a real hang.
 */
export function bounded(name: string, ms: number, fn: () => unknown | Promise<unknown>): void {
  it(name, async () => {
    const t0 = performance.now();
    await fn();
    expect(performance.now() - t0, `${name} took longer than ${ms} ms`).toBeLessThan(ms);
  }, ms * 4 + 5000);
}
