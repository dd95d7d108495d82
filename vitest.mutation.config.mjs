// Vitest for mutation testing (stryker.config.mjs): the tests of the code under mutation — src/engine,
// src/shell, src/course, the oracle in src/testing and the lessons — without the two kinds of test
// that measure time or robustness rather than answers: the scale test (wall-clock bounds, which an
// instrumented build on a loaded machine can miss) and the never-throws fuzzers (≈ 50 s that every
// surviving engine mutant would pay; they only assert that nothing throws). Property tests run a
// handful of cases per mutant (scripts/mutation-setup.mjs): the unit tables are what kill mutants.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// scripts/mutation.mjs narrows this to the tests of the tree under mutation (KSLAB_MUTATION_TESTS, a
// comma-separated list of globs): a mutant is run against every test that reaches it, and ~3,500 tests
// in 150 files reach the engine's core; re-importing the shell's and the lessons' files for each one
// made a run of src/engine/netpol take ~2 h (9 mutants a minute). `--all-tests` keeps this list.
const ALL = ['src/engine/**/*.test.ts', 'src/shell/**/*.test.ts', 'src/course/**/*.test.ts', 'src/testing/**/*.test.ts', 'lessons/**/*.test.ts'];
const narrowed = (process.env.KSLAB_MUTATION_TESTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: narrowed.length > 0 ? narrowed : ALL,
    // Also left out: the incremental engine's property (cold vs incremental analysis: both sides run the
    // mutated engine, so it can only kill mutants of src/engine/incremental, ~9 s for each mutant it
    // reaches) and the parser's 50,000-key wall-clock bound.
    exclude: [
      ...configDefaults.exclude, 'src/engine/netpol/scale.test.ts', '**/never-throws.test.ts',
      ...(process.env.KSLAB_MUTATE ?? '').includes('src/engine/incremental') ? [] : ['src/engine/incremental/incremental.test.ts'],
      'src/engine/parse/unique-keys.test.ts',
    ],
    setupFiles: ['scripts/mutation-setup.mjs'],
    // One test worker per Stryker runner, as before vitest.config.ts used every core: Stryker's own
    // concurrency (KSLAB_MUTATION_CONCURRENCY) decides how many run at once.
    maxWorkers: 1,
  },
});
