import { describe, expect, it } from 'vitest';
import { GROUP_GAP, packLayout, POD_GAP, type PackNode } from './pack.js';

type Rect = { x1: number; y1: number; x2: number; y2: number };
const rectOf = (n: PackNode, p: { x: number; y: number }): Rect => ({ x1: p.x - n.w / 2, y1: p.y - n.h / 2, x2: p.x + n.w / 2, y2: p.y + n.h / 2 });
const overlaps = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

// The developing-network-policies lesson's shape: three pods in default, two in prod, one host.
const lesson: PackNode[] = [
  { id: 'api', parent: 'ns:default', w: 124, h: 45 }, { id: 'db', parent: 'ns:default', w: 80, h: 45 }, { id: 'web', parent: 'ns:default', w: 100, h: 45 },
  { id: 'papi', parent: 'ns:prod', w: 124, h: 45 }, { id: 'rep', parent: 'ns:prod', w: 134, h: 45 },
  { id: 'ext', w: 120, h: 45 },
];
const labels = new Map([['ns:default', { w: 250, h: 34 }], ['ns:prod', { w: 230, h: 34 }]]);
const view = { width: 565, height: 257, padding: 14, maxZoom: 1.6 };

/** Each namespace's box as Cytoscape draws it: its pods, padding 12, the label above (centred). */
function boxes(p: Map<string, { x: number; y: number }>, nodes: PackNode[]) {
  const out = new Map<string, Rect>();
  for (const ns of new Set(nodes.map((n) => n.parent).filter((x): x is string => x !== undefined))) {
    const rs = nodes.filter((n) => n.parent === ns).map((n) => rectOf(n, p.get(n.id)!));
    const r = { x1: Math.min(...rs.map((q) => q.x1)) - 12, y1: Math.min(...rs.map((q) => q.y1)) - 12, x2: Math.max(...rs.map((q) => q.x2)) + 12, y2: Math.max(...rs.map((q) => q.y2)) + 12 };
    const l = labels.get(ns);
    const cx = (r.x1 + r.x2) / 2;
    out.set(ns, { x1: Math.min(r.x1, cx - (l?.w ?? 0) / 2), x2: Math.max(r.x2, cx + (l?.w ?? 0) / 2), y1: r.y1 - (l?.h ?? 0), y2: r.y2 });
  }
  return out;
}

describe('packLayout', () => {
  it('places every node, none overlapping, namespaces (with their labels) apart, deterministically', () => {
    const p = packLayout(lesson, labels, view);
    expect(p.size).toBe(lesson.length);
    const rs = lesson.map((n) => rectOf(n, p.get(n.id)!));
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) expect(overlaps(rs[i]!, rs[j]!)).toBe(false);
    const b = boxes(p, lesson);
    expect(overlaps(b.get('ns:default')!, b.get('ns:prod')!)).toBe(false);
    // The host is outside every namespace box.
    for (const box of b.values()) expect(overlaps(box, rectOf(lesson[5]!, p.get('ext')!))).toBe(false);
    expect(packLayout(lesson, labels, view)).toEqual(p);
  });
  it('shapes the graph to the canvas: wide canvas, wide graph; tall canvas, tall graph', () => {
    const extent = (p: Map<string, { x: number; y: number }>) => {
      const rs = lesson.map((n) => rectOf(n, p.get(n.id)!));
      return { w: Math.max(...rs.map((r) => r.x2)) - Math.min(...rs.map((r) => r.x1)), h: Math.max(...rs.map((r) => r.y2)) - Math.min(...rs.map((r) => r.y1)) };
    };
    const wide = extent(packLayout(lesson, labels, { ...view, width: 1600, height: 300 }));
    const tall = extent(packLayout(lesson, labels, { ...view, width: 300, height: 1600 }));
    expect(wide.w / wide.h).toBeGreaterThan(tall.w / tall.h);
    expect(wide.w).toBeGreaterThan(wide.h);
    expect(tall.h).toBeGreaterThan(tall.w);
  });
  it('at the lab\'s 1280x720 graph size, the lesson fits at a zoom where 15-unit text is ≥ 14 px', () => {
    const p = packLayout(lesson, labels, view);
    const all = [...lesson.map((n) => rectOf(n, p.get(n.id)!)), ...boxes(p, lesson).values()];
    const w = Math.max(...all.map((r) => r.x2)) - Math.min(...all.map((r) => r.x1));
    const h = Math.max(...all.map((r) => r.y2)) - Math.min(...all.map((r) => r.y1));
    const zoom = Math.min((view.width - 2 * view.padding) / w, (view.height - 2 * view.padding) / h);
    expect(zoom * 15).toBeGreaterThanOrEqual(14 * 0.97);
  });
  it('leaves the gaps it promises between pods and between boxes', () => {
    const p = packLayout([{ id: 'a', parent: 'ns:x', w: 100, h: 40 }, { id: 'b', parent: 'ns:x', w: 100, h: 40 }], new Map(), { ...view, width: 2000, height: 200 });
    expect(Math.abs(p.get('a')!.x - p.get('b')!.x)).toBe(100 + POD_GAP);
    const two = packLayout([{ id: 'a', parent: 'ns:x', w: 100, h: 40 }, { id: 'b', parent: 'ns:y', w: 100, h: 40 }], new Map(), { ...view, width: 2000, height: 200 });
    expect(Math.abs(two.get('a')!.x - two.get('b')!.x)).toBe(100 + 2 * 12 + GROUP_GAP);
  });
});
