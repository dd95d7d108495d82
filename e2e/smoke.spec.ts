import { expect, test } from './fixtures.js';

test('the first screen shows the first lesson in the editor, offline', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await expect(page.getByRole('heading', { name: 'Kube Security Lab' })).toBeVisible();
  const files = await lab.files();
  expect(files.length).toBeGreaterThan(0);
  await expect(lab.tab(files[0]!.name)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('apiVersion');
  await lab.screenshot('lab-first-screen');
});
