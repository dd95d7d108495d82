import type { Cni, Protocol, SourceRef } from '../engine/model/index.js';
import { scenarioPods } from '../ui/common/scope.js';
import { encodeShare, perfStats, readCni, type Lab } from '../state/index.js';
import { crashPanel } from '../ui/common/panel-crash.js';
import { editorHandle } from '../ui/editor/handle.js';
import { graphHandle, type GraphSnapshot } from '../ui/graph/handle.js';

/**
 * A small typed API on `window.__lab` for Playwright (architecture.md practice 10): Cytoscape
 * draws on a canvas, and typing block YAML into Monaco is mangled by auto-indent. Every call that
 * reads the analysis first waits until it is of the files as they are now (the analysis runs in a
 * worker), so tests never race it; `page.evaluate` awaits the promises.
 */
export interface LabTestApi {
  /** Sets a tab's text; resolves once the analysis shows it (the worker answered). */
  setFile(name: string, text: string): Promise<void>;
  /** Replaces every tab (a journey's own starting scenario); resolves once it is analysed. */
  loadScenario(files: { name: string; text: string }[]): Promise<void>;
  getFiles(): { name: string; text: string }[];
  activeFile(): string | null;
  analysis(): Promise<AnalysisSummary>;
  allowed(from: string, to: string, port: number, protocol?: Protocol): Promise<boolean>;
  setCni(cni: Cni): Promise<void>;
  cni(): Cni;
  revealRef(ref: SourceRef): Promise<boolean>;
  editorSelection(): { file: string; text: string; line: number; column: number; endLine: number; endColumn: number } | null;
  /** Markers on the active editor tab, by owner (`kslab` engine, `yaml` schema worker). */
  editorMarkers(): { owner: string; message: string; line: number }[];
  shareUrl(): string;
  select(selection: { kind: 'pod' | 'external' | 'service'; id: string } | { kind: 'edge'; from: string; to: string } | null): void;
  /** Where the graph draws a pod, external host, Service (when shown) or connection (viewport px), to click it; null if not drawn. */
  graphPoint(selection: { kind: 'pod' | 'external' | 'service'; id: string } | { kind: 'edge'; from: string; to: string }): { x: number; y: number } | null;
  /** The graph as drawn (node boxes, label sizes on screen, edges); null when no graph is mounted. */
  graph(): GraphSnapshot | null;
  /** The files revision now (bench:ui waits for a `kslab:graph` mark that shows it). */
  revision(): number;
  /** How often the engine ran on the page for a question a worker result could not answer (perf.ts). */
  stats(): { fallbacks: number; fallbackMs: number; reasons: Record<string, number> };
  /** Makes a panel's render throw (ui/common/panel-crash.ts), to check its error boundary. */
  crashPanel(panel: string): void;
}

export interface AnalysisSummary {
  readonly stale: boolean;
  readonly cni: Cni;
  readonly enforcing: boolean;
  readonly diagnostics: { severity: string; code: string; message: string; file: string; line: number; column: number }[];
  readonly pods: {
    key: string; status: string;
    containers: { name: string; state: string; uid: number; gid: number; username: string | null; effective: readonly string[]; bounding: readonly string[] }[];
  }[];
  readonly policies: { key: string; selects: readonly string[] }[];
  readonly connectivity: { from: string; to: string; port: number; protocol: string; allowed: boolean }[];
}

declare global {
  interface Window { __lab?: LabTestApi }
}

export function installTestApi(lab: Lab): void {
  const { store, analysis, actions } = lab;
  const current = async () => { await analysis.settled(); return analysis.get(); };
  window.__lab = {
    setFile: async (name, text) => { store.getState().setFileByName(name, text); await analysis.settled(); },
    loadScenario: async (files) => { store.getState().replaceFiles(files); await analysis.settled(); },
    getFiles: () => store.getState().files.map((f) => ({ name: f.name, text: f.text })),
    activeFile: () => { const s = store.getState(); return s.files.find((f) => f.id === s.activeId)?.name ?? null; },
    analysis: async () => {
      const { current: a, staleBecause } = await current();
      return {
        stale: staleBecause !== null,
        cni: a.cluster.config.cni,
        enforcing: a.network.enforcing,
        diagnostics: a.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, file: d.file, line: d.line, column: d.column })),
        pods: scenarioPods(a).map((p) => ({
          key: p.key,
          status: p.status,
          containers: p.containers.map((c) => ({
            name: c.container.name, state: c.state,
            uid: c.security.identity.uid, gid: c.security.identity.gid, username: c.security.identity.username,
            effective: c.security.capabilities.effective, bounding: c.security.capabilities.bounding,
          })),
        })),
        policies: a.policies.map((p) => ({ key: p.key, selects: p.selects })),
        // Listed by the engine where it runs (the worker): the page never analyses for a test.
        connectivity: (await analysis.connectivity(a)).map((c) => ({ ...c })),
      };
    },
    allowed: async (from, to, port, protocol = 'TCP') => (await current()).current.network.allowed(from, to, port, protocol),
    setCni: async (cni) => { actions.setCni(cni); await analysis.settled(); },
    cni: () => readCni(store.getState().files),
    revealRef: async (ref) => {
      await analysis.settled();
      const { current: a, display } = analysis.get();
      // Ranges come from the worker first, so the answer below is the reveal's own (not "fetching").
      await Promise.all([analysis.prefetchRanges(a, [ref]), analysis.prefetchRanges(display, [ref])]);
      return actions.revealRef(ref);
    },
    editorSelection: () => {
      const sel = editorHandle()?.selection();
      if (!sel) return null;
      const file = store.getState().files.find((f) => f.id === sel.fileId)?.name ?? '';
      return { file, text: sel.text, line: sel.line, column: sel.column, endLine: sel.endLine, endColumn: sel.endColumn };
    },
    editorMarkers: () => editorHandle()?.markers() ?? [],
    shareUrl: () => {
      const s = store.getState();
      return `${location.origin}${location.pathname}${encodeShare({ files: s.files, active: s.files.find((f) => f.id === s.activeId)?.name ?? null })}`;
    },
    select: (selection) => store.getState().select(selection),
    graphPoint: (selection) => graphHandle()?.pointOf(selection) ?? null,
    graph: () => graphHandle()?.snapshot() ?? null,
    revision: () => analysis.revision(),
    stats: () => ({ ...perfStats, reasons: { ...perfStats.reasons } }),
    crashPanel,
  };
}
