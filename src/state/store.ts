import { createStore } from 'zustand/vanilla';
import type { PortProto } from '../engine/model/index.js';
import type { ProbeRecord } from '../shell/index.js';
import { emptyRecord, ownValue, withKey } from './persist.js';
import type { LinkProblem } from './share.js';
import type { ZipProblem } from './zip.js';
import {
  checkFileName, freshName, move, neighbourOf, newFileId, rename, setText, withIds,
  type LabFile, type RenameError,
} from './files.js';

/**
 * One store, four slices (architecture.md practice 6): sources/tabs, ui, lesson, terminal.
 * It holds sources and intent only; the analysis is derived outside React (analysis.ts).
 */

/**
 * What the student selected in the graph or the matrix. Same shape as src/ui/graph/selection.ts
 * (state may not import ui): an endpoint by id, a connection (its port is the port filter), a
 * namespace, or a Service (by `namespace/name`; not an endpoint: the graph draws it when asked).
 */
export type Selection =
  | { readonly kind: 'pod' | 'external'; readonly id: string }
  | { readonly kind: 'edge'; readonly from: string; readonly to: string }
  | { readonly kind: 'namespace'; readonly name: string }
  | { readonly kind: 'service'; readonly id: string };

/** The port the graph and matrix show: one port/protocol, or 'any' (allowed on some port). */
export type PortFilter = PortProto | 'any';

export type Lang = 'en' | 'ko';
export type MainView = 'graph' | 'matrix';
export type SideTab = 'explain' | 'inspector';

/** A request for the editor to select a range; `nonce` makes repeated clicks on one ref count. */
export interface RevealRequest {
  readonly fileId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly nonce: number;
}

export type Dialog =
  | { readonly kind: 'reset' }
  /** `open` applies the link (the boot saves it once drawn); without it the files simply replace the tabs. */
  | { readonly kind: 'shared'; readonly files: readonly { name: string; text: string }[]; readonly open?: () => void }
  | { readonly kind: 'help' }
  /** A link or file refused whole (a bound passed, a bad name): the current work is kept. */
  | { readonly kind: 'refused'; readonly source: 'link' | 'zip'; readonly file: string; readonly problem: LinkProblem | ZipProblem }
  /** Opening files would overwrite tabs of the same name (`clashes`): ask first. */
  | { readonly kind: 'importClash'; readonly files: readonly { name: string; text: string }[]; readonly clashes: readonly string[] }
  /** Another tab of the lab saved different work over this one's. */
  | { readonly kind: 'otherTab'; readonly load: () => void; readonly keep: () => void };

export interface ClosedTab {
  readonly file: LabFile;
  readonly index: number;
}

export interface SourcesSlice {
  readonly files: readonly LabFile[];
  readonly activeId: string | null;
  /** Closed tabs, most recent last: closing is undoable. */
  readonly closed: readonly ClosedTab[];
  setText(id: string, text: string): void;
  /** Creates the file when no tab has that name (terminal commands and the test hook use names). */
  setFileByName(name: string, text: string): void;
  addFile(name?: string, text?: string): string;
  renameFile(id: string, name: string): RenameError | null;
  closeFile(id: string): void;
  reopenClosed(): boolean;
  moveFile(id: string, delta: number): void;
  setActive(id: string): void;
  /** Replaces the whole scenario (reset, import of a share link, lesson start). */
  replaceFiles(files: readonly { name: string; text: string }[]): void;
  /**
   * Makes the tabs equal `files` (a terminal command or a lesson solution rewrote them), keeping
   * each surviving tab's id (and so its editor undo history) and order.
   */
  syncFiles(files: readonly { name: string; text: string }[]): void;
}

export interface UiSlice {
  readonly selection: Selection | null;
  readonly portFilter: PortFilter;
  readonly showDenied: boolean;
  /**
   * The graph also draws the scenario's Services and their endpoints. Off by default (the graph
   * is about pods first) and, like showDenied, not saved: a view filter, not a preference.
   */
  readonly showServices: boolean;
  /**
   * The client pod a selected Service is explained for: the pod selected just before the Service,
   * or the one picked in the panel; null until there is one.
   */
  readonly serviceClient: string | null;
  readonly mainView: MainView;
  readonly sideTab: SideTab;
  readonly presentation: boolean;
  readonly lang: Lang;
  readonly dialog: Dialog | null;
  readonly reveal: RevealRequest | null;
  readonly terminalOpen: boolean;
  readonly lessonOpen: boolean;
  select(selection: Selection | null): void;
  setPortFilter(port: PortFilter): void;
  setShowDenied(show: boolean): void;
  setShowServices(show: boolean): void;
  setServiceClient(pod: string | null): void;
  setMainView(view: MainView): void;
  setSideTab(tab: SideTab): void;
  setPresentation(on: boolean): void;
  setLang(lang: Lang): void;
  openDialog(dialog: Dialog | null): void;
  requestReveal(request: Omit<RevealRequest, 'nonce'>): void;
  setTerminalOpen(open: boolean): void;
  setLessonOpen(open: boolean): void;
}

export interface LessonSlice {
  /** null until lessons exist: then the built-in sample scenario is the start. */
  readonly lessonId: string | null;
  readonly step: number;
  /** The files "reset" returns to. */
  readonly start: readonly { name: string; text: string }[];
  /** Completed step ids per lesson id; completion is sticky. */
  readonly progress: Readonly<Record<string, readonly string[]>>;
  /** Each lesson's files as the student left them, so switching lessons loses nothing. */
  readonly lessonWork: Readonly<Record<string, readonly { name: string; text: string }[]>>;
  setLesson(id: string | null, start: readonly { name: string; text: string }[]): void;
  setStep(step: number): void;
  completeStep(lessonId: string, stepId: string): void;
}

export interface TranscriptEntry {
  readonly input: string;
  readonly output: string;
  readonly exitCode: number;
  /** The prompt it was typed at (a container shell's `/ # `); the host's when absent. */
  readonly prompt?: string;
  /** Connections its network tools tried (lesson checks read them). */
  readonly probes?: readonly ProbeRecord[];
}

export interface TerminalSlice {
  readonly transcript: readonly TranscriptEntry[];
  /** The last connection a network tool tried in the terminal (its explanation is one click away). */
  readonly lastProbe: ProbeRecord | null;
  setLastProbe(probe: ProbeRecord | null): void;
  /** Serializable runtime facts the simulated shell keeps (containers started, the clock, …). */
  readonly runtime: Readonly<Record<string, unknown>>;
  appendTranscript(entry: TranscriptEntry): void;
  setRuntime(runtime: Readonly<Record<string, unknown>>): void;
  clearTranscript(): void;
}

export type LabState = SourcesSlice & UiSlice & LessonSlice & TerminalSlice;

export interface InitialLab {
  files: readonly { name: string; text: string }[];
  activeName?: string | null;
  lessonId?: string | null;
  start?: readonly { name: string; text: string }[];
  lang?: Lang;
}

/** How many closed tabs "undo close" remembers. */
const CLOSED_LIMIT = 20;

export function createLabStore(initial: InitialLab) {
  const files = withIds(initial.files);
  const active = files.find((f) => f.name === initial.activeName) ?? files[0];
  let nonce = 0;
  return createStore<LabState>()((set, get) => ({
    // --- sources ---
    files,
    activeId: active?.id ?? null,
    closed: [],
    setText: (id, text) => set((s) => ({ files: setText(s.files, id, text) })),
    setFileByName: (name, text) => {
      const file = get().files.find((f) => f.name === name);
      if (file) get().setText(file.id, text);
      else get().addFile(name, text);
    },
    addFile: (name, text = '') => {
      const id = newFileId();
      set((s) => {
        const fileName = name !== undefined && checkFileName(s.files, name) === null ? name.trim() : freshName(s.files);
        return { files: [...s.files, { id, name: fileName, text }], activeId: id };
      });
      return id;
    },
    renameFile: (id, name) => {
      const error = checkFileName(get().files, name, id);
      if (error === null) set((s) => ({ files: rename(s.files, id, name) }));
      return error;
    },
    closeFile: (id) => set((s) => {
      const index = s.files.findIndex((f) => f.id === id);
      const file = s.files[index];
      if (!file) return {};
      const activeId = s.activeId === id ? neighbourOf(s.files, id) : s.activeId;
      return {
        files: s.files.filter((f) => f.id !== id),
        activeId,
        closed: [...s.closed, { file, index }].slice(-CLOSED_LIMIT),
      };
    }),
    reopenClosed: () => {
      const last = get().closed.at(-1);
      if (!last) return false;
      set((s) => {
        const next = s.files.slice();
        // A tab opened meanwhile may have taken the name: keep both, renaming the restored one.
        const name = s.files.some((f) => f.name === last.file.name) ? freshName(s.files, last.file.name.replace(/\.ya?ml$/, '')) : last.file.name;
        next.splice(Math.min(last.index, next.length), 0, { ...last.file, name });
        return { files: next, activeId: last.file.id, closed: s.closed.slice(0, -1) };
      });
      return true;
    },
    moveFile: (id, delta) => set((s) => ({ files: move(s.files, id, delta) })),
    setActive: (id) => set({ activeId: id }),
    replaceFiles: (input) => {
      const next = withIds(input);
      set({ files: next, activeId: next[0]?.id ?? null, closed: [], selection: null, reveal: null });
    },

    syncFiles: (input) => set((s) => {
      // The shell's order is the apply order (it may move cluster.yaml after the tabs whose pods a
      // namespace label must not refuse): tabs follow it, keeping their ids (and undo history).
      const byName = new Map(s.files.map((f) => [f.name, f]));
      const files = input.map((f) => {
        const old = byName.get(f.name);
        if (!old) return withIds([f])[0]!;
        return old.text === f.text ? old : { ...old, text: f.text };
      });
      const activeId = files.some((f) => f.id === s.activeId) ? s.activeId : files[0]?.id ?? null;
      return { files, activeId };
    }),

    // --- ui ---
    selection: null,
    portFilter: 'any',
    showDenied: true,
    showServices: false,
    serviceClient: null,
    mainView: 'graph',
    sideTab: 'explain',
    presentation: false,
    lang: initial.lang ?? 'en',
    dialog: null,
    reveal: null,
    terminalOpen: false,
    lessonOpen: true,
    select: (selection) => set((s) => ({
      selection,
      // Selecting a pod shows what the inspector knows; anything else explains.
      sideTab: selection?.kind === 'pod' ? 'inspector' : selection ? 'explain' : s.sideTab,
      // "From this pod, through that Service": the pod selected before a Service is its client.
      ...(selection?.kind === 'service' && s.selection?.kind === 'pod' ? { serviceClient: s.selection.id } : {}),
    })),
    setPortFilter: (portFilter) => set({ portFilter }),
    setShowDenied: (showDenied) => set({ showDenied }),
    // A Service the graph no longer draws is no longer selected.
    setShowServices: (showServices) => set((s) => ({ showServices, ...(!showServices && s.selection?.kind === 'service' ? { selection: null } : {}) })),
    setServiceClient: (serviceClient) => set({ serviceClient }),
    setMainView: (mainView) => set({ mainView }),
    setSideTab: (sideTab) => set({ sideTab }),
    setPresentation: (presentation) => set({ presentation }),
    setLang: (lang) => set({ lang }),
    openDialog: (dialog) => set({ dialog }),
    requestReveal: (request) => {
      nonce += 1;
      set({ reveal: { ...request, nonce }, activeId: request.fileId });
    },
    setTerminalOpen: (terminalOpen) => set({ terminalOpen }),
    setLessonOpen: (lessonOpen) => set({ lessonOpen }),

    // --- lesson ---
    lessonId: initial.lessonId ?? null,
    step: 0,
    start: initial.start ?? initial.files,
    setLesson: (lessonId, start) => set({ lessonId, start, step: 0 }),
    setStep: (step) => set({ step: Math.max(0, step) }),
    progress: emptyRecord<readonly string[]>(),
    lessonWork: emptyRecord<readonly { name: string; text: string }[]>(),
    completeStep: (lessonId, stepId) => set((s) => {
      const done = ownValue(s.progress, lessonId) ?? [];
      if (done.includes(stepId)) return {};
      return { progress: withKey(s.progress, lessonId, [...done, stepId]) };
    }),

    // --- terminal ---
    transcript: [],
    lastProbe: null,
    setLastProbe: (lastProbe) => set({ lastProbe }),
    runtime: {},
    appendTranscript: (entry) => set((s) => ({ transcript: [...s.transcript, entry] })),
    setRuntime: (runtime) => set({ runtime }),
    clearTranscript: () => set({ transcript: [], runtime: {}, lastProbe: null }),
  }));
}

export type LabStore = ReturnType<typeof createLabStore>;
