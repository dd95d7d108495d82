import { expect, test } from './fixtures.js';

test('the lab switches to Korean and remembers it', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await expect(page.getByTestId('share')).toHaveText('Share');
  await page.getByTestId('lang-ko').click();
  await expect(page.getByTestId('share')).toHaveText('공유');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('view-matrix')).toHaveText('연결 표');
  await page.reload();
  await page.waitForFunction(() => window.__lab !== undefined);
  await expect(page.getByTestId('share')).toHaveText('공유');
  await lab.screenshot('journey-korean');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('share')).toHaveText('Share');
});

test('the ? key opens the shortcut help; presentation mode hides the side panels', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await page.locator('body').press('?');
  await expect(page.getByTestId('dialog-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dialog-help')).toHaveCount(0);
  await page.getByTestId('presentation').click();
  await expect(page.locator('.app.presentation')).toBeVisible();
  await expect(page.locator('#side')).toHaveCount(0);
  await lab.screenshot('journey-presentation');
  await page.locator('body').press('Escape');
  await expect(page.locator('.app.presentation')).toHaveCount(0);
});
