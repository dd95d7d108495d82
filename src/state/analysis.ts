import { analyze } from '../engine/index.js';
import type { Analysis, ConnectivityEntry, Diagnostic, PortProto, SourceFile, SourceRef } from '../engine/model/index.js';
import type { FlowInterest } from '../worker/protocol.js';
import type { LabFile } from './files.js';
import { measureSince, tagRevision } from './perf.js';

/**
 * The analysis is derived outside React (architecture.md practice 6): a selector that called
 * `analyze` would return a new object on every render and loop under zustand v5.
 */
export interface DerivedAnalysis {
  /** The analysis of the sources as they are now: diagnostics and markers come from here. */
  readonly current: Analysis;
  /**
   * What the graph, matrix and panels show: `current`, unless a YAML syntax error broke a file,
   * then the last analysis without one (so half-typed YAML never blanks the graph).
   */
  readonly display: Analysis;
  /** The syntax error that made `display` stale, null when `display === current`. */
  readonly staleBecause: Diagnostic | null;
  /** Increases with every new result; lets consumers drop stale work. */
  readonly version: number;
  /**
   * A newer analysis is being computed (in the worker): views keep showing this one and say
   * they are recomputing. Absent or false when up to date.
   */
  readonly pending?: boolean;
  /**
   * True only before the first analysis of the scenario has arrived: `current` is then the empty
   * cluster, which lesson checks must not judge.
   */
  readonly initial?: boolean;
  /**
   * What lesson checks read: the analysis of files that stayed unchanged for RECOMPUTE_DELAY_MS
   * (half-typed text must not complete a step: completion is sticky). Absent: `current`.
   */
  readonly checked?: Analysis;
}

export type AnalyzeFn = (sources: readonly SourceFile[]) => Analysis;

/** Memoizes `analyze` by source identity: same names and texts in the same order ⇒ same result. */
export function memoAnalyze(fn: AnalyzeFn = analyze) {
  let lastSources: readonly SourceFile[] | null = null;
  let lastResult: Analysis | null = null;
  return <F extends SourceFile>(files: readonly F[]): Analysis => {
    if (lastSources && lastResult && lastSources.length === files.length &&
        lastSources.every((s, i) => s.name === files[i]?.name && s.text === files[i]?.text)) {
      return lastResult;
    }
    lastSources = files.map((f) => ({ name: f.name, text: f.text }));
    lastResult = safeAnalyze(fn, lastSources);
    return lastResult;
  };
}

/**
 * The engine promises never to throw on input; if a bug breaks that, the lab must still stand:
 * the caller keeps its previous result. The failure is logged for whoever fixes the engine.
 */
function safeAnalyze(fn: AnalyzeFn, sources: readonly SourceFile[]): Analysis {
  try {
    return fn(sources);
  } catch (error) {
    console.warn('analyze() threw; keeping the previous result', error);
    throw error;
  }
}

export function syntaxError(analysis: Analysis): Diagnostic | null {
  return analysis.diagnostics.find((d) => d.severity === 'error' && d.code === 'yaml-syntax') ?? null;
}

/** The next derived state: keeps the last good display through syntax errors. */
export function derive(previous: DerivedAnalysis | null, current: Analysis): DerivedAnalysis {
  const broken = syntaxError(current);
  const version = (previous?.version ?? 0) + 1;
  if (broken && previous) {
    const lastGood = previous.staleBecause ? previous.display : previous.current;
    return { current, display: lastGood, staleBecause: broken, version };
  }
  return { current, display: current, staleBecause: null, version };
}

export interface AnalysisController {
  get(): DerivedAnalysis;
  subscribe(listener: () => void): () => void;
  /** Recompute now (tests, and the first paint). */
  flush(): void;
  /** How many times the files changed so far (results are tagged with it: perf.ts). */
  revision(): number;
  /** Resolves when the result on screen is the analysis of the files as they are now. */
  settled(): Promise<void>;
  /**
   * What a view draws (the graph's focus, the matrix's window, a lesson's flows): the verdicts it
   * needs travel with every result. `null` withdraws. A no-op when the analysis is on the page.
   */
  want(key: string, interest: FlowInterest | null): void;
  /**
   * Makes `analysis.network.explain(from, to, port)` answer at once for these ports (fetched from
   * the worker); false when `analysis` was replaced before the answer came.
   */
  explain(analysis: Analysis, from: string, to: string, ports: readonly PortProto[]): Promise<boolean>;
  /** Makes `analysis.locate(ref)` answer at once for these references (fetched from the worker). */
  prefetchRanges(analysis: Analysis, refs: readonly SourceRef[]): Promise<void>;
  /** The analysis of `files` for the terminal: the result on screen when it is of these files. */
  analyzeFiles(files: readonly SourceFile[]): Analysis;
  /** `analysis.network.connectivity()`, computed where the analysis lives (the test API's listing). */
  connectivity(analysis: Analysis): Promise<readonly ConnectivityEntry[]>;
  dispose(): void;
}

/** How long typing must pause before the scenario is re-analysed. */
export const RECOMPUTE_DELAY_MS = 150;

/**
 * Watches the files, re-analyses after a short pause (typing never waits on the engine), and
 * notifies subscribers. `subscribeFiles` is the store's subscription, injected to keep this testable.
 */
export function createAnalysisController(
  getFiles: () => readonly LabFile[],
  subscribeFiles: (listener: () => void) => () => void,
  options: { analyze?: AnalyzeFn; delayMs?: number } = {},
): AnalysisController {
  const run = memoAnalyze(options.analyze);
  const delay = options.delayMs ?? RECOMPUTE_DELAY_MS;
  const listeners = new Set<() => void>();
  let first: Analysis;
  try {
    first = run(getFiles());
  } catch {
    first = (options.analyze ?? analyze)([]);
  }
  let state = derive(null, first);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFiles = getFiles();
  /** Counts changes of the files; each result is tagged with the one it saw (perf.ts). */
  let revision = 0;
  tagRevision(first, revision);

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    let next: Analysis;
    const start = performance.now();
    try {
      next = run(getFiles());
    } catch {
      return; // keep showing the previous result; safeAnalyze logged it
    }
    if (next === state.current) return;
    measureSince('analyze', start, { revision });
    tagRevision(next, revision);
    state = derive(state, next);
    for (const listener of listeners) listener();
  };

  const unsubscribe = subscribeFiles(() => {
    const files = getFiles();
    if (files === lastFiles) return;
    lastFiles = files;
    revision++;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });

  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    revision: () => revision,
    settled: () => { flush(); return Promise.resolve(); },
    want: () => {},
    explain: () => Promise.resolve(true),
    prefetchRanges: () => Promise.resolve(),
    connectivity: (analysis) => Promise.resolve(analysis.network.connectivity()),
    analyzeFiles: (files) => {
      for (const a of [state.current, state.display]) {
        if (a.sources.length === files.length && a.sources.every((s, i) => s.name === files[i]?.name && s.text === files[i]?.text)) return a;
      }
      return (options.analyze ?? analyze)(files);
    },
    dispose: () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
      listeners.clear();
    },
  };
}
