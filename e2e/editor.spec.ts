import { expect, test } from './fixtures.js';
import { sample } from './scenario.js';

test('a typo in a field shows a marker and a problem that jumps to its line', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();

  await page.getByRole('button', { name: 'New file' }).click();
  await page.keyboard.type('typo.yaml');
  await page.keyboard.press('Enter');
  await expect(lab.tab('typo.yaml')).toHaveAttribute('aria-selected', 'true');
  // One-line flow YAML: block YAML typed into Monaco is re-indented (toolchain.md).
  await lab.typeInEditor('{apiVersion: v1, kind: Pod, metadata: {name: typo}, spec: {hostNetwrk: true, containers: [{name: c, image: nginx}]}}');

  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  // Both checkers saw it: the engine (`kslab`) and monaco-yaml's schema worker (`yaml`).
  await expect.poll(async () => (await page.evaluate(() => window.__lab?.editorMarkers() ?? [])).map((m) => m.owner), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['kslab', 'yaml']));
  const problem = lab.problems().getByRole('button', { name: /hostNetwrk/ }).first();
  await expect(problem).toBeVisible();
  await lab.screenshot('journey-typo');
  await problem.click();
  await expect.poll(() => lab.editorSelection().then((s) => s?.text ?? '')).toContain('hostNetwrk');
});

test('tabs: rename, reorder and close with the keyboard; closing is undoable', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();

  await lab.tab('pods.yaml').focus();
  await page.keyboard.press('F2');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('workloads.yaml');
  await page.keyboard.press('Enter');
  await expect(lab.tab('workloads.yaml')).toBeVisible();

  await lab.tab('workloads.yaml').focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  expect((await lab.files()).map((f) => f.name).slice(0, 2)).toEqual(['netpol.yaml', 'workloads.yaml']);

  await lab.tab('workloads.yaml').focus();
  await page.keyboard.press('Delete');
  await expect(lab.tab('workloads.yaml')).toHaveCount(0);
  expect((await lab.analysis()).pods.length).toBe(0);
  await page.getByRole('button', { name: /Reopen workloads\.yaml/ }).click();
  await expect(lab.tab('workloads.yaml')).toBeVisible();
  expect((await lab.files()).map((f) => f.name)).toContain('workloads.yaml');
});

test('a syntax error keeps the last good graph and says so', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.loadScenario(sample);
  await lab.waitForEditor();
  await lab.setFile('pods.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [broken\n');
  await expect(page.getByTestId('banner-stale')).toBeVisible();
  await expect(page.getByTestId('banner-stale')).toContainText('pods.yaml');
  await expect(page.locator('.summary')).toContainText('4 pods');
});
