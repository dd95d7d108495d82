import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'lessons/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // Vitest runs one worker fewer than the cores: one on CI's two, where the unit suite took 258 s
    // with a core idle. The suite is CPU-bound and its main process idles, so it uses every core.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
  },
});
