// The graph's flow edges across edits (issue 11): reused only while every verdict is the same, and
// always what a fresh toElements of the engine's own analysis draws.
import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { analyze, type Analysis, type SourceFile } from '../../engine/index.js';
import { AnalysisView, changedPairs, ChunkTable, sameVerdicts } from '../../state/analysis-view.js';
import { AnalysisCore } from '../../worker/core.js';
import type { ResultMessage } from '../../worker/protocol.js';
import { edgeReuse, flowEdges, graphNodes, toElements, type ElementOptions } from './elements.js';

const pod = (ns: string, name: string, app: string, port: number, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${app}${extra}
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports:
    - containerPort: ${port}
`;

const policy = (ns: string, app: string, from: string, port: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: only-${from}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app: ${app}
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: ${from}
    ports:
    - port: ${port}
`;

/** A small cluster: web accepts only api on 80, db accepts only web on 5432; `tweak` edits it. */
function files(tweak: { webLabel?: string; apiApp?: string; dbPort?: number; extraPod?: boolean } = {}): SourceFile[] {
  const docs = [
    pod('shop', 'web', 'web', 80, tweak.webLabel ? `\n    note: ${tweak.webLabel}` : ''),
    pod('shop', 'api', tweak.apiApp ?? 'api', 8080),
    pod('shop', 'db', 'db', 5432),
    pod('ops', 'probe', 'probe', 9000),
    ...(tweak.extraPod ? [pod('ops', 'extra', 'extra', 9001)] : []),
    policy('shop', 'web', 'api', 80),
    policy('shop', 'db', 'web', tweak.dbPort ?? 5432),
  ];
  return [{ name: 'cluster.yaml', text: docs.join('---\n') }];
}

/** The page's side of the worker: one core and chunk table across edits, as the lab has. */
function worker() {
  const core = new AnalysisCore(), table = new ChunkTable();
  let revision = 0;
  const noFallback = (): Analysis => { throw new Error('the view fell back to the engine'); };
  return (sources: SourceFile[]) => {
    core.receive({ type: 'update', revision: ++revision, order: sources.map((f) => f.name), changed: sources });
    const msg = structuredClone(core.run() as ResultMessage);
    return AnalysisView.create(sources, revision, table.take(msg.chunks, msg.dropped, msg.packed), msg.packed, noFallback);
  };
}

const flowsOf = (els: readonly ElementDefinition[]) => els.filter((e) => e.group === 'edges' && e.data.kind === 'edge');

describe('flowEdges with reuse', () => {
  // Per step: whether the list drawn on any port, and on 80/TCP, is the last one (no edge changed).
  const steps: [string, SourceFile[], 'same' | 'changed', 'same' | 'changed'][] = [
    ['start', files(), 'changed', 'changed'],
    ['a label no policy reads', files({ webLabel: 'a' }), 'same', 'same'],
    ['the same label typed on', files({ webLabel: 'ab' }), 'same', 'same'],
    ['api no longer selected as web\'s peer', files({ webLabel: 'ab', apiApp: 'apx' }), 'changed', 'changed'],
    // web → db was allowed on 5432 only: denied on 80 before and after.
    ['db\'s rule now on another port', files({ webLabel: 'ab', apiApp: 'apx', dbPort: 5433 }), 'changed', 'same'],
    ['a pod added', files({ webLabel: 'ab', apiApp: 'apx', dbPort: 5433, extraPod: true }), 'changed', 'changed'],
    ['its label typed on', files({ webLabel: 'abc', apiApp: 'apx', dbPort: 5433, extraPod: true }), 'same', 'same'],
  ];
  for (const port of ['any', { port: 80, protocol: 'TCP' }] as const) {
    it(`draws what a fresh toElements of the engine draws after every edit, the same objects while no verdict changed (port ${typeof port === 'string' ? port : '80/TCP'})`, () => {
      const next = worker();
      const reuse = edgeReuse();
      const options: ElementOptions = { port, showDenied: true };
      let last: readonly ElementDefinition[] | null = null;
      for (const [what, sources, onAny, on80] of steps) {
        const expected = port === 'any' ? onAny : on80;
        const view = next(sources);
        const nodes = graphNodes(view, options);
        const drawn = flowEdges(view, options, nodes, reuse);
        expect(drawn, what).toEqual(flowsOf(toElements(analyze(sources), options)));
        expect(drawn, what).toEqual(flowsOf(toElements(view, options)));
        if (last) expect(drawn === last, what).toBe(expected === 'same');
        last = drawn;
      }
    });
  }

  it('keeps the objects of the edges an edit did not change', () => {
    const next = worker();
    const reuse = edgeReuse();
    const options: ElementOptions = { port: 'any', showDenied: true };
    const before = flowEdges(next(files()), options, graphNodes(next(files()), options), reuse);
    const view = next(files({ dbPort: 5433 }));
    const after = flowEdges(view, options, graphNodes(view, options), reuse);
    const old = new Map(before.map((e) => [e.data.id, e]));
    const kept = after.filter((e) => old.get(e.data.id) === e);
    const remade = after.filter((e) => old.get(e.data.id) !== e).map((e) => e.data.id);
    expect(remade).toEqual(['edge:shop/web->shop/db']);
    expect(kept.length).toBe(after.length - 1);
  });

  it('draws afresh when the pairs or the options change, even on the same verdicts', () => {
    const next = worker();
    const reuse = edgeReuse();
    const view = next(files());
    const all = flowEdges(view, { port: 'any', showDenied: true }, graphNodes(view, { port: 'any', showDenied: true }), reuse);
    const allowedOnly = flowEdges(view, { port: 'any', showDenied: false }, graphNodes(view, { port: 'any', showDenied: false }), reuse);
    expect(allowedOnly).not.toBe(all);
    expect(allowedOnly).toEqual(flowsOf(toElements(view, { port: 'any', showDenied: false })));
    const ko = { port: 'any', showDenied: false, words: { ...KO_WORDS } } as const;
    expect(flowEdges(view, ko, graphNodes(view, ko), reuse)).toEqual(flowsOf(toElements(view, ko)));
  });
});

const KO_WORDS = {
  isolated: '격리', ingress: '인그레스', egress: '이그레스', hostNetwork: 'hostNetwork', anyOtherPort: '그 밖의 포트',
  notReady: '준비 안 됨', headless: '헤드리스', pods: (n: number) => `파드 ${n}개`, morePods: (n: number) => `파드 ${n}개 더 있음`,
};

describe('sameVerdicts', () => {
  it('is true for two results holding the same bits, false once one verdict differs', () => {
    const next = worker();
    const a = next(files()), b = next(files({ webLabel: 'x' })), c = next(files({ dbPort: 5433 }));
    expect(sameVerdicts(a.network, b.network, 'any')).toBe(true);
    expect(sameVerdicts(a.network, c.network, 'any')).toBe(false);
    expect(sameVerdicts(b.network, c.network, { port: 80, protocol: 'TCP' })).toBe(false);
  });

  it('is false for a port the results hold no verdicts for (the engine on the page would answer it)', () => {
    const next = worker();
    const a = next(files()), b = next(files({ webLabel: 'x' }));
    expect(sameVerdicts(a.network, b.network, { port: 80, protocol: 'TCP' })).toBe(true);
    expect(sameVerdicts(a.network, b.network, { port: 81, protocol: 'TCP' })).toBe(false);
  });

  it('compares engine analyses by identity only', () => {
    const a = analyze(files()), b = analyze(files());
    expect(sameVerdicts(a.network, a.network, 'any')).toBe(true);
    expect(sameVerdicts(a.network, b.network, 'any')).toBe(false);
  });

  it('is false when the results do not hold every pair (past the full-flows limit)', () => {
    const many = (label: string): SourceFile[] => [{
      name: 'many.yaml',
      text: Array.from({ length: 101 }, (_, i) => pod('big', `p${i}`, i === 0 ? label : 'p', 80)).join('---\n'),
    }];
    const next = worker();
    const a = next(many('one')), b = next(many('two'));
    expect(a.network.endpoints.length).toBeGreaterThan(100);
    expect(sameVerdicts(a.network, b.network, 'any')).toBe(false);
  });
});

/** Every pair (`from->to`) whose verdict differs between two engine analyses on some port of `ports`. */
function changedByEngine(a: Analysis, b: Analysis, ports: readonly { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[]): string[] {
  const out: string[] = [];
  for (const x of a.network.endpoints) {
    for (const y of a.network.endpoints) {
      if (ports.some((p) => a.network.allowed(x.id, y.id, p.port, p.protocol) !== b.network.allowed(x.id, y.id, p.port, p.protocol))) out.push(`${x.id}->${y.id}`);
    }
  }
  return out.sort();
}

const pairsOf = (m: ReadonlyMap<string, ReadonlySet<string>> | null) => (m ? [...m].flatMap(([from, tos]) => [...tos].map((to) => `${from}->${to}`)).sort() : null);

describe('changedPairs (the pairs an edit changed the verdict of)', () => {
  const cases: [string, SourceFile[], SourceFile[]][] = [
    ['a label no policy reads', files(), files({ webLabel: 'a' })],
    ['api no longer selected as web\'s peer', files(), files({ apiApp: 'apx' })],
    ['api selected again', files({ apiApp: 'apx' }), files()],
  ];
  for (const [what, one, two] of cases) {
    it(`names exactly the pairs whose verdict the engine changed, on any port: ${what}`, () => {
      const next = worker();
      const a = next(one), b = next(two);
      expect(pairsOf(changedPairs(a.network, b.network, 'any'))).toEqual(changedByEngine(analyze(one), analyze(two), a.network.allPorts()));
    });
  }

  it('is null when the results cannot be compared bit by bit: other ports, other endpoints, a port not held, engine analyses', () => {
    const next = worker();
    const a = next(files()), b = next(files({ webLabel: 'x' }));
    expect(changedPairs(a.network, next(files({ dbPort: 5433 })).network, 'any')).toBeNull();
    expect(changedPairs(b.network, next(files({ webLabel: 'x', extraPod: true })).network, 'any')).toBeNull();
    expect(changedPairs(a.network, b.network, { port: 81, protocol: 'TCP' })).toBeNull();
    expect(pairsOf(changedPairs(a.network, b.network, { port: 80, protocol: 'TCP' }))).toEqual([]);
    expect(changedPairs(analyze(files()).network, analyze(files()).network, 'any')).toBeNull();
  });

  for (const showDenied of [true, false]) {
    it(`flowEdges asks again only the pairs whose verdict changed, keeps every other edge object, and draws what a fresh toElements draws (showDenied ${showDenied})`, () => {
      const next = worker();
      const reuse = edgeReuse();
      const options: ElementOptions = { port: 'any', showDenied };
      const first = next(files());
      const before = flowEdges(first, options, graphNodes(first, options), reuse);
      const view = next(files({ apiApp: 'apx' }));
      const asked: string[] = [];
      const allowed = view.network.allowed.bind(view.network);
      view.network.allowed = (from, to, port, protocol) => { asked.push(`${from}->${to}`); return allowed(from, to, port, protocol); };
      const after = flowEdges(view, options, graphNodes(view, options), reuse);
      expect(after).toEqual(flowsOf(toElements(analyze(files({ apiApp: 'apx' })), options)));
      expect([...new Set(asked)]).toEqual(['shop/api->shop/web']);
      const old = new Map(before.map((e) => [e.data.id, e]));
      for (const e of after) if (e.data.id !== 'edge:shop/api->shop/web') expect(old.get(e.data.id), String(e.data.id)).toBe(e);
    });
  }
});
