import { describe, expect, it } from 'vitest';
import { CELL_H, CELL_W, gridPositions, placeNewNodes, seededRandom, withSeededRandom, type Position } from './layout.js';

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

describe('seeded random', () => {
  it('repeats for a seed and restores Math.random', () => {
    const r1 = seededRandom(7), r2 = seededRandom(7);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
    const original = Math.random;
    const seq = withSeededRandom(3, () => [Math.random(), Math.random()]);
    expect(withSeededRandom(3, () => [Math.random(), Math.random()])).toEqual(seq);
    expect(Math.random).toBe(original);
  });
});

describe('gridPositions (large graphs)', () => {
  const nodes = [
    ...Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, parent: 'ns:a' })),
    ...Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, parent: 'ns:b' })),
    { id: 'ext', parent: undefined },
  ].map((n) => (n.parent ? n : { id: n.id }));
  it('places every node once, none overlapping, deterministically', () => {
    const p = gridPositions(nodes);
    expect(p.size).toBe(nodes.length);
    const all = [...p.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i]!, all[j]!)).toBe(false);
    expect(gridPositions(nodes)).toEqual(p);
  });
  it('keeps each namespace together: its box does not contain another namespace\'s pod', () => {
    const p = gridPositions(nodes);
    const box = (prefix: string) => {
      const ps = [...p].filter(([id]) => id.startsWith(prefix)).map(([, v]) => v);
      return { x1: Math.min(...ps.map((q) => q.x)), x2: Math.max(...ps.map((q) => q.x)), y1: Math.min(...ps.map((q) => q.y)), y2: Math.max(...ps.map((q) => q.y)) };
    };
    const a = box('a');
    for (const [id, q] of p) if (!id.startsWith('a')) expect(q.x >= a.x1 && q.x <= a.x2 && q.y >= a.y1 && q.y <= a.y2).toBe(false);
  });
});
