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

/**
 * Builds an edit's elements for `analysis` as GraphView would, with one verdict changed; returns the
 * folded drawing's edges plus the summary's pods (a number, so the work is not dead code), or 0 when
 * the scenario has no flow to change.
 */
export function rehearseDrawing(analysis: Analysis, options: ElementOptions, teach: Omit<TeachOptions, 'changed'>): number {
  const nodes = graphNodes(analysis, options);
  const before = flowEdges(analysis, options, nodes, edgeReuse());
  const after = withOneVerdictFlipped(before);
  if (!after) return 0;
  const changed = changedFlows(before, after);
  const drawn = teachFlows(after, teachGroups(nodes), { ...teach, changed });
  return drawn.length + summarizeGraph([...nodes, ...after]).pods;
}
