/**
 * The analysis controller of the browser: the engine runs in a Web Worker (worker/analysis.worker.ts)
 * and the page keeps showing the last result while the next one is computed (practice 6, 14).
 *
 * - Each change of the files posts, after a short pause, only the files whose text changed; the
 *   worker keeps its own copy of every source.
 * - Results carry the revision they analysed. One that is stale when it arrives (a newer revision
 *   was posted since) is dropped; the page keeps the previous one, and `pending` says a newer one
 *   is coming (the graph and matrix say "recomputing").
 * - Views say what they draw (`want`): the graph its focused endpoints, the matrix its window, the
 *   lesson its flow checks; every result carries those verdicts, and a changed want is answered
 *   for the result on screen.
 * - Explanations and editor ranges are asked on demand (`explain`, `prefetchRanges`).
 * - `flush()` keeps its old promise (the analysis of the files as they are now, at once) for the
 *   few actions that need it (reset, lesson switch, CNI choice): when the result on screen is not
 *   for the current files, the engine runs on the page that one time.
 */
import { analyze as engineAnalyze } from '../engine/index.js';
import type { Analysis, PortProto, SourceFile, SourceRef } from '../engine/model/index.js';
import type { FlowInterest, FromWorker, QueryMessage, ResultMessage, ToWorker } from '../worker/protocol.js';
import { derive, memoAnalyze, RECOMPUTE_DELAY_MS, type AnalysisController, type AnalyzeFn, type DerivedAnalysis } from './analysis.js';
import { AnalysisView, ChunkTable, isView, type ViewedAnalysis } from './analysis-view.js';
import type { LabFile } from './files.js';
import { markRevision, measureSince, tagRevision } from './perf.js';
import { startAnalysisWorker, takeEarly, type EarlyStart } from './worker-start.js';

/** What the controller needs of a Worker (tests pass a fake that runs the worker's core in-process). */
export interface WorkerPort {
  postMessage(msg: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The pause after a change before the worker is told, for big files (keys typed within a frame post once; the worker analyses only the latest text anyway). */
export const WORKER_DELAY_MS = 16;

/**
 * Up to this many characters of files, a change is posted as soon as the task that made it ends
 * (a microtask: the changes of one task still post once), without WORKER_DELAY_MS: at 50 pods
 * (67 KB) the pause was a sixth of the keystroke → graph budget (issue 11), and posting costs a
 * copy of the changed file only. Bigger files keep the pause.
 */
export const POST_AT_ONCE_CHARS = 150_000;

export interface WorkerControllerOptions {
  readonly worker?: () => WorkerPort;
  /** The engine on the page: `flush()` when the result on screen is behind, and a view's fallback. */
  readonly analyze?: AnalyzeFn;
  /** The pause before posting a change (default: none up to `postAtOnceChars`, WORKER_DELAY_MS above). */
  readonly delayMs?: number;
  /** Files up to this many characters post a change without a pause (default POST_AT_ONCE_CHARS; 0 when `delayMs` is given). */
  readonly postAtOnceChars?: number;
  /** Up to this many characters the first analysis is made on the page (default SYNC_FIRST_CHARS). */
  readonly syncFirstChars?: number;
  /** …or, when the early worker holds the same files already, up to this many (default EARLY_SYNC_FIRST_CHARS). */
  readonly earlySyncFirstChars?: number;
  /** …asking for up to this many pods (default SYNC_FIRST_PODS; see podsAsked). */
  readonly syncFirstPods?: number;
  /** A result bringing more new chunks is shown in a later task (default YIELD_AFTER_CHUNKS). */
  readonly yieldAfterChunks?: number;
  /**
   * Holds the first result of a scenario too big to analyse on the page until `show` is called
   * (returns a cancel function). boot.ts: until the editor exists (issue 11: its chunk's evaluation and
   * creation then fill the wait for the worker, and the graph's render follows, where the editor's
   * used to wait for the graph's).
   */
  readonly holdFirstResult?: (show: () => void) => () => void;
}

/** A result bringing more new chunks than this is built in slices and shown in a later task. */
export const YIELD_AFTER_CHUNKS = 2000;

/** How long one slice of building a big result's objects may take (AnalysisView.warm). */
export const WARM_SLICE_MS = 30;

interface Deferred {
  readonly revision: number;
  /** Flow blocks that came for this revision while it waited. */
  readonly flows: Extract<FromWorker, { type: 'flows' }>[];
  /** Stops the pending step (a timer, or an idle callback). */
  cancel: () => void;
}

/**
 * The worker's answer for the files the page analysed itself at load waits at most this long for
 * the page to be idle before it replaces the page's own result (`taken`, `adoptable`).
 */
export const ADOPT_WITHIN_MS = 2000;

/** `fn` when the page is next idle (within `within` ms), or after a 0 ms timer where there is no requestIdleCallback; returns the cancel. */
function whenIdle(fn: () => void, within: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: within });
    return () => cancelIdleCallback(handle);
  }
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
}

/** `fn` after a 0 ms timer; returns the cancel. */
function nextTask(fn: () => void): () => void {
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
}

/** A lesson's files are a few KB: analysing them on the page at load is quicker than starting the worker. */
export const SYNC_FIRST_CHARS = 100_000;

/** With the early worker already analysing the same files (app/early.ts): the page analyses them itself only up to this size. */
export const EARLY_SYNC_FIRST_CHARS = 20_000;

/** …and make a few dozen pods: up to this many (podsAsked) the first analysis is made on the page. */
export const SYNC_FIRST_PODS = 150;

/**
 * An upper estimate of the pods some text asks for, without parsing it: one per object (`kind:`),
 * three more per DaemonSet (the lab's three nodes), plus every replicas/parallelism/completions
 * number. A 5 KB link of Deployments with `replicas: 50` asks for 5,000 (issue 18); a YAML alias
 * can repeat a whole object, so text with one counts as too many.
 */
export function podsAsked(texts: readonly string[]): number {
  let n = 0;
  for (const text of texts) {
    if (/(^|[\s[{,:-])\*[^\s,\]}]/m.test(text)) return Infinity;
    n += text.match(/\bkind"?\s*:/g)?.length ?? 0;
    n += 3 * (text.match(/\bDaemonSet\b/g)?.length ?? 0);
    for (const m of text.matchAll(/\b(?:replicas|parallelism|completions)"?\s*:\s*['"]?(\d+)/g)) n += Number(m[1]);
  }
  return n;
}

const sameSources = (a: readonly SourceFile[], b: readonly SourceFile[]) =>
  a.length === b.length && a.every((s, i) => s.name === b[i]?.name && s.text === b[i]?.text);

const AT_ONCE = 'at-once';

export function createWorkerAnalysisController(
  getFiles: () => readonly LabFile[],
  subscribeFiles: (listener: () => void) => () => void,
  options: WorkerControllerOptions = {},
): AnalysisController {
  const analyze = options.analyze ?? engineAnalyze;
  const delay = options.delayMs ?? WORKER_DELAY_MS;
  const atOnceChars = options.postAtOnceChars ?? (options.delayMs === undefined ? POST_AT_ONCE_CHARS : 0);
  const onPage = memoAnalyze(analyze);
  /**
   * A worker that cannot start (a CSP without `worker-src 'self'`, a browser without module
   * workers) must not leave the lab without analysis: it then analyses on the page, as before.
   */
  let broken = false;
  let worker: WorkerPort;
  /** What app/early.ts posted to the worker, and what it answered, before this controller existed. */
  let early: EarlyStart = { posted: null, inbox: [] };
  try {
    worker = (options.worker ?? startAnalysisWorker)();
    early = takeEarly(worker);
  } catch (error) {
    console.warn('analysis worker could not start; analysing on the page', error);
    broken = true;
    worker = { postMessage: () => {}, onmessage: null, terminate: () => {} };
  }
  const table = new ChunkTable();
  /** A big result waiting for its own task (onResult). */
  let deferred: Deferred | null = null;
  /** A big result's chunks are being taken in, a slice per task (onResult). */
  let taking = false;
  let disposed = false;
  const listeners = new Set<() => void>();
  const interests = new Map<string, string>();

  /** Files revision (every change of the store's files counts; perf.ts marks use it). */
  let revision = 0;
  /** The revision and sources the worker was last told about. */
  let posted = -1;
  let postedSources: readonly SourceFile[] = [];
  /** What the worker holds, by file name. */
  const workerTexts = new Map<string, string>();
  const snapshots = new Map<number, readonly SourceFile[]>();
  /** The revision of the result on screen (`current`). */
  let shown = -1;
  /** The revision posted when the files last stayed unchanged for RECOMPUTE_DELAY_MS (see `checked`). */
  let quietPosted = 0;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;
  /** A post waiting: a timer, or (small files) a microtask (AT_ONCE). */
  let timer: ReturnType<typeof setTimeout> | typeof AT_ONCE | null = null;
  const cancelPost = () => {
    if (timer !== null && timer !== AT_ONCE) clearTimeout(timer);
    timer = null;
  };
  const schedulePost = (files: readonly LabFile[]) => {
    if (files.reduce((n, f) => n + f.text.length, 0) <= atOnceChars) {
      if (timer === AT_ONCE) return;
      cancelPost();
      timer = AT_ONCE;
      queueMicrotask(() => { if (timer === AT_ONCE && !disposed) post(); });
      return;
    }
    cancelPost();
    timer = setTimeout(post, delay);
  };
  let lastFiles = getFiles();
  let state: DerivedAnalysis;
  let settledWaiters: (() => void)[] = [];
  let nextQuery = 1;
  const queries = new Map<number, (msg: Extract<FromWorker, { type: 'answer' }>) => void>();

  const notify = () => { for (const l of listeners) l(); };
  const isSettled = () => timer === null && shown >= posted;
  const setState = (next: DerivedAnalysis) => {
    state = next;
    notify();
    if (isSettled()) {
      const waiters = settledWaiters;
      settledWaiters = [];
      for (const w of waiters) w();
    }
  };
  /** The derived state after a new result; the empty placeholder of a large first load is never "the last good one". */
  const nextState = (result: Analysis): DerivedAnalysis => {
    const d = derive(state.initial ? null : state, result);
    return { ...d, version: state.version + 1, ...(state.checked ? { checked: state.checked } : {}) };
  };
  /**
   * `pending`, and `checked`: lesson checks read the result of files that stayed unchanged for
   * RECOMPUTE_DELAY_MS, as they did when the page analysed after that pause; results of
   * half-typed text in between update the graph, never a (sticky) step completion.
   */
  const withPending = (d: DerivedAnalysis): DerivedAnalysis => {
    const pending = !isSettled();
    const checked = shown === quietPosted ? d.current : (state.checked ?? d.current);
    return d.pending === pending && d.checked === checked ? d : { ...d, pending, checked };
  };

  /**
   * Whether a worker result of `revision` may replace the result on screen in place: that one is
   * the page's own analysis (not a worker's) of these very sources, and nothing newer was posted.
   */
  const adoptable = (rev: number, sources: readonly SourceFile[]) =>
    !disposed && rev === shown && rev === posted && timer === null && !isView(state.current) && sameSources(state.current.sources, sources);

  /** Without a worker: the files as they are now, analysed here. */
  const analyseHere = () => {
    let result: Analysis;
    try {
      result = onPage(getFiles());
    } catch {
      return;
    }
    posted = revision;
    shown = revision;
    tagRevision(result, revision);
    if (result !== state.current) setState(withPending(nextState(result)));
    else setState(withPending(state));
  };

  const post = () => {
    cancelPost();
    if (broken) { analyseHere(); return; }
    const sources = getFiles().map((f) => ({ name: f.name, text: f.text }));
    if (sameSources(sources, postedSources)) {
      setState(withPending(state));
      return;
    }
    const changed = sources.filter((s) => workerTexts.get(s.name) !== s.text);
    for (const s of changed) workerTexts.set(s.name, s.text);
    for (const name of [...workerTexts.keys()]) if (!sources.some((s) => s.name === name)) workerTexts.delete(name);
    posted = revision;
    postedSources = sources;
    snapshots.set(revision, sources);
    markRevision('post', revision);
    worker.postMessage({ type: 'update', revision, order: sources.map((s) => s.name), changed });
    if (!state.pending) setState(withPending(state));
  };

  const onResult = (msg: ResultMessage) => {
    const sources = snapshots.get(msg.revision);
    for (const r of [...snapshots.keys()]) if (r <= msg.revision) snapshots.delete(r);
    if (msg.error) {
      console.warn('analysis worker: analyze() threw; keeping the previous result', msg.error);
      if (msg.revision >= posted) shown = Math.max(shown, msg.revision);
      setState(withPending(state));
      return;
    }
    // Chunks are taken in even from a stale result: the worker's next one refers to them. A big
    // result's are taken in slices, one task each; messages after it wait their turn (drain).
    const start = performance.now();
    table.drop(msg.dropped);
    if (msg.chunks.ids.length <= (options.yieldAfterChunks ?? YIELD_AFTER_CHUNKS)) {
      table.add(msg.chunks);
      taken(msg, sources, start);
      return;
    }
    taking = true;
    let at = 0;
    const slice = () => {
      if (disposed) return;
      const t = performance.now();
      at = table.add(msg.chunks, at, () => performance.now() - t > WARM_SLICE_MS);
      measureSince('take-chunks', t, { revision: msg.revision, at });
      if (at < msg.chunks.ids.length) { setTimeout(slice, 0); return; }
      taking = false;
      taken(msg, sources, start);
      drain();
    };
    slice();
  };

  /** A result whose chunks are in: shown now, or (a big one) built in slices and shown after. */
  const taken = (msg: ResultMessage, sources: readonly SourceFile[] | undefined, start: number) => {
    const resolved = table.resolve(msg.packed);
    if (sources && adoptable(msg.revision, sources)) {
      // The worker's answer for the files the page analysed itself at load: the same verdicts, in
      // the form every later result takes. It replaces the page's result when the page is idle,
      // so the first keystroke after load costs what later ones do: the views have already read a
      // worker result once (its chunks parsed, their code warm), and the first edit's graph no
      // longer compares the page's analysis with a worker's (issue 11: 210-280 ms at 50 pods).
      if (deferred) deferred.cancel();
      const view = AnalysisView.create(sources, msg.revision, resolved, msg.packed, analyze);
      const later: Deferred = { revision: msg.revision, flows: [], cancel: whenIdle(() => show(later, msg, view, true), ADOPT_WITHIN_MS) };
      deferred = later;
      return;
    }
    if (msg.revision < posted || msg.revision <= shown || !sources) return;
    try {
      performance.measure('kslab:worker-analyze', { start: start - msg.timings.analyze - msg.timings.pack - msg.timings.flows, duration: msg.timings.analyze, detail: { revision: msg.revision, ...msg.timings } });
    } catch { /* no User Timing */ }
    const view = AnalysisView.create(sources, msg.revision, resolved, msg.packed, analyze);
    // A big result (a first load, a pasted cluster): its endpoints and pod reports are built in
    // slices of a few tens of ms, each in its own task, and the views render it after (issue 18:
    // no task over 200 ms while a 5,000-pod link opens).
    if (msg.chunks.ids.length > (options.yieldAfterChunks ?? YIELD_AFTER_CHUNKS)) {
      if (deferred) deferred.cancel();
      const later: Deferred = { revision: msg.revision, flows: [], cancel: nextTask(() => step()) };
      const step = () => {
        if (deferred !== later) return;
        const t = performance.now();
        const done = view.warm(() => performance.now() - t > WARM_SLICE_MS);
        measureSince('warm', t, { revision: msg.revision, done });
        // Shown in a task of its own: the last slice and the views' render together went past
        // the 200 ms budget (CI: 53 + 203 ms in one task).
        later.cancel = done ? nextTask(() => show(later, msg, view)) : nextTask(step);
      };
      deferred = later;
    } else if (state.initial && options.holdFirstResult) {
      if (deferred) deferred.cancel();
      const later: Deferred = { revision: msg.revision, flows: [], cancel: () => {} };
      later.cancel = options.holdFirstResult(() => show(later, msg, view));
      deferred = later;
    } else {
      show(null, msg, view);
    }
  };

  /**
   * Shows a result (unless a newer one was shown or posted meanwhile), with the flows that came for
   * it while it waited. `adopt`: the worker's answer for the result on screen (taken).
   */
  const show = (later: Deferred | null, msg: ResultMessage, built: ViewedAnalysis, adopt = false) => {
    if (later) {
      if (deferred !== later) return;
      deferred = null;
    }
    if (adopt ? !adoptable(msg.revision, built.sources) : msg.revision < posted || msg.revision <= shown) return;
    const start = performance.now();
    let view = built;
    for (const f of later?.flows ?? []) view = view.withFlows(f.keys, f.flows, f.ports);
    tagRevision(view, msg.revision);
    shown = msg.revision;
    setState(withPending(nextState(view)));
    measureSince('take-result', start, { revision: msg.revision, chunks: msg.chunks.ids.length });
  };

  const onFlows = (msg: Extract<FromWorker, { type: 'flows' }>) => {
    if (deferred?.revision === msg.revision) { deferred.flows.push(msg); return; }
    const widen = (a: Analysis) => (isView(a) && a.revision === msg.revision ? a.withFlows(msg.keys, msg.flows, msg.ports) : a);
    const current = widen(state.current);
    const display = state.display === state.current ? current : widen(state.display);
    if (current === state.current && display === state.display) return;
    tagRevision(current, msg.revision);
    tagRevision(display, isView(display) ? display.revision : msg.revision);
    setState(withPending({ ...state, current, display, checked: state.checked === state.current ? current : state.checked, version: state.version + 1 }));
  };

  /** Messages in order; while a big result's chunks are being taken in, the ones after it wait. */
  const inbox: FromWorker[] = [];
  const drain = () => {
    while (!taking && inbox.length > 0) {
      const msg = inbox.shift() as FromWorker;
      if (msg.type === 'result') onResult(msg);
      else if (msg.type === 'flows') onFlows(msg);
      else queries.get(msg.id)?.(msg);
    }
  };
  worker.onmessage = (event) => {
    if (event.data.type === 'result') markRevision('result', event.data.revision);
    inbox.push(event.data);
    drain();
  };
  worker.onerror = (event) => {
    console.warn('analysis worker failed; analysing on the page from now on', event.message);
    broken = true;
    for (const [id, answer] of queries) answer({ type: 'answer', id, revision: -1, answer: null });
    analyseHere();
  };

  const ask = (view: AnalysisView, query: QueryMessage['query']) => new Promise<Extract<FromWorker, { type: 'answer' }> | null>((resolve) => {
    if (broken) { resolve(null); return; }
    const id = nextQuery++;
    queries.set(id, (msg) => { queries.delete(id); resolve(msg.revision === view.revision ? msg : null); });
    worker.postMessage({ type: 'query', id, revision: view.revision, query });
  });

  // The first result. A small scenario (a lesson) is analysed on the page at once, as before: the
  // first screen shows it without waiting for the worker to start. A large one (long text, or
  // short text asking for many pods) shows the empty cluster, marked `initial`, until the worker
  // answers: nothing blocks the first paint.
  const initialFiles = getFiles();
  // The worker may hold files already (app/early.ts posted the saved work as revision 0): the same
  // files are not posted again. Other files (boot chose differently) are revision 1, so that the
  // worker's answer for the early ones is dropped.
  if (early.posted) {
    for (const f of early.posted) workerTexts.set(f.name, f.text);
    posted = 0;
    postedSources = early.posted;
    snapshots.set(0, early.posted);
    if (!sameSources(early.posted, initialFiles)) revision = 1;
  }
  const initialChars = initialFiles.reduce((n, f) => n + f.text.length, 0);
  // The early worker already analyses these very files: the page analyses them itself only when
  // they are small (a lesson), not while its main thread has the editor to load (issue 11).
  const syncChars = options.syncFirstChars ?? SYNC_FIRST_CHARS;
  const earlyHolds = early.posted !== null && revision === 0;
  const syncLimit = earlyHolds ? Math.min(syncChars, options.earlySyncFirstChars ?? EARLY_SYNC_FIRST_CHARS) : syncChars;
  if (initialChars <= syncLimit &&
      podsAsked(initialFiles.map((f) => f.text)) <= (options.syncFirstPods ?? SYNC_FIRST_PODS)) {
    let first: Analysis;
    try {
      first = onPage(initialFiles);
    } catch {
      first = analyze([]);
    }
    tagRevision(first, revision);
    state = derive(null, first);
    // The worker still gets the files (it analyses the next edit); its answer for these is dropped.
    shown = revision;
    post();
  } else {
    const empty = analyze([]);
    tagRevision(empty, -1);
    state = { ...derive(null, empty), pending: true, initial: true };
    post();
  }
  // What the early worker answered before now, in order (its later messages come to onmessage).
  for (const event of early.inbox) worker.onmessage?.(event);

  const unsubscribe = subscribeFiles(() => {
    const files = getFiles();
    if (files === lastFiles) return;
    lastFiles = files;
    revision++;
    schedulePost(files);
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      quietTimer = null;
      if (timer) post();
      quietPosted = posted;
      setState(withPending(state));
    }, RECOMPUTE_DELAY_MS);
    if (!state.pending) setState(withPending(state));
  });

  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush: () => {
      if (timer) post();
      if (isSettled()) return;
      // An action needs the analysis of the files as they are now (reset, lesson switch, CNI):
      // this once, the engine runs on the page; the worker's answer for the same files is dropped.
      let result: Analysis;
      try {
        result = onPage(getFiles());
      } catch {
        return;
      }
      tagRevision(result, posted);
      shown = posted;
      // Asked for now: the lesson's checks see it at once too (reset, lesson switch).
      quietPosted = posted;
      setState(withPending(nextState(result)));
    },
    revision: () => revision,
    settled: () => {
      if (timer) post();
      return isSettled() ? Promise.resolve() : new Promise<void>((resolve) => settledWaiters.push(resolve));
    },
    want: (key: string, interest: FlowInterest | null) => {
      const json = JSON.stringify(interest);
      if (interests.get(key) === json) return;
      if (interest === null) interests.delete(key);
      else interests.set(key, json);
      worker.postMessage({ type: 'want', key, interest });
    },
    explain: async (analysis: Analysis, from: string, to: string, ports: readonly PortProto[]) => {
      if (!isView(analysis)) return true;
      const missing = ports.filter((p) => !analysis.hasExplanation(from, to, p));
      if (missing.length === 0) return true;
      const reply = await ask(analysis, { kind: 'explain', from, to, ports: missing });
      if (!reply || reply.answer?.kind !== 'explain') return false;
      analysis.addRanges(reply.answer.ranges);
      for (const x of reply.answer.explanations) analysis.addExplanation(from, to, x.port, x.explanation);
      return true;
    },
    prefetchRanges: async (analysis: Analysis, refs: readonly SourceRef[]) => {
      if (!isView(analysis)) return;
      const missing = refs.filter((r) => !analysis.hasRange(r));
      if (missing.length === 0) return;
      const reply = await ask(analysis, { kind: 'ranges', refs: missing });
      if (reply?.answer?.kind === 'ranges') analysis.addRanges(reply.answer.ranges);
    },
    connectivity: async (analysis: Analysis) => {
      if (!isView(analysis)) return analysis.network.connectivity();
      const reply = await ask(analysis, { kind: 'connectivity' });
      return reply?.answer?.kind === 'connectivity' ? reply.answer.entries : analysis.network.connectivity();
    },
    analyzeFiles: (files: readonly SourceFile[]) => {
      for (const a of [state.current, state.display]) if (sameSources(a.sources, files)) return a;
      return onPage(files);
    },
    dispose: () => {
      cancelPost();
      if (quietTimer) clearTimeout(quietTimer);
      if (deferred) deferred.cancel();
      disposed = true;
      unsubscribe();
      listeners.clear();
      worker.terminate();
    },
  };
}
