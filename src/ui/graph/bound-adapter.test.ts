// The graph's bound in Cytoscape (headless): summaries, then a namespace expanded, stay quick.
import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { GRAPH_POD_LIMIT, planGraph } from './bound.js';
import { GraphAdapter } from './cyAdapter.js';
import { toElements } from './elements.js';
import { DEFAULT_THEME } from './theme.js';

describe('GraphAdapter with the bound', () => {
  it('5,000 pods: ten summaries, then one namespace expanded: 300 pods on a grid, none overlapping', () => {
    const perNs = Array.from({ length: 10 }, (_, i) => `ns${i}`);
    const a = buildAnalysis({ namespaces: perNs.map((name) => ({ name })), pods: perNs.flatMap((ns) => Array.from({ length: 500 }, (_, i) => ({ key: `${ns}/p${i}` }))), enforcing: false });
    const g = new GraphAdapter({ theme: DEFAULT_THEME, onSelect: () => undefined });
    expect(g.update(toElements(a, { port: 'any', showDenied: false, plan: planGraph(a.pods) }), null)).toBe('full');
    expect(Object.keys(g.positions())).toHaveLength(10);
    // 300 new nodes at once: laid out afresh on the grid (not placed one by one).
    expect(g.update(toElements(a, { port: 'any', showDenied: false, plan: planGraph(a.pods, ['ns3']) }), null)).toBe('full');
    const positions = g.positions();
    const pods = Object.keys(positions).filter((id) => id.startsWith('pod:'));
    expect(pods).toHaveLength(GRAPH_POD_LIMIT);
    const cells = new Set(Object.values(positions).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(cells.size).toBe(Object.keys(positions).length);
    g.destroy();
  });
});
