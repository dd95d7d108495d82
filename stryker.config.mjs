// @ts-check
/**
 * StrykerJS mutation testing (issue 15) over src/engine, src/shell and src/course.
 *
 * Run it through `npm run test:mutation` (scripts/mutation.mjs), which sets the targets:
 *   npm run test:mutation                         # the three folders (hours on the shared 2-core machine)
 *   npm run test:mutation -- src/engine/netpol    # one folder (or several)
 *   npm run test:mutation -- --mutate 'src/engine/netpol/**\/*.ts'   # a glob; tests are still excluded
 *   npm run test:mutation -- --scores             # the score table from the reports already written
 *
 * Each target set keeps its own incremental file and reports under reports/mutation/<slug>/ (git-ignored),
 * so a rerun only tests the mutants whose code or covering tests changed.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Never mutated: tests and test-only helpers. */
export const EXCLUDE = [
  '!**/*.test.ts',
  '!src/engine/laws/generators.ts', // fast-check generators used by the property tests only
  '!src/shell/proc/coreutils/harness.ts', // the coreutils tests' machine
  // Generated data is JSON (src/engine/normalize/fields.json, src/schema/*.json), never matched by a .ts glob.
];

export const DEFAULT_TARGETS = ['src/engine', 'src/shell', 'src/course'];

const targets = (process.env.KSLAB_MUTATE ?? DEFAULT_TARGETS.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((t) => (/[*?[]/.test(t) || t.endsWith('.ts') ? t : `${t.replace(/\/$/, '')}/**/*.ts`));
const slug = process.env.KSLAB_MUTATE_SLUG ?? 'all';
const out = `reports/mutation/${slug}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // `related`: vitest keeps only the tests whose imports reach the mutated files. A judge set named
  // with `--tests` (scripts/mutation.mjs) is taken whole: the import search missed gocmp.ts's tests.
  vitest: { configFile: 'vitest.mutation.config.mjs', related: process.env.KSLAB_MUTATION_RELATED !== '0' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [...targets, ...EXCLUDE],
  // Not copied to the sandbox: build output, browser test results, the e2e specs and reports.
  ignorePatterns: ['/dist', '/dist-*', '/test-results', '/playwright-report', '/coverage', '/reports', '/tmp', '/e2e', '/.ci'],
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code: constant tables, regexes, values computed when a test file is
  // collected) can only be tested by reloading everything: every related test (≈ 3,500 for an engine
  // folder, ~6 min each on this machine). Those are Ignored and listed as such in the report; a mutant
  // also reached from inside a test ("hybrid") still runs, with the tests that reach it.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['html', 'json', 'progress', 'clear-text'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true, reportMutants: false },
  // The machine has 2 cores shared with other engineers' test runs: one test runner by default.
  concurrency: Number(process.env.KSLAB_MUTATION_CONCURRENCY ?? 1),
  // A mutant's time limit is timeoutFactor × (its tests' time in the dry run) + timeoutMS. An infinite
  // loop must cost seconds, not minutes; the factor absorbs the shared machine's load (a test that
  // took 1 s in the dry run gets 4 s + 8 s before it counts as a timeout).
  timeoutMS: Number(process.env.KSLAB_MUTATION_TIMEOUT_MS ?? '') || 8_000,
  timeoutFactor: 4,
  dryRunTimeoutMinutes: 60,
  // A few large suites run in one process: restart it now and then to keep memory flat.
  maxTestRunnerReuse: 200,
  // Outside the repo, so `eslint .` and tsc never see the instrumented copy.
  tempDirName: join(tmpdir(), 'kslab-stryker'),
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
