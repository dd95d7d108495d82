import { describe, expect, it } from 'vitest';
import { CELL_H, CELL_W, placeNewNodes, type Position } from './layout.js';

const overlap = (a: Position, b: Position) => Math.abs(a.x - b.x) < CELL_W && Math.abs(a.y - b.y) < CELL_H;

describe('placeNewNodes', () => {
  it('leaves known nodes alone and returns only new ones', () => {
    const known = new Map([['a', { x: 0, y: 0 }]]);
    const placed = placeNewNodes([{ id: 'a', parent: 'ns:x' }, { id: 'b', parent: 'ns:x' }], known);
    expect([...placed.keys()]).toEqual(['b']);
  });
  it('puts a new pod next to its namespace siblings, on a free cell', () => {
    const known = new Map([['a', { x: 0, y: 0 }], ['b', { x: CELL_W, y: 0 }]]);
    const p = placeNewNodes([{ id: 'a', parent: 'ns:x' }, { id: 'b', parent: 'ns:x' }, { id: 'c', parent: 'ns:x' }], known).get('c');
    expect(p).toBeDefined();
    for (const k of known.values()) expect(overlap(p!, k)).toBe(false);
    // within one cell of the siblings' centre
    expect(Math.hypot(p!.x - CELL_W / 2, p!.y)).toBeLessThanOrEqual(Math.hypot(CELL_W, CELL_H));
  });
  it("never puts a pod inside another namespace's box", () => {
    const known = new Map([['a', { x: 0, y: 0 }], ['o1', { x: 400, y: 0 }], ['o2', { x: 400, y: 200 }]]);
    const nodes = [{ id: 'a', parent: 'ns:x' }, { id: 'o1', parent: 'ns:y' }, { id: 'o2', parent: 'ns:y' }, { id: 'n1', parent: 'ns:x' }, { id: 'n2', parent: 'ns:x' }, { id: 'n3', parent: 'ns:x' }];
    const placed = placeNewNodes(nodes, known);
    for (const p of placed.values()) expect(p.x).toBeLessThan(400 - CELL_W / 2);
  });
  it('places a new namespace to the right of everything', () => {
    const known = new Map([['a', { x: 0, y: 0 }], ['b', { x: 300, y: 50 }]]);
    const p = placeNewNodes([{ id: 'a', parent: 'ns:x' }, { id: 'b', parent: 'ns:x' }, { id: 'z', parent: 'ns:new' }], known).get('z');
    expect(p!.x).toBeGreaterThan(300 + CELL_W);
  });
  it('places many new nodes without overlaps, the same way every time', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, parent: `ns:${i % 3}` }));
    const first = placeNewNodes(nodes, new Map());
    const again = placeNewNodes(nodes, new Map());
    expect([...again]).toEqual([...first]);
    const pts = [...first.values()];
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) expect(overlap(pts[i]!, pts[j]!)).toBe(false);
  });
});

describe('placeNewNodes: sizes and memory', () => {
  const rectsOverlap = (a: Position & { w: number; h: number }, b: Position & { w: number; h: number }) =>
    Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2;
  it('keeps a wide new pod clear of its wide neighbours', () => {
    const nodes = [{ id: 'a', parent: 'ns:x', w: 320, h: 50 }, { id: 'b', parent: 'ns:x', w: 320, h: 50 }];
    const p = placeNewNodes(nodes, new Map([['a', { x: 0, y: 0 }]])).get('b')!;
    expect(rectsOverlap({ ...p, w: 320, h: 50 }, { x: 0, y: 0, w: 320, h: 50 })).toBe(false);
  });
  it('puts a pod that comes back where it was, if that place is still free', () => {
    const nodes = [{ id: 'a', parent: 'ns:x' }, { id: 'b', parent: 'ns:x' }];
    const before = { x: 0, y: CELL_H * 3 };
    expect(placeNewNodes(nodes, new Map([['a', { x: 0, y: 0 }]]), new Map([['b', before]])).get('b')).toEqual(before);
    // Taken since: it goes elsewhere.
    expect(placeNewNodes(nodes, new Map([['a', before]]), new Map([['b', before]])).get('b')).not.toEqual(before);
  });
  it('gathers the pods of an expanded namespace around its box', () => {
    const nodes = [{ id: 'a', parent: 'ns:x' }, { id: 'n', parent: 'ns:y' }];
    const p = placeNewNodes(nodes, new Map([['a', { x: 0, y: 0 }]]), new Map(), new Map([['ns:y', { x: 0, y: 2000 }]])).get('n')!;
    expect(Math.hypot(p.x, p.y - 2000)).toBeLessThanOrEqual(Math.hypot(CELL_W, CELL_H));
  });
});
