import { defineConfig } from '@playwright/test';

const chromium = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
/** `npm start` serves the dev server; one smoke journey checks it too (Monaco workers differ in dev). */
const DEV_PORT = Number(process.env.KSLAB_DEV_PORT ?? 5180);
/**
 * The built lab is previewed from KSLAB_DIST (vite.config.ts) on this port. Two runs side by side
 * (two checkouts, or a build while another run is testing) each set their own KSLAB_DIST and ports.
 */
const PREVIEW_PORT = Number(process.env.KSLAB_PREVIEW_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    launchOptions: chromium,
    viewport: { width: 1440, height: 900 },
    trace: 'off',
  },
  projects: [
    {
      name: 'build',
      testIgnore: /\.dev\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${PREVIEW_PORT}` },
    },
    {
      name: 'dev',
      testMatch: /\.dev\.spec\.ts$/,
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
