import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import type { Analysis, EndpointAddress, ServicePortReport, ServiceReport } from '../../engine/model/index.js';
import { toElements, statusClass, serviceLabel, type GraphWords } from './elements.js';
import { selectionOf, type SelectableData } from './selection.js';
import { planGraph } from './bound.js';
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

const KO: GraphWords = {
  isolated: '격리', ingress: '인그레스', egress: '이그레스', hostNetwork: 'hostNetwork', anyOtherPort: '그 밖의 포트',
  notReady: '준비 안 됨', headless: '헤드리스 (ClusterIP 없음)',
  pods: (n) => `파드 ${n}개`, morePods: (n) => `파드 ${n}개 더 있음`,
};

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
  it('labels pods with name, labels, status (when not Running: room on a projector) and isolation', () => {
    expect(byId(els, 'pod:prod/db')?.data.label).toBe('db\napp=db\nErrImagePull\nisolated:\ningress + egress');
    expect(byId(els, 'pod:prod/web')?.data.label).toBe('web\napp=web\nisolated:\ningress');
    expect(byId(els, 'pod:dev/client')?.data.label).toBe('client\nInit:CreateContainerConfigError');
  });
  it('classes carry status and isolation direction for the style sheet', () => {
    expect(byId(els, 'pod:prod/db')?.classes).toBe('pod status-error iso-ingress iso-egress');
    expect(byId(els, 'pod:prod/web')?.classes).toBe('pod status-running iso-ingress');
    expect(byId(els, 'pod:dev/client')?.classes).toBe('pod status-init-error');
  });
  it('uses translated words when given', () => {
    const ko = toElements(scenario, { port: 'any', showDenied: false, words: KO });
    expect(byId(ko, 'pod:prod/web')?.data.label).toContain('격리:\n인그레스');
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

/** A ServiceReport as the engine gives it (service.ts); endpoints: per port, the addresses. */
function service(key: string, ports: ServicePortReport[], addresses: Partial<EndpointAddress>[][] = [], over: Partial<ServiceReport> = {}): ServiceReport {
  const [namespace = '', name = ''] = key.split('/');
  const endpoints = ports.map((port, i) => ({
    port,
    addresses: (addresses[i] ?? []).map((a) => ({ pod: null, ip: '10.244.0.99', port: typeof port.targetPort === 'number' ? port.targetPort : 0, ready: true, ...a })),
  }));
  return {
    key, namespace, name, type: 'ClusterIP', clusterIP: '10.96.100.1', headless: false, selector: {}, labels: {},
    ports, endpoints, backends: [], system: false, ...over,
  };
}
const tcp = (port: number, targetPort: number | string = port): ServicePortReport => ({ port, targetPort, protocol: 'TCP' });
const withServices = (a: Analysis, services: ServiceReport[]): Analysis => ({ ...a, services });

describe('toElements: Services', () => {
  const a = withServices(scenario, [
    service('prod/web-svc', [tcp(8080, 80)], [[{ pod: 'prod/web', ip: '10.244.0.10', port: 80 }]]),
    // The implicit ones are the cluster's, not the scenario's.
    service('kube-system/kube-dns', [{ port: 53, targetPort: 53, protocol: 'UDP' }], [[{ pod: 'kube-system/coredns-x', port: 53 }]], { system: true }),
    service('default/kubernetes', [tcp(443, 6443)], [[{ ip: '192.168.121.10', port: 6443 }]], { system: true }),
  ]);
  const on = toElements(a, { port: 'any', showDenied: false, showServices: true });

  it('are off by default and when turned off: nothing of them is drawn', () => {
    for (const els of [toElements(a, { port: 'any', showDenied: false }), toElements(a, { port: 'any', showDenied: false, showServices: false })]) {
      expect(els.some((e) => String(e.data.id).startsWith('svc'))).toBe(false);
      expect(els).toEqual(toElements(scenario, { port: 'any', showDenied: false }));
    }
  });
  it('on: a node per scenario Service inside its namespace, never the system ones', () => {
    expect(ids(on, 'nodes').filter((id) => id?.startsWith('svc:'))).toEqual(['svc:prod/web-svc']);
    expect(byId(on, 'svc:prod/web-svc')).toMatchObject({
      group: 'nodes', classes: 'service svc-clusterip',
      data: { parent: 'ns:prod', kind: 'service', key: 'prod/web-svc', label: 'svc web-svc :8080→80' },
    });
    // Not drawn for the system Services: no kube-system or default namespace appears.
    expect(byId(on, 'ns:kube-system')).toBeUndefined();
    expect(byId(on, 'ns:default')).toBeUndefined();
  });
  it('on: an edge from the Service to each endpoint pod, labelled with the target port', () => {
    expect(ids(on, 'edges').filter((id) => id?.startsWith('svcedge:'))).toEqual(['svcedge:prod/web-svc->prod/web']);
    expect(byId(on, 'svcedge:prod/web-svc->prod/web')).toMatchObject({
      classes: 'service-edge',
      data: { source: 'svc:prod/web-svc', target: 'pod:prod/web', kind: 'service-edge', key: 'prod/web-svc', to: 'prod/web', label: ':80' },
    });
  });
  it('Services are not endpoints: the flow edges are the same with them on', () => {
    const flows = (els: ElementDefinition[]) => els.filter((e) => e.data.kind === 'edge');
    expect(flows(on)).toEqual(flows(toElements(a, { port: 'any', showDenied: false })));
  });
  it('a Service node or edge selects the Service', () => {
    for (const id of ['svc:prod/web-svc', 'svcedge:prod/web-svc->prod/web']) {
      expect(selectionOf(byId(on, id)?.data as SelectableData)).toEqual({ kind: 'service', id: 'prod/web-svc' });
    }
  });
  it('one edge per endpoint over every port; a pod that is not ready is dashed and says so', () => {
    const els = toElements(withServices(scenario, [
      service('prod/multi', [tcp(80, 8080), { port: 53, targetPort: 5353, protocol: 'UDP' }], [
        [{ pod: 'prod/web', port: 8080 }, { pod: 'prod/db', port: 8080, ready: false, reason: 'ErrImagePull' }],
        [{ pod: 'prod/web', port: 5353 }, { pod: 'prod/db', port: 5353, ready: false }],
      ]),
    ]), { port: 'any', showDenied: false, showServices: true, words: KO });
    expect(byId(els, 'svc:prod/multi')?.data.label).toBe('svc multi :80→8080\n:53→5353/UDP');
    expect(byId(els, 'svcedge:prod/multi->prod/web')?.data.label).toBe(':8080, :5353/UDP');
    expect(byId(els, 'svcedge:prod/multi->prod/db')).toMatchObject({
      classes: 'service-edge not-ready', data: { label: ':8080, :5353/UDP (준비 안 됨)' },
    });
  });
  it('edges only to drawn nodes: a hand-written address of an external host, nothing for unknown addresses', () => {
    const els = toElements(withServices(scenario, [
      service('prod/manual', [tcp(22)], [[{ ip: '203.0.113.5' }, { ip: '198.51.100.77' }, { pod: 'kube-system/coredns-x' }]], { selector: null }),
    ]), { port: 'any', showDenied: false, showServices: true });
    expect(ids(els, 'edges').filter((id) => id?.startsWith('svcedge:'))).toEqual(['svcedge:prod/manual->203.0.113.5']);
    expect(byId(els, 'svcedge:prod/manual->203.0.113.5')?.data.target).toBe('ext:203.0.113.5');
  });
  it('a Service in a namespace without pods draws its namespace', () => {
    const els = toElements(withServices(scenario, [service('default/lonely', [tcp(80)])]), { port: 'any', showDenied: false, showServices: true });
    expect(byId(els, 'ns:default')).toBeDefined();
    expect(byId(els, 'svc:default/lonely')?.data.parent).toBe('ns:default');
  });
  it.each<[string, ServiceReport, string]>([
    ['named target port', service('a/web', [tcp(80, 'http')]), 'svc web :80→http'],
    ['headless', service('a/h', [tcp(80)], [], { headless: true, clusterIP: 'None' }), 'svc h :80→80\nheadless'],
    ['NodePort', service('a/np', [{ ...tcp(80, 8080), nodePort: 30080 }], [], { type: 'NodePort' }), 'svc np :80→8080\nNodePort'],
    ['ExternalName', service('a/ext', [], [], { type: 'ExternalName', clusterIP: '', externalName: 'api.example.com' }), 'svc ext → api.example.com'],
    ['no ports', service('a/none', []), 'svc none'],
  ])('label: %s', (_, svc, label) => expect(serviceLabel(svc)).toBe(label));
  it('a large graph still draws every Service edge, linearly in the addresses', () => {
    const pods = Array.from({ length: 500 }, (_, i) => ({ key: `n/p${i}` }));
    const big = withServices(buildAnalysis({ pods, enforcing: false }), [
      service('n/all', [tcp(80)], [pods.map((p, i) => ({ pod: p.key, ip: `10.244.1.${i}` }))]),
    ]);
    const start = performance.now();
    // Every pod drawn (a bound above 500: bound.test.ts covers the summaries).
    const els = toElements(big, { port: 'any', showDenied: false, showServices: true, plan: planGraph(big.pods, [], 1000) });
    expect(els.filter((e) => e.data.kind === 'service-edge')).toHaveLength(500);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
