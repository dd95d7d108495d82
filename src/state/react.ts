import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lesson } from '../course/model.js';
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

export function useDerivedAnalysis(): DerivedAnalysis {
  const { analysis } = useLabContext();
  return useSyncExternalStore(analysis.subscribe, analysis.get, analysis.get);
}

export function useActions(): LabActions {
  return useLabContext().actions;
}
