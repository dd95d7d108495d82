// npm run bench:ui — the lab in Chromium with a generated cluster: what a student typing feels.
//
//   npm run bench:ui -- [--pods 50,500] [--repeats 3] [--edits 12] [--layout files|single]
//                       [--json] [--no-build] [--url http://127.0.0.1:4173/] [--profile DIR]
//                       [--no-terminal] [--smoke]
//
// For each cluster size, `--repeats` fresh browser contexts each: load the lab with the cluster
// saved in localStorage (cold first screen), type `--edits` single characters into a pod's label
// in Monaco (each waits until the graph shows it), switch to the matrix, run `kubectl get pods -A`
// in the terminal. Reported per size (medians over repeats): keystroke → updated graph p50/p95,
// the longest main-thread task after an edit (PerformanceObserver 'longtask'), JS heap of the page
// after a GC (and of the analysis worker, when there is one), cold first screen, switch to the
// matrix, and the terminal command. `--profile DIR` writes a CPU profile of the edits (Chromium's
// Profiler over CDP) per size, and prints where the main thread's time went.
//
// Builds into KSLAB_DIST (default dist/) and previews on KSLAB_PREVIEW_PORT (default 4173) unless
// `--url` points at a running lab; CHROMIUM_PATH picks the browser (default /usr/bin/chromium).
// Not part of `npm test`; e2e/bench-ui.spec.ts runs a small smoke of it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
// @ts-expect-error a plain ES module without types (shared with the e2e smoke)
import { generateCluster, podDocRef } from './lib/gen-cluster.mjs';

interface Options {
  pods: number[];
  repeats: number;
  edits: number;
  layout: 'files' | 'single';
  json: boolean;
  build: boolean;
  url: string | null;
  profile: string | null;
  terminal: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { pods: [50, 500], repeats: 3, edits: 12, layout: 'files', json: false, build: true, url: null, profile: null, terminal: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--pods') o.pods = next().split(',').map(Number).filter((n) => n > 0);
    else if (a === '--repeats') o.repeats = Math.max(1, Number(next()));
    else if (a === '--edits') o.edits = Math.max(2, Number(next()));
    else if (a === '--layout') o.layout = next() === 'single' ? 'single' : 'files';
    else if (a === '--json') o.json = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--url') { o.url = next(); o.build = false; }
    else if (a === '--profile') o.profile = next();
    else if (a === '--no-terminal') o.terminal = false;
    else if (a === '--smoke') { o.pods = [50]; o.repeats = 1; o.edits = 4; }
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** The cluster for a size: 25 pods a namespace, a policy per 5 pods (500 → 20 namespaces, 100 policies). */
export function clusterFor(pods: number, layout: 'files' | 'single' = 'files'): { name: string; text: string }[] {
  return generateCluster({ pods, namespaces: Math.max(1, Math.round(pods / 25)), policies: Math.max(1, Math.round(pods / 5)), layout });
}

export interface Phases {
  /** Per result, medians (ms): the engine in the worker, packing, flow bits; the page taking a result in; the engine on the page (before the worker). */
  workerAnalyze: number | null; workerPack: number | null; workerFlows: number | null; pageTake: number | null; pageAnalyze: number | null;
  /** The graph on the page: element definitions (toElements), teaching edges (teach.ts) and applying them to Cytoscape. */
  graphElements: number | null; graphTeach: number | null; graphUpdate: number | null;
}

/**
 * Keystroke → graph split where the chain hands over (marks kslab:post, kslab:result, kslab:graph
 * of the edit's revision): key → posted to the worker (the pause, and the page's own work on the
 * key), posted → result back on the page (the worker, and waiting for the page to take its
 * message), result → graph (the page: the result taken in, React, the graph's elements and update).
 */
export interface Split { keyToPost: number; postToResult: number; resultToGraph: number }

export interface RunResult {
  phaseMs: Phases;
  /** Per edit, where its keystroke → graph went (null when a mark is missing). */
  splits: (Split | null)[];
  /** Times the engine ran on the page for a question the worker's result could not answer. */
  fallbacks: number;
  firstScreenMs: number;
  keyToGraphMs: number[];
  longestTaskMs: number;
  burstLongestTaskMs: number;
  burstKeyToGraphMs: number;
  heapMB: number;
  workerHeapMB: number | null;
  matrixSwitchMs: number;
  matrixLongestTaskMs: number;
  terminalMs: number | null;
  terminalLongestTaskMs: number | null;
}

export interface SizeReport {
  pods: number;
  yamlKB: number;
  files: number;
  repeats: number;
  keyToGraphP50Ms: number;
  keyToGraphP95Ms: number;
  longestTaskMs: number;
  burstLongestTaskMs: number;
  burstKeyToGraphMs: number;
  heapMB: number;
  workerHeapMB: number | null;
  firstScreenMs: number;
  matrixSwitchMs: number;
  matrixLongestTaskMs: number;
  terminalMs: number | null;
  terminalLongestTaskMs: number | null;
  fallbacks: number;
  phaseMs: Phases;
  /** The keystroke → graph split (Split): p50 and p95 of each part over a run's edits, medians over runs. */
  splitMs: Record<keyof Split, { p50: number; p95: number }> | null;
  profile?: ProfileSummary;
}

const median = (xs: readonly number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const percentile = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
const medianOrNull = (xs: readonly (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? median(v) : null;
};

/**
 * Installed before the page's own scripts: long tasks, the last keydown, when Monaco shows text.
 * A string, not a function: tsx's keepNames would wrap inner functions in a helper the page lacks.
 */
const INSTRUMENT = `(() => {
  const b = { longtasks: [], lastKey: 0, editorAt: 0 };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long task API */ }
  addEventListener('keydown', (e) => { b.lastKey = e.timeStamp; }, true);
  const mo = new MutationObserver(() => {
    if (b.editorAt === 0 && document.querySelector('.monaco-editor .view-line')) { b.editorAt = performance.now(); mo.disconnect(); }
  });
  addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
})();`;

type MarkName = 'kslab:graph' | 'kslab:matrix';

/** Waits for a mark showing revision ≥ `revision` made after `after`; its start time. */
async function waitForMark(page: Page, name: MarkName, revision: number, after: number, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(([n, r, t]) => {
    const hit = performance.getEntriesByName(n as string).find((m) => m.startTime >= (t as number) &&
      ((m as PerformanceMark).detail?.revision ?? -1) >= (r as number));
    return hit ? hit.startTime : null;
  }, [name, revision, after] as const, { timeout, polling: 10 });
  return (await handle.jsonValue()) as number;
}

const longestSince = (page: Page, from: number, to = Infinity) => page.evaluate(([f, t]) => {
  const w = window as unknown as { __bench: { longtasks: { start: number; duration: number }[] } };
  return w.__bench.longtasks.filter((l) => l.start + l.duration >= f && l.start <= t).reduce((m, l) => Math.max(m, l.duration), 0);
}, [from, to] as const);

/** Where one edit's keystroke → graph went: the first post and result marks of its revision after the key. */
async function splitOf(page: Page, revision: number, key: number, shown: number): Promise<Split | null> {
  // No named inner function: tsx's keepNames would wrap it in a helper the page lacks.
  const at = await page.evaluate(([r, k]) => Object.fromEntries(['post', 'result'].map((n) => [n,
    performance.getEntriesByName(`kslab:${n}`).find((m) => m.startTime >= (k as number) &&
      ((m as PerformanceMark).detail?.revision ?? -1) >= (r as number))?.startTime ?? null])) as { post: number | null; result: number | null },
  [revision, key] as const);
  if (at.post === null || at.result === null) return null;
  return { keyToPost: at.post - key, postToResult: at.result - at.post, resultToGraph: shown - at.result };
}

/** Per part of the split, p50 and p95 over each run's edits, then the median over runs. */
function splitSummary(runs: readonly RunResult[]): SizeReport['splitMs'] {
  const parts: (keyof Split)[] = ['keyToPost', 'postToResult', 'resultToGraph'];
  const per = runs.map((r) => r.splits.filter((x): x is Split => x !== null)).filter((xs) => xs.length > 0);
  if (per.length === 0) return null;
  const out = {} as Record<keyof Split, { p50: number; p95: number }>;
  for (const k of parts) out[k] = { p50: median(per.map((xs) => percentile(xs.map((x) => x[k]), 50))), p95: median(per.map((xs) => percentile(xs.map((x) => x[k]), 95))) };
  return out;
}

const now = (page: Page) => page.evaluate(() => performance.now());

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** The analysis worker's heap (a dedicated worker: its own isolate), through the browser's CDP. */
async function workerHeapMB(browser: Browser): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'worker' && /analysis/.test(t.url));
    if (workers.length === 0) return null;
    let total = 0;
    for (const t of workers) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      const ask = (method: string, id: number) => new Promise<Record<string, unknown>>((resolve) => {
        const onMessage = (e: { sessionId: string; message: string }) => {
          const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
          if (e.sessionId === sessionId && msg.id === id) { cdp.off('Target.receivedMessageFromTarget', onMessage); resolve(msg.result ?? {}); }
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
      await ask('HeapProfiler.collectGarbage', 1);
      const usage = await ask('Runtime.getHeapUsage', 2);
      total += Number(usage.usedSize ?? 0);
      await cdp.send('Target.detachFromTarget', { sessionId });
    }
    return total / 2 ** 20;
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export type RunOptions = Pick<Options, 'edits' | 'terminal'>;

/**
 * One run on a fresh page (no saved work yet, nothing loaded): `files` are saved as the student's
 * work before the lab loads. Used by `benchUi` and by the e2e smoke (e2e/bench-ui.spec.ts).
 */
export async function measureRun(page: Page, base: string, files: { name: string; text: string }[], o: RunOptions, profileOut: string | null = null): Promise<RunResult> {
  const context = page.context();
  const browser = context.browser();
  const work = JSON.stringify({ files, active: files[0]?.name ?? null, lessonId: null, step: 0 });
  await page.addInitScript(({ key, value }) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.clear();
      localStorage.setItem(key, value);
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, { key: 'kslab.work.v1', value: work });
  await page.addInitScript(INSTRUMENT);
  await page.goto(base);
  await page.waitForFunction(() => (window as unknown as { __lab?: unknown }).__lab !== undefined);
  const graphAt = await waitForMark(page, 'kslab:graph', 0, 0);
  await page.waitForFunction(() => (window as unknown as { __bench: { editorAt: number } }).__bench.editorAt > 0, null, { timeout: 60_000 });
  const editorAt = await page.evaluate(() => (window as unknown as { __bench: { editorAt: number } }).__bench.editorAt);
  const firstScreenMs = Math.max(graphAt, editorAt);
  await page.waitForTimeout(1000); // let the load's work settle before measuring typing

  const cdp = await context.newCDPSession(page);
  // Where to type: the end of pod 0's `app` label (select it through the test API, then End).
  const ref = podDocRef(files, 0);
  await page.evaluate((r) => (window as unknown as { __lab: { revealRef(x: unknown): unknown } }).__lab.revealRef(r), ref);
  await page.waitForTimeout(300);
  await page.keyboard.press('End');
  await page.waitForTimeout(300);

  if (profileOut) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  const keyToGraphMs: number[] = [];
  const splits: (Split | null)[] = [];
  let longestTaskMs = 0;
  const revisionNow = () => page.evaluate(() => (window as unknown as { __lab: { revision(): number } }).__lab.revision());
  for (let e = 0; e < o.edits; e++) {
    const before = await now(page);
    await page.keyboard.type(String.fromCharCode(97 + (e % 26)));
    const rev = await revisionNow();
    const key = await page.evaluate(() => (window as unknown as { __bench: { lastKey: number } }).__bench.lastKey);
    const shown = await waitForMark(page, 'kslab:graph', rev, before);
    keyToGraphMs.push(shown - key);
    splits.push(await splitOf(page, rev, key, shown));
    await page.waitForTimeout(400);
    longestTaskMs = Math.max(longestTaskMs, await longestSince(page, key));
  }
  if (profileOut) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profileOut, JSON.stringify(profile));
  }

  // Typing without waiting: eight characters ~110 ms apart, then the graph must catch up.
  const burstStart = await now(page);
  for (let e = 0; e < 8; e++) {
    await page.keyboard.type('z');
    await page.waitForTimeout(110);
  }
  const burstRev = await revisionNow();
  const lastKey = await page.evaluate(() => (window as unknown as { __bench: { lastKey: number } }).__bench.lastKey);
  const burstShown = await waitForMark(page, 'kslab:graph', burstRev, burstStart);
  await page.waitForTimeout(400);
  const burstLongestTaskMs = await longestSince(page, burstStart);
  const burstKeyToGraphMs = burstShown - lastKey;

  const heap = await heapMB(cdp);
  const workerHeap = browser ? await workerHeapMB(browser) : null;

  // The matrix: click its tab, wait until it shows the current analysis.
  const matrixStart = await now(page);
  await page.getByTestId('view-matrix').click();
  const matrixShown = await waitForMark(page, 'kslab:matrix', 0, matrixStart);
  await page.waitForTimeout(400);
  const matrixLongestTaskMs = await longestSince(page, matrixStart);
  const matrixSwitchMs = matrixShown - matrixStart;
  await page.getByTestId('view-graph').click();
  await page.waitForTimeout(300);

  let terminalMs: number | null = null;
  let terminalLongestTaskMs: number | null = null;
  if (o.terminal) {
    await page.getByTestId('terminal-toggle').click();
    await page.locator('.xterm').click();
    // The echo's quotes keep its output (BENCH-OK) from matching the command line itself.
    await page.keyboard.type('kubectl get pods -A | tail -1; echo "BENCH-""OK"');
    await page.waitForTimeout(300);
    const t0 = await now(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('.xterm-rows')?.textContent ?? '').includes('BENCH-OK'), null, { timeout: 60_000, polling: 10 });
    terminalMs = (await now(page)) - t0;
    await page.waitForTimeout(400);
    terminalLongestTaskMs = await longestSince(page, t0);
  }
  // Where a result's time went: the worker's analyze/pack/flows, the page taking it in.
  const phases = await page.evaluate(() => {
    const worker = performance.getEntriesByName('kslab:worker-analyze').map((m) => (m as PerformanceMeasure).detail as { analyze: number; pack: number; flows: number });
    const take = performance.getEntriesByName('kslab:take-result').map((m) => m.duration);
    const analyze = performance.getEntriesByName('kslab:analyze').map((m) => m.duration);
    const elements = performance.getEntriesByName('kslab:graph-elements').map((m) => m.duration);
    const teach = performance.getEntriesByName('kslab:graph-teach').map((m) => m.duration);
    const update = performance.getEntriesByName('kslab:graph-update').map((m) => m.duration);
    return { worker, take, analyze, elements, teach, update };
  });
  const med = (xs: number[]) => (xs.length ? median(xs) : null);
  const phaseMs = {
    workerAnalyze: med(phases.worker.map((w) => w.analyze)), workerPack: med(phases.worker.map((w) => w.pack)),
    workerFlows: med(phases.worker.map((w) => w.flows)), pageTake: med(phases.take), pageAnalyze: med(phases.analyze),
    graphElements: med(phases.elements), graphTeach: med(phases.teach), graphUpdate: med(phases.update),
  };
  const fallbacks = await page.evaluate(() => (window as unknown as { __lab: { stats?(): { fallbacks: number } } }).__lab.stats?.().fallbacks ?? 0);
  await cdp.detach();
  return {
    phaseMs,
    splits,
    fallbacks,
    firstScreenMs, keyToGraphMs, longestTaskMs, burstLongestTaskMs, burstKeyToGraphMs, heapMB: heap, workerHeapMB: workerHeap,
    matrixSwitchMs, matrixLongestTaskMs, terminalMs, terminalLongestTaskMs,
  };
}

// --- CPU profile summary ---------------------------------------------------------------------

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }
export interface ProfileSummary {
  totalMs: number;
  byBucket: Record<string, number>;
  /** Inclusive time of the functions that matter, when the build keeps their names (`--minify false`). */
  inclusive: Record<string, number>;
  topFunctions: { name: string; ms: number }[];
}

/** Where an edit's main-thread time goes: engine phases, the graph, the matrix, React, Monaco. */
const INCLUSIVE = [
  'analyze', 'parseSources', 'normalize', 'compileNetwork', 'buildServices', 'resolveDiagnostics', 'containerReport',
  'toElements', 'update', 'layout', 'buildMatrix', 'cellState', 'evaluateLesson', 'setDiagnostics', 'performWorkUntilDeadline',
  'flowVerdict', 'derive', 'createShell', 'run', 'onmessage', 'unpackResult',
];

/** Buckets by script and function name: good enough to see parse vs normalize vs graph vs React. */
function bucketOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName: f } = frame;
  if (url === '' && (f === '(garbage collector)')) return 'gc';
  if (url === '' && (f === '(idle)' || f === '(program)')) return f.slice(1, -1);
  if (/worker/i.test(url)) return 'worker';
  if (/monaco|editor\.api|yaml\.worker/i.test(url)) return 'monaco';
  if (/cytoscape|fcose|layout-base|cose-base/i.test(url)) return 'cytoscape';
  return url === '' ? 'native' : 'app';
}

export function summarizeProfile(p: CpuProfile): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byBucket: Record<string, number> = {};
  const byFn = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive: Record<string, number> = {};
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (INCLUSIVE.includes(name) && !seen.has(name)) { seen.add(name); inclusive[name] = (inclusive[name] ?? 0) + ms; }
    }
  }
  for (const k of Object.keys(inclusive)) inclusive[k] = Math.round(inclusive[k] ?? 0);
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const b = bucketOf(n.callFrame);
    byBucket[b] = (byBucket[b] ?? 0) + ms;
    if (b === 'idle' || b === 'program') continue;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
    byFn.set(name, (byFn.get(name) ?? 0) + ms);
  }
  const topFunctions = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  for (const k of Object.keys(byBucket)) byBucket[k] = Math.round(byBucket[k] ?? 0);
  return { totalMs: Math.round((p.endTime - p.startTime) / 1000), byBucket, inclusive, topFunctions };
}

// --- server ------------------------------------------------------------------------------------

async function waitForServer(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

export async function benchUi(o: Options, log: (s: string) => void = console.error): Promise<SizeReport[]> {
  let server: ChildProcess | null = null;
  let base = o.url;
  if (!base) {
    if (o.build) {
      log(`building into ${process.env.KSLAB_DIST ?? 'dist'} …`);
      const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
      if (b.status !== 0) throw new Error('vite build failed');
    }
    const port = Number(process.env.KSLAB_PREVIEW_PORT ?? 4173);
    base = `http://127.0.0.1:${port}/`;
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
    await waitForServer(base);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--enable-precise-memory-info'] });
  const reports: SizeReport[] = [];
  try {
    for (const pods of o.pods) {
      const files = clusterFor(pods, o.layout);
      const runs: RunResult[] = [];
      let profile: ProfileSummary | undefined;
      for (let r = 0; r < o.repeats; r++) {
        let out: string | null = null;
        if (o.profile && r === 0) { mkdirSync(o.profile, { recursive: true }); out = join(o.profile, `edits-${pods}.cpuprofile`); }
        log(`${pods} pods: run ${r + 1}/${o.repeats}`);
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        runs.push(await measureRun(await context.newPage(), base, files, o, out));
        await context.close();
        if (out) {
          const { readFileSync } = await import('node:fs');
          profile = summarizeProfile(JSON.parse(readFileSync(out, 'utf8')) as CpuProfile);
        }
      }
      reports.push({
        pods, yamlKB: Math.round(files.reduce((s, f) => s + f.text.length, 0) / 1024), files: files.length, repeats: o.repeats,
        keyToGraphP50Ms: median(runs.map((r) => percentile(r.keyToGraphMs, 50))),
        keyToGraphP95Ms: median(runs.map((r) => percentile(r.keyToGraphMs, 95))),
        longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
        burstLongestTaskMs: median(runs.map((r) => r.burstLongestTaskMs)),
        burstKeyToGraphMs: median(runs.map((r) => r.burstKeyToGraphMs)),
        heapMB: median(runs.map((r) => r.heapMB)),
        workerHeapMB: medianOrNull(runs.map((r) => r.workerHeapMB)),
        firstScreenMs: median(runs.map((r) => r.firstScreenMs)),
        matrixSwitchMs: median(runs.map((r) => r.matrixSwitchMs)),
        matrixLongestTaskMs: median(runs.map((r) => r.matrixLongestTaskMs)),
        terminalMs: medianOrNull(runs.map((r) => r.terminalMs)),
        terminalLongestTaskMs: medianOrNull(runs.map((r) => r.terminalLongestTaskMs)),
        fallbacks: Math.max(...runs.map((r) => r.fallbacks)),
        phaseMs: {
          workerAnalyze: medianOrNull(runs.map((r) => r.phaseMs.workerAnalyze)), workerPack: medianOrNull(runs.map((r) => r.phaseMs.workerPack)),
          workerFlows: medianOrNull(runs.map((r) => r.phaseMs.workerFlows)), pageTake: medianOrNull(runs.map((r) => r.phaseMs.pageTake)),
          pageAnalyze: medianOrNull(runs.map((r) => r.phaseMs.pageAnalyze)),
          graphElements: medianOrNull(runs.map((r) => r.phaseMs.graphElements)), graphTeach: medianOrNull(runs.map((r) => r.phaseMs.graphTeach)), graphUpdate: medianOrNull(runs.map((r) => r.phaseMs.graphUpdate)),
        },
        splitMs: splitSummary(runs),
        ...(profile ? { profile } : {}),
      });
    }
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
  }
  return reports;
}

const fmt = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(0));

function printTable(reports: readonly SizeReport[]): void {
  const rows: [string, (r: SizeReport) => string][] = [
    ['YAML (KB, files)', (r) => `${r.yamlKB}, ${r.files}`],
    ['keystroke → graph p50 (ms)', (r) => fmt(r.keyToGraphP50Ms)],
    ['keystroke → graph p95 (ms)', (r) => fmt(r.keyToGraphP95Ms)],
    ['longest task after an edit (ms)', (r) => fmt(r.longestTaskMs)],
    ['typing burst: longest task (ms)', (r) => fmt(r.burstLongestTaskMs)],
    ['typing burst: last key → graph (ms)', (r) => fmt(r.burstKeyToGraphMs)],
    ['JS heap, page (MB)', (r) => fmt(r.heapMB)],
    ['JS heap, analysis worker (MB)', (r) => fmt(r.workerHeapMB)],
    ['cold first screen (ms)', (r) => fmt(r.firstScreenMs)],
    ['switch to matrix (ms)', (r) => fmt(r.matrixSwitchMs)],
    ['switch to matrix: longest task (ms)', (r) => fmt(r.matrixLongestTaskMs)],
    ['kubectl get pods -A (ms)', (r) => fmt(r.terminalMs)],
    ['kubectl get pods -A: longest task (ms)', (r) => fmt(r.terminalLongestTaskMs)],
    ['engine runs on the page (fallbacks)', (r) => String(r.fallbacks)],
    ['per result: engine on the page (ms)', (r) => fmt(r.phaseMs.pageAnalyze)],
    ['per result: engine in the worker (ms)', (r) => fmt(r.phaseMs.workerAnalyze)],
    ['per result: worker packing (ms)', (r) => fmt(r.phaseMs.workerPack)],
    ['per result: worker flow bits (ms)', (r) => fmt(r.phaseMs.workerFlows)],
    ['per result: page takes it in (ms)', (r) => fmt(r.phaseMs.pageTake)],
    ['per result: graph elements (ms)', (r) => fmt(r.phaseMs.graphElements)],
    ['per result: graph teaching edges (ms)', (r) => fmt(r.phaseMs.graphTeach)],
    ['per result: graph update, Cytoscape (ms)', (r) => fmt(r.phaseMs.graphUpdate)],
    ['key → posted to worker p50/p95 (ms)', (r) => (r.splitMs ? `${fmt(r.splitMs.keyToPost.p50)}/${fmt(r.splitMs.keyToPost.p95)}` : '—')],
    ['posted → result on page p50/p95 (ms)', (r) => (r.splitMs ? `${fmt(r.splitMs.postToResult.p50)}/${fmt(r.splitMs.postToResult.p95)}` : '—')],
    ['result → graph drawn p50/p95 (ms)', (r) => (r.splitMs ? `${fmt(r.splitMs.resultToGraph.p50)}/${fmt(r.splitMs.resultToGraph.p95)}` : '—')],
  ];
  const head = ['', ...reports.map((r) => `${r.pods} pods`)];
  const width = Math.max(...rows.map(([l]) => l.length));
  console.log(`${''.padEnd(width)}  ${head.slice(1).map((h) => h.padStart(10)).join('  ')}`);
  for (const [label, get] of rows) console.log(`${label.padEnd(width)}  ${reports.map((r) => get(r).padStart(10)).join('  ')}`);
  for (const r of reports) {
    if (!r.profile) continue;
    console.log(`\nCPU profile of the edits, ${r.pods} pods (${r.profile.totalMs} ms wall): ${Object.entries(r.profile.byBucket).map(([k, v]) => `${k} ${v}`).join(', ')} ms`);
    console.log(`  inclusive: ${Object.entries(r.profile.inclusive).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')} ms`);
    for (const f of r.profile.topFunctions.slice(0, 15)) console.log(`  ${String(f.ms).padStart(6)} ms  ${f.name}`);
  }
  console.log(`\nMedians over ${reports[0]?.repeats ?? 0} runs. Targets (issue 11): longest task ≤ 100 ms at 500 pods; keystroke → graph p95 ≤ 400 ms at 500, ≤ 100 ms at 50; heap ≤ 150 MB; first screen ≤ 2 s.`);
}

/**
 * Issue 11's budgets for one size, each with the measured value and whether it holds (the JSON's
 * `budgets`): longest task after an edit ≤ 100 ms at 500 pods, keystroke → graph p95 ≤ 400 ms at
 * 500 pods and ≤ 100 ms at 50, page heap ≤ 150 MB at 500 pods, first screen ≤ 2 s.
 */
export function budgetsOf(r: SizeReport): Record<string, { value: number; limit: number; met: boolean }> {
  const out: Record<string, { value: number; limit: number; met: boolean }> = {};
  const add = (name: string, value: number, limit: number) => { out[name] = { value: Math.round(value), limit, met: value <= limit }; };
  if (r.pods === 50) add('keyToGraphP95Ms', r.keyToGraphP95Ms, 100);
  if (r.pods === 500) {
    add('keyToGraphP95Ms', r.keyToGraphP95Ms, 400);
    add('longestTaskMs', r.longestTaskMs, 100);
    add('heapMB', r.heapMB, 150);
  }
  add('firstScreenMs', r.firstScreenMs, 2000);
  return out;
}

const isMain = process.argv[1] !== undefined && /bench-ui\.[mc]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  const o = parseArgs(process.argv.slice(2));
  benchUi(o).then((reports) => {
    if (o.json) console.log(JSON.stringify({ layout: o.layout, reports: reports.map((r) => ({ ...r, budgets: budgetsOf(r) })) }, null, 2));
    else printTable(reports);
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
