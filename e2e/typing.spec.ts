import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';
import type { Locator } from '@playwright/test';

/** The step in view passes its check (steps opened out of order are not recorded as completed). */
async function expectGreen(view: Locator) {
  await expect(view).toHaveAttribute('data-status', 'done');
  await expect(view.getByTestId('step-status')).toHaveText(/^✓ /);
}

/**
 * Typing comfort (issue 10): a lesson's YAML typed by hand lands where the lesson means (Monaco's
 * auto-indent does not double it), "+" opens the file the step asks for with the caret in the
 * editor, code blocks have Copy and "Put in <file>", and hidden tabs are listed in a menu.
 */
const NEW_FILE = { en: 'New file db-policy.yaml (the lesson step asks for it)', ko: '새 파일 db-policy.yaml (레슨 단계에서 만들라고 한 파일)' } as const;

for (const lang of ['en', 'ko'] as const) test(`${lang}: a student types the step's snippet by hand into the file "+" suggests, and the step turns green`, async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const lesson = new LessonPage(lab);
  await lesson.start('network-policy-basics');
  await lesson.stepItem('isolate-db').click();
  await lesson.expectViewing('isolate-db');
  await lesson.expectNotDone('isolate-db');
  // The step list's name is the page object's English; the student then reads and types in Korean.
  if (lang === 'ko') {
    await page.getByTestId('lang-ko').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  }
  const snippet = await lesson.stepView('isolate-db').locator('pre.lesson-code').first().textContent() ?? '';
  expect(snippet).toContain('  podSelector:\n    matchLabels:\n      role: db\n');

  // "+" names the file the step asks for and puts the caret in the editor.
  await page.getByRole('button', { name: NEW_FILE[lang] }).click();
  await expect(lab.tab('db-policy.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor.focused')).toBeVisible();
  // Key by key, the lesson's own spaces included (Enter after "spec:" would auto-indent).
  await page.keyboard.type(snippet);
  await expect.poll(async () => (await lab.files()).find((f) => f.name === 'db-policy.yaml')?.text).toBe(snippet);
  await expectGreen(lesson.stepView('isolate-db'));
});

test('the same policy under another name does not pass; "Put in db-policy.yaml" and Copy do', async ({ lab, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lesson = new LessonPage(lab);
  await lesson.start('network-policy-basics');
  await lesson.stepItem('isolate-db').click();
  const view = lesson.stepView('isolate-db');
  const snippet = await view.locator('pre.lesson-code').first().textContent() ?? '';

  await lab.setFile('policy.yaml', snippet);
  await expect(page.getByTestId('banner-stale')).toHaveCount(0);
  await expect.poll(async () => (await lab.analysis()).policies.map((p) => p.key)).toContain('default/db-policy');
  await expect(view).toHaveAttribute('data-status', 'todo');

  await view.getByTestId('copy-code').first().click();
  await expect(view.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  await view.getByRole('button', { name: /Put this YAML in db-policy\.yaml/ }).click();
  await expect(lab.tab('db-policy.yaml')).toHaveAttribute('aria-selected', 'true');
  // Both files now hold db-policy (a duplicate): the student removes the misnamed one.
  await lab.tab('policy.yaml').focus();
  await page.keyboard.press('Delete');
  await expectGreen(view);
});

test('tabs past the strip\'s width are listed in a menu that opens them', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.openFresh();
  await lab.waitForEditor();
  const files = Array.from({ length: 9 }, (_, i) => ({ name: `pod-number-${i + 1}.yaml`, text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i + 1}\nspec:\n  containers:\n  - name: c\n    image: nginx\n` }));
  await lab.loadScenario(files);
  await lab.tab('pod-number-1.yaml').click();
  const more = page.getByTestId('tab-overflow');
  await expect(more).toBeVisible();
  await expect(more.locator('summary')).toContainText(/more tabs?/);
  await more.locator('summary').click();
  await more.getByRole('button', { name: 'pod-number-9.yaml' }).click();
  await expect(lab.tab('pod-number-9.yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(lab.tab('pod-number-9.yaml')).toBeInViewport();
});

test('the terminal leaves the details panel a usable height at 1280x720', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.openFresh();
  await lab.waitForEditor();
  await page.getByTestId('terminal-toggle').click();
  await expect(page.locator('.terminal-body')).toBeVisible();
  for (const id of ['#side', '#view', '#editor']) {
    const box = await page.locator(id).boundingBox();
    expect(box?.height ?? 0, `${id} height`).toBeGreaterThanOrEqual(240);
  }
});
