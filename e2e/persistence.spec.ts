import { expect, test } from './fixtures.js';
import { guard } from './fixtures.js';
import { sample } from './scenario.js';

test('work survives a reload; reset asks first', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();
  await lab.tab('netpol.yaml').click();
  await lab.typeInEditor('# my note\n');
  await expect.poll(() => lab.files().then((f) => f.find((x) => x.name === 'netpol.yaml')?.text)).toContain('# my note');

  await page.reload();
  await page.waitForFunction(() => window.__lab !== undefined);
  const files = await lab.files();
  expect(files.map((f) => f.name)).toEqual(sample.map((f) => f.name));
  expect(files.find((f) => f.name === 'netpol.yaml')?.text).toContain('# my note');

  await page.getByTestId('file-menu').click();
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('dialog-reset')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await lab.files()).find((f) => f.name === 'netpol.yaml')?.text).toContain('# my note');
});

test('a share link round-trips, and never silently replaces saved work', async ({ lab, page, browser, offRequests, pageErrors }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.setFile('extra.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shared-ns\n');
  const url = await page.evaluate(() => window.__lab?.shareUrl() ?? '');
  expect(url).toContain('#s=');

  // A fresh browser: the link opens straight away.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await guard(fresh, offRequests, pageErrors);
  await fresh.goto(url);
  await fresh.waitForFunction(() => window.__lab !== undefined);
  const opened = await fresh.evaluate(() => window.__lab?.getFiles() ?? []);
  expect(opened).toEqual(await lab.files());
  await expect(fresh.getByRole('tab', { name: 'extra.yaml' })).toBeVisible();
  await other.close();

  // Same browser, different saved work: ask.
  await lab.setFile('extra.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n');
  await page.waitForTimeout(400); // the autosave debounce
  await page.goto(url);
  await expect(page.getByTestId('dialog-shared')).toBeVisible();
  await page.getByTestId('keep-mine').click();
  expect((await lab.files()).find((f) => f.name === 'extra.yaml')?.text).toContain('name: mine');

  await page.goto(url);
  await page.getByTestId('open-shared').click();
  expect((await lab.files()).find((f) => f.name === 'extra.yaml')?.text).toContain('name: shared-ns');
});
