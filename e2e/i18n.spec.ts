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

test('Korean is drawn with the bundled Noto Sans KR and code with JetBrains Mono, loaded from the lab itself, on a machine with neither', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  const fontRequests: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'font') fontRequests.push(new URL(r.url()).host); });
  await page.getByTestId('lang-ko').click();
  await expect(page.getByTestId('share')).toHaveText('공유');
  await page.evaluate(async () => { await document.fonts.load('14px "Noto Sans KR Variable"', '공유'); await document.fonts.ready; });
  // The glyphs actually used for the button's text (Chromium's own answer, not the CSS asked for).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid="share"]' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  const hangul = fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
  // Where the machine has a Korean font of its own it may draw them; this CI machine has none.
  expect(hangul.some((f) => /Noto Sans KR/.test(f))).toBe(true);
  expect(fontRequests.length).toBeGreaterThan(0);
  // Code is drawn with the bundled JetBrains Mono (Monaco remeasures once it has loaded).
  await page.evaluate(async () => { await document.fonts.load('13px "JetBrains Mono Variable"', 'M'); });
  const line = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.monaco-editor .view-line span span' });
  const code = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: line.nodeId });
  expect(code.fonts.filter((f) => f.glyphCount > 0).some((f) => /JetBrains Mono/.test(f.familyName))).toBe(true);
  expect(fontRequests.every((h) => h === new URL(page.url()).host)).toBe(true);
  await page.getByTestId('lang-en').click();
});
