import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { GRAPH_POD_LIMIT, planGraph } from './bound.js';
import { moreElementId, toElements } from './elements.js';
import { selectionOf, type SelectableData } from './selection.js';

/** `count` pods in each of the namespaces named, `ns/p0`…; one policy isolating ns0. */
function cluster(perNs: Record<string, number>) {
  const pods = Object.entries(perNs).flatMap(([ns, n]) => Array.from({ length: n }, (_, i) => ({ key: `${ns}/p${i}` })));
  return buildAnalysis({ namespaces: Object.keys(perNs).map((name) => ({ name })), pods, enforcing: false });
}

describe('the graph bound (issue 18: a 5 KB link of 5,000 pods)', () => {
  it('within the bound every pod is drawn and nothing is summarised', () => {
    const a = cluster({ a: 150, b: GRAPH_POD_LIMIT - 150 });
    const plan = planGraph(a.pods);
    expect(plan).toMatchObject({ total: GRAPH_POD_LIMIT, shown: GRAPH_POD_LIMIT, drawn: null });
    expect(toElements(a, { port: 'any', showDenied: false, plan }).filter((e) => e.data.kind === 'pod')).toHaveLength(GRAPH_POD_LIMIT);
  });

  it('past it, each namespace is one node with its pod count, and no pod is drawn', () => {
    const a = cluster({ a: 200, b: 150, c: 1 });
    const plan = planGraph(a.pods);
    expect(plan.shown).toBe(0);
    expect(plan.total).toBe(351);
    expect([...plan.hidden]).toEqual([['a', 200], ['b', 150], ['c', 1]]);
    const els = toElements(a, { port: 'any', showDenied: false, plan });
    expect(els.filter((e) => e.data.kind === 'pod')).toEqual([]);
    const ns = els.filter((e) => e.data.kind === 'namespace');
    expect(ns.map((e) => [e.data.id, e.data.label, e.classes])).toEqual([
      ['ns:a', 'a\nkubernetes.io/metadata.name=a\n200 pods', 'namespace summary'],
      ['ns:b', 'b\nkubernetes.io/metadata.name=b\n150 pods', 'namespace summary'],
      ['ns:c', 'c\nkubernetes.io/metadata.name=c\n1 pod', 'namespace summary'],
    ]);
    // A summary is a leaf: nothing names it as a parent (Cytoscape would make it a box).
    expect(els.some((e) => e.data.parent === 'ns:a')).toBe(false);
    // Selecting it selects the namespace.
    expect(selectionOf(ns[0]!.data as SelectableData)).toEqual({ kind: 'namespace', name: 'a' });
  });

  it('an expanded namespace draws its pods up to the bound, the rest as "+N more"', () => {
    const a = cluster({ a: 200, b: 150, c: 1 });
    const plan = planGraph(a.pods, ['b', 'a']);
    expect(plan.expanded).toEqual(['b', 'a']);
    expect(plan.shown).toBe(GRAPH_POD_LIMIT);
    expect([...plan.hidden]).toEqual([['a', 50], ['c', 1]]);
    const els = toElements(a, { port: 'any', showDenied: false, plan });
    const pods = els.filter((e) => e.data.kind === 'pod');
    expect(pods).toHaveLength(GRAPH_POD_LIMIT);
    expect(pods.filter((e) => e.data.parent === 'ns:b')).toHaveLength(150);
    expect(els.find((e) => e.data.id === 'ns:a')?.classes).toBe('namespace');
    const more = els.find((e) => e.data.id === moreElementId('a'));
    expect(more?.data).toMatchObject({ parent: 'ns:a', label: '+50 more pods', kind: 'namespace', name: 'a' });
    expect(els.find((e) => e.data.id === 'ns:c')?.classes).toBe('namespace summary');
  });

  it('unknown or repeated namespaces in the expanded list change nothing', () => {
    const a = cluster({ a: 400 });
    expect(planGraph(a.pods, ['zzz', '__proto__']).shown).toBe(0);
    expect(planGraph(a.pods, ['a', 'a']).shown).toBe(GRAPH_POD_LIMIT);
  });

  it('5,000 pods: elements and edges only for the drawn pods (timings: e2e/hostile-links.spec.ts)', () => {
    const perNs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`ns${i}`, 500]));
    const a = cluster(perNs);
    // A pod of the expanded namespace selected: its row and column over the drawn pods only.
    const els = toElements(a, { port: 'any', showDenied: true, plan: planGraph(a.pods, ['ns3']), focus: ['ns3/p1'] });
    expect(els.filter((e) => e.group === 'nodes').length).toBeLessThan(GRAPH_POD_LIMIT + 20);
    expect(els.filter((e) => e.group === 'edges')).toHaveLength(2 * (GRAPH_POD_LIMIT - 1));
    // Selecting a pod that is not drawn draws no edge (and walks nothing).
    expect(toElements(a, { port: 'any', showDenied: true, plan: planGraph(a.pods), focus: ['ns3/p1'] }).filter((e) => e.group === 'edges')).toEqual([]);
  });
  it('within the bound, a namespace the student collapsed is one node; its pods\' connections end on it (issue 10)', () => {
    const a = buildAnalysis({ namespaces: [{ name: 'a' }, { name: 'b' }], pods: [{ key: 'a/x' }, { key: 'b/y' }, { key: 'b/z' }], allow: ['a/x->b/y@80/TCP', 'b/z->a/x@80/TCP', 'b/y->b/z@80/TCP'] });
    const plan = planGraph(a.pods, [], GRAPH_POD_LIMIT, ['b', 'gone']);
    expect(plan).toMatchObject({ total: 3, shown: 1, bounded: false });
    expect([...plan.collapsed]).toEqual(['b']);
    expect([...plan.hidden]).toEqual([['b', 2]]);
    const els = toElements(a, { port: { port: 80, protocol: 'TCP' }, showDenied: false, plan });
    expect(els.filter((e) => e.data.kind === 'pod').map((e) => e.data.id)).toEqual(['pod:a/x']);
    expect(els.find((e) => e.data.id === 'ns:b')?.classes).toBe('namespace summary collapsed');
    // a/x → b/y and b/z → a/x now end on the namespace; b/y → b/z is inside it.
    expect(els.filter((e) => e.group === 'edges').map((e) => [e.data.source, e.data.target])).toEqual(
      expect.arrayContaining([['pod:a/x', 'ns:b'], ['ns:b', 'pod:a/x']]));
    expect(planGraph(a.pods, [], GRAPH_POD_LIMIT, [])).toMatchObject({ drawn: null, bounded: false });
  });
});
