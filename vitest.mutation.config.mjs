// Vitest for mutation testing (stryker.config.mjs): the tests of the code under mutation — src/engine,
// src/shell, src/course, the oracle in src/testing and the lessons — without the two kinds of test
// that measure time or robustness rather than answers: the scale test (wall-clock bounds, which an
// instrumented build on a loaded machine can miss) and the never-throws fuzzers (≈ 50 s that every
// surviving engine mutant would pay; they only assert that nothing throws).
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/engine/**/*.test.ts', 'src/shell/**/*.test.ts', 'src/course/**/*.test.ts', 'src/testing/**/*.test.ts', 'lessons/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'src/engine/netpol/scale.test.ts', '**/never-throws.test.ts'],
  },
});
