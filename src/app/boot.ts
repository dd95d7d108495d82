import type { i18n as I18n } from 'i18next';
import type { Check, Lesson } from '../course/model.js';
import type { PortProto } from '../engine/model/index.js';
import {
  createActions, createAnalysisController, createLabStore, createWorkerAnalysisController, decodeShare, loadPrefs, loadWork,
  sameWork, savePrefs, saveWork, type AnalysisController, type Dialog, type Lab, type LabState,
} from '../state/index.js';
import { createI18n } from '../ui/i18n/index.js';
import { allLessons, firstLesson } from './lesson.js';
import { sampleScenario } from './sample/index.js';

/** How long edits settle before they are written to localStorage. */
const SAVE_DELAY_MS = 300;

export interface Booted {
  readonly lab: Lab;
  readonly i18n: I18n;
  /** Subscribe to "saving failed" (storage full or blocked). */
  readonly saveFailed: { get(): boolean; subscribe(listener: () => void): () => void };
}

/**
 * Builds the lab from what the browser holds, in this order: a share link in the hash, the work
 * saved in localStorage, the first lesson's start. A share link never silently replaces saved
 * work: when both exist and differ, the saved work opens and a dialog asks which to keep.
 */
export function boot(storage: Storage = window.localStorage): Booted {
  const prefs = loadPrefs(storage);
  const saved = loadWork(storage);
  const shared = decodeShare(window.location.hash);
  const lessons = allLessons();
  const savedLesson = lessons.find((l) => l.id === saved?.lessonId);
  const lesson = savedLesson ?? firstLesson();
  const start = lesson?.startFiles ?? sampleScenario;

  let files = start;
  let activeName: string | null = null;
  let dialog: Dialog | null = null;
  if (shared && (!saved || sameWork(saved.files, shared.files))) {
    files = shared.files;
    activeName = shared.active;
  } else if (saved) {
    files = saved.files;
    activeName = saved.active;
    if (shared) dialog = { kind: 'shared', files: shared.files };
  }
  if (shared || window.location.hash.startsWith('#s=')) {
    // The scenario now lives in the store (and soon localStorage); a reload must not ask again.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  const lang = prefs.lang ?? (navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en');
  const store = createLabStore({ files, activeName, lessonId: saved?.lessonId ?? lesson?.id ?? null, start, lang });
  store.setState({
    presentation: prefs.presentation ?? false, dialog, step: saved?.step ?? 0,
    progress: saved?.progress ?? {}, lessonWork: saved?.lessonWork ?? {},
    lessonId: lesson?.id ?? null,
  });
  // The engine runs in a Web Worker (state/analysis-worker.ts); on the page only where there is none.
  const analysis = typeof Worker === 'function'
    ? createWorkerAnalysisController(() => store.getState().files, (listener) => store.subscribe(listener))
    : createAnalysisController(() => store.getState().files, (listener) => store.subscribe(listener));
  const actions = createActions(store, analysis, lessons);
  wantLessonFlows(analysis, store, lessons);
  prefetchInspectorRanges(analysis, store);
  const i18n = createI18n(lang);
  document.documentElement.lang = lang;

  // --- persistence: work (debounced, flushed when the page goes away) and preferences ---
  let failed = false;
  const failListeners = new Set<() => void>();
  const setFailed = (value: boolean) => {
    if (value === failed) return;
    failed = value;
    for (const l of failListeners) l();
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const s = store.getState();
    setFailed(!saveWork(storage, {
      files: s.files.map((f) => ({ name: f.name, text: f.text })),
      active: s.files.find((f) => f.id === s.activeId)?.name ?? null,
      lessonId: s.lessonId,
      step: s.step,
      progress: s.progress,
      lessonWork: s.lessonWork,
    }));
  };
  const workChanged = (a: LabState, b: LabState) =>
    a.files !== b.files || a.activeId !== b.activeId || a.lessonId !== b.lessonId || a.step !== b.step ||
    a.progress !== b.progress || a.lessonWork !== b.lessonWork;
  store.subscribe((s, prev) => {
    if (workChanged(s, prev)) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_DELAY_MS);
    }
    if (s.lang !== prev.lang || s.presentation !== prev.presentation) {
      savePrefs(storage, { lang: s.lang, presentation: s.presentation });
    }
    if (s.lang !== prev.lang) {
      void i18n.changeLanguage(s.lang);
      document.documentElement.lang = s.lang;
    }
  });
  window.addEventListener('pagehide', () => { if (timer) saveNow(); });
  // A share link pasted into this tab only changes the hash (no reload): same rule, ask first.
  window.addEventListener('hashchange', () => {
    const link = decodeShare(window.location.hash);
    if (!link) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!sameWork(store.getState().files, link.files)) store.getState().openDialog({ kind: 'shared', files: link.files });
  });
  // A scenario that came from a link is saved at once, so a reload shows it again.
  if (shared && !dialog) saveNow();

  return {
    lab: { store, analysis, actions, lessons },
    i18n,
    saveFailed: {
      get: () => failed,
      subscribe: (l) => { failListeners.add(l); return () => failListeners.delete(l); },
    },
  };
}

/** The connections a lesson's flow checks ask about: the worker sends their verdicts with every result. */
export function lessonFlows(lesson: Lesson | undefined): { pairs: [string, string][]; ports: PortProto[] } {
  const pairs: [string, string][] = [];
  const ports: PortProto[] = [];
  const walk = (c: Check) => {
    if (c.kind === 'flow') { pairs.push([c.from, c.to]); ports.push({ port: c.port, protocol: c.protocol }); }
    else if (c.kind === 'all' || c.kind === 'any') c.checks.forEach(walk);
    else if (c.kind === 'not') walk(c.check);
  };
  for (const step of lesson?.steps ?? []) walk(step.check);
  return { pairs, ports };
}

function wantLessonFlows(analysis: AnalysisController, store: Lab['store'], lessons: readonly Lesson[]): void {
  const want = (id: string | null) => analysis.want('lesson', lessonFlows(lessons.find((l) => l.id === id)));
  want(store.getState().lessonId);
  store.subscribe((s, prev) => { if (s.lessonId !== prev.lessonId) want(s.lessonId); });
}

/** "Show in editor" from the inspector answers at once: the selected pod's ranges come with it. */
function prefetchInspectorRanges(analysis: AnalysisController, store: Lab['store']): void {
  let lastDisplay: unknown = null;
  let lastId = '';
  const run = () => {
    const sel = store.getState().selection;
    if (sel?.kind !== 'pod') return;
    const display = analysis.get().display;
    if (display === lastDisplay && sel.id === lastId) return;
    lastDisplay = display;
    lastId = sel.id;
    const report = display.pods.find((p) => p.key === sel.id);
    if (!report) return;
    const iso = display.network.isolation(sel.id);
    const named = new Set([...iso.ingress, ...iso.egress]);
    const refs = [...collectRefs(report), ...display.policies.filter((p) => named.has(p.key)).map((p) => p.policy.ref)];
    void analysis.prefetchRanges(display, refs);
  };
  store.subscribe((s, prev) => { if (s.selection !== prev.selection) run(); });
  analysis.subscribe(run);
}

function collectRefs(value: unknown, out: { file: string; doc: number; path: (string | number)[] }[] = [], depth = 0) {
  if (depth > 40 || typeof value !== 'object' || value === null) return out;
  const r = value as { file?: unknown; doc?: unknown; path?: unknown };
  if (typeof r.file === 'string' && typeof r.doc === 'number' && Array.isArray(r.path)) {
    out.push(value as { file: string; doc: number; path: (string | number)[] });
    return out;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) collectRefs(v, out, depth + 1);
  return out;
}
