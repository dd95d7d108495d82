import type { BrowserContext, Page } from '@playwright/test';
import { HOSTILE_SCENARIO } from '../src/testing/hostile/escapes.js';
import { deepNesting, manyPolicies, manyPods } from '../src/testing/hostile/generate.js';
import { HOSTILE } from '../src/testing/hostile/inputs.js';
import { expect, test } from './fixtures.js';
import type { LabPage } from './pages/LabPage.js';

/**
 * The engine's hostile corpus (src/testing/hostile, issue 12) pasted into the editor the way a
 * student does: the system clipboard, Ctrl+A, Ctrl+V into Monaco. For each paste: the diagnostic
 * shows in the problems list and as an editor marker, nothing from the YAML becomes HTML, and the
 * page stays responsive while the engine works in its worker: no main-thread task over 200 ms
 * between the worker starting on the pasted text and its result arriving. The paste itself
 * (Monaco taking the text) and drawing the result are measured and reported per case, with a
 * bound that catches a freeze. Autosave keeps the last paste across a reload.
 *
 * Monaco holds text with one kind of line end: pasted CRLF (and lone CR) become LF, so the engine
 * sees what the editor shows; the clipboard holds UTF-8, so a lone surrogate arrives as U+FFFD.
 */

declare global {
  interface Window { __longTasks?: { start: number; ms: number }[]; __injected?: string[] }
}

const WORK_KEY = 'kslab.work.v1';

/** Long tasks, and any element or handler attribute that could run script, from the first script on. */
async function instrument(page: Page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__injected = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks?.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const risky = (el: Element) => /^(SCRIPT|IFRAME|OBJECT|EMBED|FRAME)$/.test(el.tagName) || [...el.attributes].some((a) => /^on/i.test(a.name));
    new MutationObserver((records) => {
      if (!window.__lab) return; // the page's own module script, before the lab is up
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          for (const el of [n, ...n.querySelectorAll('*')]) if (risky(el)) window.__injected?.push(el.outerHTML.slice(0, 120));
        }
        if (r.type === 'attributes' && r.target instanceof Element && /^on/i.test(r.attributeName ?? '')) window.__injected?.push(`${r.attributeName} on ${r.target.tagName}`);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
}

/** A fresh lab, its editor ready, the clipboard allowed and the page instrumented (`instrument`). */
async function openForPastes(page: Page, lab: LabPage, context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await instrument(page);
  await lab.openFresh();
  await lab.waitForEditor();
}

interface Timing {
  readonly name: string;
  readonly kb: number;
  /** Worker start to result on the page (ms). */
  readonly workerMs: number;
  /** Longest main-thread task while the worker analysed (the 200 ms). */
  readonly duringWorker: number;
  /** Longest task from the keypress until the worker started: Monaco taking the text, the store, the autosave. */
  readonly paste: number;
  /** Longest task from taking the result in to quiet: the views, the markers, the lesson's checks. */
  readonly draw: number;
}

/**
 * Pastes `text` over the active tab through the clipboard and waits until the worker's result for
 * it is on the page and the page is quiet; returns the long tasks by phase.
 */
async function paste(page: Page, name: string, text: string): Promise<Timing> {
  // The clipboard carries UTF-8: a lone surrogate arrives as U+FFFD.
  const held = text.replace(/\r\n?/g, '\n').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction((t) => window.__lab?.getFiles().some((f) => f.text === t), held, { timeout: 30_000, polling: 100 });
  const revision = await page.evaluate(() => window.__lab?.revision() ?? 0);
  // The worker's result for this text, taken in by the page (state/analysis-worker.ts measures).
  const handle = await page.waitForFunction((r) => {
    const of = (n: string) => performance.getEntriesByName(n).find((m) => (((m as PerformanceMeasure).detail as { revision?: number } | null)?.revision ?? -1) >= r);
    const analysed = of('kslab:worker-analyze');
    const taken = of('kslab:take-result');
    return analysed && taken ? [analysed.startTime, taken.startTime] : null;
  }, revision, { timeout: 60_000, polling: 100 });
  const [tWorker, tResult] = await handle.jsonValue() as [number, number];
  // Quiet: 300 ms without a long task.
  await page.waitForTimeout(150);
  await page.waitForFunction(() => {
    const last = window.__longTasks?.at(-1);
    return !last || performance.now() - (last.start + last.ms) > 300;
  }, undefined, { timeout: 30_000, polling: 100 });
  const tasks = ((await page.evaluate(() => window.__longTasks ?? [])).filter((x) => x.start + x.ms >= t0));
  const longest = (xs: { ms: number }[]) => Math.round(Math.max(0, ...xs.map((x) => x.ms)));
  const pasteTasks = tasks.filter((x) => x.start < tWorker);
  const pasteEnd = Math.max(t0, ...pasteTasks.map((x) => x.start + x.ms));
  const holdsResult = (x: { start: number; ms: number }) => x.start <= tResult && tResult <= x.start + x.ms;
  const during = tasks.filter((x) => x.start >= pasteEnd && x.start < tResult && !holdsResult(x));
  const draw = tasks.filter((x) => x.start >= tResult || holdsResult(x));
  const timing = { name, kb: Math.round(text.length / 1000), workerMs: Math.round(tResult - tWorker), duringWorker: longest(during), paste: longest(pasteTasks), draw: longest(draw) };
  test.info().annotations.push({ type: 'timing', description: JSON.stringify(timing) });
  console.log('paste', JSON.stringify(timing));
  return timing;
}

/** The problems list and the editor's engine markers both say `message`. */
async function shows(page: Page, lab: LabPage, message: string | RegExp) {
  await expect(lab.problems()).toContainText(message);
  const markers = await page.evaluate(() => window.__lab?.editorMarkers().filter((m) => m.owner === 'kslab').map((m) => m.message) ?? []);
  expect(markers.some((m) => (typeof message === 'string' ? m.includes(message) : message.test(m))), `markers: ${markers.join(' | ')}`).toBe(true);
}

/** Each input with what the student must see (the corpus' expected diagnostics, bounds.test.ts). */
const SMALL: [string, string, string | RegExp][] = [
  ['alias bomb', HOSTILE.aliasBomb, 'YAML error: Excessive alias count indicates a resource exhaustion attack'],
  ['merge-key bomb', HOSTILE.mergeKeyBomb, 'unknown field "a"'],
  ['invalid UTF-8 in a name', HOSTILE.invalidUtf8Name, 'metadata.name: Invalid value: "bad\uFFFDname"'],
  ['a lone surrogate in a name (U+FFFD once through the clipboard)', HOSTILE.loneSurrogate, 'metadata.name: Invalid value: "y\uFFFD"'],
  ['CRLF line ends', HOSTILE.crlf, 'apiVersion not set'],
  ['tabs as indentation', HOSTILE.tabIndent, 'YAML syntax error: Tabs are not allowed as indentation'],
  ['duplicate keys', HOSTILE.duplicateKeys, 'YAML syntax error: Map keys must be unique'],
  ['scalars as documents', HOSTILE.scalarDocuments, 'the document is a string, not an object'],
  ['a NUL character', HOSTILE.nul, 'YAML syntax error'],
  ['wrong types', HOSTILE.wrongTypes, 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels'],
  ['CIDR garbage', HOSTILE.cidrGarbage, 'Invalid value: "10.0.0.0/33": must be a valid CIDR value'],
  ['a pull secret that is not base64', HOSTILE.secretNotBase64, 'illegal base64 data at input byte 0'],
  ['a pull secret whose JSON does not parse', HOSTILE.secretBadJson, 'Invalid value: "<secret contents redacted>"'],
  ['nesting 300 levels (block)', deepNesting(300, 'block'), 'YAML nesting deeper than 100 levels'],
  ['terminal escapes in names and an image', HOSTILE_SCENARIO, 'Failed to apply default image tag'],
  // Last: the one reloaded. HTML in a label value is shown as the characters it is.
  ['HTML and an emoji in a label', HOSTILE.htmlLabel, 'metadata.labels: Invalid value: "<script>🙂"'],
];

test('hostile pastes: diagnostics shown, no HTML made, no long task while the worker analyses, kept across a reload', async ({ lab, page, context }) => {
  test.setTimeout(120_000);
  await openForPastes(page, lab, context);
  const timings: Timing[] = [];
  // A byte order mark is no problem: the pod is there.
  timings.push(await paste(page, 'byte order mark', HOSTILE.bom));
  await expect(lab.problems()).toContainText('No problems found.');
  expect((await lab.analysis()).pods.map((p) => p.key)).toContain('default/web');
  for (const [name, text, message] of SMALL) {
    timings.push(await paste(page, name, text));
    await shows(page, lab, message);
  }
  const scripts = await page.locator('script').count();
  expect(await page.evaluate(() => window.__injected ?? [])).toEqual([]);
  await expect(page.locator('.problem-message').filter({ hasText: '<script>🙂' })).toHaveCount(1);

  for (const t of timings) expect(t.duringWorker, JSON.stringify(t)).toBeLessThan(200);
  // Pasting and drawing a few hundred bytes: no freeze. Each is tens of ms on an idle machine; up
  // to ~600 ms here on the shared 2-core box under load (Monaco's paste and render, the views).
  for (const t of timings) expect(Math.max(t.paste, t.draw), JSON.stringify(t)).toBeLessThan(3000);

  // Autosave (300 ms after the last change) keeps the paste; a reload shows it and its problem again.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', WORK_KEY)).toContain('<script>🙂');
  await page.reload();
  await page.waitForFunction(() => window.__lab !== undefined);
  await lab.waitForEditor();
  expect((await lab.files()).some((f) => f.text === HOSTILE.htmlLabel)).toBe(true);
  await expect(lab.problems()).toContainText('metadata.labels: Invalid value: "<script>🙂"');
  await expect(page.locator('script')).toHaveCount(scripts);
  expect(await page.evaluate(() => window.__injected ?? [])).toEqual([]);
});

test('big pastes: 2,000 pods and 400 policies are analysed in the worker while the page stays responsive', async ({ lab, page, context }) => {
  test.setTimeout(180_000);
  await openForPastes(page, lab, context);
  const pods = await paste(page, '2,000 pods over 50 namespaces (363 KB)', manyPods(2_000));
  // Past the connectivity bound: said, and everything else analysed (the graph summarises namespaces).
  await expect(lab.problems()).toContainText('This scenario has 2000 endpoints: listing every connection would take 3998000 entries');
  await expect(page.getByTestId('graph-bound-count')).toContainText('of 2,000 pods');
  await isLargeTab(page, true);
  const policies = await paste(page, '20 pods and 400 NetworkPolicies (188 KB)', manyPolicies(400));
  await expect(page.locator('.workspace .summary')).toContainText('400');
  // 188 KB on 842 lines: large by its size.
  await isLargeTab(page, true);
  // The engine is off the page (workerMs: seconds in the worker). Before large files
  // (src/ui/editor/large-file.ts), Monaco's own helpers on the pasted model ran on the page in that
  // window: the folding ranges monaco-yaml sent back applied as decorations (220 ms), the
  // bracket-pair tree built to colour brackets (160-530 ms), the document symbols sticky scroll asked
  // for, the YAML worker's answers deserialised (w.onmessage, 250-300 ms): 140-830 ms tasks
  // (medians 404 ms for the pods, 253 ms for the policies, load 5-10). Without them: 0-104 ms
  // (medians 78 and 0; once 380 at load 11) on the same box. The bound leaves room for a loaded 2-core CI machine.
  for (const t of [pods, policies]) expect(t.duringWorker, JSON.stringify(t)).toBeLessThan(600);
  // Kept across a reload, and still large: the tab is created without monaco-yaml at all.
  await expect.poll(() => page.evaluate((k) => (localStorage.getItem(k) ?? '').length, WORK_KEY)).toBeGreaterThan(180_000);
  await page.reload();
  await page.waitForFunction(() => window.__lab !== undefined);
  expect((await lab.files()).some((f) => f.text === manyPolicies(400))).toBe(true);
  await lab.waitForEditor();
  await isLargeTab(page, true);
  // Back to a small file: every editor help again, monaco-yaml's schema markers included.
  const active = await page.evaluate(() => window.__lab?.activeFile() ?? '');
  await lab.setFile(active, '{apiVersion: v1, kind: Pod, metadata: {name: typo}, spec: {hostNetwrk: true, containers: [{name: c, image: nginx}]}}\n');
  await isLargeTab(page, false);
  await expect.poll(async () => (await page.evaluate(() => window.__lab?.editorMarkers() ?? [])).map((m) => m.owner), { timeout: 20_000 })
    .toContain('yaml');
});

/**
 * The paste issue 12 measured: 70,000 pods (12.8 MB). The lab took a minute to answer, held 1.1 GB
 * on the page and froze it 2–3 s at a time. Now it answers for the first 10,000 pods (the pod
 * bound) within seconds, says so, keeps the page responsive while the worker analyses, tells the
 * student the work is too big to save here, and the editor still takes keys.
 */
test('the 70,000-pod paste: a bounded answer within seconds, the page responsive, the editor usable', async ({ lab, page, context }) => {
  test.setTimeout(240_000);
  await openForPastes(page, lab, context);
  const t = await paste(page, '70,000 pods over 50 namespaces (12.8 MB)', manyPods(70_000));
  await expect(lab.problems()).toContainText("This scenario has 70000 pods, over the lab's limit of 10000: the first 10000 in file order are analysed, and this pod (ns-0/pod-10000) and the 59999 after it are left out");
  await expect(page.getByTestId('graph-bound-count')).toContainText('of 10,000 pods');
  await expect(page.getByTestId('storage-failed')).toContainText('could not be saved in this browser');
  await isLargeTab(page, true);
  // Measured on the 2-core box: the worker ~6.5 s (a minute before the bound), no task over 100 ms
  // while it works, Monaco's own paste ~1.6 s (3.1 s with line wrapping), page heap ~340 MB.
  expect(t.workerMs, JSON.stringify(t)).toBeLessThan(30_000);
  expect(t.duringWorker, JSON.stringify(t)).toBeLessThan(600);
  expect(t.paste, JSON.stringify(t)).toBeLessThan(5_000);
  const heapMB = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6);
  expect(heapMB).toBeLessThan(700);
  // The editor still takes keys: one typed at the end reaches the lab's files.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# ok');
  await page.waitForFunction(() => window.__lab?.getFiles().some((f) => f.text.endsWith('# ok')), undefined, { timeout: 10_000, polling: 200 });
});

/**
 * A large tab: the editor's notice says some help is off (in a live region), and monaco-yaml left
 * the model (no `yaml` markers). A normal tab: the notice is empty.
 */
async function isLargeTab(page: Page, large: boolean) {
  const notice = page.getByTestId('editor-large');
  await expect(notice).toHaveAttribute('role', 'status');
  if (!large) {
    await expect(notice).toHaveText('');
    return;
  }
  await expect(notice).toHaveText('This file is large, so some editor help is off for it: folding, line wrapping, bracket colours, schema hints and completion. Your text and the lab\'s checks are unaffected.');
  await expect(notice).toBeVisible();
  expect((await page.evaluate(() => window.__lab?.editorMarkers() ?? [])).filter((m) => m.owner === 'yaml')).toEqual([]);
}
