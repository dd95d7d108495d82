import { expect, test } from './fixtures.js';
import { LessonPage } from './pages/LessonPage.js';

/**
 * Present mode for a projector (issue 10): one pair of panels at a time, large type, the lesson
 * stepped from the keyboard, the step's connection selected in the graph (its explained path).
 */
const LANGS = [
  { lang: 'en', step: (n: number) => `Step ${n}`, lesson: 'Lesson + graph', editor: 'Editor + graph', terminal: 'Terminal' },
  { lang: 'ko', step: (n: number) => `${n}단계`, lesson: '레슨 + 그래프', editor: '에디터 + 그래프', terminal: '터미널' },
] as const;

for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  for (const l of LANGS) {
    test(`present mode walks two steps by keyboard (${l.lang}, ${viewport.width}x${viewport.height})`, async ({ lab, page }) => {
      await page.setViewportSize(viewport);
      const lesson = new LessonPage(lab);
      await lesson.start('network-policy-basics');
      if (l.lang === 'ko') await page.getByTestId('lang-ko').click();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Alt+Shift+P');
      await expect(page.locator('.app.presentation')).toBeVisible();

      // Lesson + graph: the lesson is shown (large), the editor is not.
      await expect(page.getByRole('button', { name: l.lesson })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('lesson-panel')).toBeVisible();
      await expect(page.locator('#editor')).toBeHidden();
      await expect(page.getByTestId('graph-canvas')).toBeVisible();
      const badge = page.getByTestId('presentation-step');
      await expect(badge).toContainText(l.step(1));
      // Step 1 is about web → db on 3306: the path is named and the connection selected in the graph.
      await expect(page.getByTestId('presentation-path')).toContainText('web → db 3306/TCP');
      const fontPx = await page.getByTestId('lesson-panel').locator('article .lesson-text p').first().evaluate((el) => {
        const zoom = Number(getComputedStyle(el.closest('.lesson-pane') as Element).zoom || 1);
        return parseFloat(getComputedStyle(el).fontSize) * zoom;
      });
      expect(fontPx, 'lesson text size on screen').toBeGreaterThanOrEqual(17);

      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('ArrowRight');
      await expect(badge).toContainText(l.step(2));
      await page.keyboard.press('PageDown');
      await expect(badge).toContainText(l.step(3));
      await expect(page.getByTestId('lesson-panel').locator('button[aria-current="step"]')).toHaveAttribute('data-step', 'probe-open');
      await page.keyboard.press('ArrowLeft');
      await expect(badge).toContainText(l.step(2));
      await expect(page.getByTestId('lesson-panel').locator('button[aria-current="step"]')).toHaveAttribute('data-step', 'direction');

      // 2: editor + graph; 3: the terminal, typed into at once; Alt+Shift+1 back from inside it.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('2');
      await expect(page.locator('#editor')).toBeVisible();
      await expect(page.getByTestId('lesson-panel')).toBeHidden();
      await page.keyboard.press('Alt+Shift+3');
      await expect(page.locator('.terminal-body .xterm')).toBeVisible();
      await expect(page.locator('.terminal-body .xterm-helper-textarea')).toBeFocused();
      await page.keyboard.press('Alt+Shift+1');
      await expect(page.getByTestId('lesson-panel')).toBeVisible();
      await expect(page.locator('.terminal-body')).toHaveCount(0);

      // Nothing spills sideways on the projector.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await lab.screenshot(`present-${l.lang}-${viewport.width}`);
      await page.keyboard.press('Escape');
      await expect(page.locator('.app.presentation')).toHaveCount(0);
      await expect(page.locator('#editor')).toBeVisible();
    });
  }
}
