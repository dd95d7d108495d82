import { test as base, expect, type Page } from '@playwright/test';
import { LabPage } from './pages/LabPage.js';

/**
 * Every journey runs offline and clean: any request that is not to 127.0.0.1 is aborted and
 * recorded, and page errors or console errors fail the test (toolchain.md).
 */
export interface LabFixtures {
  lab: LabPage;
  offRequests: string[];
  pageErrors: string[];
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export async function guard(page: Page, offRequests: string[], pageErrors: string[]) {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offRequests.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`); });
}

export const test = base.extend<LabFixtures>({
  offRequests: async ({}, use) => { await use([]); },
  pageErrors: async ({}, use) => { await use([]); },
  lab: async ({ page, offRequests, pageErrors }, use) => {
    await guard(page, offRequests, pageErrors);
    const lab = new LabPage(page);
    await use(lab);
    expect(offRequests, 'requests outside 127.0.0.1').toEqual([]);
    expect(pageErrors, 'page or console errors').toEqual([]);
  },
});

export { expect };
