import { describe, expect, it } from 'vitest';
import type { Lesson } from '../course/model.js';
import { createActions } from './actions.js';
import type { Analysis, Diagnostic } from '../engine/model/index.js';
import { createAnalysisController, derive, memoAnalyze } from './analysis.js';
import { clusterDocument, readCni, writeCni } from './cni.js';
import { checkFileName, freshName, move, neighbourOf, type LabFile } from './files.js';
import { loadWork, saveWork, type KeyValue } from './persist.js';
import { decodeShare, encodeShare } from './share.js';
import { createLabStore } from './store.js';
import { crc32, readZip, zipStore } from './zip.js';

const f = (name: string, text = ''): LabFile => ({ id: name, name, text });

describe('file names', () => {
  it.each([
    ['', 'empty'], ['  ', 'empty'], ['a/b.yaml', 'invalid'], ['pods.yaml', 'duplicate'], ['new.yaml', null],
  ])('checkFileName(%j) → %j', (name, expected) => {
    expect(checkFileName([f('pods.yaml')], name)).toBe(expected);
  });
  it('a tab may keep its own name when renamed', () => {
    expect(checkFileName([f('pods.yaml')], 'pods.yaml', 'pods.yaml')).toBeNull();
  });
  it.each([
    [[], 'untitled.yaml'], [['untitled.yaml'], 'untitled-2.yaml'], [['untitled.yaml', 'untitled-2.yaml'], 'untitled-3.yaml'],
  ])('freshName with %j → %s', (names, expected) => {
    expect(freshName(names.map((n) => f(n)))).toBe(expected);
  });
  it.each([
    ['a', 1, ['b', 'a', 'c']], ['c', -2, ['c', 'a', 'b']], ['a', -1, ['a', 'b', 'c']], ['c', 5, ['a', 'b', 'c']],
  ])('move %s by %d', (id, delta, expected) => {
    expect(move([f('a'), f('b'), f('c')], id, delta).map((x) => x.id)).toEqual(expected);
  });
  it.each([['a', 'b'], ['b', 'c'], ['c', 'b']])('closing %s activates %s', (id, expected) => {
    expect(neighbourOf([f('a'), f('b'), f('c')], id)).toBe(expected);
  });
});

describe('store: tabs', () => {
  it('closing is undoable and the tab comes back where it was', () => {
    const store = createLabStore({ files: [{ name: 'a.yaml', text: 'A' }, { name: 'b.yaml', text: 'B' }, { name: 'c.yaml', text: 'C' }] });
    const b = store.getState().files[1]!;
    store.getState().closeFile(b.id);
    expect(store.getState().files.map((x) => x.name)).toEqual(['a.yaml', 'c.yaml']);
    expect(store.getState().reopenClosed()).toBe(true);
    expect(store.getState().files.map((x) => x.name)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(store.getState().files[1]?.id).toBe(b.id);
    expect(store.getState().reopenClosed()).toBe(false);
  });
  it('syncFiles keeps surviving ids, updates texts, adds and removes tabs', () => {
    const store = createLabStore({ files: [{ name: 'a.yaml', text: 'A' }, { name: 'b.yaml', text: 'B' }] });
    const [a] = store.getState().files;
    store.getState().syncFiles([{ name: 'a.yaml', text: 'A2' }, { name: 'n.yaml', text: 'N' }]);
    const files = store.getState().files;
    expect(files.map((x) => [x.name, x.text])).toEqual([['a.yaml', 'A2'], ['n.yaml', 'N']]);
    expect(files[0]?.id).toBe(a?.id);
  });
  it('syncFiles follows the shell\'s order (the apply order), keeping ids and unchanged objects', () => {
    // kubectl label ns moves cluster.yaml after the tabs whose running pods the new level must not refuse.
    const store = createLabStore({ files: [{ name: 'cluster.yaml', text: 'NS' }, { name: 'apps.yaml', text: 'POD' }] });
    const [cluster, apps] = store.getState().files;
    store.getState().syncFiles([{ name: 'apps.yaml', text: 'POD' }, { name: 'cluster.yaml', text: 'NS2' }]);
    const files = store.getState().files;
    expect(files.map((x) => [x.name, x.text])).toEqual([['apps.yaml', 'POD'], ['cluster.yaml', 'NS2']]);
    expect(files[0]).toBe(apps);
    expect(files[1]?.id).toBe(cluster?.id);
  });
  it('setFileByName creates a missing file and edits an existing one', () => {
    const store = createLabStore({ files: [{ name: 'a.yaml', text: 'A' }] });
    store.getState().setFileByName('a.yaml', 'A2');
    store.getState().setFileByName('z.yaml', 'Z');
    expect(store.getState().files.map((x) => [x.name, x.text])).toEqual([['a.yaml', 'A2'], ['z.yaml', 'Z']]);
  });
});

describe('CNI lives in the sources (lab/v1 Cluster)', () => {
  const cluster = (cni: string) => `# mine\napiVersion: lab/v1\nkind: Cluster\nmetadata:\n  name: lab\nspec:\n  cni: ${cni}  # keep\n`;
  const make = (name: string, text: string) => ({ name, text });
  it.each([
    [[], 'calico'], [[make('c.yaml', cluster('flannel'))], 'flannel'], [[make('c.yaml', cluster('weave'))], 'calico'],
    [[make('c.yaml', 'a: [broken')], 'calico'],
  ])('readCni(%j) → %s', (files, expected) => {
    expect(readCni(files)).toBe(expected);
  });
  it('edits spec.cni in place, keeping comments', () => {
    const out = writeCni([make('c.yaml', cluster('calico'))], 'kindnet', make);
    expect(out[0]?.text).toBe(cluster('kindnet'));
  });
  it('adds spec.cni to a Cluster document without one', () => {
    const out = writeCni([make('c.yaml', 'apiVersion: lab/v1\nkind: Cluster\nmetadata:\n  name: lab\n')], 'cilium', make);
    expect(readCni(out)).toBe('cilium');
  });
  it('adds cluster.yaml when there is no Cluster document, but not for the default', () => {
    const files = [make('pods.yaml', 'apiVersion: v1\nkind: Pod\n')];
    expect(writeCni(files, 'calico', make)).toBe(files);
    const out = writeCni(files, 'flannel', make);
    expect(out.map((x) => x.name)).toEqual(['pods.yaml', 'cluster.yaml']);
    expect(out[1]?.text).toBe(clusterDocument('flannel'));
  });
});

describe('share links', () => {
  it('round-trip names, texts (including Korean and emoji) and the active tab', () => {
    const scenario = { files: [{ name: 'a.yaml', text: '# 한국어 ✓\nkind: Pod\n' }, { name: 'b.yaml', text: '' }], active: 'b.yaml' };
    expect(decodeShare(encodeShare(scenario))).toEqual(scenario);
  });
  it.each(['', '#other', '#s=', '#s=garbage!!', '#s=' + 'N4Ig'])('rejects %j', (hash) => {
    expect(decodeShare(hash)).toBeNull();
  });
});

describe('zip (stored)', () => {
  it('crc32 matches the reference value', () => {
    expect(crc32(new TextEncoder().encode('hello'))).toBe(0x3610a686);
    expect(crc32(new Uint8Array())).toBe(0);
  });
  it('writes the PKZIP signatures and reads back what it wrote', async () => {
    const entries = [{ name: 'pods.yaml', text: 'kind: Pod\n' }, { name: '정책.yaml', text: '# 한국어\n' }];
    const bytes = zipStore(entries);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(2);
    expect(await readZip(bytes)).toEqual({ ok: true, files: entries, skipped: [] });
    expect(await readZip(new Uint8Array(10))).toEqual({ ok: false, problem: { reason: 'broken' } });
  });
});

describe('persistence', () => {
  const memory = (): KeyValue & { map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  };
  it('saves and restores work', () => {
    const kv = memory();
    const work = { files: [{ name: 'a.yaml', text: 'A' }], active: 'a.yaml', lessonId: 'x', step: 2, progress: { x: ['s1'] }, lessonWork: {} };
    expect(saveWork(kv, work)).toBe(true);
    expect(loadWork(kv)).toEqual(work);
  });
  it.each(['not json', '{"files": 3}', '{"files": []}', 'null'])('ignores corrupt storage %j', (raw) => {
    const kv = memory();
    kv.map.set('kslab.work.v1', raw);
    expect(loadWork(kv)).toBeNull();
  });
  it('reports a full or blocked storage instead of throwing', () => {
    const kv: KeyValue = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveWork(kv, { files: [], active: null, lessonId: null, step: 0 })).toBe(false);
  });
});

describe('derived analysis', () => {
  const fake = (diagnostics: Diagnostic[] = []) => ({ diagnostics } as unknown as Analysis);
  const syntax: Diagnostic = { severity: 'error', code: 'yaml-syntax', message: 'x', file: 'a.yaml', line: 3, column: 1, endLine: 3, endColumn: 2, path: '', params: {} };
  it('keeps the last good analysis on display through syntax errors', () => {
    const good = fake();
    const bad1 = fake([syntax]);
    const bad2 = fake([syntax]);
    const s1 = derive(null, good);
    const s2 = derive(s1, bad1);
    const s3 = derive(s2, bad2);
    expect([s2.display, s2.current, s2.staleBecause]).toEqual([good, bad1, syntax]);
    expect(s3.display).toBe(good);
    const s4 = derive(s3, fake());
    expect(s4.display).toBe(s4.current);
    expect(s4.staleBecause).toBeNull();
  });
  it('memoizes by names and texts', () => {
    let calls = 0;
    const run = memoAnalyze(() => { calls += 1; return fake(); });
    const a = run([f('a.yaml', 'x')]);
    expect(run([{ id: 'other', name: 'a.yaml', text: 'x' }])).toBe(a);
    run([f('a.yaml', 'y')]);
    expect(calls).toBe(2);
  });
});

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: c, image: nginx}]}\n`;

describe('lesson step', () => {
  const L = (s: string) => ({ en: s, ko: s });
  const lesson = (id: string): Lesson => ({
    id, order: 1, title: L(id), summary: L(id), startFiles: [{ name: `${id}.yaml`, text: '' }], solutionFiles: [],
    steps: ['a', 'b', 'c'].map((s) => ({
      id: s, title: L(s), body: L(s), hint: L(s), check: { kind: 'answer', accept: ['x'] },
      solution: { files: [], patch: [], commands: [] },
    })),
  });
  const lessons = [lesson('one'), lesson('two')];
  const setup = (progress: Record<string, string[]>) => {
    const store = createLabStore({ files: [{ name: 'one.yaml', text: '' }], lessonId: 'one' });
    store.setState({ progress, step: 2 });
    const analysis = createAnalysisController(() => store.getState().files, (l) => store.subscribe(l));
    return { store, actions: createActions(store, analysis, lessons) };
  };
  it.each([
    [{}, 0],
    [{ two: ['a'] }, 1],
    [{ two: ['a', 'b'] }, 2],
    // All done: the last step, not past it.
    [{ two: ['a', 'b', 'c'] }, 2],
  ])('opening a lesson with progress %j shows step %i (the one the panel and presentation share)', (progress, expected) => {
    const { store, actions } = setup(progress);
    actions.openLesson('two');
    expect(store.getState().step).toBe(expected);
  });
  it('reset goes back to the first step', () => {
    const { store, actions } = setup({ one: ['a'] });
    actions.resetToStart();
    expect(store.getState().step).toBe(0);
  });
  it.each(['reset', 'open'] as const)('%s analyses the new files at once (no stale checks in between)', (how) => {
    const store = createLabStore({ files: [{ name: 'one.yaml', text: POD('old') }], lessonId: 'one', start: [{ name: 'one.yaml', text: POD('fresh') }] });
    const analysis = createAnalysisController(() => store.getState().files, (l) => store.subscribe(l));
    const actions = createActions(store, analysis, [{ ...lesson('two'), startFiles: [{ name: 'two.yaml', text: POD('fresh') }] }]);
    // The scenario's pods (the cluster's system pods in kube-system are there whatever the files).
    const podKeys = () => analysis.get().current.pods.filter((p) => !p.pod.system).map((p) => p.key);
    expect(podKeys()).toEqual(['default/old']);
    if (how === 'reset') actions.resetToStart();
    else actions.openLesson('two');
    expect(podKeys()).toEqual(['default/fresh']);
    analysis.dispose();
  });
});
