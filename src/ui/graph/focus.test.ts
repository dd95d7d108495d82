import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { neighbourhood } from './focus.js';

const n = (id: string, parent?: string): ElementDefinition => ({ group: 'nodes', data: { id, ...(parent ? { parent } : {}) } });
const e = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });
const els = [
  n('ns:a'), n('ns:b'), n('ns:c'), n('pod:a/x', 'ns:a'), n('pod:a/y', 'ns:a'), n('pod:b/z', 'ns:b'), n('pod:c/w', 'ns:c'), n('ext:1.1.1.1'),
  e('x-z', 'pod:a/x', 'pod:b/z'), e('ext-x', 'ext:1.1.1.1', 'pod:a/x'), e('y-w', 'pod:a/y', 'pod:c/w'), e('z-w', 'pod:b/z', 'pod:c/w'),
  e('fold', 'ns:a', 'ns:c'),
];

describe('neighbourhood (focus mode)', () => {
  it('keeps the pod, the nodes it has an edge with, their namespaces, and only its own edges', () => {
    expect([...neighbourhood(els, 'pod:a/x')!].sort()).toEqual(['ext-x', 'ext:1.1.1.1', 'ns:a', 'ns:b', 'pod:a/x', 'pod:b/z', 'x-z'].sort());
  });
  it('an edge between two neighbours is not kept, nor a pod of the same namespace without an edge', () => {
    const keep = neighbourhood(els, 'pod:b/z')!;
    expect(keep.has('pod:a/y')).toBe(false);
    expect(keep.has('ext-x')).toBe(false);
    expect(keep.has('z-w')).toBe(true);
  });
  it('null for a node that is not drawn', () => {
    expect(neighbourhood(els, 'pod:a/gone')).toBeNull();
  });
});
