/**
 * The graph's full layout (first draw, "Tidy layout"): each namespace's pods in a grid inside its
 * box, the boxes shelved in rows, shaped to the canvas so that fitting the whole graph zooms in as
 * far as it can (issue 10: labels legible on a projector). Sizes come from the nodes' own boxes
 * and the namespaces' label sizes (metrics.ts), so nothing overlaps by construction: no force
 * simulation, no random start, the same input always gives the same picture, in milliseconds.
 */
import type { Position } from './layout.js';
import { NS_PAD } from './metrics.js';

export interface PackNode {
  readonly id: string;
  /** Compound parent (a namespace element id); undefined: outside every namespace (external hosts). */
  readonly parent?: string;
  readonly w: number;
  readonly h: number;
}

/** A namespace's label above its box: its width and height. */
export interface PackLabel { readonly w: number; readonly h: number }

export interface PackView {
  /** Canvas size in pixels (a headless graph: any 16:9 size). */
  readonly width: number;
  readonly height: number;
  /** Fit padding, in pixels, on each side. */
  readonly padding: number;
  /** A fit never zooms in further than this. */
  readonly maxZoom: number;
}

/** Between two pods of a namespace, and between two boxes side by side and one above the other. */
export const POD_GAP = 18;
export const GROUP_GAP = 36;
export const GROUP_GAP_Y = 24;
/** How tall or wide each namespace's grid is tried: cols ≈ √(n × shape). */
const SHAPES = [0.25, 0.5, 1, 2, 4, 8, 1000];

interface GroupBox { readonly id: string; readonly w: number; readonly h: number; place(ox: number, oy: number, out: Map<string, Position>): void }

function groupBox(id: string, members: readonly PackNode[], label: PackLabel | undefined, cols: number): GroupBox {
  const boxed = id !== '';
  const pad = boxed ? NS_PAD : 0;
  const labelH = label?.h ?? 0;
  const rows = Math.ceil(members.length / cols);
  const colW = Array.from({ length: cols }, () => 0);
  const rowH = Array.from({ length: rows }, () => 0);
  members.forEach((m, i) => {
    colW[i % cols] = Math.max(colW[i % cols]!, m.w);
    rowH[Math.floor(i / cols)] = Math.max(rowH[Math.floor(i / cols)]!, m.h);
  });
  const contentW = colW.reduce((s, x) => s + x, 0) + POD_GAP * (cols - 1);
  const contentH = rowH.reduce((s, x) => s + x, 0) + POD_GAP * (rows - 1);
  const w = Math.max(contentW + 2 * pad, label?.w ?? 0);
  const h = labelH + contentH + 2 * pad;
  return {
    id, w, h,
    place(ox, oy, out) {
      const left = ox + (w - contentW) / 2;
      members.forEach((m, i) => {
        const c = i % cols, r = Math.floor(i / cols);
        let x = left;
        for (let j = 0; j < c; j++) x += colW[j]! + POD_GAP;
        let y = oy + labelH + pad;
        for (let j = 0; j < r; j++) y += rowH[j]! + POD_GAP;
        out.set(m.id, { x: x + colW[c]! / 2, y: y + rowH[r]! / 2 });
      });
    },
  };
}

/** Boxes left to right, a new row when the next would pass `rowWidth`; the whole's size. */
function shelve(boxes: readonly GroupBox[], rowWidth: number): { w: number; h: number; at: Position[] } {
  const at: Position[] = [];
  let x = 0, y = 0, rowH = 0, w = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.w > rowWidth) { y += rowH + GROUP_GAP_Y; x = 0; rowH = 0; }
    at.push({ x, y });
    x += b.w + GROUP_GAP;
    w = Math.max(w, x - GROUP_GAP);
    rowH = Math.max(rowH, b.h);
  }
  return { w, h: y + rowH, at };
}

/**
 * Positions (centres) for every node. Namespaces keep the order their first node comes in, and
 * nodes outside any namespace come last, as one group without a box. Of every grid shape and row
 * width tried, the one whose fit zoom is largest wins (then the smaller area, then the first).
 */
export function packLayout(nodes: readonly PackNode[], labels: ReadonlyMap<string, PackLabel>, view: PackView): Map<string, Position> {
  const groups = new Map<string, PackNode[]>();
  for (const n of nodes) {
    const g = n.parent ?? '';
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(n);
  }
  const outside = groups.get('');
  if (outside) { groups.delete(''); groups.set('', outside); }
  const availW = Math.max(1, view.width - 2 * view.padding);
  const availH = Math.max(1, view.height - 2 * view.padding);
  let best: { zoom: number; area: number; boxes: GroupBox[]; at: Position[] } | null = null;
  for (const shape of SHAPES) {
    const boxes = [...groups].map(([id, members]) => {
      const cols = Math.max(1, Math.min(members.length, Math.round(Math.sqrt(members.length * shape))));
      return groupBox(id, members, labels.get(id), cols);
    });
    // Row widths worth trying: every prefix of the boxes on the first row.
    const widths = new Set<number>();
    let run = 0;
    for (const b of boxes) { run += (run > 0 ? GROUP_GAP : 0) + b.w; widths.add(run); }
    for (const rowWidth of widths) {
      const s = shelve(boxes, rowWidth);
      const zoom = Math.min(availW / Math.max(1, s.w), availH / Math.max(1, s.h), view.maxZoom);
      const area = s.w * s.h;
      if (!best || zoom > best.zoom + 1e-9 || (Math.abs(zoom - best.zoom) <= 1e-9 && area < best.area)) best = { zoom, area, boxes, at: s.at };
    }
  }
  const out = new Map<string, Position>();
  if (!best) return out;
  best.boxes.forEach((b, i) => b.place(best.at[i]!.x, best.at[i]!.y, out));
  return out;
}
