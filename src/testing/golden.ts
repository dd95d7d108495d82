import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Goldens never write themselves: a missing or different golden fails in every environment.
 * Updating is explicit — `npm run test:unit -- -u` (vitest's update flag) or KSLAB_UPDATE_GOLDENS=1 —
 * and the diff is then read as a reviewer would.
 */
export function updatingGoldens(): boolean {
  const state = expect.getState() as unknown as { snapshotState?: { _updateSnapshot?: string } };
  return process.env['KSLAB_UPDATE_GOLDENS'] === '1' || state.snapshotState?._updateSnapshot === 'all';
}

export function expectGolden(actual: string, path: string): void {
  if (updatingGoldens()) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden ${path}: check the output, then write it with \`npm run test:unit -- -u\``);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
