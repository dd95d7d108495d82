import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CHANGED_FOLD_MIN, changedFlows, changeFoldKey, diffFlows, flowKey, flowStatuses, FOLD_MIN, foldKey, INTRA_FOLD_MIN, teachEdges } from './teach.js';

// A tiny drawn graph: namespaces a (a1, a2, a3) and b (b1, b2), and an external host.
const node = (id: string, parent?: string, classes = 'pod'): ElementDefinition =>
  ({ group: 'nodes', data: { id, ...(parent ? { parent } : {}) }, classes });
const nodes = [
  node('ns:a', undefined, 'namespace'), node('ns:b', undefined, 'namespace'),
  node('pod:a/a1', 'ns:a'), node('pod:a/a2', 'ns:a'), node('pod:a/a3', 'ns:a'), node('pod:b/b1', 'ns:b'), node('pod:b/b2', 'ns:b'),
  node('ext:1.2.3.4', undefined, 'external'),
];
const nodeOf = (id: string) => (id.includes('/') ? `pod:${id}` : `ext:${id}`);
const flow = (from: string, to: string, status: 'allowed' | 'partial' | 'denied' = 'allowed', label = ''): ElementDefinition => ({
  group: 'edges',
  data: { id: `edge:${from}->${to}`, source: nodeOf(from), target: nodeOf(to), kind: 'edge', from, to, status, label },
  classes: status === 'denied' ? 'flow denied' : status === 'partial' ? 'flow allowed partial' : 'flow allowed',
});
const edges = (els: ElementDefinition[]) => els.filter((e) => e.group === 'edges');
const ids = (els: ElementDefinition[]) => edges(els).map((e) => String(e.data.id)).sort();

/** Every pair between a's pods and b's pods, both ways: 12 flows. */
const cross = ['a/a1', 'a/a2', 'a/a3'].flatMap((a) => ['b/b1', 'b/b2'].flatMap((b) => [flow(a, b), flow(b, a)]));

describe('teachEdges: folding', () => {
  it('folds many allowed flows between two namespaces into one edge with the count, both ways', () => {
    const out = teachEdges([...nodes, ...cross], { showDenied: true, fold: true });
    const key = foldKey('ns:a', 'ns:b', 'allowed');
    expect(ids(out)).toEqual([`fold:${key}`]);
    const e = edges(out)[0]!;
    expect(e.data).toMatchObject({ source: 'ns:a', target: 'ns:b', kind: 'fold', count: 12, label: '12 allowed' });
    expect(e.classes).toBe('fold allowed both');
    expect((e.data.members as string[]).length).toBe(12);
  });
  it('one direction only: one arrowhead, pointing the way the flows go', () => {
    const out = teachEdges([...nodes, flow('b/b1', 'a/a1'), flow('b/b2', 'a/a1'), flow('b/b1', 'a/a2')], { showDenied: true, fold: true });
    const e = edges(out)[0]!;
    expect(e.data).toMatchObject({ source: 'ns:b', target: 'ns:a', count: 3 });
    expect(String(e.classes).split(' ')).not.toContain('both');
  });
  it(`fewer than ${FOLD_MIN} flows, the toggle off, or an expanded fold: drawn one by one`, () => {
    expect(ids(teachEdges([...nodes, flow('a/a1', 'b/b1'), flow('a/a2', 'b/b1')], { showDenied: true, fold: true })))
      .toEqual(['edge:a/a1->b/b1', 'edge:a/a2->b/b1']);
    expect(edges(teachEdges([...nodes, ...cross], { showDenied: true, fold: false })).some((e) => e.data.kind === 'fold')).toBe(false);
    const open = teachEdges([...nodes, ...cross], { showDenied: true, fold: true, expanded: new Set([foldKey('ns:b', 'ns:a', 'allowed')]) });
    expect(edges(open).some((e) => e.data.kind === 'fold')).toBe(false);
  });
  it('keeps allowed and denied apart, and leaves out denied ones unless asked', () => {
    const mixed = [...nodes, flow('a/a1', 'b/b1'), flow('a/a2', 'b/b1'), flow('a/a3', 'b/b1'), flow('a/a1', 'b/b2', 'denied'), flow('a/a2', 'b/b2', 'denied'), flow('a/a3', 'b/b2', 'denied')];
    expect(ids(teachEdges(mixed, { showDenied: true, fold: true }))).toEqual([`fold:${foldKey('ns:a', 'ns:b', 'allowed')}`, `fold:${foldKey('ns:a', 'ns:b', 'denied')}`]);
    expect(ids(teachEdges(mixed, { showDenied: false, fold: true }))).toEqual([`fold:${foldKey('ns:a', 'ns:b', 'allowed')}`]);
  });
  it('never folds what the lesson asks about, what changed or the selected pod\'s flows; partial ones fold on their own', () => {
    const base = [...nodes, ...cross];
    const fromKeep = teachEdges(base, { showDenied: true, fold: true, keep: new Set(['a/a1']) });
    expect(ids(fromKeep).filter((i) => i.startsWith('edge:'))).toEqual(['edge:a/a1->b/b1', 'edge:a/a1->b/b2']);
    expect(edges(fromKeep).find((e) => e.data.kind === 'fold')?.data.count).toBe(8);
    const lesson = teachEdges(base, { showDenied: true, fold: true, relevant: new Set([flowKey('b/b2', 'a/a3')]) });
    expect(edges(lesson).find((e) => e.data.id === 'edge:b/b2->a/a3')?.classes).toBe('flow allowed lesson');
    const partial = teachEdges([...nodes, flow('a/a1', 'b/b1', 'partial', '80/TCP'), flow('a/a2', 'b/b1'), flow('a/a3', 'b/b1')], { showDenied: true, fold: true });
    expect(ids(partial)).toEqual(['edge:a/a1->b/b1', 'edge:a/a2->b/b1', 'edge:a/a3->b/b1']);
    const partials = edges(teachEdges([...nodes, ...['a/a1', 'a/a2', 'a/a3'].map((a) => flow(a, 'b/b1', 'partial', '80/TCP'))], { showDenied: true, fold: true }));
    expect(partials.map((e) => [e.data.id, e.data.label, e.classes])).toEqual([[`fold:${foldKey('ns:a', 'ns:b', 'partial')}`, '3 on some ports', 'fold allowed partial']]);
  });
  it(`inside one namespace only a crowd (${INTRA_FOLD_MIN}+) is folded, into a loop on its box`, () => {
    const three = [flow('a/a1', 'a/a2'), flow('a/a2', 'a/a3'), flow('a/a3', 'a/a1'), flow('a/a2', 'a/a1')];
    expect(edges(teachEdges([...nodes, ...three], { showDenied: true, fold: true })).every((e) => e.data.kind === 'edge')).toBe(true);
    const pods = Array.from({ length: 5 }, (_, i) => `a/p${i}`);
    const crowdNodes = [...nodes, ...pods.map((p) => node(`pod:${p}`, 'ns:a'))];
    const crowd = pods.flatMap((x) => pods.filter((y) => y !== x).map((y) => flow(x, y)));
    const out = edges(teachEdges([...crowdNodes, ...crowd], { showDenied: true, fold: true }));
    expect(out).toHaveLength(1);
    expect(out[0]!.data).toMatchObject({ source: 'ns:a', target: 'ns:a', count: 20 });
    expect(out[0]!.classes).toBe('fold allowed loop');
  });
  it('flows to a collapsed namespace are always folded onto it; its own flows vanish inside', () => {
    const shut = [node('ns:a', undefined, 'namespace'), node('ns:b', undefined, 'namespace summary collapsed'), node('pod:a/a1', 'ns:a')];
    const toB = (id: string, from: string, target: string) => ({ group: 'edges' as const, data: { id, source: from, target, kind: 'edge', from: 'x', to: 'y', status: 'allowed', label: '' }, classes: 'flow allowed' });
    const out = edges(teachEdges([...shut, toB('e1', 'pod:a/a1', 'ns:b'), toB('e2', 'ns:b', 'ns:b')], { showDenied: true, fold: false }));
    expect(out.map((e) => e.data)).toMatchObject([{ kind: 'fold', source: 'ns:a', target: 'ns:b', count: 1 }]);
  });
});

describe('teachEdges: both ways as one edge', () => {
  it('merges A → B and B → A with the same verdict and label, listing both', () => {
    const out = edges(teachEdges([...nodes, flow('a/a1', 'a/a2'), flow('a/a2', 'a/a1')], { showDenied: true, fold: true }));
    expect(out).toHaveLength(1);
    expect(out[0]!.data).toMatchObject({ id: 'edge:a/a1->a/a2', members: ['edge:a/a1->a/a2', 'edge:a/a2->a/a1'] });
    expect(out[0]!.classes).toBe('flow allowed both');
  });
  it('keeps them apart when the verdicts or the port labels differ', () => {
    expect(edges(teachEdges([...nodes, flow('a/a1', 'a/a2'), flow('a/a2', 'a/a1', 'denied')], { showDenied: true, fold: true }))).toHaveLength(2);
    expect(edges(teachEdges([...nodes, flow('a/a1', 'a/a2', 'partial', '80/TCP'), flow('a/a2', 'a/a1', 'partial', '443/TCP')], { showDenied: true, fold: true }))).toHaveLength(2);
  });
});

describe('changed flows', () => {
  it('changedFlows: what diffFlows of the two lists gives, reading only the edges that are not the same object when the lists align', () => {
    const a12 = flow('a/a1', 'a/a2'), a21 = flow('a/a2', 'a/a1'), ab = flow('a/a1', 'b/b1', 'denied'), ba = flow('b/b1', 'a/a1');
    const before = [a12, a21, ab, ba];
    const statusRead: string[] = [];
    const watched = (e: ElementDefinition) => ({ ...e, data: new Proxy(e.data, { get: (t, k) => { if (k === 'status') statusRead.push(String(t.id)); return t[k as string]; } }) });
    const cases: [string, ElementDefinition[]][] = [
      ['the same objects', [a12, a21, ab, ba]],
      ['one verdict changed, one label only', [flow('a/a1', 'a/a2', 'denied'), a21, flow('a/a1', 'b/b1', 'denied', 'x'), ba]],
      ['a pair more (not a change of verdict)', [a12, a21, flow('a/a1', 'b/b1', 'partial'), ba, flow('a/a3', 'a/a1')]],
      ['the same pairs in another order', [ba, flow('a/a1', 'b/b1', 'allowed'), a21, a12]],
      ['a pair gone', [a12, flow('a/a2', 'a/a1', 'partial'), ab]],
    ];
    for (const [what, after] of cases) {
      expect([...changedFlows(before, after)], what).toEqual([...diffFlows(flowStatuses(before), flowStatuses(after))]);
    }
    // Aligned lists: the edges kept as objects are not read at all.
    const seen = before.map(watched);
    statusRead.length = 0;
    expect([...changedFlows(seen, [flow('a/a1', 'a/a2', 'denied'), ...seen.slice(1)])]).toEqual([['a/a1->a/a2', 'now-denied']]);
    expect(statusRead).toEqual(['edge:a/a1->a/a2']);
  });

  it('diffFlows: only pairs whose verdict changed; a new pair is not a change', () => {
    const before = flowStatuses([...nodes, flow('a/a1', 'a/a2'), flow('a/a2', 'a/a1'), flow('a/a1', 'b/b1', 'denied')]);
    const after = flowStatuses([...nodes, flow('a/a1', 'a/a2', 'denied'), flow('a/a2', 'a/a1'), flow('a/a1', 'b/b1', 'partial'), flow('a/a3', 'a/a1')]);
    expect([...diffFlows(before, after)]).toEqual([['a/a1->a/a2', 'now-denied'], ['a/a1->b/b1', 'now-partial']]);
    expect(diffFlows(after, after).size).toBe(0);
  });
  it('a changed flow is drawn on its own, wider (class), and its label says how — even with denied hidden', () => {
    const els = [...nodes, ...cross.map((e) => (e.data.id === 'edge:a/a1->b/b1' ? flow('a/a1', 'b/b1', 'denied') : e))];
    const out = edges(teachEdges(els, { showDenied: false, fold: true, changed: new Map([['a/a1->b/b1', 'now-denied']]) }));
    const e = out.find((x) => x.data.id === 'edge:a/a1->b/b1')!;
    expect(e.classes).toBe('flow denied changed');
    expect(e.data).toMatchObject({ label: 'now denied', change: 'now-denied' });
  });
  it('the change word comes before a port label, in the words given', () => {
    const out = edges(teachEdges([...nodes, flow('a/a1', 'b/b1', 'partial', '80/TCP')], {
      showDenied: true, fold: true, changed: new Map([['a/a1->b/b1', 'now-partial']]),
      words: { folded: (n) => `${n}`, change: () => '이제 일부 포트만 허용', foldedChange: (n) => `${n}` },
    }));
    expect(out[0]!.data.label).toBe('이제 일부 포트만 허용 · 80/TCP');
  });
});

describe('a crowd of changed flows (issue 11)', () => {
  // Namespace c holds 14 pods; a label edit on b/b1 changes the verdict of each c pod's flow to it.
  const crowd = Array.from({ length: 14 }, (_, i) => `c/c${i}`);
  const crowdNodes = [...nodes, node('ns:c', undefined, 'namespace'), ...crowd.map((id) => node(`pod:${id}`, 'ns:c'))];
  const toB1 = (n: number, status: 'allowed' | 'denied' = 'denied') => crowd.slice(0, n).map((from) => flow(from, 'b/b1', status));
  const changes = (n: number, change: 'now-denied' | 'now-allowed' = 'now-denied') =>
    new Map(crowd.slice(0, n).map((from) => [flowKey(from, 'b/b1'), change] as [string, 'now-denied' | 'now-allowed']));
  const key = changeFoldKey('ns:c', 'ns:b', 'now-denied');

  it(`folds ${CHANGED_FOLD_MIN} or more flows changed the same way between two groups into one changed edge`, () => {
    const out = edges(teachEdges([...crowdNodes, ...toB1(CHANGED_FOLD_MIN)], { showDenied: true, fold: true, changed: changes(CHANGED_FOLD_MIN) }));
    expect(out.map((e) => e.data.id)).toEqual([`fold:${key}`]);
    const e = out[0]!;
    expect(e.classes).toBe('fold denied changed');
    expect(e.data).toMatchObject({ source: 'ns:c', target: 'ns:b', kind: 'fold', key, count: CHANGED_FOLD_MIN, status: 'denied', change: 'now-denied', label: `${CHANGED_FOLD_MIN} now denied` });
    expect(e.data.members).toEqual(toB1(CHANGED_FOLD_MIN).map((f) => f.data.id));
  });
  it('draws fewer one by one, each marked changed (a lesson\'s few changes)', () => {
    const n = CHANGED_FOLD_MIN - 1;
    const out = edges(teachEdges([...crowdNodes, ...toB1(n)], { showDenied: true, fold: true, changed: changes(n) }));
    expect(out).toHaveLength(n);
    expect(out.every((e) => String(e.classes).split(' ').includes('changed') && !String(e.classes).includes('fold'))).toBe(true);
  });
  it('draws them one by one when the student expanded that fold, or grouping is off', () => {
    const els = [...crowdNodes, ...toB1(14)];
    expect(edges(teachEdges(els, { showDenied: true, fold: true, changed: changes(14), expanded: new Set([key]) }))).toHaveLength(14);
    expect(edges(teachEdges(els, { showDenied: true, fold: false, changed: changes(14) }))).toHaveLength(14);
  });
  it('never folds a changed flow the lesson asks about or the student looks at; the rest fold only while a crowd', () => {
    const els = [...crowdNodes, ...toB1(14)];
    const relevant = new Set([flowKey('c/c0', 'b/b1')]);
    const out = edges(teachEdges(els, { showDenied: true, fold: true, changed: changes(14), relevant }));
    expect(out.map((e) => e.data.id).sort()).toEqual(['edge:c/c0->b/b1', `fold:${key}`]);
    expect(out.find((e) => e.data.id === `fold:${key}`)!.data.count).toBe(13);
    const kept = edges(teachEdges(els, { showDenied: true, fold: true, changed: changes(14), keep: new Set(['c/c0', 'c/c1']) }));
    expect(kept).toHaveLength(14);
  });
  it('folds per change: the same pair\'s other change stays apart, and a changed fold is not a verdict fold', () => {
    const els = [...crowdNodes, ...toB1(14), flow('b/b2', 'c/c0'), flow('b/b2', 'c/c1')];
    const changed = new Map([...changes(14), [flowKey('b/b2', 'c/c0'), 'now-allowed' as const], [flowKey('b/b2', 'c/c1'), 'now-allowed' as const]]);
    const out = edges(teachEdges(els, { showDenied: true, fold: true, changed }));
    expect(out.map((e) => e.data.id).sort()).toEqual(['edge:b/b2->c/c0', 'edge:b/b2->c/c1', `fold:${key}`]);
    expect(key).not.toBe(foldKey('ns:c', 'ns:b', 'denied'));
  });
  it('says how many in the words given', () => {
    const out = edges(teachEdges([...crowdNodes, ...toB1(14, 'allowed')], {
      showDenied: true, fold: true, changed: changes(14, 'now-allowed'),
      words: { folded: (n) => `${n}`, change: () => '', foldedChange: (n, c) => `${c}:${n}` },
    }));
    expect(out.map((e) => e.data.label)).toEqual(['now-allowed:14']);
    expect(out[0]!.classes).toBe('fold allowed changed');
  });
});
