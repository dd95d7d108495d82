import { currentStepIndex } from '../course/live.js';
import type { Lesson } from '../course/model.js';
import type { Cni, SourceRef } from '../engine/model/index.js';
import type { Analysis } from '../engine/model/index.js';
import type { AnalysisController } from './analysis.js';
import { isView } from './analysis-view.js';
import { writeCni } from './cni.js';
import { newFileId, type LabFile } from './files.js';
import type { LabStore } from './store.js';

/** True when `analysis.locate(ref)` answers without running the engine on the page. */
const canLocate = (analysis: Analysis, ref: SourceRef) => !isView(analysis) || analysis.hasRange(ref);

/** Actions that need both the store and the derived analysis. */
export interface LabActions {
  /**
   * Selects the exact YAML range of `ref` in the editor and focuses its tab; false if it is gone.
   * When the range must first come from the analysis worker, true at once and the reveal follows.
   */
  revealRef(ref: SourceRef): boolean;
  setCni(cni: Cni): void;
  /** Back to the lesson's start, its steps not done (the caller has asked for confirmation). */
  resetToStart(): void;
  /** Switches lesson; the current lesson's files are kept for when the student comes back. */
  openLesson(id: string): void;
}

export function createActions(store: LabStore, analysis: AnalysisController, lessons: readonly Lesson[] = []): LabActions {
  const reveal = (ref: SourceRef): boolean => {
    const { current, display } = analysis.get();
    const range = current.locate(ref) ?? display.locate(ref);
    const name = range?.file ?? ref.file;
    const file = store.getState().files.find((f) => f.name === name);
    if (!file) return false;
    if (!range) {
      store.getState().setActive(file.id);
      return false;
    }
    store.getState().requestReveal({
      fileId: file.id, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn,
    });
    return true;
  };
  return {
    revealRef(ref) {
      // Refs come from the displayed analysis, which may be the last good one: try the current first.
      analysis.flush();
      const { current, display } = analysis.get();
      if (!canLocate(current, ref) || !canLocate(display, ref)) {
        // A worker result holds the ranges it was asked for; any other range is fetched from the
        // worker first (the page never analyses a large scenario to find one line).
        void Promise.all([analysis.prefetchRanges(current, [ref]), analysis.prefetchRanges(display, [ref])]).then(() => reveal(ref));
        return true;
      }
      return reveal(ref);
    },
    setCni(cni) {
      const state = store.getState();
      const next = writeCni<LabFile>(state.files, cni, (name, text) => ({ id: newFileId(), name, text }));
      if (next === state.files) return;
      store.setState({ files: next });
      // A choice, not typing: the picker and the banner read the analysis, so it follows at once.
      analysis.flush();
    },
    resetToStart() {
      const state = store.getState();
      state.replaceFiles(state.start);
      state.setStep(0);
      state.clearTranscript();
      if (state.lessonId) store.setState({ progress: { ...state.progress, [state.lessonId]: [] } });
      // Analyse the start files now, in this same update: the lesson's checks must not see the
      // files from before the reset (debounced) and complete their steps again.
      analysis.flush();
    },
    openLesson(id) {
      const state = store.getState();
      const lesson = lessons.find((l) => l.id === id);
      if (!lesson || id === state.lessonId) return;
      const plain = state.files.map((f) => ({ name: f.name, text: f.text }));
      const lessonWork = state.lessonId ? { ...state.lessonWork, [state.lessonId]: plain } : state.lessonWork;
      store.setState({ lessonWork });
      state.setLesson(id, lesson.startFiles);
      // Back in a lesson begun earlier: open it at the first step not done yet.
      state.setStep(currentStepIndex(lesson, state.progress[id] ?? []));
      state.replaceFiles(lessonWork[id] ?? lesson.startFiles);
      state.clearTranscript();
      // A terminal lesson (its steps are commands) opens with the terminal open.
      if (lesson.layout?.terminal) state.setTerminalOpen(true);
      // As for reset: the new lesson's checks must never run against the old lesson's files.
      analysis.flush();
    },
  };
}
