import { expect, test } from './fixtures.js';

/**
 * `npm start` runs Vite's dev server, where Monaco's workers are served unbundled: a CommonJS
 * dependency in the YAML worker once left the schema checks dead ("module is not defined",
 * "Could not create web worker(s)"). The fixture fails this on any console error or off-host request.
 */
test('dev server: the editor loads, schema and engine markers both appear, the console stays clean', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await expect(page.locator('.monaco-loading')).toHaveCount(0);

  await page.getByRole('button', { name: 'New file' }).click();
  await page.keyboard.type('typo.yaml');
  await page.keyboard.press('Enter');
  await lab.typeInEditor('{apiVersion: v1, kind: Pod, metadata: {name: typo}, spec: {hostNetwrk: true, containers: [{name: c, image: nginx}]}}');

  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  // `yaml` markers come from monaco-yaml's worker: they prove the worker runs in dev.
  await expect.poll(async () => (await page.evaluate(() => window.__lab?.editorMarkers() ?? [])).map((m) => m.owner).sort(), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['kslab', 'yaml']));
});
