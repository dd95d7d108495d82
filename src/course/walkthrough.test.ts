import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../engine/index.js';
import type { Lesson, Step } from './model.js';
import { applySolutionFiles } from './patch.js';
import { mergeShellFiles, walkLesson, type ShellFactory } from './walkthrough.js';

const L = (s: string) => ({ ko: s, en: s });
const step = (id: string, check: Step['check'], solution: Partial<Step['solution']>): Step => ({
  id, title: L(id), body: L(id), hint: L(id), check, solution: { files: [], patch: [], commands: [], ...solution },
});

const lesson: Lesson = {
  id: 'demo', order: 1, title: L('demo'), summary: L('demo'),
  startFiles: [{ name: 'Dockerfile', text: 'FROM ubuntu\n' }, { name: 'a.yaml', text: 'x: 1\n' }],
  solutionFiles: [],
  steps: [
    step('edit', { kind: 'file', file: 'Dockerfile', lineMatches: '^USER 1000$' }, { patch: [{ file: 'Dockerfile', find: 'FROM ubuntu\n', replace: 'FROM ubuntu\nUSER 1000\n' }] }),
    step('build', { kind: 'command', ran: [{ kind: 'words', text: 'docker build -t img .' }], exitCode: 0 }, { commands: ['docker build -t img .'] }),
    step('ask', { kind: 'answer', accept: ['1000'] }, { answer: '1000' }),
    step('create', { kind: 'file', file: 'b.yaml', lineMatches: 'created' }, { commands: ['make b'] }),
  ],
};

/** A shell that sees the files it was created with, and writes b.yaml on `make b`. */
function fakeShell(log: string[]): ShellFactory {
  return ({ files }) => ({
    run(line) {
      const dockerfile = files.find((f) => f.name === 'Dockerfile')?.text ?? '';
      log.push(`${line} @ ${dockerfile.includes('USER 1000') ? 'user' : 'root'}`);
      if (line === 'make b') return { output: 'ok\n', exitCode: 0, files: [...files.filter((f) => /ya?ml$/.test(f.name)), { name: 'b.yaml', text: 'created: true\n' }] };
      return { output: '', exitCode: line.startsWith('docker') ? 0 : 127 };
    },
  });
}

describe('walkLesson', () => {
  it('solution mode applies edits, replays commands on the edited files, answers', async () => {
    const log: string[] = [];
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: fakeShell(log) });
    expect(walk.steps.map((s) => [s.stepId, s.passed])).toEqual([['edit', true], ['build', true], ['ask', true], ['create', true]]);
    expect(log).toEqual(['docker build -t img . @ user', 'make b @ user']);
    expect(walk.transcript.map((t) => t.input)).toEqual(['docker build -t img .', 'make b']);
    // The shell rewrote the YAML files; the Dockerfile the engine never sees is kept.
    expect(walk.files.map((f) => f.name).sort()).toEqual(['Dockerfile', 'a.yaml', 'b.yaml']);
  });

  it('files mode replays commands but leaves edits and answers to the student', async () => {
    const walk = await walkLesson(lesson, { mode: 'files', createShell: fakeShell([]) });
    expect(walk.steps.map((s) => s.passed)).toEqual([false, true, false, true]);
    const answered = await walkLesson(lesson, { mode: 'files', createShell: fakeShell([]), answers: { ask: '1000' } });
    expect(answered.steps[2]?.passed).toBe(true);
  });

  it('a variant replaces one step\'s attempt, runs "more" after it, and the walk stops where asked', async () => {
    const log: string[] = [];
    // Built before USER was added, then the line added: the build saw root.
    const walk = await walkLesson(lesson, {
      mode: 'solution', createShell: fakeShell(log), until: 'build',
      variant: { step: 'edit', patch: [], commands: ['docker build -t img .'], more: { patch: lesson.steps[0]?.solution.patch ?? [] } },
    });
    expect(walk.steps.map((s) => [s.stepId, s.passed])).toEqual([['edit', true], ['build', true]]);
    expect(log).toEqual(['docker build -t img . @ root', 'docker build -t img . @ user']);
    const wrong = await walkLesson(lesson, { mode: 'solution', createShell: fakeShell([]), until: 'ask', variant: { step: 'ask', answer: '1001' } });
    expect(wrong.steps.map((s) => s.passed)).toEqual([true, true, false]);
    const empty = await walkLesson(lesson, { mode: 'solution', createShell: fakeShell([]), variant: { step: 'ask', answer: null } });
    expect(empty.steps[2]?.why).toEqual(['not answered yet']);
    const removed = await walkLesson(lesson, { mode: 'solution', createShell: fakeShell([]), until: 'edit', variant: { step: 'edit', remove: ['Dockerfile'] } });
    expect(removed.steps[0]?.passed).toBe(false);
  });

  it('judges only the step asked for when told so, and a solution that did not apply before it still fails it', async () => {
    const only = await walkLesson(lesson, { mode: 'solution', createShell: fakeShell([]), until: 'ask', judgeOnlyUntil: true, variant: { step: 'ask', answer: '1001' } });
    expect(only.steps.map((s) => [s.stepId, s.passed])).toEqual([['ask', false]]);
    const right = await walkLesson(lesson, { mode: 'solution', createShell: fakeShell([]), until: 'ask', judgeOnlyUntil: true });
    expect(right.steps.map((s) => [s.stepId, s.passed])).toEqual([['ask', true]]);
    const broken: Lesson = { ...lesson, startFiles: [{ name: 'Dockerfile', text: 'FROM debian\n' }] };
    const carried = await walkLesson(broken, { mode: 'solution', createShell: fakeShell([]), until: 'ask', judgeOnlyUntil: true });
    expect(carried.steps.map((s) => s.stepId)).toEqual(['ask']);
    expect(carried.steps[0]?.passed).toBe(false);
    expect(carried.steps[0]?.why[0]).toMatch(/^edit: .*does not contain/);
  });

  it('reports a patch that does not apply as the step failing', async () => {
    const broken: Lesson = { ...lesson, startFiles: [{ name: 'Dockerfile', text: 'FROM debian\n' }] };
    const walk = await walkLesson(broken, { mode: 'solution', createShell: fakeShell([]) });
    expect(walk.steps[0]?.passed).toBe(false);
    expect(walk.steps[0]?.why[0]).toContain('does not contain');
  });

  it('a throwing shell becomes a failed command, not a crash', async () => {
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: () => ({ run: () => { throw new Error('boom'); } }) });
    expect(walk.transcript[0]).toMatchObject({ exitCode: 127, output: 'shell error: boom' });
    expect(walk.steps[1]?.passed).toBe(false);
  });
});

describe('applySolutionFiles / mergeShellFiles', () => {
  const files: SourceFile[] = [{ name: 'a.yaml', text: 'image: nginx\nimage: nginx\n' }];
  it('replaces the first occurrence only', () => {
    expect(applySolutionFiles(files, { files: [], patch: [{ file: 'a.yaml', find: 'nginx', replace: 'redis' }], commands: [] }).files)
      .toEqual([{ name: 'a.yaml', text: 'image: redis\nimage: nginx\n' }]);
  });
  it('adds whole files and reports a missing one', () => {
    const r = applySolutionFiles(files, { files: [{ name: 'b.yaml', text: 'b' }], patch: [{ file: 'c.yaml', find: 'x', replace: 'y' }], commands: [] });
    expect(r.files.map((f) => f.name)).toEqual(['a.yaml', 'b.yaml']);
    expect(r.problems).toEqual(['patch: no file c.yaml']);
  });
  it('drops YAML files the shell no longer lists', () => {
    expect(mergeShellFiles([{ name: 'a.yaml', text: '' }, { name: 'Dockerfile', text: '' }], [{ name: 'b.yaml', text: '' }]).map((f) => f.name))
      .toEqual(['b.yaml', 'Dockerfile']);
  });
});
