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

test('the terminal opens from its drawer and runs kubectl against the editor files', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await page.getByTestId('terminal-toggle').click();
  await expect(page.locator('.xterm')).toBeVisible();
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('NAME');
  await lab.screenshot('lab-terminal');
});
