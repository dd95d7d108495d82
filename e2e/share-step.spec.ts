import { expect, guard, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

// Issue 10: "an instructor shares step 3 of a lesson and a fresh browser opens on it with the same
// files and selection" — at the projector's 1280x720. The link also carries the view and language.
test.use({ viewport: { width: 1280, height: 720 } });

test('an instructor copies the link to step 3; a fresh browser opens the lesson there, with the files, view and selection', async ({ lab, page, browser, context, offRequests, pageErrors }) => {
  const lesson = new LessonPage(lab);
  await lesson.start('network-policy-basics');
  await lesson.stepItem('probe-open').click();
  await lesson.expectViewing('probe-open');
  await lab.setFile('notes.yaml', '# for the class\n');
  await lab.showMatrix();
  await page.evaluate(() => window.__lab?.select({ kind: 'pod', id: 'default/web' }));
  await page.getByTestId('lang-ko').click();

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-step-link').click();
  await expect(page.getByText('이 단계의 링크를 복사했습니다.')).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain('#s=');

  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const fresh = await other.newPage();
  await guard(fresh, offRequests, pageErrors);
  await fresh.goto(url);
  await fresh.waitForFunction(() => window.__lab !== undefined);
  const panel = fresh.getByTestId('lesson-panel');
  await expect(panel).toHaveAttribute('data-lesson', 'network-policy-basics');
  await expect(panel.locator('article[data-step="probe-open"]')).toBeVisible();
  expect(await fresh.evaluate(() => window.__lab?.getFiles() ?? [])).toEqual(await lab.files());
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(fresh.getByTestId('view-matrix')).toHaveAttribute('aria-selected', 'true');
  await expect(fresh.getByTestId('pod-inspector')).toContainText('web');
  await other.close();
});
