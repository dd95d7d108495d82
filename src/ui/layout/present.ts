import { useSyncExternalStore } from 'react';
import type { Check, Step } from '../../course/model.js';
import type { Protocol } from '../../engine/model/index.js';

/**
 * Present mode (issue 10) shows one pair of panels at a time, big enough for a projector:
 * the lesson and the graph, the editor and the graph, or the terminal under the graph.
 * Which pair is a view choice of this page (not saved, not shared): a tiny store of its own.
 */
export type PresentPair = 'lesson' | 'editor' | 'terminal';
export const PRESENT_PAIRS: readonly PresentPair[] = ['lesson', 'editor', 'terminal'];

let pair: PresentPair = 'lesson';
const listeners = new Set<() => void>();

export const presentPair = {
  get: (): PresentPair => pair,
  set(next: PresentPair): void {
    if (next === pair) return;
    pair = next;
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  },
};

export function usePresentPair(): PresentPair {
  return useSyncExternalStore(presentPair.subscribe, presentPair.get, presentPair.get);
}

/** The connection a step is about: its first flow check (a probe's target has no source pod). */
export interface ExplainedPath {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** What the step wants of it: allowed, or denied. */
  readonly allowed: boolean;
}

export function explainedPath(step: Step | undefined): ExplainedPath | null {
  if (!step) return null;
  const find = (check: Check): ExplainedPath | null => {
    if (check.kind === 'flow') return { from: check.from, to: check.to, port: check.port, protocol: check.protocol, allowed: check.allowed };
    if (check.kind === 'all' || check.kind === 'any' || check.kind === 'sequence') {
      for (const c of check.checks) {
        const found = find(c);
        if (found) return found;
      }
    }
    return null;
  };
  return find(step.check);
}
