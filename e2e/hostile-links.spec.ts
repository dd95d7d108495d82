import { deflateRawSync } from 'node:zlib';
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { lzBombHash } from '../src/testing/lz-bomb.js';
import { expect, test } from './fixtures.js';

/**
 * Links and zips from strangers (issues 12 and 18): a 5 KB link of 5,000 pods keeps the page
 * responsive and is saved only once drawn; a shared scenario cannot forge terminal lines; bad
 * names, zip bombs and oversized zips are refused with a message and the current work is kept;
 * a tab whose saved work another tab replaced is told so and saves again; the built lab runs
 * under its own <meta> Content-Security-Policy.
 */

declare global {
  interface Window { __longTasks?: { start: number; ms: number }[]; __saves?: number[]; __cspViolations?: string[] }
}

const WORK_KEY = 'kslab.work.v1';

function linkOf(files: { name: string; text: string }[], active: string | null = null): string {
  return '#s=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: files.map((f) => [f.name, f.text]), a: active }));
}

/** 10 namespaces × 10 Deployments with `replicas: 50`: a 5 KB link, 5,000 pods. */
function hugeScenario(): { name: string; text: string }[] {
  const docs: string[] = [];
  for (let n = 0; n < 10; n++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns${n}`);
    for (let d = 0; d < 10; d++) {
      docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${d}\n  namespace: ns${n}\nspec:\n  replicas: 50\n  selector:\n    matchLabels:\n      app: app${d}\n  template:\n    metadata:\n      labels:\n        app: app${d}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n        ports:\n        - containerPort: 80`);
    }
    docs.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: ns${n}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]`);
  }
  return [{ name: 'huge.yaml', text: docs.join('\n---\n') }];
}

/** Records long tasks and every write of the saved work (with its time) from the first script on. */
async function instrument(page: Page) {
  await page.addInitScript((key) => {
    window.__longTasks = [];
    window.__saves = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks?.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) window.__saves?.push(performance.now());
      setItem.call(this, k, v);
    };
  }, WORK_KEY);
}

/** The time of the first `kslab:graph` mark that drew the current files (the test API's revision). */
function graphDrawnAt(page: Page): Promise<number> {
  return page.waitForFunction(() => {
    const rev = window.__lab?.revision();
    const mark = performance.getEntriesByName('kslab:graph').find((m) => ((m as PerformanceMark).detail as { revision?: number } | null)?.revision === rev);
    return mark ? mark.startTime : null;
  }, undefined, { timeout: 120_000, polling: 100 }).then((h) => h.jsonValue() as Promise<number>);
}

const measures = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((m) => Math.round(m.duration)), name);

/** Issue 18's budget: no main-thread task over 200 ms while the link opens. */
const TASK_BUDGET_MS = 200;

/**
 * How much slower the page's main thread runs now than at its best: the same ~15 ms of JSON and
 * object work, 9 times, median over fastest (1 on an idle machine; the shared 2-core box often runs
 * at a load of 15, where every task takes several times longer). Budgets are scaled by it, so the
 * assertion holds the ratio the issue asks for on a noisy machine (clamped to 1–8).
 */
async function slowdown(page: Page): Promise<number> {
  const runs = await page.evaluate(async () => {
    const text = JSON.stringify(Array.from({ length: 4000 }, (_, i) => ({ id: `ns/p${i}`, labels: { app: `a${i % 7}` }, ports: [80, 443] })));
    const out: number[] = [];
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      const list = JSON.parse(text) as { id: string }[];
      void list.map((p) => ({ ...p, key: p.id.toUpperCase() })).length;
      out.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return out.sort((a, b) => a - b);
  });
  return Math.min(8, Math.max(1, (runs[4] ?? 1) / Math.max(0.1, runs[0] ?? 1)));
}

/**
 * The main-thread tasks the link's analysis causes: from the first slice of its result taken in
 * (kslab:take-chunks) to the graph drawing it; and the tasks' starts and marks, for the message.
 */
async function linkTasks(page: Page, since: number, drawn: number) {
  return page.evaluate(([t0, end]) => {
    const first = performance.getEntriesByName('kslab:take-chunks').find((m) => m.startTime >= t0);
    const from = first?.startTime ?? end;
    const tasks = (window.__longTasks ?? []).filter((x) => x.start + x.ms >= from && x.start <= end + 1);
    const marks = performance.getEntries().filter((m) => m.name.startsWith('kslab:') && m.startTime >= t0)
      .map((m) => `${m.name.slice(6)}@${Math.round(m.startTime - t0)}+${Math.round(m.duration)}`);
    return { tasks: tasks.map((x) => ({ at: Math.round(x.start - t0), ms: x.ms })), marks, found: first !== undefined };
  }, [since, drawn] as const);
}

test.describe('a 5,000-pod link', () => {
  test.setTimeout(240_000);

  test('opened on a fresh page: namespaces are summarised, and it is saved only after it is drawn', async ({ lab, page }) => {
    await instrument(page);
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    const factor = await slowdown(page);
    await page.goto('/' + linkOf(hugeScenario()));
    await page.waitForFunction(() => window.__lab !== undefined);
    const drawn = await graphDrawnAt(page);
    await expect(page.getByTestId('graph-bound-count')).toContainText('Showing 0 of 5,000 pods');
    // Saved once, and only after the graph drew the link's 5,000 pods.
    await expect.poll(() => page.evaluate(() => window.__saves?.length ?? 0)).toBeGreaterThan(0);
    const saves = await page.evaluate(() => window.__saves ?? []);
    expect(Math.min(...saves)).toBeGreaterThan(drawn);
    expect(await page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('replicas: 50');
    // The bound's own work (the element list) is milliseconds; applying 10 summaries to a cold
    // Cytoscape is the graph's start-up (before the bound, 6.9 s for the 5,000 pods).
    for (const ms of await measures(page, 'kslab:graph-elements')) expect(ms).toBeLessThan(200);
    for (const ms of await measures(page, 'kslab:graph-update')) expect(ms).toBeLessThan(1500);
    // The link's own tasks: its 5 KB asks for 5,000 pods, so the engine runs in the worker, not
    // at boot (state/analysis-worker.ts podsAsked; it was a 2 s task), and taking the result in,
    // building its pods and drawing them stay under 200 ms a task (issue 18; scaled by the
    // machine's slowdown). The lab's own start-up (Monaco) is not the link's.
    const link = await linkTasks(page, 0, drawn);
    const longest = Math.max(0, ...link.tasks.map((x) => x.ms));
    const timing = JSON.stringify({ longestTaskMs: longest, slowdown: Number(factor.toFixed(2)), ...link, pageAnalyze: await measures(page, 'kslab:analyze') });
    test.info().annotations.push({ type: 'timing', description: timing });
    console.log('5,000-pod link, fresh page:', timing);
    expect(link.found, timing).toBe(true);
    expect(await measures(page, 'kslab:analyze'), timing).toEqual([]);
    expect(longest, timing).toBeLessThan(TASK_BUDGET_MS * factor);
    void lab;
  });

  test('opened in a running lab: the page stays responsive, the graph shows N of M, a namespace expands', async ({ lab, page }) => {
    await instrument(page);
    await lab.openFresh();
    await lab.waitForEditor();
    const before = await page.evaluate((k) => localStorage.getItem(k), WORK_KEY);
    const factor = await slowdown(page);
    await page.evaluate((h) => { location.hash = h; }, linkOf(hugeScenario()));
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('open-shared').click();
    // Nothing from the link is saved before it has been drawn.
    expect(await page.evaluate((k) => localStorage.getItem(k), WORK_KEY)).toBe(before);
    const drawn = await graphDrawnAt(page);
    await page.waitForTimeout(2000);
    const saves = await page.evaluate(() => window.__saves ?? []);
    expect(saves.filter((t) => t > t0).every((t) => t > drawn)).toBe(true);
    await expect(page.getByTestId('graph-bound-count')).toContainText('Showing 0 of 5,000 pods');

    // Expanding a namespace draws its 500 pods up to the bound (300).
    const t1 = await page.evaluate(() => performance.now());
    await page.getByTestId('graph-expand').selectOption('ns3');
    await expect(page.getByTestId('graph-bound-count')).toContainText('Showing 300 of 5,000 pods');
    await page.waitForTimeout(1500);
    const graphTimes = { elements: await measures(page, 'kslab:graph-elements'), update: await measures(page, 'kslab:graph-update') };

    const tasks = await page.evaluate(() => window.__longTasks ?? []);
    const afterOpen = tasks.filter((x) => x.start >= t0 && x.start < t1);
    const longest = Math.max(0, ...afterOpen.map((x) => x.ms));
    const expandLongest = Math.max(0, ...tasks.filter((x) => x.start >= t1).map((x) => x.ms));
    const link = await linkTasks(page, t0, drawn);
    const linkLongest = Math.max(0, ...link.tasks.map((x) => x.ms));
    const openTasks = afterOpen.filter((x) => x.ms >= 100).map((x) => `${x.start - Math.round(t0)}+${x.ms}`);
    const timing = JSON.stringify({
      drawnAfterMs: Math.round(drawn - t0), linkLongestTaskMs: linkLongest, openLongestTaskMs: longest, expandLongestTaskMs: expandLongest,
      slowdown: Number(factor.toFixed(2)), graphTimes, openTasks, ...link,
    });
    test.info().annotations.push({ type: 'timing', description: timing });
    console.log('5,000-pod link:', timing);
    for (const ms of graphTimes.elements) expect(ms, timing).toBeLessThan(200);
    // Drawing 300 pods in Cytoscape (the expansion) is the bound's price: under a second on a
    // loaded 2-core box, ~350 ms unloaded; the summaries themselves take tens of ms.
    for (const ms of graphTimes.update) expect(ms, timing).toBeLessThan(1000);
    expect(expandLongest, timing).toBeLessThan(1000);
    // The link's analysis, from its result arriving to the graph drawing it: no main-thread task
    // over 200 ms (issue 18; scaled by the machine's slowdown). The 5,000 pods' reports cross as
    // records sharing their fields (worker/pack.ts), are taken in and built in slices of ~30 ms,
    // and the views render them in a task of their own (state/analysis-worker.ts): 0.8–2.1 s in
    // one task before; ~7 s before the graph's bound; the issue measured 18 s. The click itself
    // (the editor swapping its model, src/ui/editor) and the rest of opening are held to a second.
    expect(link.found, timing).toBe(true);
    expect(linkLongest, timing).toBeLessThan(TASK_BUDGET_MS * factor);
    expect(longest, timing).toBeLessThan(1000 * factor);
  });
});

test('a shared scenario whose annotations and names carry ESC sequences cannot forge terminal lines', async ({ lab, page }) => {
  const evil = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: evil',
    '  annotations:',
    '    note: "\\e[2J\\e[HForged: PolicyTypes none\\e[1A\\e]8;;https://example.com\\e\\\\click\\e]8;;\\e\\\\"',
    '  labels:',
    '    app: web',
    'spec:',
    '  containers:',
    '  - name: c',
    '    image: nginx',
  ].join('\n');
  // A fresh browser: the link opens at once (there is no saved work to ask about).
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await lab.open('/' + linkOf([{ name: 'evil.yaml', text: evil }]));
  await lab.waitForEditor();
  expect((await lab.files()).map((f) => f.name)).toEqual(['evil.yaml']);
  await page.getByTestId('terminal-toggle').click();
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  const rows = page.locator('.xterm-rows');
  await expect(rows).toContainText('evil');
  // describe's annotation line (through grep: the terminal shows only its last rows).
  await page.keyboard.type('kubectl describe pod evil | grep -A1 Annotations');
  await page.keyboard.press('Enter');
  await expect(rows).toContainText('Annotations:');
  const text = (await rows.innerText()).replace(/\u00a0/g, ' ');
  // The escape is shown (kubectl's WriteEscaped: ESC → ^[), so the clear-screen did not run: the
  // earlier command is still on screen, and "Forged" sits after the visible ^[[H, not at a line start.
  for (const shown of ['^[[2J', '^[[HForged', '^[[1A', '^[]8;;']) expect(text).toContain(shown);
  expect(text).toContain('$ kubectl get pods');
  expect(text.split('\n').some((line) => line.startsWith('Forged'))).toBe(false);
  // No link was made from OSC 8.
  expect(await page.locator('.xterm a, .xterm-rows [style*="underline"]').count()).toBe(0);
});

test.describe('refused with a message, the current work kept', () => {
  test('a link with a right-to-left override in a file name', async ({ lab, page }) => {
    await lab.openFresh();
    await lab.waitForEditor();
    const mine = await lab.files();
    await page.evaluate((h) => { location.hash = h; }, linkOf([{ name: 'ok.yaml', text: 'kind: Pod' }, { name: 'evil\u202Elmy.yaml', text: '' }]));
    const dialog = page.getByTestId('dialog-refused');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('refused-reason')).toContainText('evil\\u{202E}lmy.yaml');
    await expect(dialog).toContainText('Your current work is unchanged.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await lab.files()).toEqual(mine);
  });

  test('a link that decodes past the size bound', async ({ lab, page }) => {
    await lab.openFresh();
    await lab.waitForEditor();
    const mine = await lab.files();
    // 57 KB of link standing for ~300 MB of text.
    const hash = '#s=' + lzBombHash(25_000);
    expect(hash.length).toBeLessThan(60_000);
    await page.evaluate((h) => { location.hash = h; }, hash);
    await expect(page.getByTestId('refused-reason')).toContainText('more than 4 MB');
    expect(await lab.files()).toEqual(mine);
  });

  test('a zip with ../ in an entry name, a zip bomb, a zip of 2,000 files', async ({ lab, page }) => {
    await lab.openFresh();
    await lab.waitForEditor();
    const mine = await lab.files();
    const input = page.getByTestId('import-input');
    const dialog = page.getByTestId('dialog-refused');

    await input.setInputFiles({ name: 'evil.zip', mimeType: 'application/zip', buffer: rawZip([{ name: 'ok.yaml', data: 'kind: Pod\n' }, { name: '../../.bashrc.yaml', data: 'x' }]) });
    await expect(dialog.getByTestId('refused-reason')).toContainText('“../../.bashrc.yaml”');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // 200 MB of zeros deflated to ~200 KB, its size declared as 1 KB (a liar: the ratio check
    // passes, inflating stops at the declared size).
    const start = Date.now();
    await input.setInputFiles({ name: 'bomb.zip', mimeType: 'application/zip', buffer: rawZip([{ name: 'bomb.yaml', data: Buffer.alloc(200 * 1024 * 1024), deflate: true, size: 1024 }]) });
    await expect(dialog.getByTestId('refused-reason')).toContainText('more than 4 MB');
    expect(Date.now() - start).toBeLessThan(10_000);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The same bomb declaring its size: refused by ratio from the directory.
    await input.setInputFiles({ name: 'bomb2.zip', mimeType: 'application/zip', buffer: rawZip([{ name: 'bomb.yaml', data: Buffer.alloc(50 * 1024 * 1024), deflate: true }]) });
    await expect(dialog.getByTestId('refused-reason')).toContainText('zip bomb');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await input.setInputFiles({ name: 'many.zip', mimeType: 'application/zip', buffer: rawZip(Array.from({ length: 2000 }, (_, i) => ({ name: `f${i}.yaml`, data: 'kind: Pod\n' }))) });
    await expect(dialog.getByTestId('refused-reason')).toContainText('2000 entries');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await lab.files()).toEqual(mine);
  });
});

test('a zip with a same-named tab asks first; the dialog works from the keyboard', async ({ lab, page }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.loadScenario([{ name: 'pods.yaml', text: 'kind: Pod # mine\n' }]);
  const zip = rawZip([{ name: 'pods.yaml', data: 'kind: Pod # theirs\n' }]);
  const input = page.getByTestId('import-input');
  await input.setInputFiles({ name: 'x.zip', mimeType: 'application/zip', buffer: zip });
  const dialog = page.getByTestId('dialog-import-clash');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('pods.yaml');
  await page.keyboard.press('Escape');
  expect(await lab.files()).toEqual([{ name: 'pods.yaml', text: 'kind: Pod # mine\n' }]);
  await input.setInputFiles({ name: 'x.zip', mimeType: 'application/zip', buffer: zip });
  await expect(dialog).toBeVisible();
  // Cancel has focus; Tab reaches "Keep both", Enter opens the file as a copy.
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('import-copies')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => lab.files()).toEqual([{ name: 'pods.yaml', text: 'kind: Pod # mine\n' }, { name: 'pods-2.yaml', text: 'kind: Pod # theirs\n' }]);
});

test('two tabs: after "Open shared" in the second, the first is told, and its later edits are saved again', async ({ lab, page, context }) => {
  await lab.openFresh();
  await lab.waitForEditor();
  await lab.setFile('mine.yaml', 'kind: Pod # first tab\n');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('first tab');

  const second = await context.newPage();
  await second.goto('/' + linkOf([{ name: 'shared.yaml', text: 'kind: Pod # shared\n' }]));
  await second.getByTestId('open-shared').click();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('# shared');

  const dialog = page.getByTestId('dialog-other-tab');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('keep-this').click();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('first tab');
  await lab.setFile('mine.yaml', 'kind: Pod # first tab, later\n');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('first tab, later');

  // The second tab is told in turn, and can load the first tab's work.
  const other = second.getByTestId('dialog-other-tab');
  await expect(other).toBeVisible();
  await other.getByTestId('load-other').click();
  await expect.poll(() => second.evaluate(() => window.__lab?.getFiles().map((f) => f.text).join('') ?? '')).toContain('first tab, later');
  await second.close();
});

test('the built lab runs under its <meta> Content-Security-Policy with no violation', async ({ lab, page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await lab.openFresh();
  await lab.waitForEditor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' blob:");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp?.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  // The policy comes before any script in the served page (a <meta> policy covers what follows it).
  const html = await (await page.request.get('/')).text();
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(0);
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
  // The engine's worker, Monaco's workers, the graph, the terminal: all of it runs.
  await lab.setFile('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
  expect((await lab.analysis()).pods.map((p) => p.key)).toContain('default/web');
  expect(await page.evaluate(() => performance.getEntriesByName('kslab:worker-analyze').length)).toBeGreaterThan(0);
  await page.getByTestId('terminal-toggle').click();
  await page.locator('.xterm').click();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('web');
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);

  // The policy is in force, not just present: in another page of the lab (its console errors are
  // expected, so outside this test's guard), an inline script is refused.
  const probe = await page.context().newPage();
  await probe.goto('/');
  const refused = await probe.evaluate(() => new Promise<string>((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    setTimeout(() => resolve((window as unknown as { __inlineRan?: boolean }).__inlineRan ? 'ran' : 'none'), 2000);
  }));
  expect(refused).toBe('script-src-elem');
  await probe.close();
});

// --- a zip writer for hostile archives (PKWARE APPNOTE 4.3; CRC left 0: the lab does not check it) ---

interface RawEntry { name: string; data: string | Buffer; deflate?: boolean; size?: number }
function rawZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = e.deflate ? deflateRawSync(data) : data;
    const size = e.size ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
