import { clusterFor } from '../scripts/bench-ui.js';
import { expect, test } from './fixtures.js';

// `npm start` serves the lab from Vite's dev server: the analysis worker is a module worker there too.
test('dev server: the analysis worker answers, and an edit in the editor reaches the graph', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.loadScenario(clusterFor(30));
  expect((await lab.analysis()).pods.length).toBe(30);
  expect(await page.evaluate(() => performance.getEntriesByName('kslab:worker-analyze').length)).toBeGreaterThan(0);
  const before = await page.evaluate(() => window.__lab?.revision() ?? 0);
  await lab.typeInEditor('# a comment\n');
  await expect.poll(() => page.evaluate((r) => performance.getEntriesByName('kslab:graph')
    .some((m) => ((m as PerformanceMark).detail as { revision?: number } | null)?.revision !== undefined && ((m as PerformanceMark).detail as { revision: number }).revision > r), before), { timeout: 20_000 }).toBe(true);
  expect(await page.evaluate(() => window.__lab?.stats().fallbacks)).toBe(0);
});
