// Cytoscape's style cache is dirtied once per element per apply(), not once per property
// (cy-style-dirty.ts): the same styles result, with far fewer gatherings of relatives.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { dirtyStyleOncePerApply } from './cy-style-dirty.js';
import { graphStyle } from './graphStyle.js';
import { DEFAULT_THEME } from './theme.js';

/** Two namespaces of `n` pods each, edges between them and inside, one fold edge between the boxes. */
function elements(n: number): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const ns of ['a', 'b']) {
    out.push({ group: 'nodes', data: { id: `ns:${ns}`, kind: 'namespace', label: ns }, classes: 'namespace' });
    for (let i = 0; i < n; i++) out.push({ group: 'nodes', data: { id: `${ns}${i}`, parent: `ns:${ns}`, kind: 'pod', label: `${ns}${i}`, w: 80, h: 30 }, classes: i % 3 ? 'pod status-running' : 'pod status-running iso-ingress' });
  }
  for (let i = 0; i < n; i++) out.push({ group: 'edges', data: { id: `e${i}`, source: `a${i}`, target: `b${(i + 1) % n}` }, classes: i % 2 ? 'flow allowed' : 'flow denied' });
  out.push({ group: 'edges', data: { id: 'fold', source: 'ns:a', target: 'ns:b', label: '3 allowed' }, classes: 'fold allowed' });
  return out;
}

/** Every element's applied style, and what the style cache answers (visibility follows the parents). */
function styles(cy: Core): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  cy.elements().forEach((e) => { out[e.id()] = { style: e.style(), visible: e.visible(), hidden: e.hidden(), box: e.boundingBox() }; });
  return out;
}

function run(patch: boolean): { styles: Record<string, unknown>[]; gathered: number } {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(DEFAULT_THEME) });
  const proto = Object.getPrototypeOf(cy.collection()) as { descendants(): unknown };
  const spy = vi.spyOn(proto, 'descendants');
  if (patch) dirtyStyleOncePerApply(cy);
  const seen: Record<string, unknown>[] = [];
  cy.add(elements(12));
  seen.push(styles(cy));
  // An edit: a namespace hidden (its class: restyled through apply()), classes changed on pods and edges, a new edge between the boxes.
  cy.batch(() => {
    cy.getElementById('ns:b').addClass('off-focus');
    cy.getElementById('a1').classes('pod status-error');
    cy.getElementById('e2').classes('flow allowed partial changed');
    cy.add({ group: 'edges', data: { id: 'fold2', source: 'ns:b', target: 'ns:a' }, classes: 'fold denied changed' });
  });
  seen.push(styles(cy));
  cy.batch(() => { cy.getElementById('ns:b').removeClass('off-focus'); });
  seen.push(styles(cy));
  const gathered = spy.mock.calls.length;
  spy.mockRestore();
  cy.destroy();
  return { styles: seen, gathered };
}

describe('dirtyStyleOncePerApply (Cytoscape 3.35 style/apply.js checkTriggers)', () => {
  it('leaves every style and every cached answer as Cytoscape alone gives them, and gathers relatives far less', () => {
    const plain = run(false);
    const patched = run(true);
    expect(patched.styles).toEqual(plain.styles);
    // The hidden namespace hid its pods (the cache was dirtied for them), and showed them again.
    expect((plain.styles[1]?.b0 as { visible: boolean }).visible).toBe(false);
    expect((plain.styles[2]?.b0 as { visible: boolean }).visible).toBe(true);
    expect(patched.gathered).toBeLessThan(plain.gathered / 5);
  });

  it('patches the shared prototypes once, however many graphs are made', () => {
    const a = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(DEFAULT_THEME) });
    const b = cytoscape({ headless: true, styleEnabled: true, style: graphStyle(DEFAULT_THEME) });
    dirtyStyleOncePerApply(a);
    const apply = (Object.getPrototypeOf(a.style()) as { apply: unknown }).apply;
    dirtyStyleOncePerApply(b);
    expect((Object.getPrototypeOf(b.style()) as { apply: unknown }).apply).toBe(apply);
    a.destroy();
    b.destroy();
  });
});
