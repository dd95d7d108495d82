// Runs Cytoscape headless in node: checks the adapter's promise that the graph never jumps.
import { describe, expect, it } from 'vitest';
import { buildAnalysis, type PodSpec } from '../../testing/ui.js';
import type { Analysis, ServiceReport } from '../../engine/model/index.js';
import { GraphAdapter } from './cyAdapter.js';
import { toElements } from './elements.js';
import { neighbourhood } from './focus.js';
import { teachEdges } from './teach.js';
import { DEFAULT_THEME } from './theme.js';
import type { Selection } from './selection.js';

const pods: PodSpec[] = [
  { key: 'a/web', ports: [{ port: 80, protocol: 'TCP' }] }, { key: 'a/api' }, { key: 'b/db' }, { key: 'b/cache' },
];
const base = buildAnalysis({ pods, allow: ['a/api->a/web@80/TCP'] });
const opts = { port: 'any', showDenied: false } as const;

function adapter(selected: Selection[] = []) {
  return new GraphAdapter({ theme: DEFAULT_THEME, onSelect: (s) => { if (s) selected.push(s); } });
}

describe('GraphAdapter', () => {
  it('zooms by the keyboard\'s factor, within the graph\'s limits (+ / − / 0 in GraphView)', () => {
    const g = adapter();
    g.update(toElements(base, opts), null);
    const z = g.zoom();
    g.zoomBy(1.25);
    expect(g.zoom()).toBeCloseTo(z * 1.25);
    g.zoomBy(0.8);
    expect(g.zoom()).toBeCloseTo(z);
    for (let i = 0; i < 100; i++) g.zoomBy(0.5);
    expect(g.zoom()).toBeGreaterThan(0);
    g.destroy();
  });
  it('lays out the first time, deterministically', () => {
    const one = adapter(), two = adapter();
    expect(one.update(toElements(base, opts), null)).toBe('full');
    two.update(toElements(base, opts), null);
    expect(one.positions()).toEqual(two.positions());
    const xs = Object.values(one.positions()).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`);
    expect(new Set(xs).size).toBe(4);
    one.destroy(); two.destroy();
  });
  it('keeps every position when only edges change (a policy was added)', () => {
    const g = adapter();
    g.update(toElements(base, opts), null);
    const before = g.positions();
    const withPolicy = buildAnalysis({ pods, allow: [] , policyPorts: [{ port: 443, protocol: 'TCP' }] });
    expect(g.update(toElements(withPolicy, { port: 'any', showDenied: true }), null)).toBe('none');
    expect(g.positions()).toEqual(before);
    g.destroy();
  });
  it('lays out afresh when every pod is new (another lesson), even if a namespace stays', () => {
    const g = adapter();
    g.update(toElements(base, opts), null);
    // Namespace `a` stays, now with only new pods: it must not count as something to keep.
    const other = buildAnalysis({ pods: [{ key: 'a/x' }, { key: 'c/y' }], allow: [] });
    expect(g.update(toElements(other, opts), null)).toBe('full');
    g.destroy();
  });
  it('places only the new pod, next to its namespace, when a pod is added', () => {
    const g = adapter();
    g.update(toElements(base, opts), null);
    const before = g.positions();
    const more = buildAnalysis({ pods: [...pods, { key: 'a/worker' }], allow: [] });
    expect(g.update(toElements(more, opts), null)).toBe('incremental');
    const after = g.positions();
    for (const [id, p] of Object.entries(before)) expect(after[id]).toEqual(p);
    const w = after['pod:a/worker']!;
    const web = after['pod:a/web']!, db = after['pod:b/db']!;
    expect(Math.hypot(w.x - web.x, w.y - web.y)).toBeLessThan(Math.hypot(w.x - db.x, w.y - db.y));
    g.destroy();
  });
  it('removes what is gone and keeps the rest', () => {
    const g = adapter();
    g.update(toElements(base, opts), null);
    const before = g.positions();
    const fewer = buildAnalysis({ pods: pods.slice(0, 3), allow: [] });
    expect(g.update(toElements(fewer, opts), null)).toBe('none');
    const after = g.positions();
    expect(Object.keys(after).sort()).toEqual(['pod:a/api', 'pod:a/web', 'pod:b/db']);
    for (const [id, p] of Object.entries(after)) expect(p).toEqual(before[id]);
    g.destroy();
  });
  it('a new instance reuses the positions of the old one (the view was unmounted)', () => {
    const g = adapter();
    g.update(toElements(base, opts), null);
    const before = g.positions();
    g.destroy();
    const more = buildAnalysis({ pods: [...pods, { key: 'b/queue' }], allow: [] });
    const again = new GraphAdapter({ theme: DEFAULT_THEME, onSelect: () => {}, positions: before });
    expect(again.update(toElements(more, opts), null)).toBe('incremental');
    const after = again.positions();
    for (const [id, p] of Object.entries(before)) expect(after[id]).toEqual(p);
    expect(after['pod:b/queue']).toBeDefined();
    again.destroy();
  });
  describe('Services on and off', () => {
    const svc: ServiceReport = {
      key: 'a/web-svc', namespace: 'a', name: 'web-svc', type: 'ClusterIP', clusterIP: '10.96.0.50', headless: false,
      selector: { app: 'web' }, labels: {}, ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }],
      endpoints: [{ port: { port: 8080, targetPort: 80, protocol: 'TCP' }, addresses: [{ pod: 'a/web', ip: '10.244.0.10', port: 80, ready: true }] }],
      backends: [], system: false,
    };
    const withSvc: Analysis = { ...base, services: [svc] };
    it('turning Services on places only the Service, next to its namespace; turning them off moves nothing', () => {
      const g = adapter();
      g.update(toElements(withSvc, opts), null);
      const before = g.positions();
      expect(g.update(toElements(withSvc, { ...opts, showServices: true }), null)).toBe('incremental');
      const on = g.positions();
      for (const [id, p] of Object.entries(before)) expect(on[id]).toEqual(p);
      const s = on['svc:a/web-svc']!, web = on['pod:a/web']!, db = on['pod:b/db']!;
      expect(Math.hypot(s.x - web.x, s.y - web.y)).toBeLessThan(Math.hypot(s.x - db.x, s.y - db.y));
      expect(g.update(toElements(withSvc, opts), null)).toBe('none');
      expect(g.positions()).toEqual(before);
      g.destroy();
    });
    it('a selected Service is found by its selection (the test API clicks there)', () => {
      const g = adapter();
      g.update(toElements(withSvc, { ...opts, showServices: true }), { kind: 'service', id: 'a/web-svc' });
      expect(g.renderedPoint({ kind: 'service', id: 'a/web-svc' })).not.toBeNull();
      g.destroy();
    });
  });
  describe('teaching graph (issue 10)', () => {
    const both = buildAnalysis({ pods, allow: ['a/api->a/web@80/TCP', 'a/web->a/api@80/TCP'] });
    const taught = (a: Analysis) => teachEdges(toElements(a, { port: { port: 80, protocol: 'TCP' }, showDenied: false }), { showDenied: false, fold: true });
    it('a flow drawn merged both ways is selected (and found) from either direction', () => {
      const g = adapter();
      g.update(taught(both), null);
      const edges = g.snapshot().edges;
      // One edge for the pair (whichever direction comes first names it).
      expect(edges.map((e) => e.id)).toEqual(['edge:a/web->a/api']);
      g.select({ kind: 'edge', from: 'a/api', to: 'a/web' });
      expect(g.snapshot().edges[0]!.classes).toContain('sel');
      g.destroy();
    });
    it('focus mode hides everything outside the neighbourhood, and shows it all again', () => {
      const g = adapter();
      const els = taught(both);
      g.update(els, null);
      g.setFocus(neighbourhood(els, 'pod:a/api'));
      const hidden = g.snapshot().nodes.filter((n) => n.hidden).map((n) => n.id).sort();
      expect(hidden).toEqual(['ns:b', 'pod:b/cache', 'pod:b/db']);
      g.setFocus(null);
      expect(g.snapshot().nodes.some((n) => n.hidden)).toBe(false);
      g.destroy();
    });
    it('a pod whose label grows into its neighbour moves aside; no other node moves', () => {
      const row = buildAnalysis({ pods: [{ key: 'a/p1' }, { key: 'a/p2' }, { key: 'a/p3' }], allow: [] });
      const g = adapter();
      const els = toElements(row, opts);
      g.update(els, null);
      const before = g.positions();
      // p2's label gains a long line (as "isolated: …" would): its box is far wider than before.
      const wide = els.map((d) => (d.data.id === 'pod:a/p2' ? { ...d, data: { ...d.data, label: `p2\n${'x'.repeat(60)}`, w: 420 } } : d));
      g.update(wide, null);
      const after = g.positions();
      expect(after['pod:a/p1']).toEqual(before['pod:a/p1']);
      expect(after['pod:a/p3']).toEqual(before['pod:a/p3']);
      const boxes = g.snapshot().nodes.filter((n) => n.kind === 'pod');
      for (const a of boxes) for (const b of boxes) {
        if (a.id >= b.id) continue;
        expect([a.id, b.id, a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2]).toEqual([a.id, b.id, false]);
      }
      g.destroy();
    });
  });
});
