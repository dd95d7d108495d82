import { analyze } from '../engine/index.js';
import type { Analysis, Diagnostic, SourceFile } from '../engine/model/index.js';
import type { LabFile } from './files.js';

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
}

export type AnalyzeFn = (sources: readonly SourceFile[]) => Analysis;

/** Memoizes `analyze` by source identity: same names and texts in the same order ⇒ same result. */
export function memoAnalyze(fn: AnalyzeFn = analyze) {
  let lastSources: readonly SourceFile[] | null = null;
  let lastResult: Analysis | null = null;
  return (files: readonly LabFile[]): Analysis => {
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

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    let next: Analysis;
    try {
      next = run(getFiles());
    } catch {
      return; // keep showing the previous result; safeAnalyze logged it
    }
    if (next === state.current) return;
    state = derive(state, next);
    for (const listener of listeners) listener();
  };

  const unsubscribe = subscribeFiles(() => {
    const files = getFiles();
    if (files === lastFiles) return;
    lastFiles = files;
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
    dispose: () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
      listeners.clear();
    },
  };
}
