import type { Selection } from './selection.js';

/**
 * The mounted graph, for the test-only window API: Cytoscape draws on a canvas, so a journey that
 * clicks a pod needs to ask where it is drawn. Set by GraphView while a graph is mounted.
 */
export interface GraphHandle {
  /** Viewport coordinates (as for a mouse click) of the element, or null if it is not drawn. */
  pointOf(selection: Selection): { x: number; y: number } | null;
  /** What is drawn, measured on screen (a journey asserts legibility and overlap from it). */
  snapshot(): GraphSnapshot;
}

/** A drawn node as measured on screen: box in canvas pixels, label size in screen pixels. */
export interface SnapshotNode {
  readonly id: string;
  readonly kind: string;
  /** The rendered bounding box of the node's body (label included when it spills over). */
  readonly box: { x1: number; y1: number; x2: number; y2: number };
  /** font-size × zoom: how tall the label's text is on screen. */
  readonly fontPx: number;
  /** Whether the label is drawn at all at this zoom (Cytoscape hides text below min-zoomed-font-size). */
  readonly labelShown: boolean;
  readonly hidden: boolean;
  readonly classes: readonly string[];
}

export interface SnapshotEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  readonly classes: readonly string[];
  readonly hidden: boolean;
}

export interface GraphSnapshot {
  readonly zoom: number;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly SnapshotNode[];
  readonly edges: readonly SnapshotEdge[];
}

let current: GraphHandle | null = null;

export function setGraphHandle(handle: GraphHandle | null): void {
  current = handle;
}

export function graphHandle(): GraphHandle | null {
  return current;
}
