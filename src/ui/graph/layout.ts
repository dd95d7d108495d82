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
}

/** Room for a pod's multi-line label; two nodes closer than this overlap. */
export const CELL_W = 170;
export const CELL_H = 120;
/** Gap kept between a node and another namespace's box. */
const BOX_PAD = 60;
const MAX_RING = 40;

interface Box { minX: number; minY: number; maxX: number; maxY: number }

function boxOf(points: readonly Position[]): Box | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
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
 * Positions for the nodes of `nodes` that `known` lacks. Nodes in `known` but not in `nodes`
 * (removed ones) are ignored.
 */
export function placeNewNodes(nodes: readonly LeafNode[], known: ReadonlyMap<string, Position>): Map<string, Position> {
  const placed = new Map<string, Position>();
  const groupOf = new Map(nodes.map((n) => [n.id, n.parent ?? '']));
  const members = (group: string): Position[] => {
    const out: Position[] = [];
    for (const n of nodes) {
      if ((n.parent ?? '') !== group) continue;
      const p = known.get(n.id) ?? placed.get(n.id);
      if (p) out.push(p);
    }
    return out;
  };
  const all = (): Position[] => nodes.flatMap((n) => {
    const p = known.get(n.id) ?? placed.get(n.id);
    return p ? [p] : [];
  });

  for (const node of nodes) {
    if (known.has(node.id)) continue;
    const group = node.parent ?? '';
    const siblings = members(group);
    const everything = all();
    let anchor: Position;
    if (siblings.length > 0) {
      anchor = { x: siblings.reduce((s, p) => s + p.x, 0) / siblings.length, y: siblings.reduce((s, p) => s + p.y, 0) / siblings.length };
    } else {
      const box = boxOf(everything);
      anchor = box ? { x: box.maxX + CELL_W * 2, y: box.minY } : { x: 0, y: 0 };
    }
    // Other namespaces' boxes are obstacles, so a new pod never lands inside a neighbour.
    const obstacles: Box[] = [];
    for (const g of new Set(groupOf.values())) {
      if (g === '' || g === group) continue;
      const b = boxOf(members(g));
      if (b) obstacles.push({ minX: b.minX - BOX_PAD - CELL_W / 2, minY: b.minY - BOX_PAD - CELL_H / 2, maxX: b.maxX + BOX_PAD + CELL_W / 2, maxY: b.maxY + BOX_PAD + CELL_H / 2 });
    }
    const free = (c: Position) =>
      everything.every((p) => Math.abs(p.x - c.x) >= CELL_W || Math.abs(p.y - c.y) >= CELL_H) &&
      obstacles.every((b) => c.x < b.minX || c.x > b.maxX || c.y < b.minY || c.y > b.maxY);
    let spot: Position | null = null;
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

/**
 * Past this many nodes a force layout (fcose) takes seconds on the main thread; namespaces tiled
 * as grids take milliseconds and read better at that size anyway.
 */
export const GRID_LAYOUT_FROM = 150;

/** Room inside a namespace box: its padding and its label line. */
const NS_PAD = 30;
const NS_LABEL = 24;
const BOX_GAP = 60;

/**
 * A deterministic layout for large graphs: each namespace's pods in a near-square grid, in the
 * order given (namespaces in the order their first node comes, nodes outside any namespace last),
 * and the namespace boxes tiled in rows about as wide as the whole is tall.
 */
export function gridPositions(nodes: readonly LeafNode[]): Map<string, Position> {
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const g = n.parent ?? '';
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(n.id);
  }
  const outside = groups.get('');
  if (outside) { groups.delete(''); groups.set('', outside); }
  const boxes = [...groups.values()].map((ids) => {
    const cols = Math.ceil(Math.sqrt(ids.length));
    const rows = Math.ceil(ids.length / cols);
    return { ids, cols, w: cols * CELL_W + 2 * NS_PAD, h: rows * CELL_H + 2 * NS_PAD + NS_LABEL };
  });
  const rowWidth = Math.max(...boxes.map((b) => b.w), Math.sqrt(boxes.reduce((s, b) => s + (b.w + BOX_GAP) * (b.h + BOX_GAP), 0)));
  const out = new Map<string, Position>();
  let x = 0, y = 0, rowH = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.w > rowWidth) { x = 0; y += rowH + BOX_GAP; rowH = 0; }
    b.ids.forEach((id, i) => {
      out.set(id, { x: x + NS_PAD + (i % b.cols) * CELL_W + CELL_W / 2, y: y + NS_PAD + NS_LABEL + Math.floor(i / b.cols) * CELL_H + CELL_H / 2 });
    });
    x += b.w + BOX_GAP;
    rowH = Math.max(rowH, b.h);
  }
  return out;
}

/** mulberry32: a tiny seeded PRNG, so fcose's random start is the same on every load. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with Math.random replaced by a seeded generator. fcose (and cose-base) call
 * Math.random directly and offer no seed option; the layout runs synchronously (animate: false),
 * so the swap is confined to this call.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
