import { defineConfig } from '@playwright/test';

const chromium = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
/** `npm start` serves the dev server; one smoke journey checks it too (Monaco workers differ in dev). */
const DEV_PORT = Number(process.env.KSLAB_DEV_PORT ?? 5180);
/**
 * The built lab is previewed from KSLAB_DIST (vite.config.ts) on this port. Two runs side by side
 * (two checkouts, or a build while another run is testing) each set their own KSLAB_DIST and ports.
 */
const PREVIEW_PORT = Number(process.env.KSLAB_PREVIEW_PORT ?? 4173);

/** Journeys that assert timings (long tasks, key → graph latency): see the 'timed' project. */
const TIMED = /(analysis-worker|hostile-links|hostile-paste)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two workers for the journeys that assert no timing (the suite's wall time halves on 2 cores).
  // The journeys that time the page (long tasks, key → graph) are the 'timed' project, one at a
  // time; `npm test` (scripts/test-all.mjs) runs them after the others, on an otherwise idle machine.
  workers: Number(process.env.KSLAB_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: {
    launchOptions: chromium,
    viewport: { width: 1440, height: 900 },
    trace: 'off',
  },
  projects: [
    {
      name: 'build',
      testIgnore: [/\.dev\.spec\.ts$/, TIMED],
      // Tests, not files, are shared out between the two workers: a long file (the accessibility
      // spec's 22 screens) no longer leaves one worker idle at the end. No journey depends on another.
      fullyParallel: true,
      use: { baseURL: `http://127.0.0.1:${PREVIEW_PORT}` },
    },
    {
      // Long-task and latency budgets are measured on a machine doing nothing else.
      name: 'timed',
      testMatch: TIMED,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${PREVIEW_PORT}` },
    },
    {
      name: 'dev',
      testMatch: /\.dev\.spec\.ts$/,
      workers: 1,
      // The first dev load pre-bundles dependencies (cold cache: tens of seconds on 2 cores).
      timeout: 120_000,
      use: { baseURL: `http://127.0.0.1:${DEV_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node node_modules/vite/bin/vite.js --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEV_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
