import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { toElements, statusClass } from './elements.js';
import type { ElementDefinition } from 'cytoscape';

const ids = (els: ElementDefinition[], group: 'nodes' | 'edges') =>
  els.filter((e) => e.group === group).map((e) => e.data.id).sort();
const byId = (els: ElementDefinition[], id: string) => els.find((e) => e.data.id === id);

const scenario = buildAnalysis({
  namespaces: [{ name: 'prod', labels: { env: 'prod' } }, { name: 'empty' }],
  pods: [
    { key: 'prod/web', labels: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }], isolation: { ingress: ['prod/deny'] } },
    { key: 'prod/db', labels: { app: 'db' }, ports: [{ port: 5432, protocol: 'TCP' }], isolation: { ingress: ['prod/deny'], egress: ['prod/eg'] }, status: 'ErrImagePull' },
    { key: 'dev/client', status: 'Init:CreateContainerConfigError' },
  ],
  externals: [{ name: 'backup', ip: '203.0.113.5', ports: [{ port: 22, protocol: 'TCP' }] }],
  allow: ['dev/client->prod/web@80/TCP', 'prod/web->prod/db@5432/TCP', 'prod/db->203.0.113.5@22/TCP'],
});

describe('toElements: nodes', () => {
  const els = toElements(scenario, { port: 'any', showDenied: false });
  it('draws declared or used namespaces as compound nodes, pods inside, externals outside', () => {
    // `default` is implicit and empty: not drawn; `empty` is declared: drawn.
    expect(ids(els, 'nodes')).toEqual([
      'ext:203.0.113.5', 'ns:dev', 'ns:empty', 'ns:prod', 'pod:dev/client', 'pod:prod/db', 'pod:prod/web',
    ]);
    expect(byId(els, 'pod:prod/web')?.data.parent).toBe('ns:prod');
    expect(byId(els, 'ext:203.0.113.5')?.data.parent).toBeUndefined();
  });
  it('labels namespaces with their labels, including the implicit metadata.name label', () => {
    expect(byId(els, 'ns:prod')?.data.label).toBe('prod\nenv=prod\nkubernetes.io/metadata.name=prod');
  });
  it('labels pods with name, labels, status and isolation', () => {
    expect(byId(els, 'pod:prod/db')?.data.label).toBe('db\napp=db\nErrImagePull\nisolated: ingress + egress');
    expect(byId(els, 'pod:prod/web')?.data.label).toBe('web\napp=web\nRunning\nisolated: ingress');
    expect(byId(els, 'pod:dev/client')?.data.label).toBe('client\nInit:CreateContainerConfigError');
  });
  it('classes carry status and isolation direction for the style sheet', () => {
    expect(byId(els, 'pod:prod/db')?.classes).toBe('pod status-error iso-ingress iso-egress');
    expect(byId(els, 'pod:prod/web')?.classes).toBe('pod status-running iso-ingress');
    expect(byId(els, 'pod:dev/client')?.classes).toBe('pod status-init-error');
  });
  it('uses translated words when given', () => {
    const ko = toElements(scenario, { port: 'any', showDenied: false, words: { isolated: '격리', ingress: '인그레스', egress: '이그레스', hostNetwork: 'hostNetwork', anyOtherPort: '그 밖의 포트' } });
    expect(byId(ko, 'pod:prod/web')?.data.label).toContain('격리: 인그레스');
  });
});

describe('toElements: edges', () => {
  it.each([
    // [port, showDenied, expected edge ids]
    ['any', false, ['edge:dev/client->prod/web', 'edge:prod/db->203.0.113.5', 'edge:prod/web->prod/db']],
    [{ port: 80, protocol: 'TCP' }, false, ['edge:dev/client->prod/web']],
    [{ port: 80, protocol: 'UDP' }, false, []],
    [{ port: 5432, protocol: 'TCP' }, false, ['edge:prod/web->prod/db']],
  ] as const)('port %j showDenied=%s', (port, showDenied, expected) => {
    expect(ids(toElements(scenario, { port, showDenied }), 'edges')).toEqual(expected);
  });
  it('with denied shown: every reported pair, no self edge, no external to external', () => {
    const two = buildAnalysis({
      pods: [{ key: 'a/x' }], externals: [{ name: 'e1', ip: '192.0.2.1' }, { name: 'e2', ip: '192.0.2.2' }], allow: [],
    });
    const edges = toElements(two, { port: { port: 80, protocol: 'TCP' }, showDenied: true }).filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data.id).sort()).toEqual([
      'edge:192.0.2.1->a/x', 'edge:192.0.2.2->a/x', 'edge:a/x->192.0.2.1', 'edge:a/x->192.0.2.2',
    ]);
    expect(edges.every((e) => e.classes === 'flow denied')).toBe(true);
  });
  it("'any' marks a flow allowed on some ports only as partial and names those ports", () => {
    const els = toElements(buildAnalysis({
      pods: [{ key: 'a/x' }, { key: 'a/y', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }],
      allow: ['a/x->a/y@443/TCP'],
    }), { port: 'any', showDenied: false });
    const e = byId(els, 'edge:a/x->a/y');
    expect(e?.classes).toBe('flow allowed partial');
    expect(e?.data.label).toBe('443/TCP');
  });
  it('an edge allowed on every port of the destination has no label', () => {
    const els = toElements(scenario, { port: 'any', showDenied: false });
    expect(byId(els, 'edge:prod/web->prod/db')?.data.label).toBe('');
    expect(byId(els, 'edge:prod/web->prod/db')?.classes).toBe('flow allowed');
  });
  it('a non-enforcing CNI allows every pair', () => {
    const open = buildAnalysis({ pods: [{ key: 'a/x' }, { key: 'b/y' }], enforcing: false });
    expect(ids(toElements(open, { port: 'any', showDenied: false }), 'edges')).toEqual(['edge:a/x->b/y', 'edge:b/y->a/x']);
  });
  it('edge data maps back to a selection', () => {
    const e = byId(toElements(scenario, { port: 'any', showDenied: false }), 'edge:dev/client->prod/web');
    expect(e?.data).toMatchObject({ source: 'pod:dev/client', target: 'pod:prod/web', kind: 'edge', from: 'dev/client', to: 'prod/web' });
  });
});

describe('statusClass', () => {
  it.each([
    ['Running', 'running'], ['ErrImagePull', 'error'], ['CreateContainerConfigError', 'error'],
    ['InvalidImageName', 'error'], ['Init:ErrImagePull', 'init-error'],
  ] as const)('%s → %s', (status, cls) => expect(statusClass(status)).toBe(cls));
});

describe('toElements: large graphs', () => {
  const many = buildAnalysis({
    pods: Array.from({ length: 6 }, (_, i) => ({ key: `n/p${i}`, ports: [{ port: 80, protocol: 'TCP' as const }] })),
    enforcing: false,
  });
  const edges = (focus?: string[]) =>
    ids(toElements(many, { port: 'any', showDenied: true, allEdgesLimit: 5, ...(focus ? { focus } : {}) }), 'edges');
  it('past the limit, draws only the focused endpoints’ connections', () => {
    expect(edges()).toEqual([]);
    expect(edges(['n/p0'])).toHaveLength(10); // 5 out + 5 in
    expect(edges(['n/p0', 'n/p1'])).toHaveLength(18); // 10 + 10 - 2 shared
  });
  it('under the limit, the focus changes nothing', () => {
    expect(ids(toElements(many, { port: 'any', showDenied: true, allEdgesLimit: 6, focus: ['n/p0'] }), 'edges')).toHaveLength(30);
  });
});
