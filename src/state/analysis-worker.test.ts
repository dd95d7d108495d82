import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../engine/index.js';
import { AnalysisCore } from '../worker/core.js';
import type { FromWorker, ToWorker } from '../worker/protocol.js';
import { isView } from './analysis-view.js';
import { createWorkerAnalysisController, EARLY_SYNC_FIRST_CHARS, podsAsked, SYNC_FIRST_CHARS, SYNC_FIRST_PODS, WORKER_DELAY_MS, type WorkerPort } from './analysis-worker.js';
import { startAnalysisWorker, startEarlyWorker, takeEarly } from './worker-start.js';
import { createLabStore } from './store.js';

const POD = (name: string, labels = 'app: web') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {${labels}}
spec:
  containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]
`;
const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec: {podSelector: {matchLabels: {app: db}}, ingress: []}
`;

/** The worker's core in-process; `hold` keeps replies until `deliver()` (a slow worker). */
function fakeWorker(hold = false) {
  const core = new AnalysisCore();
  const queue: FromWorker[] = [];
  const posted: ToWorker[] = [];
  const port: WorkerPort & { deliver(): void; posted: ToWorker[]; hold: boolean } = {
    onmessage: null,
    posted,
    hold,
    postMessage(msg: ToWorker) {
      const m = structuredClone(msg);
      posted.push(m);
      queue.push(...core.receive(m));
      const result = core.run();
      if (result) queue.push(result);
      if (!port.hold) port.deliver();
    },
    deliver() {
      while (queue.length > 0) port.onmessage?.({ data: structuredClone(queue.shift()) } as MessageEvent<FromWorker>);
    },
    terminate() {},
  };
  return port;
}

function setup(files: { name: string; text: string }[], hold = false, syncFirstChars?: number, yieldAfterChunks?: number) {
  const store = createLabStore({ files });
  const worker = fakeWorker(hold);
  const analysis = createWorkerAnalysisController(() => store.getState().files, (l) => store.subscribe(l), {
    worker: () => worker, delayMs: 10, ...(syncFirstChars !== undefined ? { syncFirstChars } : {}),
    ...(yieldAfterChunks !== undefined ? { yieldAfterChunks } : {}),
  });
  return { store, worker, analysis };
}

/** A large first load (syncFirstChars 10) whose results are held: `released[i]()` shows the i-th held one. */
function heldSetup() {
  const store = createLabStore({ files: [{ name: 'a.yaml', text: POD('big') }] });
  const worker = fakeWorker(true);
  const released: (() => void)[] = [];
  const cancelled: number[] = [];
  const analysis = createWorkerAnalysisController(() => store.getState().files, (l) => store.subscribe(l), {
    worker: () => worker, delayMs: 10, syncFirstChars: 10,
    holdFirstResult: (show) => { const n = released.push(show); return () => { cancelled.push(n); }; },
  });
  return { store, worker, released, cancelled, analysis };
}

const podKeys = (a: { pods: readonly { key: string; pod: { system?: boolean } }[] }) => a.pods.filter((p) => !p.pod.system).map((p) => p.key);

afterEach(() => { vi.useRealTimers(); });

describe('the analysis controller with a worker', () => {
  it('analyses a lesson-sized scenario on the page at load, then follows edits through the worker', async () => {
    vi.useFakeTimers();
    const { store, worker, analysis } = setup([{ name: 'a.yaml', text: POD('one') }]);
    expect(isView(analysis.get().current)).toBe(false);
    expect(podKeys(analysis.get().current)).toEqual(['default/one']);
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, POD('two'));
    store.getState().setText(id, POD('three'));
    expect(analysis.get().pending).toBe(true);
    vi.advanceTimersByTime(20);
    // One update for both keystrokes, with the changed file only.
    const updates = worker.posted.filter((m) => m.type === 'update');
    expect(updates.at(-1)).toMatchObject({ type: 'update', order: ['a.yaml'], changed: [{ name: 'a.yaml' }] });
    expect(updates.length).toBe(2);
    const a = analysis.get();
    expect(isView(a.current)).toBe(true);
    expect(podKeys(a.current)).toEqual(['default/three']);
    expect(a.pending).toBe(false);
    analysis.dispose();
  });

  it('takes the worker\'s answer for the files it analysed itself at load in place of its own, when idle; not once the files changed (issue 11)', () => {
    vi.useFakeTimers();
    const { analysis } = setup([{ name: 'a.yaml', text: POD('one') }, { name: 'b.yaml', text: DENY }]);
    const own = analysis.get();
    expect(isView(own.current)).toBe(false);
    vi.advanceTimersByTime(0);
    const adopted = analysis.get();
    expect(isView(adopted.current)).toBe(true);
    expect(adopted.version).toBe(own.version + 1);
    expect(adopted.pending).toBe(false);
    expect(adopted.checked).toBe(adopted.current);
    expect(podKeys(adopted.current)).toEqual(podKeys(own.current));
    expect(adopted.current.network.isolation('default/one')).toEqual(own.current.network.isolation('default/one'));
    analysis.dispose();

    // An edit before the page was idle: the answer for the old files is never shown.
    const second = setup([{ name: 'a.yaml', text: POD('one') }], true);
    const seen: string[][] = [];
    second.analysis.subscribe(() => { if (isView(second.analysis.get().current)) seen.push(podKeys(second.analysis.get().current)); });
    second.worker.deliver();
    second.store.getState().setText(second.store.getState().files[0]?.id ?? '', POD('two'));
    vi.advanceTimersByTime(20);
    second.worker.deliver();
    vi.advanceTimersByTime(20);
    expect(seen).toEqual([['default/two']]);
    second.analysis.dispose();
  });

  it('posts a change of small files when the task that made it ends, without a pause; big files after WORKER_DELAY_MS (issue 11)', async () => {
    vi.useFakeTimers();
    const files = [{ name: 'a.yaml', text: POD('one') }];
    const make = (postAtOnceChars?: number) => {
      const store = createLabStore({ files });
      const worker = fakeWorker();
      const analysis = createWorkerAnalysisController(() => store.getState().files, (l) => store.subscribe(l), {
        worker: () => worker, ...(postAtOnceChars !== undefined ? { postAtOnceChars } : {}),
      });
      return { store, worker, analysis, id: store.getState().files[0]?.id ?? '' };
    };
    const updates = (w: ReturnType<typeof fakeWorker>) => w.posted.filter((m) => m.type === 'update').length;
    const small = make();
    const before = updates(small.worker);
    small.store.getState().setText(small.id, POD('two'));
    small.store.getState().setText(small.id, POD('three'));
    expect(updates(small.worker)).toBe(before);
    expect(small.analysis.get().pending).toBe(true);
    await Promise.resolve();
    // No timer ran: the two changes of one task posted once, at the end of it.
    expect(updates(small.worker)).toBe(before + 1);
    expect(podKeys(small.analysis.get().current)).toEqual(['default/three']);
    expect(small.analysis.get().pending).toBe(false);
    small.analysis.dispose();

    const big = make(10);
    const was = updates(big.worker);
    big.store.getState().setText(big.id, POD('two'));
    await Promise.resolve();
    expect(updates(big.worker)).toBe(was);
    vi.advanceTimersByTime(WORKER_DELAY_MS - 1);
    expect(updates(big.worker)).toBe(was);
    vi.advanceTimersByTime(1);
    expect(updates(big.worker)).toBe(was + 1);
    expect(podKeys(big.analysis.get().current)).toEqual(['default/two']);
    big.analysis.dispose();
  });

  it('drops a result that is stale when it arrives and keeps showing the last one', () => {
    vi.useFakeTimers();
    const { store, worker, analysis } = setup([{ name: 'a.yaml', text: POD('one') }], true);
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, POD('two'));
    vi.advanceTimersByTime(20);
    store.getState().setText(id, POD('three'));
    vi.advanceTimersByTime(20);
    // Both results arrive now; the one for "two" is stale (three was posted since).
    const seen: string[][] = [];
    analysis.subscribe(() => seen.push(podKeys(analysis.get().current)));
    worker.deliver();
    expect(seen.flat()).not.toContain('default/two');
    expect(podKeys(analysis.get().current)).toEqual(['default/three']);
    analysis.dispose();
  });

  it('shows an empty cluster marked initial until the worker answers a large first load', async () => {
    const { worker, analysis } = setup([{ name: 'a.yaml', text: POD('big') }], true, 10);
    expect(analysis.get().initial).toBe(true);
    expect(analysis.get().pending).toBe(true);
    const settled = analysis.settled();
    worker.deliver();
    await settled;
    expect(analysis.get().initial).toBeUndefined();
    expect(podKeys(analysis.get().current)).toEqual(['default/big']);
    analysis.dispose();
  });

  it('holdFirstResult keeps a large first load\'s result (and its flows) until released, then shows it; a later result replaces a held one', async () => {
    const { store, worker, released, cancelled, analysis } = heldSetup();
    expect(analysis.get().initial).toBe(true);
    worker.deliver();
    // Issue 11: the result waits (for the editor, in boot.ts); the placeholder stays, still pending.
    expect(released).toHaveLength(1);
    expect(analysis.get().initial).toBe(true);
    expect(analysis.get().pending).toBe(true);
    expect(podKeys(analysis.get().current)).toEqual([]);
    released[0]!();
    expect(analysis.get().initial).toBeUndefined();
    expect(analysis.get().pending).toBe(false);
    expect(podKeys(analysis.get().current)).toEqual(['default/big']);
    // Released once: nothing after the first shown result is held.
    vi.useFakeTimers();
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, POD('next'));
    vi.advanceTimersByTime(20);
    worker.deliver();
    expect(released).toHaveLength(1);
    expect(podKeys(analysis.get().current)).toEqual(['default/next']);
    expect(cancelled).toEqual([]);
    analysis.dispose();
  });

  it('a held first result is dropped for a newer one, which is held in its turn', () => {
    vi.useFakeTimers();
    const { store, worker, released, cancelled, analysis } = heldSetup();
    worker.deliver();
    expect(released).toHaveLength(1);
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, POD('typed'));
    vi.advanceTimersByTime(20);
    worker.deliver();
    expect(released).toHaveLength(2);
    expect(cancelled).toEqual([1]);
    released[0]!(); // the stale one, released late: nothing shown
    expect(analysis.get().initial).toBe(true);
    released[1]!();
    expect(podKeys(analysis.get().current)).toEqual(['default/typed']);
    analysis.dispose();
  });

  it('a short text asking for many pods is a large first load too (issue 18: a 5 KB link of 5,000 pods)', async () => {
    const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;
    const small = setup([{ name: 'a.yaml', text: deployment(3) }], true);
    expect(small.analysis.get().initial).toBeUndefined();
    expect(podKeys(small.analysis.get().current)).toHaveLength(3);
    small.analysis.dispose();
    const many = setup([{ name: 'a.yaml', text: deployment(SYNC_FIRST_PODS) }], true);
    expect(many.analysis.get().initial).toBe(true);
    expect(podKeys(many.analysis.get().current)).toEqual([]);
    const settled = many.analysis.settled();
    many.worker.deliver();
    await settled;
    const keys = podKeys(many.analysis.get().current);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys).toEqual(podKeys(analyze([{ name: 'a.yaml', text: deployment(SYNC_FIRST_PODS) }])));
    many.analysis.dispose();
  });

  it('a big result is shown in a task after the one that took it in, with the verdicts wanted meanwhile', () => {
    vi.useFakeTimers();
    const text = POD('web') + '---\n' + POD('db', 'app: db') + '---\n' + DENY;
    const { store, worker, analysis } = setup([{ name: 'a.yaml', text: POD('one') }], true, undefined, 5);
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, text);
    vi.advanceTimersByTime(20);
    const before = analysis.get().current;
    const notified: number[] = [];
    analysis.subscribe(() => notified.push(analysis.get().version));
    worker.deliver();
    // Taken in, not shown yet: the views render in the next task.
    expect(analysis.get().current).toBe(before);
    expect(analysis.get().pending).toBe(true);
    // A view wants verdicts before it is shown: they come for the waiting result and travel with it.
    analysis.want('graph', { focus: ['default/web'], ports: [{ port: 8080, protocol: 'TCP' }] });
    worker.deliver();
    expect(notified).toEqual([]);
    vi.advanceTimersByTime(1);
    const shown = analysis.get().current;
    expect(isView(shown)).toBe(true);
    expect(podKeys(shown)).toEqual(['default/db', 'default/web']);
    expect(analysis.get().pending).toBe(false);
    expect(isView(shown) && shown.network.hasPort({ port: 8080, protocol: 'TCP' })).toBe(true);
    const engine = analyze([{ name: 'a.yaml', text }]);
    expect(shown.network.allowed('default/web', 'default/db', 8080, 'TCP')).toBe(engine.network.allowed('default/web', 'default/db', 8080, 'TCP'));
    analysis.dispose();
  });

  it('podsAsked: an upper estimate of the pods a text asks for, without parsing it', () => {
    // The engine's own count is never above it (the lab's 3 nodes run a DaemonSet's pods).
    const cases = [
      POD('one'),
      `{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {replicas: 7, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}}`,
      `{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "s"}, "spec": {"replicas": 4, "serviceName": "s", "selector": {"matchLabels": {"a": "b"}}, "template": {"metadata": {"labels": {"a": "b"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}`,
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: nginx}]}\n`,
      `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  parallelism: 5\n  completions: 9\n  template:\n    spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}\n`,
    ];
    for (const text of cases) {
      const engine = analyze([{ name: 'a.yaml', text }]).pods.filter((p) => !p.pod.system).length;
      expect(engine, text).toBeGreaterThan(0);
      expect(podsAsked([text]), text).toBeGreaterThanOrEqual(engine);
    }
    expect(podsAsked([POD('a'), POD('b')])).toBe(2);
    // An alias can repeat a whole object: too many to tell.
    expect(podsAsked(['items:\n- &p {kind: Pod}\n- *p\n'])).toBe(Infinity);
    expect(podsAsked(['kind: Pod\nmetadata: {name: a, annotations: {glob: "x*y"}}\n'])).toBe(1);
  });

  it('keeps the last result without a syntax error on display, as on the page', () => {
    vi.useFakeTimers();
    const { store, analysis } = setup([{ name: 'a.yaml', text: POD('one') }]);
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, `${POD('two')}\n  bad: [`);
    vi.advanceTimersByTime(20);
    const d = analysis.get();
    expect(d.staleBecause?.code).toBe('yaml-syntax');
    expect(podKeys(d.display)).toEqual(['default/one']);
    analysis.dispose();
  });

  it('flush() analyses on the page when the result on screen is behind the files', () => {
    const { store, analysis } = setup([{ name: 'a.yaml', text: POD('one') }], true);
    store.getState().replaceFiles([{ name: 'b.yaml', text: POD('fresh') }]);
    analysis.flush();
    expect(podKeys(analysis.get().current)).toEqual(['default/fresh']);
    expect(analysis.get().pending).toBe(false);
    analysis.dispose();
  });

  it('answers the verdicts a view wants, explanations and ranges from the worker', async () => {
    vi.useFakeTimers();
    const { store, analysis } = setup([{ name: 'a.yaml', text: POD('web') + '---\n' + POD('db', 'app: db') + '---\n' + DENY }], false, 10);
    vi.advanceTimersByTime(20);
    const view = analysis.get().current;
    expect(isView(view)).toBe(true);
    const engine = analyze(store.getState().files);
    for (const [from, to] of [['default/web', 'default/db'], ['default/db', 'default/web']] as const) {
      expect(view.network.allowed(from, to, 80, 'TCP')).toBe(engine.network.allowed(from, to, 80, 'TCP'));
    }
    const ports = [{ port: 80, protocol: 'TCP' as const }];
    vi.useRealTimers();
    expect(await analysis.explain(view, 'default/web', 'default/db', ports)).toBe(true);
    const exp = view.network.explain('default/web', 'default/db', 80, 'TCP');
    expect(exp).toEqual(engine.network.explain('default/web', 'default/db', 80, 'TCP'));
    const ref = exp?.ingress.isolatingPolicies.length ? engine.policies[0]?.policy.ref : undefined;
    expect(ref && view.locate(ref)).toEqual(ref && engine.locate(ref));
    analysis.dispose();
  });

  it('gives the terminal the result on screen when it is of the same files', () => {
    vi.useFakeTimers();
    const { store, analysis } = setup([{ name: 'a.yaml', text: POD('one') }], false, 10);
    vi.advanceTimersByTime(20);
    const files = store.getState().files.map((f) => ({ name: f.name, text: f.text }));
    expect(analysis.analyzeFiles(files)).toBe(analysis.get().current);
    const other = analysis.analyzeFiles([{ name: 'x.yaml', text: POD('x') }]);
    expect(podKeys(other)).toEqual(['default/x']);
    analysis.dispose();
  });

  it('analyses on the page when the worker cannot start or fails', () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createLabStore({ files: [{ name: 'a.yaml', text: POD('one') }] });
    const analysis = createWorkerAnalysisController(() => store.getState().files, (l) => store.subscribe(l), {
      worker: () => { throw new Error('blocked by CSP'); }, delayMs: 10, syncFirstChars: 0,
    });
    expect(podKeys(analysis.get().current)).toEqual(['default/one']);
    const id = store.getState().files[0]?.id ?? '';
    store.getState().setText(id, POD('two'));
    vi.advanceTimersByTime(20);
    expect(podKeys(analysis.get().current)).toEqual(['default/two']);
    analysis.dispose();

    const port = fakeWorker(true);
    const second = createWorkerAnalysisController(() => store.getState().files, (l) => store.subscribe(l), { worker: () => port, delayMs: 10 });
    store.getState().setText(id, POD('three'));
    vi.advanceTimersByTime(20);
    port.onerror?.({ message: 'failed to load' } as ErrorEvent);
    expect(podKeys(second.get().current)).toEqual(['default/three']);
    expect(second.get().pending).toBe(false);
    second.dispose();
    warn.mockRestore();
  });
});

describe('the worker started early (app/early.ts, state/worker-start.ts; issue 11)', () => {
  const updatesOf = (w: ReturnType<typeof fakeWorker>) => w.posted.filter((m): m is Extract<ToWorker, { type: 'update' }> => m.type === 'update');
  const control = (store: ReturnType<typeof createLabStore>, make: () => WorkerPort, syncFirstChars = 0, earlySyncFirstChars?: number) =>
    createWorkerAnalysisController(() => store.getState().files, (l) => store.subscribe(l), {
      worker: () => startAnalysisWorker(make), delayMs: 10, syncFirstChars, ...(earlySyncFirstChars === undefined ? {} : { earlySyncFirstChars }),
    });

  it('posts the saved files as revision 0 at once; the controller takes the worker and its answer over and posts nothing again', () => {
    const files = [{ name: 'a.yaml', text: POD('one') }, { name: 'b.yaml', text: POD('two', 'app: db') }];
    const worker = fakeWorker();
    const make = vi.fn(() => worker);
    startEarlyWorker(files, make);
    expect(make).toHaveBeenCalledTimes(1);
    expect(updatesOf(worker)).toEqual([{ type: 'update', revision: 0, order: ['a.yaml', 'b.yaml'], changed: files }]);
    // The worker answered before any controller existed: the answer waits in the early inbox.
    const store = createLabStore({ files });
    const analysis = control(store, make);
    expect(make).toHaveBeenCalledTimes(1);
    expect(updatesOf(worker)).toHaveLength(1);
    expect(analysis.get().initial).toBeUndefined();
    expect(analysis.get().pending).toBe(false);
    expect(isView(analysis.get().current)).toBe(true);
    expect(podKeys(analysis.get().current)).toEqual(['default/one', 'default/two']);
    analysis.dispose();
  });

  it('files other than the early ones (a share link, a lesson) are revision 1: the early answer is never shown', () => {
    const worker = fakeWorker(true);
    startEarlyWorker([{ name: 'a.yaml', text: POD('saved') }], () => worker);
    const store = createLabStore({ files: [{ name: 'a.yaml', text: POD('linked') }] });
    const seen: string[][] = [];
    const analysis = control(store, () => worker);
    analysis.subscribe(() => seen.push(podKeys(analysis.get().current)));
    expect(updatesOf(worker).map((u) => u.revision)).toEqual([0, 1]);
    expect(updatesOf(worker)[1]?.changed).toEqual([{ name: 'a.yaml', text: POD('linked') }]);
    expect(analysis.revision()).toBe(1);
    worker.deliver();
    expect(seen.flat()).not.toContain('default/saved');
    expect(podKeys(analysis.get().current)).toEqual(['default/linked']);
    analysis.dispose();
  });

  it('a lesson-sized first load is still analysed on the page; the early answer for the same files is dropped', () => {
    const files = [{ name: 'a.yaml', text: POD('one') }];
    const worker = fakeWorker();
    startEarlyWorker(files, () => worker);
    const store = createLabStore({ files });
    const analysis = control(store, () => worker, 100_000);
    expect(isView(analysis.get().current)).toBe(false);
    expect(updatesOf(worker)).toHaveLength(1);
    analysis.dispose();
  });

  it('saved work past EARLY_SYNC_FIRST_CHARS that the early worker holds is not analysed on the page too: the worker answers', () => {
    const files = [{ name: 'a.yaml', text: POD('one') }];
    const worker = fakeWorker(true);
    startEarlyWorker(files, () => worker);
    const store = createLabStore({ files });
    const size = files[0]!.text.length;
    // Under the limit (a lesson), the page analyses at once, as without an early worker.
    const small = control(store, () => worker, 100_000, size);
    expect(small.get().initial).toBeUndefined();
    expect(podKeys(small.get().current)).toEqual(['default/one']);
    small.dispose();
    // One character past it: the empty cluster, pending, until the worker's revision 0 comes.
    const worker2 = fakeWorker(true);
    startEarlyWorker(files, () => worker2);
    const big = control(store, () => worker2, 100_000, size - 1);
    expect(big.get().initial).toBe(true);
    expect(big.get().pending).toBe(true);
    expect(podKeys(big.get().current)).toEqual([]);
    expect(updatesOf(worker2)).toHaveLength(1);
    worker2.deliver();
    expect(isView(big.get().current)).toBe(true);
    expect(podKeys(big.get().current)).toEqual(['default/one']);
    big.dispose();
  });

  it('the early limit never raises the page limit: syncFirstChars 0 analyses nothing on the page', () => {
    const files = [{ name: 'a.yaml', text: POD('one') }];
    const worker = fakeWorker(true);
    startEarlyWorker(files, () => worker);
    const analysis = control(createLabStore({ files }), () => worker, 0, 1_000_000);
    expect(analysis.get().initial).toBe(true);
    analysis.dispose();
    expect(EARLY_SYNC_FIRST_CHARS).toBeLessThan(SYNC_FIRST_CHARS);
  });

  it('without saved work the early worker is only started; the controller posts the files', () => {
    const worker = fakeWorker();
    startEarlyWorker(null, () => worker);
    expect(worker.posted).toEqual([]);
    const store = createLabStore({ files: [{ name: 'a.yaml', text: POD('one') }] });
    const analysis = control(store, () => { throw new Error('a second worker'); });
    expect(updatesOf(worker).map((u) => u.revision)).toEqual([0]);
    expect(podKeys(analysis.get().current)).toEqual(['default/one']);
    analysis.dispose();
  });

  it('an early worker that failed to load is given up: the controller analyses on the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = fakeWorker(true);
    const terminate = vi.spyOn(worker, 'terminate');
    startEarlyWorker([{ name: 'a.yaml', text: POD('one') }], () => worker);
    worker.onerror?.({ message: 'blocked by CSP' } as ErrorEvent);
    const store = createLabStore({ files: [{ name: 'a.yaml', text: POD('one') }] });
    const analysis = control(store, () => worker);
    expect(terminate).toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('analysis worker could not start; analysing on the page', expect.objectContaining({ message: 'analysis worker failed to load: blocked by CSP' }));
    expect(isView(analysis.get().current)).toBe(false);
    expect(podKeys(analysis.get().current)).toEqual(['default/one']);
    analysis.dispose();
    warn.mockRestore();
  });

  it('is taken once: a second controller starts its own worker', () => {
    const first = fakeWorker();
    startEarlyWorker(null, () => first);
    expect(startAnalysisWorker(() => fakeWorker())).toBe(first);
    const second = fakeWorker();
    expect(startAnalysisWorker(() => second)).toBe(second);
    expect(takeEarly(second)).toEqual({ posted: null, inbox: [] });
  });
});
