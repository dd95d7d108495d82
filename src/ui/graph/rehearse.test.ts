// The graph's rehearsal (issue 11): one edit's drawing code walked on throwaway data, leaving the
// analysis and the drawn list as they were.
import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { analyze } from '../../engine/index.js';
import { edgeReuse, flowEdges, graphNodes, type ElementOptions } from './elements.js';
import { rehearseDrawing, withOneVerdictFlipped } from './rehearse.js';
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
