import type { Selection } from './selection.js';

/**
 * The mounted graph, for the test-only window API: Cytoscape draws on a canvas, so a journey that
 * clicks a pod needs to ask where it is drawn. Set by GraphView while a graph is mounted.
 */
export interface GraphHandle {
  /** Viewport coordinates (as for a mouse click) of the element, or null if it is not drawn. */
  pointOf(selection: Selection): { x: number; y: number } | null;
}

let current: GraphHandle | null = null;

export function setGraphHandle(handle: GraphHandle | null): void {
  current = handle;
}

export function graphHandle(): GraphHandle | null {
  return current;
}
