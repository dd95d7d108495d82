/**
 * Layout stability without a force simulation: when the node set changes, nodes that already
 * have a position keep it, and each new node takes the nearest free grid cell next to its
 * namespace's other pods (or to the right of everything, for a new namespace or external host).
 * Pure and deterministic, so adding a policy never makes the graph jump, and tests can say so.
 */
export interface Position { readonly x: number; readonly y: number }

export interface LeafNode {
  readonly id: string;
  /** Compound parent (namespace element id); undefined for external hosts. */
  readonly parent?: string;
  /** The node's box (metrics.ts); a grid cell less the gap when not given. */
  readonly w?: number;
  readonly h?: number;
}

/** The grid new nodes are tried on, stepping out from their anchor. */
export const CELL_W = 170;
export const CELL_H = 90;
/** Room kept between two nodes. */
const GAP = 18;
/** Gap kept between a node and another namespace's box (its padding and label included). */
const BOX_PAD = 36;
const MAX_RING = 40;
/** A grown node looks this far sideways (steps × step) before anywhere else. */
const SIDE_STEP = 12;
const SIDE_STEPS = 30;

interface Box { minX: number; minY: number; maxX: number; maxY: number }
interface Rect { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

const sizeOf = (n: LeafNode) => ({ w: n.w ?? CELL_W - GAP, h: n.h ?? CELL_H - GAP });

function boxOf(rects: readonly Rect[]): Box | null {
  if (rects.length === 0) return null;
  return {
    minX: Math.min(...rects.map((r) => r.x - r.w / 2)), minY: Math.min(...rects.map((r) => r.y - r.h / 2)),
    maxX: Math.max(...rects.map((r) => r.x + r.w / 2)), maxY: Math.max(...rects.map((r) => r.y + r.h / 2)),
  };
}

/** Grid offsets ordered by distance from the anchor, then clockwise from the right: deterministic. */
function ringOffsets(ring: number): Position[] {
  const out: Position[] = [];
  for (let i = -ring; i <= ring; i++) {
    for (let j = -ring; j <= ring; j++) {
      if (Math.max(Math.abs(i), Math.abs(j)) === ring) out.push({ x: i * CELL_W, y: j * CELL_H });
    }
  }
  const key = (p: Position) => [Math.hypot(p.x, p.y), (Math.atan2(p.y, p.x) + 2 * Math.PI) % (2 * Math.PI)] as const;
  return out.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
}

/**
 * Positions for the nodes of `nodes` that `known` lacks: a new pod takes the nearest free spot
 * next to its namespace's other pods (or, for a new namespace or host, right of everything), never
 * touching another node or another namespace's box. Nodes in `known` keep their place (stable
 * positions across edits: adding a pod moves nothing); nodes in `known` but not in `nodes` (removed
 * ones) are ignored.
 */
export function placeNewNodes(
  nodes: readonly LeafNode[], known: ReadonlyMap<string, Position>,
  /** Where a node was before (a namespace collapsed and expanded again): taken back if still free. */
  preferred: ReadonlyMap<string, Position> = new Map(),
  /** Where a group with no placed node yet sits (an expanded namespace's box). */
  anchors: ReadonlyMap<string, Position> = new Map(),
  /** Nodes that grew where they stand: tried first sideways along their row, then as any new node. */
  grown: ReadonlyMap<string, Position> = new Map(),
  /** Each namespace's label above its box (it may be wider than its pods): part of the obstacle. */
  labels: ReadonlyMap<string, { readonly w: number; readonly h: number }> = new Map(),
): Map<string, Position> {
  const placed = new Map<string, Position>();
  const groupOf = new Map(nodes.map((n) => [n.id, n.parent ?? '']));
  const rectOf = (n: LeafNode): Rect | null => {
    const p = known.get(n.id) ?? placed.get(n.id);
    return p ? { x: p.x, y: p.y, ...sizeOf(n) } : null;
  };
  const members = (group: string): Rect[] => nodes.flatMap((n) => {
    if ((n.parent ?? '') !== group) return [];
    const r = rectOf(n);
    return r ? [r] : [];
  });
  const all = (): Rect[] => nodes.flatMap((n) => { const r = rectOf(n); return r ? [r] : []; });

  for (const node of nodes) {
    if (known.has(node.id)) continue;
    const group = node.parent ?? '';
    const { w, h } = sizeOf(node);
    const siblings = members(group);
    const everything = all();
    let anchor: Position;
    const groupAnchor = anchors.get(group);
    if (siblings.length > 0) {
      anchor = { x: siblings.reduce((s, p) => s + p.x, 0) / siblings.length, y: siblings.reduce((s, p) => s + p.y, 0) / siblings.length };
    } else if (groupAnchor) {
      anchor = groupAnchor;
    } else {
      const box = boxOf(everything);
      anchor = box ? { x: box.maxX + BOX_PAD + w / 2 + GAP, y: box.minY + h / 2 } : { x: 0, y: 0 };
    }
    // Other namespaces' boxes are obstacles, so a new pod never lands inside a neighbour.
    const obstacles: Box[] = [];
    for (const g of new Set(groupOf.values())) {
      if (g === '' || g === group) continue;
      const b = boxOf(members(g));
      if (!b) continue;
      const label = labels.get(g);
      const cx = (b.minX + b.maxX) / 2;
      const minX = Math.min(b.minX, cx - (label?.w ?? 0) / 2), maxX = Math.max(b.maxX, cx + (label?.w ?? 0) / 2);
      const minY = b.minY - (label?.h ?? 0);
      obstacles.push({ minX: minX - BOX_PAD - w / 2, minY: minY - BOX_PAD - h / 2, maxX: maxX + BOX_PAD + w / 2, maxY: b.maxY + BOX_PAD + h / 2 });
    }
    const free = (c: Position) =>
      everything.every((r) => Math.abs(r.x - c.x) >= (r.w + w) / 2 + GAP || Math.abs(r.y - c.y) >= (r.h + h) / 2 + GAP) &&
      obstacles.every((b) => c.x < b.minX || c.x > b.maxX || c.y < b.minY || c.y > b.maxY);
    const before = preferred.get(node.id);
    let spot: Position | null = before && free(before) ? before : null;
    const stood = grown.get(node.id);
    for (let i = 1; stood && spot === null && i <= 2 * SIDE_STEPS; i++) {
      const c = { x: stood.x + (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2) * SIDE_STEP, y: stood.y };
      if (free(c)) spot = c;
    }
    for (let ring = 0; ring <= MAX_RING && spot === null; ring++) {
      for (const o of ringOffsets(ring)) {
        const c = { x: anchor.x + o.x, y: anchor.y + o.y };
        if (free(c)) { spot = c; break; }
      }
    }
    placed.set(node.id, spot ?? { x: anchor.x, y: anchor.y + CELL_H * (MAX_RING + 1) });
  }
  return placed;
}
