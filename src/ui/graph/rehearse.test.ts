// The graph's rehearsal (issue 11): one edit's drawing code walked on throwaway data, leaving the
// analysis and the drawn list as they were.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { analyze } from '../../engine/index.js';
import { edgeReuse, flowEdges, graphNodes, type ElementOptions } from './elements.js';
import { rehearsalDrawings, rehearseCanvas, rehearseDrawing, withOneVerdictFlipped } from './rehearse.js';
import { changedFlows } from './teach.js';

const pod = (name: string, app: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels:
    app: ${app}
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - containerPort: 80
`;
const denyAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress]
`;
const options: ElementOptions = { port: 'any', showDenied: true };
const teach = { showDenied: true, fold: true };
const edge = (id: string, status: string): ElementDefinition => ({ group: 'edges', data: { id, kind: 'edge', from: 'a', to: id, source: 'a', target: id, status } });
const node: ElementDefinition = { group: 'nodes', data: { id: 'n' } };

describe('withOneVerdictFlipped', () => {
  it('turns over the first flow edge only, on a copy', () => {
    const list = [node, edge('x', 'allowed'), edge('y', 'allowed')];
    const frozen = JSON.stringify(list);
    const out = withOneVerdictFlipped(list);
    expect(out?.map((e) => e.data.status)).toEqual([undefined, 'denied', 'allowed']);
    expect(out?.[2]).toBe(list[2]);
    expect(JSON.stringify(list)).toBe(frozen);
    expect(changedFlows(list, out ?? [])).toEqual(new Map([['a->x', 'now-denied']]));
  });
  it('turns a denied or partial verdict into allowed', () => {
    expect(withOneVerdictFlipped([edge('x', 'denied')])?.[0]?.data.status).toBe('allowed');
    expect(withOneVerdictFlipped([edge('x', 'partial')])?.[0]?.data.status).toBe('allowed');
  });
  it('is null without a flow edge (a fold or a node is not one)', () => {
    expect(withOneVerdictFlipped([node, { group: 'edges', data: { id: 'f', kind: 'fold', status: 'allowed' } }])).toBeNull();
  });
});

describe('rehearseDrawing', () => {
  it('draws something for a scenario with flows, and leaves the analysis as it was', () => {
    const analysis = analyze([{ name: 'a.yaml', text: [pod('web', 'web'), pod('api', 'api'), pod('db', 'db'), denyAll].join('---\n') }]);
    const drawn = flowEdges(analysis, options, graphNodes(analysis, options), edgeReuse());
    const before = JSON.stringify(analysis.network);
    expect(rehearseDrawing(analysis, options, teach)).toBeGreaterThan(0);
    expect(JSON.stringify(analysis.network)).toBe(before);
    expect(flowEdges(analysis, options, graphNodes(analysis, options), edgeReuse())).toEqual(drawn);
  });
  it('is 0 for a scenario without a flow (one pod)', () => {
    const analysis = analyze([{ name: 'a.yaml', text: pod('web', 'web') }]);
    expect(rehearseDrawing(analysis, options, teach)).toBe(0);
  });
});

describe('rehearsalDrawings', () => {
  it('gives a first drawing and an edit that differ in one verdict, with the change taught', () => {
    const analysis = analyze([{ name: 'a.yaml', text: [pod('web', 'web'), pod('api', 'api'), pod('db', 'db'), denyAll].join('---\n') }]);
    const d = rehearsalDrawings(analysis, options, teach);
    expect(d).not.toBeNull();
    // Each drawn flow edge stands for its members (a pair drawn once both ways): verdicts per member.
    const verdicts = (list: readonly ElementDefinition[]) => new Map(list.filter((e) => e.data.kind === 'edge')
      .flatMap((e) => (e.data.members as string[]).map((m) => [m, e.data.status as string] as const)));
    const a = verdicts(d?.first ?? []), b = verdicts(d?.edited ?? []);
    expect(a.size).toBe(6);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a].filter(([k, v]) => b.get(k) !== v)).toHaveLength(1);
    // The edit's changed edge carries the change, as an edit's drawing does (teach.ts).
    expect(JSON.stringify(d?.edited)).toMatch(/now-(allowed|denied)/);
    expect(JSON.stringify(d?.first)).not.toMatch(/now-(allowed|denied)/);
  });
  it('is null for a scenario without a flow', () => {
    expect(rehearsalDrawings(analyze([{ name: 'a.yaml', text: pod('web', 'web') }]), options, teach)).toBeNull();
  });
});

describe('rehearseCanvas', () => {
  /** A page of one body, the box it is given, and steps run by hand. */
  function harness(opts: { stopAt?: number; throwAt?: number } = {}) {
    const log: string[] = [];
    const queue: (() => void)[] = [];
    const box = { style: {} as Record<string, string>, inert: false, attrs: {} as Record<string, string>, removed: false,
      setAttribute(k: string, v: string) { this.attrs[k] = v; }, remove() { this.removed = true; log.push('box removed'); } };
    const body = { appendChild: (b: unknown) => { log.push(b === box ? 'box added' : 'other added'); } };
    vi.stubGlobal('document', { createElement: () => box, body });
    let updates = 0;
    let done: boolean | null = null;
    const steps = {
      adapter: () => ({
        update: (els: readonly ElementDefinition[]) => { updates++; if (updates === opts.throwAt) throw new Error('boom'); log.push(`update ${els === drawings.first ? 'first' : 'edited'}`); },
        destroy: () => log.push('destroyed'),
      }),
      frame: (f: () => void) => { log.push('frame'); queue.push(f); },
      later: (f: () => void) => queue.push(f),
      stopped: () => opts.stopAt !== undefined && updates >= opts.stopAt,
      done: (walked: boolean) => { done = walked; },
    };
    const drawings = { first: [node], edited: [node, edge('x', 'allowed')], pods: 1 };
    const runAll = () => { for (let i = 0; i < 50 && queue.length > 0; i++) (queue.shift() as () => void)(); };
    return { log, box, steps, drawings, runAll, done: () => done };
  }
  afterEach(() => vi.unstubAllGlobals());

  it('applies the first drawing, the edit, the first again, a frame after each, each in a task; then removes all', () => {
    const h = harness();
    rehearseCanvas(h.drawings, { width: 800, height: 600 }, h.steps);
    expect(h.log).toEqual(['box added']); // nothing before its own task
    h.runAll();
    expect(h.log).toEqual(['box added', 'update first', 'frame', 'update edited', 'frame', 'update first', 'frame', 'destroyed', 'box removed']);
    expect(h.done()).toBe(true);
    // hidden from the student and from assistive technology, out of view, the graph's size
    expect(h.box.attrs['aria-hidden']).toBe('true');
    expect(h.box.inert).toBe(true);
    expect(h.box.style).toMatchObject({ position: 'fixed', visibility: 'hidden', pointerEvents: 'none', width: '800px', height: '600px' });
    expect(Number.parseInt(h.box.style.left ?? '0', 10)).toBeLessThan(-10000);
  });
  it('ends at once when stopped (the student typed): the adapter destroyed, the box removed, not walked', () => {
    const h = harness({ stopAt: 1 });
    rehearseCanvas(h.drawings, { width: 10, height: 10 }, h.steps);
    h.runAll();
    expect(h.log).toEqual(['box added', 'update first', 'frame', 'destroyed', 'box removed']);
    expect(h.done()).toBe(false);
    expect(h.box.style).toMatchObject({ width: '120px', height: '80px' });
  });
  it('ends cleanly when Cytoscape throws', () => {
    const h = harness({ throwAt: 2 });
    rehearseCanvas(h.drawings, { width: 800, height: 600 }, h.steps);
    h.runAll();
    expect(h.log).toEqual(['box added', 'update first', 'frame', 'destroyed', 'box removed']);
    expect(h.done()).toBe(false);
  });
});
