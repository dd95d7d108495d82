import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readZip } from '../src/state/zip.js';
import { expect, test } from './fixtures.js';

/**
 * When the browser will not keep the work (issue 12): the student is told, in their language and
 * with the size it tried to save, and offered the export; nothing in the tab is lost, and saving
 * resumes by itself once the browser takes it again.
 */

declare global {
  interface Window { __refuse?: 'quota' | 'security' | null }
}

const WORK_KEY = 'kslab.work.v1';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\nspec:\n  containers:\n  - name: c\n    image: nginx\n';

/** From the first script on, writes of the saved work throw as `window.__refuse` says. */
async function refuseSaves(page: Page, how: 'quota' | 'security') {
  await page.addInitScript(([key, mode]) => {
    window.__refuse = mode as 'quota' | 'security';
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key && window.__refuse === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (k === key && window.__refuse === 'security') throw new DOMException('The operation is insecure.', 'SecurityError');
      setItem.call(this, k, v);
    };
  }, [WORK_KEY, how] as const);
}

async function downloadedZip(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const zip = await readZip(new Uint8Array(readFileSync((await file.path())!)));
  return { name: file.suggestedFilename(), files: zip.ok ? zip.files : [] };
}

test('a full storage: told with the size, export has every tab, nothing is lost, and saving resumes', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ files: [{ name: 'old.yaml', text: '# saved before\n' }], active: 'old.yaml', lessonId: null, step: 0 })), WORK_KEY);
  await refuseSaves(page, 'quota');
  await page.reload();
  await page.waitForFunction(() => window.__lab !== undefined);
  await lab.setFile('old.yaml', POD);
  const banner = page.getByTestId('storage-failed');
  await expect(banner).toContainText(/Your work \(\d+ kB\) could not be saved in this browser: its storage for the lab is full/);
  // Everything stays in the tab.
  expect((await lab.files()).find((f) => f.name === 'old.yaml')?.text).toBe(POD);
  await expect(lab.tab('old.yaml')).toBeVisible();
  // Korean, too.
  await page.getByTestId('lang-ko').click();
  await expect(banner).toContainText('이 브라우저에 저장하지 못했습니다. 이 실습실이 쓸 수 있는 저장 공간이 가득 찼거나 꺼져 있습니다');
  await page.getByTestId('lang-en').click();
  // The offered export is the toolbar's: every tab, as it is now.
  const zip = await downloadedZip(page, () => page.getByTestId('export-on-fail').click());
  expect(zip.name).toBe('kube-security-lab.zip');
  expect(zip.files).toEqual(await lab.files());
  // Room again: the next change is saved, the banner goes, and a reload brings the work back.
  await page.evaluate(() => { window.__refuse = null; });
  await lab.setFile('old.yaml', POD + '# after\n');
  await expect(banner).toBeHidden();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('# after');
  await page.reload();
  await page.waitForFunction(() => window.__lab !== undefined);
  expect((await lab.files()).find((f) => f.name === 'old.yaml')?.text).toBe(POD + '# after\n');
});

test('storage blocked (a SecurityError): told so, without a size; the export is offered', async ({ lab, page }) => {
  await refuseSaves(page, 'security');
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.setFile('mine.yaml', POD);
  await expect(page.getByTestId('storage-failed')).toHaveText('Your work could not be saved in this browser (storage is blocked). It all stays open in this tab; download it to keep it.');
  const zip = await downloadedZip(page, () => page.getByTestId('export-on-fail').click());
  expect(zip.files.map((f) => f.name)).toContain('mine.yaml');
});

test('no stub: 6 million Korean characters are more than Chromium keeps for the lab, and the student is told', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  // Comment lines: the real QuotaExceededError, without making the engine or the editor work hard.
  // Hangul takes two bytes a character however Chromium counts (12 MB, its quota is 10 MiB), and 6
  // million characters is under the length the lab does not try at all (persist.ts UNSAVABLE_CHARS).
  const big = `# ${'한'.repeat(58)}\n`.repeat(100_000);
  await lab.setFile('big.yaml', big);
  await expect(page.getByTestId('storage-failed')).toContainText(/Your work \(6(\.\d)? MB\) could not be saved/);
  expect((await lab.files()).find((f) => f.name === 'big.yaml')?.text.length).toBe(big.length);
  // Smaller again: saved, and the banner goes.
  await lab.setFile('big.yaml', '# small\n');
  await expect(page.getByTestId('storage-failed')).toBeHidden();
});
