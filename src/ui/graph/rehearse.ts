/**
 * The graph's share of an edit, walked once on throwaway data while the lab is idle after its first
 * drawing (issue 11). The first edit that changes a verdict is the first to run the code that builds
 * the flow edges anew, finds what changed and folds the changed flows: cold, that cost 40-50 ms more
 * than the same edit later in the session. The worker rehearses its side the same way (worker/core.ts
 * `rehearse`).
 *
 * Nothing here touches what is drawn: the edges are built with their own reuse cache, one verdict is
 * flipped on a copy, and the result is dropped.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Analysis } from '../../engine/model/index.js';
import { edgeReuse, flowEdges, graphNodes, type ElementOptions } from './elements.js';
import { summarizeGraph } from './summary.js';
import { changedFlows, teachFlows, teachGroups, type TeachOptions } from './teach.js';

/** `edges` with the first flow edge's verdict turned over (allowed ⇄ denied), as a new list. */
export function withOneVerdictFlipped(edges: readonly ElementDefinition[]): readonly ElementDefinition[] | null {
  const at = edges.findIndex((e) => e.group === 'edges' && e.data.kind === 'edge');
  if (at < 0) return null;
  const edge = edges[at] as ElementDefinition;
  const status = edge.data.status === 'allowed' ? 'denied' : 'allowed';
  const out = edges.slice();
  out[at] = { ...edge, data: { ...edge.data, status } };
  return out;
}

/** A first drawing's elements and an edit's that turns one verdict over, built as GraphView builds them. */
export interface RehearsalDrawings {
  readonly first: readonly ElementDefinition[];
  readonly edited: readonly ElementDefinition[];
  /** The summary's pods for the edit (a number, so the work is not dead code). */
  readonly pods: number;
}

/** The element lists of a first drawing and of an edit with one verdict changed; null when the scenario has no flow to change. */
export function rehearsalDrawings(analysis: Analysis, options: ElementOptions, teach: Omit<TeachOptions, 'changed'>): RehearsalDrawings | null {
  const nodes = graphNodes(analysis, options);
  const before = flowEdges(analysis, options, nodes, edgeReuse());
  const after = withOneVerdictFlipped(before);
  if (!after) return null;
  const groups = teachGroups(nodes);
  const first = [...nodes, ...teachFlows(before, groups, { ...teach, changed: new Map() })];
  const edited = [...nodes, ...teachFlows(after, groups, { ...teach, changed: changedFlows(before, after) })];
  return { first, edited, pods: summarizeGraph([...nodes, ...after]).pods };
}

/**
 * Builds an edit's elements for `analysis` as GraphView would, with one verdict changed; returns the
 * folded drawing's edges plus the summary's pods, or 0 when the scenario has no flow to change.
 */
export function rehearseDrawing(analysis: Analysis, options: ElementOptions, teach: Omit<TeachOptions, 'changed'>): number {
  const drawings = rehearsalDrawings(analysis, options, teach);
  return drawings ? drawings.edited.length + drawings.pods : 0;
}

/** What the canvas rehearsal needs from its caller: an adapter on a box, the next frame, a task. */
export interface CanvasSteps {
  adapter(box: HTMLElement): { update(elements: readonly ElementDefinition[], selection: null): unknown; destroy(): void };
  frame(f: () => void): void;
  later(f: () => void): void;
  /** True once the rehearsal should end early (the student typed, the view went). */
  stopped(): boolean;
  /** Called once at the end: whether every step was walked. */
  done?(walked: boolean): void;
}

/**
 * Cytoscape's share of an edit, walked on a canvas of its own (issue 11). The first edit that changes
 * a verdict was the first to restyle an edge, measure its new label, bound the compound nodes and
 * draw them: cold, 2-3 times a warm edit's Cytoscape time. Here a hidden box the size of the graph's
 * gets an adapter of its own; the first drawing is applied, then the edit, each drawn in a frame,
 * each step in a task of its own; then the adapter and the box are gone. The box is outside the
 * page's view, hidden from assistive technology and inert; the graph the student sees is not touched.
 */
export function rehearseCanvas(drawings: RehearsalDrawings, size: { width: number; height: number }, steps: CanvasSteps): void {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  Object.assign(box.style, {
    position: 'fixed', left: '-100000px', top: '0', width: `${Math.max(120, size.width)}px`, height: `${Math.max(80, size.height)}px`,
    visibility: 'hidden', pointerEvents: 'none', contain: 'strict',
  });
  document.body.appendChild(box);
  let adapter: ReturnType<CanvasSteps['adapter']> | null = null;
  const end = (walked: boolean) => {
    try { adapter?.destroy(); } catch { /* a rehearsal's failure changes nothing drawn */ }
    adapter = null;
    box.remove();
    steps.done?.(walked);
  };
  const step = (run: () => void, next: (() => void) | null) => {
    if (steps.stopped()) { end(false); return; }
    try { run(); } catch { end(false); return; }
    steps.frame(() => steps.later(next ?? (() => end(true))));
  };
  steps.later(() => step(() => { adapter = steps.adapter(box); adapter.update(drawings.first, null); },
    () => step(() => { adapter?.update(drawings.edited, null); }, () => step(() => { adapter?.update(drawings.first, null); }, null))));
}
