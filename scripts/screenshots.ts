// Regenerates the README's screenshots (docs/*.png) at 1280x720 from the built lab, in Chromium
// through Playwright (as scripts/bench-ui.ts does): the lesson beside the graph, present mode, a
// broken YAML with the terminal's notice, a shared step opened in a fresh browser, the Korean UI
// and the first visit's welcome.
//
//   npm run screenshots                 build into KSLAB_DIST (default dist/), preview, shoot
//   npm run screenshots -- --no-build   use the last build
//   npm run screenshots -- --url http://127.0.0.1:5173/   shoot a running lab
//
// KSLAB_PREVIEW_PORT picks the preview port (default 4173); CHROMIUM_PATH the browser.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

const VIEWPORT = { width: 1280, height: 720 };
const OUT = 'docs';

interface Lab {
  page: Page;
  open(path?: string): Promise<void>;
}

async function waitForServer(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

/** A fresh browser (no saved work) opened on `first` (a path, or a share link). */
async function newLab(browser: Browser, base: string, lang: 'en' | 'ko' = 'en', first = ''): Promise<Lab> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  const page = await context.newPage();
  const lab: Lab = {
    page,
    async open(path = '') {
      await page.goto(new URL(path, base).toString());
      await page.waitForFunction(() => (window as unknown as { __lab?: unknown }).__lab !== undefined);
      await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
    },
  };
  await lab.open(first);
  return lab;
}

/** The graph has drawn the files as they are now, and the page has settled. */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="graph-canvas"]').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(1200);
}

async function openLesson(page: Page, id: string): Promise<void> {
  const panel = page.getByTestId('lesson-panel');
  await panel.waitFor();
  if ((await panel.getAttribute('data-lesson')) === id) return;
  await panel.locator('.lesson-header button').first().click();
  await page.locator(`li[data-lesson="${id}"] button`).click();
  await page.locator(`[data-testid="lesson-panel"][data-lesson="${id}"]`).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.error(`${OUT}/${name}.png`);
}

const SHOTS: Record<string, (browser: Browser, base: string) => Promise<void>> = {
  // The lesson beside the editor and the graph: "Developing network policies", its policy step.
  async 'lesson-graph'(browser, base) {
    const { page } = await newLab(browser, base);
    await openLesson(page, 'developing-network-policies');
    await page.locator('button[data-step="db-policy"]').click();
    await shoot(page, 'lesson-graph');
    await page.context().close();
  },
  // Present mode on a projector: the step in large type, its connection selected in the graph.
  async present(browser, base) {
    const { page } = await newLab(browser, base);
    await openLesson(page, 'network-policy-basics');
    await page.locator('button[data-step="isolate-db"]').click();
    await page.keyboard.press('Alt+Shift+P');
    await page.locator('.app.presentation').waitFor();
    await shoot(page, 'present');
    await page.context().close();
  },
  // A YAML syntax error: the banner, and the terminal answering from the last version that parsed.
  async 'broken-yaml'(browser, base) {
    const { page } = await newLab(browser, base);
    await openLesson(page, 'security-contexts');
    await page.getByTestId('terminal-toggle').click();
    await page.locator('.xterm').waitFor();
    const file = 'ubuntu-sleeper.yaml';
    await page.evaluate((name) => {
      const api = (window as unknown as { __lab: { getFiles(): { name: string; text: string }[]; setFile(n: string, t: string): Promise<void> } }).__lab;
      const text = api.getFiles().find((f) => f.name === name)?.text ?? '';
      return api.setFile(name, text.replace(/name: ubuntu-sleeper/, 'name: [ubuntu-sleeper'));
    }, file);
    await page.getByTestId('banner-stale').waitFor();
    await page.getByRole('tab', { name: file, exact: true }).click();
    await page.locator('.xterm').click();
    await page.keyboard.type('kubectl get pods');
    await page.keyboard.press('Enter');
    await page.locator('.xterm-rows', { hasText: 'YAML syntax error' }).waitFor();
    await shoot(page, 'broken-yaml');
    await page.context().close();
  },
  // An instructor's "Copy link to this step" (step 3, a pod selected) opened in a fresh browser.
  async 'share-step'(browser, base) {
    const teacher = await newLab(browser, base);
    await openLesson(teacher.page, 'network-policy-basics');
    await teacher.page.locator('button[data-step="probe-open"]').click();
    await teacher.page.evaluate(() => (window as unknown as { __lab: { select(s: unknown): void } }).__lab.select({ kind: 'pod', id: 'default/db' }));
    await teacher.page.getByTestId('copy-step-link').click();
    const url = await teacher.page.evaluate(() => navigator.clipboard.readText());
    await teacher.page.context().close();
    // A fresh browser: nothing saved, so the link opens at once (no "open the shared scenario?").
    const student = await newLab(browser, base, 'en', url);
    await student.page.locator('[data-testid="lesson-panel"][data-lesson="network-policy-basics"]').waitFor();
    await shoot(student.page, 'share-step');
    await student.page.context().close();
  },
  // The Korean UI, the same lesson and graph.
  async korean(browser, base) {
    const { page } = await newLab(browser, base, 'ko');
    await page.getByTestId('lang-ko').click();
    await openLesson(page, 'network-policy-basics');
    await page.locator('button[data-step="isolate-db"]').click();
    await shoot(page, 'korean');
    await page.context().close();
  },
  // The first visit (automation skips the welcome unless the address asks for it).
  async welcome(browser, base) {
    const lab = await newLab(browser, base);
    await lab.open('?welcome');
    await lab.page.getByTestId('welcome').waitFor();
    await shoot(lab.page, 'welcome');
    await lab.page.context().close();
  },
};

async function main(argv: readonly string[]): Promise<void> {
  const urlAt = argv.indexOf('--url');
  let base = urlAt >= 0 ? argv[urlAt + 1] : undefined;
  let server: ChildProcess | null = null;
  if (!base) {
    if (!argv.includes('--no-build')) {
      console.error(`building into ${process.env.KSLAB_DIST ?? 'dist'} …`);
      const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
      if (b.status !== 0) throw new Error('vite build failed');
    }
    const port = Number(process.env.KSLAB_PREVIEW_PORT ?? 4173);
    base = `http://127.0.0.1:${port}/`;
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
    await waitForServer(base);
  }
  mkdirSync(OUT, { recursive: true });
  const only = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--url');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    for (const [name, shot] of Object.entries(SHOTS)) {
      if (only.length > 0 && !only.includes(name)) continue;
      await shot(browser, base);
    }
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
