import { expect, test } from './fixtures.js';

// Issue 10 "One truth when YAML is broken": while a file has a syntax error the graph shows the last
// version that parsed (the stale banner says so), and the terminal answers from that same version,
// with a line saying why, instead of `pods "…" not found`.
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';

// At the projector's 1280x720, in both languages (issue 10's "Done when").
test.use({ viewport: { width: 1280, height: 720 } });
const NOTICE = { en: 'YAML syntax error in web.yaml (line', ko: 'web.yaml(' } as const;
const NOTICE_TAIL = { en: 'the one the graph shows', ko: 'YAML 문법 오류가 있습니다' } as const;

for (const lang of ['en', 'ko'] as const) test(`${lang}: a broken YAML gives the same answer in the terminal as in the graph, and both say so`, async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  if (lang === 'ko') {
    await page.getByTestId('lang-ko').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  }
  await lab.loadScenario([{ name: 'web.yaml', text: POD }]);
  await expect.poll(async () => (await lab.analysis()).pods.map((p) => p.key)).toContain('default/web');
  await page.getByTestId('terminal-toggle').click();
  const rows = page.locator('.xterm-rows');
  await page.locator('.xterm').click();

  await lab.setFile('web.yaml', POD.replace('  name: web\n', '  name: [web\n'));
  await expect(page.getByTestId('banner-stale')).toBeVisible();
  expect((await lab.analysis()).stale).toBe(true);
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get pods -o name');
  await page.keyboard.press('Enter');
  await expect(rows).toContainText(NOTICE[lang]);
  await expect(rows).toContainText(NOTICE_TAIL[lang]);
  await expect(rows).toContainText('pod/web');
  await expect(rows).not.toContainText('not found');

  // Fixed: the notice goes, the answer follows the file again.
  await lab.setFile('web.yaml', POD.replace('name: web\n', 'name: api\n'));
  await expect(page.getByTestId('banner-stale')).toHaveCount(0);
  await page.keyboard.type('clear');
  await page.keyboard.press('Enter');
  await page.keyboard.type('kubectl get pods -o name');
  await page.keyboard.press('Enter');
  await expect(rows).toContainText('pod/api');
  await expect(rows).not.toContainText(NOTICE_TAIL[lang]);
});
