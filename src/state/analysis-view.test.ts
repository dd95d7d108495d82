import { describe, expect, it } from 'vitest';
import { analyze, type Analysis, type SourceFile } from '../engine/index.js';
import { scenarioFiles, scenarioNames } from '../testing/scenario-files.js';
import { AnalysisCore } from '../worker/core.js';
import { probePortOf } from '../worker/pack.js';
import type { FromWorker, ResultMessage } from '../worker/protocol.js';
import { AnalysisView, ChunkTable } from './analysis-view.js';

const lessonFiles = import.meta.glob<string>('../../lessons/*/{start,solution}/*', { query: '?raw', import: 'default', eager: true });

/** Every scenario the lab ships: the CLI fixtures and each lesson's start and solution. */
function allScenarios(): [string, SourceFile[]][] {
  const out: [string, SourceFile[]][] = scenarioNames().map((n) => [n, scenarioFiles(n)]);
  const byScenario = new Map<string, SourceFile[]>();
  for (const [path, text] of Object.entries(lessonFiles).sort(([a], [b]) => a.localeCompare(b))) {
    const m = /lessons\/([^/]+)\/(start|solution)\/([^/]+)$/.exec(path);
    if (!m) continue;
    const key = `${m[1]}/${m[2]}`;
    byScenario.set(key, [...(byScenario.get(key) ?? []), { name: m[3] as string, text }]);
  }
  return [...out, ...byScenario];
}

const noFallback = (): Analysis => { throw new Error('the view fell back to the engine'); };

/** Runs the worker's core on `files` and builds the page's view of its result. */
function viewOf(files: readonly SourceFile[], core = new AnalysisCore(), table = new ChunkTable(), revision = 1, fallback: (s: readonly SourceFile[]) => Analysis = noFallback) {
  core.receive({ type: 'update', revision, order: files.map((f) => f.name), changed: files });
  const result = core.run() as ResultMessage;
  // What crosses really is cloneable plain data.
  const msg = structuredClone(result);
  const view = AnalysisView.create(files, revision, table.take(msg.chunks, msg.dropped, msg.packed), msg.packed, fallback);
  return { view, core, table, result: msg };
}

/** Equal as data: numbers by Object.is, properties whose value is undefined ignored (JSON drops them). */
function sameData(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) ? null : `${path}: ${a} ≠ ${b}`;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = (a as Record<string, unknown>)[k], y = (b as Record<string, unknown>)[k];
    if (x === undefined && y === undefined) continue;
    const d = sameData(x, y, `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

describe('the page\'s view of a worker result answers as the engine does', () => {
  it.each(allScenarios())('%s', (_name, files) => {
    const engine = analyze(files);
    const { view } = viewOf(files);
    // Every data field, including any the engine adds later (they travel as `rest`).
    for (const [field, value] of Object.entries(engine)) {
      if (typeof value === 'function' || field === 'network') continue;
      expect(sameData((view as unknown as Record<string, unknown>)[field], value), field).toBeNull();
    }
    const n = engine.network, v = view.network;
    expect(v.enforcing).toBe(n.enforcing);
    expect(sameData(v.endpoints, n.endpoints)).toBeNull();
    expect(v.allPorts()).toEqual(n.allPorts());
    for (const e of n.endpoints) {
      expect(v.endpoint(e.id)).toEqual(e);
      expect(v.isolation(e.id)).toEqual(n.isolation(e.id));
      expect(v.portsOf(e.id)).toEqual(n.portsOf(e.id));
    }
    for (const p of engine.policies) expect(v.selectedBy(p.key)).toEqual(n.selectedBy(p.key));
    expect(v.endpoint('nowhere/none')).toBeUndefined();
    // Every verdict the graph, matrix and explanation panel can ask (a small cluster gets them all).
    const ports = [...new Map([...n.allPorts(), ...n.endpoints.flatMap((e) => n.portsOf(e.id)), probePortOf(n)].map((p) => [`${p.port}/${p.protocol}`, p])).values()];
    for (const a of n.endpoints) {
      for (const b of n.endpoints) {
        for (const p of ports) {
          expect(v.allowed(a.id, b.id, p.port, p.protocol), `${a.id} → ${b.id} ${p.port}/${p.protocol}`).toBe(n.allowed(a.id, b.id, p.port, p.protocol));
        }
      }
    }
    // The probe port (ui/graph/flows.ts asks it for destinations without ports) is answered.
    expect(v.hasPort(probePortOf(v))).toBe(true);
  });

  it('explanations and editor ranges come from the worker, equal to the engine\'s', () => {
    const files = scenarioFiles('db-api-backup');
    const engine = analyze(files);
    const { view, core } = viewOf(files);
    const ids = engine.network.endpoints.filter((e) => !e.system).map((e) => e.id);
    for (const from of ids) {
      for (const to of ids) {
        const ports = engine.network.portsOf(to);
        const [reply] = core.receive({ type: 'query', id: 1, revision: 1, query: { kind: 'explain', from, to, ports } });
        if (reply?.type !== 'answer' || reply.answer?.kind !== 'explain') throw new Error('no answer');
        view.addRanges(reply.answer.ranges);
        for (const x of reply.answer.explanations) {
          expect(x.explanation).toEqual(engine.network.explain(from, to, x.port.port, x.port.protocol));
          view.addExplanation(from, to, x.port, x.explanation);
          expect(view.network.explain(from, to, x.port.port, x.port.protocol)).toEqual(x.explanation);
          const refs: { file: string; doc: number; path: (string | number)[] }[] = [];
          JSON.stringify(x.explanation, (k, val: unknown) => {
            if (val && typeof val === 'object' && 'file' in val && 'doc' in val && 'path' in val) refs.push(val as never);
            return val;
          });
          for (const r of refs) expect(view.locate(r)).toEqual(engine.locate(r));
        }
      }
    }
  });

  it('an edit sends only what changed, and unchanged objects stay the same objects', () => {
    const files = scenarioFiles('db-api-backup');
    const first = viewOf(files);
    const podsBefore = first.view.pods;
    const edited = files.map((f) => (f.name.endsWith('pods.yaml') ? { ...f, text: f.text.replace('{name: web-pod}', '{name: web-pod2}') } : f));
    const second = viewOf(edited, first.core, first.table, 2);
    expect(second.result.chunks.ids.length).toBeGreaterThan(0);
    expect(second.result.chunks.ids.length).toBeLessThan(first.result.chunks.ids.length / 3);
    const changed = second.view.pods.filter((p, i) => p !== podsBefore[i]).map((p) => p.key);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(podsBefore.length);
    expect(sameData(second.view.pods, analyze(edited).pods)).toBeNull();
  });

  it('the replicas of a workload share their fields: each more replica costs its name and address, not its report', () => {
    const deployment = (replicas: number) => [{ name: 'd.yaml', text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx:1.27, ports: [{containerPort: 80}]}]}
` }];
    const chars = (r: ResultMessage) => r.chunks.text.length;
    const few = viewOf(deployment(2)), many = viewOf(deployment(42));
    const perReplica = (chars(many.result) - chars(few.result)) / 40;
    const report = JSON.stringify(analyze(deployment(2)).pods.find((p) => !p.pod.system));
    // A replica's report and pod are over 2 KB of JSON; what it adds to a result is its names.
    expect(report.length).toBeGreaterThan(2000);
    expect(perReplica).toBeLessThan(400);
    expect(sameData(many.view.pods, analyze(deployment(42)).pods)).toBeNull();
    expect(sameData(many.view.cluster, analyze(deployment(42)).cluster)).toBeNull();
    // A report's pod is the cluster's pod (one object), as in the engine.
    const web = many.view.pods.find((p) => p.key.startsWith('default/web-'));
    expect(web?.pod).toBe(many.view.cluster.pods.find((p) => p.name === web?.pod.name));
  });

  it('warm builds the endpoints and pod reports a slice at a time, the same objects the views then read', () => {
    const files: SourceFile[] = [{ name: 'big.yaml', text: bigCluster(120) }];
    const engine = analyze(files);
    const { view } = viewOf(files);
    let slices = 1;
    while (!view.warm(() => true)) slices++;
    // 64 items a slice: the endpoints, then the pod reports.
    expect(slices).toBe(Math.ceil((engine.network.endpoints.length + engine.pods.length) / 64));
    expect(view.warm(() => true)).toBe(true);
    expect(sameData(view.pods, engine.pods)).toBeNull();
    expect(sameData(view.network.endpoints, engine.network.endpoints)).toBeNull();
    const again = viewOf(files);
    expect(again.view.warm(() => false)).toBe(true);
    expect(again.view.pods).toBe(again.view.pods);
    expect(sameData(again.view.cluster.pods, engine.cluster.pods)).toBeNull();
  });

  it('a result\'s chunks can be taken in slices (256 a slice when told to stop), with the same view after', () => {
    const files: SourceFile[] = [{ name: 'big.yaml', text: bigCluster(120) }];
    const core = new AnalysisCore();
    core.receive({ type: 'update', revision: 1, order: files.map((f) => f.name), changed: files });
    const msg = structuredClone(core.run() as ResultMessage);
    const table = new ChunkTable();
    table.drop(msg.dropped);
    const stops: number[] = [];
    for (let at = 0; at < msg.chunks.ids.length;) stops.push((at = table.add(msg.chunks, at, () => true)));
    expect(stops.length).toBe(Math.ceil(msg.chunks.ids.length / 256));
    expect(stops.slice(0, -1).every((at, i) => at === (i + 1) * 256)).toBe(true);
    const view = AnalysisView.create(files, 1, table.resolve(msg.packed), msg.packed, noFallback);
    expect(sameData(view.pods, analyze(files).pods)).toBeNull();
  });

  it('the page forgets the chunks a result no longer refers to, and each edit\'s view equals a cold analysis', () => {
    const files = scenarioFiles('db-api-backup');
    let step = viewOf(files);
    const first = step.table.size;
    for (let i = 2; i < 8; i++) {
      const edited = files.map((f) => (f.name.endsWith('pods.yaml') ? { ...f, text: f.text.replace('{name: web-pod}', `{name: web-pod${i}}`) } : f));
      step = viewOf(edited, step.core, step.table, i);
      expect(step.result.dropped.length).toBeGreaterThan(0);
      expect(step.table.size).toBe(first);
      // Every data field equals a cold analysis's, though packing reused the JSON of objects the
      // incremental engine handed back unchanged (worker/pack.ts Interner).
      const cold = analyze(edited);
      for (const [field, value] of Object.entries(cold)) {
        if (typeof value === 'function' || field === 'network') continue;
        expect(sameData((step.view as unknown as Record<string, unknown>)[field], value), field).toBeNull();
      }
    }
  });

  it('a large cluster sends the verdicts a view wants, and only those', () => {
    const files: SourceFile[] = [{ name: 'big.yaml', text: bigCluster(120) }];
    const engine = analyze(files);
    const fallback = { count: 0 };
    const { view, core, table } = viewOf(files, new AnalysisCore(), new ChunkTable(), 1, (s) => { fallback.count++; return analyze(s); });
    const ids = engine.network.endpoints.map((e) => e.id);
    const [a, b] = [ids[3] as string, ids[40] as string];
    expect(view.network.coversEndpoint(a)).toBe(false);
    const replies = core.receive({ type: 'want', key: 'graph', interest: { focus: [a] } });
    const flows = replies[0] as Extract<FromWorker, { type: 'flows' }>;
    const wider = view.withFlows(flows.keys, flows.flows, flows.ports);
    expect(wider.network.coversEndpoint(a)).toBe(true);
    for (const other of ids) {
      for (const p of engine.network.portsOf(other)) {
        expect(wider.network.allowed(a, other, p.port, p.protocol)).toBe(engine.network.allowed(a, other, p.port, p.protocol));
        expect(wider.network.allowed(other, a, p.port, p.protocol)).toBe(engine.network.allowed(other, a, p.port, p.protocol));
      }
    }
    expect(fallback.count).toBe(0);
    // A pair nobody asked for: the engine on the page answers (correct, and counted).
    expect(wider.network.allowed(b, ids[50] as string, 80, 'TCP')).toBe(engine.network.allowed(b, ids[50] as string, 80, 'TCP'));
    expect(fallback.count).toBe(1);
    // The next result carries the wanted verdicts without asking again.
    const next = viewOf(files.map((f) => ({ ...f, text: `${f.text}# edit\n` })), core, table, 2, noFallback);
    expect(next.view.network.coversEndpoint(a)).toBe(true);
  });
});

function bigCluster(pods: number): string {
  const docs: string[] = [];
  for (let n = 0; n < 4; n++) docs.push(`{apiVersion: v1, kind: Namespace, metadata: {name: ns${n}, labels: {team: t${n}}}}`);
  for (let i = 0; i < pods; i++) {
    docs.push(`{apiVersion: v1, kind: Pod, metadata: {name: p${i}, namespace: ns${i % 4}, labels: {app: a${i % 7}}}, spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80, name: http}]}]}}`);
  }
  for (let k = 0; k < 10; k++) {
    docs.push(`{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: np${k}, namespace: ns${k % 4}}, spec: {podSelector: {matchLabels: {app: a${k % 7}}}, ingress: [{from: [{podSelector: {matchLabels: {app: a${(k + 1) % 7}}}}], ports: [{port: http}]}]}}`);
  }
  return docs.join('\n---\n');
}
