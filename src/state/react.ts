import { createContext, createElement, startTransition, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lesson } from '../course/model.js';
import type { Analysis, PortProto } from '../engine/model/index.js';
import type { FlowInterest } from '../worker/protocol.js';
import { isView } from './analysis-view.js';
import type { LabActions } from './actions.js';
import type { AnalysisController, DerivedAnalysis } from './analysis.js';
import type { LabState, LabStore } from './store.js';

export interface Lab {
  readonly store: LabStore;
  readonly analysis: AnalysisController;
  readonly actions: LabActions;
  /** The course, loaded once at start (static data, not state). */
  readonly lessons: readonly Lesson[];
}

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return createElement(LabContext.Provider, { value: lab }, children);
}

export function useLabContext(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useLab* used outside <LabProvider>');
  return lab;
}

/** Selectors must return stable values (fields, not new objects): zustand v5 loops otherwise. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabContext().store, selector);
}

/**
 * From this many pods on, a new result re-renders the views in a transition: React renders it in
 * slices and commits it in a task of its own, so neither typing nor the result's own take-in waits
 * for the graph, lesson and RBAC views (issue 18: a 5,000-pod link's take-in and its render shared
 * one 256 ms task on CI). Smaller results render at once, as before (a transition adds a frame or
 * more before the graph shows an edit: at 50 pods, result → graph p50 31 → 87 ms under load).
 */
export const TRANSITION_PODS = 1000;

const heavy = (d: DerivedAnalysis) => d.display.pods.length >= TRANSITION_PODS || d.current.pods.length >= TRANSITION_PODS;

/**
 * The analysis the views show. Every view takes a result in the same update (one batch, or one
 * transition), so no two panels show different results once it commits.
 */
export function useDerivedAnalysis(): DerivedAnalysis {
  const { analysis } = useLabContext();
  const [shown, setShown] = useState(analysis.get);
  useEffect(() => {
    const update = () => {
      const next = analysis.get();
      if (heavy(next)) startTransition(() => setShown(next));
      else setShown(next);
    };
    update(); // a result that came between the first render and this subscription
    return analysis.subscribe(update);
  }, [analysis]);
  return shown;
}

export function useActions(): LabActions {
  return useLabContext().actions;
}

/**
 * A view says what it draws (the graph its focused endpoints, the matrix its visible window): the
 * worker sends those verdicts now and with every later result. Withdrawn on unmount. A no-op
 * outside a LabProvider and when the analysis runs on the page.
 */
export function useFlowInterest(key: string, interest: FlowInterest | null): void {
  const lab = useContext(LabContext);
  const json = JSON.stringify(interest);
  useEffect(() => {
    lab?.analysis.want(key, JSON.parse(json) as FlowInterest | null);
  }, [lab, key, json]);
  useEffect(() => () => lab?.analysis.want(key, null), [lab, key]);
}

/**
 * The analysis the explanation panel may read for from → to on `ports` without running the
 * engine on the page: `analysis` once the worker's explanations are in it; until then the last
 * analysis that had them for the same question (the panel keeps showing it), or null.
 */
export function useExplained(analysis: Analysis, from: string, to: string, ports: readonly PortProto[]): { analysis: Analysis | null; pending: boolean } {
  const lab = useContext(LabContext);
  const key = `${from}\n${to}\n${ports.map((p) => `${p.port}/${p.protocol}`).join(',')}`;
  const ready = !isView(analysis) || ports.every((p) => analysis.hasExplanation(from, to, p));
  const [, setArrived] = useState(0);
  const last = useRef<{ analysis: Analysis; key: string } | null>(null);
  const portsRef = useRef(ports);
  portsRef.current = ports;
  useEffect(() => {
    if (ready || !lab) return;
    let live = true;
    void lab.analysis.explain(analysis, from, to, portsRef.current).then((ok) => { if (live && ok) setArrived((n) => n + 1); });
    return () => { live = false; };
  }, [lab, analysis, from, to, key, ready]);
  if (ready) {
    last.current = { analysis, key };
    return { analysis, pending: false };
  }
  return { analysis: last.current?.key === key ? last.current.analysis : null, pending: true };
}
