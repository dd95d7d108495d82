import type { Analysis } from '../engine/model/index.js';

/**
 * Performance marks for `npm run bench:ui` (scripts/bench-ui.ts) and the DevTools timeline. Each
 * analysis result is tagged with the files revision it was computed from (the controller counts
 * every change of the store's files), so a mark made when the graph or matrix shows a result says
 * which keystroke it answers. Marks are cheap and never throw (no `performance` in old runtimes).
 */
const revisions = new WeakMap<Analysis, number>();

export function tagRevision(analysis: Analysis, revision: number): void {
  revisions.set(analysis, revision);
}

/** The files revision an analysis was computed from; -1 when unknown (a test's own analysis). */
export function revisionOf(analysis: Analysis): number {
  return revisions.get(analysis) ?? -1;
}

/** `kslab:<name>` with the analysis' revision as detail. */
export function markShown(name: 'graph' | 'matrix', analysis: Analysis): void {
  try {
    performance.mark(`kslab:${name}`, { detail: { revision: revisionOf(analysis) } });
  } catch {
    // no User Timing here: nothing to record
  }
}

/** `kslab:<name>` now, with a revision: where an edit's chain stands (bench:ui splits keystroke → graph with these). */
export function markRevision(name: 'post' | 'result', revision: number): void {
  try {
    performance.mark(`kslab:${name}`, { detail: { revision } });
  } catch {
    // as above
  }
}

/** A measure from `start` (a performance.now() time) to now, named `kslab:<name>`. */
export function measureSince(name: string, start: number, detail?: Record<string, unknown>): void {
  try {
    performance.measure(`kslab:${name}`, { start, end: performance.now(), ...(detail ? { detail } : {}) });
  } catch {
    // as above
  }
}

/**
 * How often a worker result could not answer a question itself and the engine ran on the page
 * (state/analysis-view.ts `materialize`), and for what: bench:ui and tests read it.
 */
export const perfStats = { fallbacks: 0, fallbackMs: 0, reasons: {} as Record<string, number> };

export function countFallback(why: string, start: number): void {
  const ms = performance.now() - start;
  perfStats.fallbacks++;
  perfStats.fallbackMs += ms;
  perfStats.reasons[why] = (perfStats.reasons[why] ?? 0) + 1;
  measureSince('fallback', start, { why });
}
