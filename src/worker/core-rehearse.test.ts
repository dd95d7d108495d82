import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../engine/index.js';
import { AnalysisCore, rehearsalEdit } from './core.js';
import { FULL_FLOWS_LIMIT, type ResultMessage } from './protocol.js';

// Issue 11: the worker walks an edit's path once after its first result (core.rehearse), so the
// student's first keystroke does not pay for cold code. It must change no answer.

const POD = (name: string, app = 'web') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${app}}
spec:
  containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]
`;
const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec: {podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]}
`;
const files = (app: string): SourceFile[] => [{ name: 'a.yaml', text: `${POD('one')}---\n${POD('two', app)}` }, { name: 'b.yaml', text: DENY }];

function update(core: AnalysisCore, revision: number, sources: readonly SourceFile[]) {
  core.receive({ type: 'update', revision, order: sources.map((s) => s.name), changed: sources.map((s) => ({ ...s })) });
}
/** A result without its timings (they differ from run to run). */
const answer = (r: ResultMessage | null) => (r ? JSON.stringify({ ...r, timings: null }) : null);

describe('rehearsalEdit', () => {
  it('makes the first indented value one letter longer', () => {
    expect(rehearsalEdit('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n'))
      .toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: webx\n  labels: {app: web}\n');
  });
  it('leaves the top-level keys (apiVersion, kind) alone', () => {
    expect(rehearsalEdit('apiVersion: v1\nkind: Pod\n')).toBeNull();
  });
  it('is null without a `key: value` line (an empty file, a key without a value)', () => {
    expect(rehearsalEdit('')).toBeNull();
    expect(rehearsalEdit('metadata:\n  labels:\n')).toBeNull();
  });
});

describe('AnalysisCore.rehearse', () => {
  it('changes no later result: the same edits with and without it answer alike', () => {
    const plain = new AnalysisCore();
    const rehearsed = new AnalysisCore();
    for (const core of [plain, rehearsed]) { update(core, 0, files('db')); core.run(); }
    expect(rehearsed.rehearse()).toBe(true);
    for (const [revision, app] of [[1, 'dbx'], [2, 'db'], [3, 'web']] as const) {
      update(plain, revision, files(app));
      update(rehearsed, revision, files(app));
      const a = plain.run();
      const b = rehearsed.run();
      expect(answer(b)).toBe(answer(a));
    }
  });

  it('keeps the analysis of the files as they are for queries', () => {
    const core = new AnalysisCore();
    update(core, 0, files('db'));
    core.run();
    core.rehearse();
    const reply = core.receive({ type: 'query', id: 1, revision: 0, query: { kind: 'connectivity' } });
    expect(JSON.stringify(reply)).toBe(JSON.stringify([{ type: 'answer', id: 1, revision: 0, answer: { kind: 'connectivity', entries: analyze(files('db')).network.connectivity() } }]));
  });

  it('runs the engine twice (the edit, then the files as they are), once only', () => {
    const seen: string[] = [];
    const core = new AnalysisCore((s) => { seen.push(s[0]?.text ?? ''); return analyze(s); });
    update(core, 0, files('db'));
    core.run();
    expect(core.rehearse()).toBe(true);
    expect(seen).toHaveLength(3);
    expect(seen[1]).toContain('name: onex');
    expect(seen[2]).toBe(files('db')[0]?.text);
    expect(core.rehearse()).toBe(false);
    expect(seen).toHaveLength(3);
  });

  it('does nothing before a first result, nor while an edit waits', () => {
    const seen: number[] = [];
    const core = new AnalysisCore((s) => { seen.push(1); return analyze(s); });
    expect(core.rehearse()).toBe(false);
    update(core, 0, files('db'));
    expect(core.rehearse()).toBe(false); // revision 0 is waiting
    core.run();
    update(core, 1, files('web'));
    expect(core.rehearse()).toBe(false); // revision 1 is waiting
    expect(seen).toHaveLength(1);
  });

  it('does nothing for a scenario with more endpoints than one result sends every pair of', () => {
    const many = Array.from({ length: FULL_FLOWS_LIMIT + 1 }, (_, i) => POD(`p${i}`)).join('---\n');
    const seen: number[] = [];
    const core = new AnalysisCore((s) => { seen.push(1); return analyze(s); });
    update(core, 0, [{ name: 'a.yaml', text: many }]);
    core.run();
    expect(core.rehearse()).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('survives an engine that throws on the edited text, and later results still come', () => {
    const core = new AnalysisCore((s) => { if (s[0]?.text.includes('onex')) throw new Error('boom'); return analyze(s); });
    update(core, 0, files('db'));
    core.run();
    expect(core.rehearse()).toBe(true);
    update(core, 1, files('web'));
    const r = core.run();
    expect(r?.error).toBeUndefined();
    expect(answer(r)).toBe(answer((() => { const c = new AnalysisCore(); update(c, 0, files('db')); c.run(); update(c, 1, files('web')); return c.run(); })()));
  });
});
