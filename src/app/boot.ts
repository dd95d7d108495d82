import type { i18n as I18n } from 'i18next';
import type { Check, Lesson } from '../course/model.js';
import type { Situation } from '../state/share.js';
import type { PortProto } from '../engine/model/index.js';
import {
  createActions, createAnalysisController, createLabStore, createWorkerAnalysisController, loadPrefs, loadWork, readShare,
  sameWork, savedWorkText, savePrefs, saveWorkText, tooBigToSave, WORK_KEY, type AnalysisController, type Dialog, type Lab, type LabState,
  type SavedWork, type SaveFailure,
} from '../state/index.js';
import { createI18n } from '../ui/i18n/index.js';
import { afterEditorCreated } from '../ui/common/first-screen.js';
import { allLessons, firstLesson } from './lesson.js';
import { sampleScenario } from './sample/index.js';

/** How long edits settle before they are written to localStorage. */
const SAVE_DELAY_MS = 300;

export interface Booted {
  readonly lab: Lab;
  readonly i18n: I18n;
  /** The first-minutes welcome: open on a first visit (not from a share link); dismissed for good once closed. */
  readonly welcome: { readonly open: boolean; dismiss(): void };
  /** Subscribe to "saving failed" (storage full or blocked, and the size tried); null once a save works. */
  readonly saveFailed: { get(): SaveFailure | null; subscribe(listener: () => void): () => void };
}

/**
 * Builds the lab from what the browser holds, in this order: a share link in the hash, the work
 * saved in localStorage, the first lesson's start. A share link never silently replaces saved
 * work: when both exist and differ, the saved work opens and a dialog asks which to keep.
 */
export function boot(storage: Storage = window.localStorage): Booted {
  const prefs = loadPrefs(storage);
  let welcomed = prefs.welcomed === true;
  const saved = loadWork(storage);
  // A link is read all or nothing within bounds (state/share.ts); a refused one says why and the
  // current work stays.
  const link = readShare(window.location.hash);
  const shared = link?.ok ? link.scenario : null;
  const lessons = allLessons();
  // A link's files open when nothing differs is saved; its situation (lesson, step, view,
  // selection) comes with them. A lesson the lab does not have is ignored.
  const linkApplies = shared !== null && (!saved || sameWork(saved.files, shared.files));
  const linkLesson = linkApplies ? lessons.find((l) => l.id === shared.situation?.lesson) : undefined;
  const savedLesson = lessons.find((l) => l.id === saved?.lessonId);
  const lesson = linkLesson ?? savedLesson ?? firstLesson();
  const start = lesson?.startFiles ?? sampleScenario;

  let files = start;
  let activeName: string | null = null;
  let dialog: Dialog | null = null;
  if (shared && linkApplies) {
    files = shared.files;
    activeName = shared.active;
  } else if (saved) {
    files = saved.files;
    activeName = saved.active;
    if (shared) dialog = { kind: 'shared', files: shared.files };
  }
  if (link && !link.ok) dialog = { kind: 'refused', source: 'link', file: '', problem: link.problem };
  if (shared || window.location.hash.startsWith('#s=')) {
    // The scenario now lives in the store (and soon localStorage); a reload must not ask again.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  // The sharer's language only for someone who has not chosen one.
  const lang = prefs.lang ?? (linkApplies ? shared.situation?.lang : undefined) ?? (navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en');
  const store = createLabStore({ files, activeName, lessonId: linkLesson?.id ?? saved?.lessonId ?? lesson?.id ?? null, start, lang });
  store.setState({
    presentation: prefs.presentation ?? false, dialog, step: saved?.step ?? 0,
    progress: saved?.progress ?? {}, lessonWork: saved?.lessonWork ?? {},
    lessonId: lesson?.id ?? null,
  });
  if (linkApplies && shared.situation) applySituation(store, shared.situation, lessons);
  // The engine runs in a Web Worker (state/analysis-worker.ts); on the page only where there is none.
  const analysis = typeof Worker === 'function'
    ? createWorkerAnalysisController(() => store.getState().files, (listener) => store.subscribe(listener), { holdFirstResult: afterEditorCreated })
    : createAnalysisController(() => store.getState().files, (listener) => store.subscribe(listener));
  const actions = createActions(store, analysis, lessons);
  wantLessonFlows(analysis, store, lessons);
  prefetchInspectorRanges(analysis, store);
  const i18n = createI18n(lang);
  document.documentElement.lang = lang;

  // --- persistence: work (debounced, flushed when the page goes away) and preferences ---
  let failed: SaveFailure | null = null;
  const failListeners = new Set<() => void>();
  const setFailed = (value: SaveFailure | null) => {
    if (value === failed || (value && failed && value.problem === failed.problem && value.chars === failed.chars)) return;
    failed = value;
    for (const l of failListeners) l();
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The saved work as this tab last wrote or read it: a `storage` event with other text is another tab's. */
  let lastText = savedWorkText(storage);
  /** Another tab saved different work: nothing is saved here until the student chooses. */
  let otherTab = false;
  /** A scenario from a link is saved only once it has been drawn (a link that freezes the page must not come back on reload). */
  let linkPending = false;
  const workOf = (s: LabState): SavedWork => ({
    files: s.files.map((f) => ({ name: f.name, text: f.text })),
    active: s.files.find((f) => f.id === s.activeId)?.name ?? null,
    lessonId: s.lessonId,
    step: s.step,
    progress: s.progress,
    lessonWork: s.lessonWork,
  });
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (otherTab || linkPending) return;
    const work = workOf(store.getState());
    const tooBig = tooBigToSave(work);
    if (tooBig) {
      setFailed(tooBig);
      return;
    }
    const text = JSON.stringify(work);
    if (text === lastText) return;
    const result = saveWorkText(storage, text);
    setFailed(result.ok ? null : result);
    if (result.ok) lastText = text;
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
      savePrefs(storage, { lang: s.lang, presentation: s.presentation, ...(welcomed ? { welcomed } : {}) });
    }
    if (s.lang !== prev.lang) {
      void i18n.changeLanguage(s.lang);
      document.documentElement.lang = s.lang;
    }
  });
  window.addEventListener('pagehide', () => { if (timer) saveNow(); });

  /** Opens a link's scenario; it is saved once the graph (or matrix) has drawn it. */
  const openLink = (files: readonly { name: string; text: string }[], situation?: Situation) => {
    linkPending = true;
    store.getState().replaceFiles(files);
    if (situation) applySituation(store, situation, lessons);
    void whenDrawn(analysis).then(() => { linkPending = false; saveNow(); });
  };
  const sharedDialog = (files: readonly { name: string; text: string }[], situation?: Situation): Dialog =>
    ({ kind: 'shared', files, open: () => openLink(files, situation) });
  if (dialog?.kind === 'shared') store.setState({ dialog: sharedDialog(dialog.files, shared?.situation) });
  // A share link pasted into this tab only changes the hash (no reload): same rule, ask first.
  window.addEventListener('hashchange', () => {
    const next = readShare(window.location.hash);
    if (!next) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!next.ok) store.getState().openDialog({ kind: 'refused', source: 'link', file: '', problem: next.problem });
    else if (!sameWork(store.getState().files, next.scenario.files)) store.getState().openDialog(sharedDialog(next.scenario.files, next.scenario.situation));
    else if (next.scenario.situation) applySituation(store, next.scenario.situation, lessons);
  });
  if (shared && files === shared.files) {
    linkPending = true;
    void whenDrawn(analysis).then(() => { linkPending = false; saveNow(); });
  }

  // Another tab of the lab saved: offer to load its work or keep this tab's (saved again at once).
  window.addEventListener('storage', (e) => {
    if (e.key !== WORK_KEY || e.newValue === null || e.newValue === lastText) return;
    otherTab = true;
    store.getState().openDialog({
      kind: 'otherTab',
      load: () => {
        const theirs = loadWork(storage);
        otherTab = false;
        lastText = savedWorkText(storage);
        if (!theirs) return;
        store.getState().replaceFiles(theirs.files);
        const active = store.getState().files.find((f) => f.name === theirs.active);
        store.setState({
          ...(active ? { activeId: active.id } : {}),
          step: theirs.step, progress: theirs.progress ?? {}, lessonWork: theirs.lessonWork ?? {},
          ...(lessons.some((l) => l.id === theirs.lessonId) ? { lessonId: theirs.lessonId } : {}),
        });
      },
      keep: () => { otherTab = false; lastText = null; saveNow(); },
    });
  });

  return {
    lab: { store, analysis, actions, lessons },
    i18n,
    welcome: {
      open: !welcomed && lessons.length > 0 && !link && wantsWelcome(window.location.search),
      dismiss: () => {
        if (welcomed) return;
        welcomed = true;
        const s = store.getState();
        savePrefs(storage, { lang: s.lang, presentation: s.presentation, welcomed });
      },
    },
    saveFailed: {
      get: () => failed,
      subscribe: (l) => { failListeners.add(l); return () => failListeners.delete(l); },
    },
  };
}

/**
 * Browser automation (navigator.webdriver: Playwright, the screenshot script) opens on the lesson
 * as before, unless the address asks for the welcome (`?welcome`): every journey expects the lesson
 * at start, and one journey checks the welcome itself.
 */
export function wantsWelcome(search: string): boolean {
  return !navigator.webdriver || new URLSearchParams(search).has('welcome');
}

/**
 * Resolves once the result on screen is of the files as they are now and the graph or matrix has
 * drawn it (their `kslab:graph`/`kslab:matrix` marks, perf.ts), and a frame has been painted.
 */
export async function whenDrawn(analysis: AnalysisController): Promise<void> {
  await analysis.settled();
  const revision = analysis.revision();
  const drawn = () => ['kslab:graph', 'kslab:matrix'].some((name) => performance.getEntriesByName(name)
    .some((m) => (((m as PerformanceMark).detail as { revision?: number } | null)?.revision ?? -1) >= revision));
  await new Promise<void>((resolve) => {
    if (typeof PerformanceObserver !== 'function' || drawn()) { resolve(); return; }
    const observer = new PerformanceObserver(() => { if (drawn()) { observer.disconnect(); resolve(); } });
    observer.observe({ type: 'mark' });
  });
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
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

/**
 * Puts the lab where a share link's sharer was: the lesson (its files are the link's, not the
 * lesson's start), the step (within the lesson), the view and the selection. Parts that do not fit
 * this lab (an unknown lesson, a step past the end) are left as they are.
 */
export function applySituation(store: Lab['store'], situation: Situation, lessons: readonly Lesson[]): void {
  const st = store.getState();
  const lesson = lessons.find((l) => l.id === situation.lesson);
  if (lesson && st.lessonId !== lesson.id) st.setLesson(lesson.id, lesson.startFiles);
  if (lesson?.layout?.terminal) store.getState().setTerminalOpen(true);
  const current = lessons.find((l) => l.id === store.getState().lessonId);
  if (current && situation.step !== undefined && situation.step < current.steps.length) {
    store.getState().setStep(situation.step);
    store.getState().setLessonOpen(true);
  }
  if (situation.view) store.getState().setMainView(situation.view);
  if (situation.selection) store.getState().select(situation.selection);
}
