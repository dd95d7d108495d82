// Walkthrough, patch and live-progress edges (issue 15, written ahead of the src/course run of
// loader/walkthrough/live/patch/catalog): a shell that takes edits keeps its runtime, one that does
// not is made again; a removal alone is an edit; probes are kept only when there are some; a
// variant's `more` defaults; whole files before patches; the walk stops at `until`; an empty lesson.
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../engine/index.js';
import type { ProbeRecord } from '../shell/index.js';
import { courseAnalysis } from '../testing/course.js';
import { currentStepIndex, evaluateLesson, isLessonComplete, stepToComplete } from './live.js';
import type { Lesson, Step } from './model.js';
import { applySolutionFiles, editsFiles } from './patch.js';
import { analyzableFiles, mergeShellFiles, walkLesson, type ShellFactory, type ShellLike } from './walkthrough.js';

const L = (s: string) => ({ ko: s, en: s });
const step = (id: string, check: Step['check'], solution: Partial<Step['solution']> = {}): Step => ({
  id, title: L(id), body: L(id), hint: L(id), check, solution: { files: [], patch: [], commands: [], ...solution },
});
const ran = (text: string): Step['check'] => ({ kind: 'command', ran: [{ kind: 'words', text }] });
const noErrors: Step['check'] = { kind: 'noErrors' };

/** Counts the shells made; `withSetFiles` shells take edits in place and remember them. */
function counting(withSetFiles: boolean) {
  const made: string[][] = [];
  const factory: ShellFactory = ({ files }) => {
    const seen = files.map((f) => f.name);
    made.push(seen);
    const shell: ShellLike = {
      run: (line) => ({ output: `${line}: ${seen.join(',')}\n`, exitCode: 0 }),
      ...(withSetFiles ? { setFiles: (next: readonly SourceFile[]) => { seen.splice(0, seen.length, ...next.map((f) => f.name)); } } : {}),
    };
    return shell;
  };
  return { made, factory };
}

const edits: Lesson = {
  id: 'edits', order: 1, title: L('edits'), summary: L('edits'), solutionFiles: [],
  startFiles: [{ name: 'a.yaml', text: 'a: 1\n' }],
  steps: [
    step('one', ran('ls'), { commands: ['ls'] }),
    step('two', ran('ls'), { files: [{ name: 'b.yaml', text: 'b: 1\n' }], commands: ['ls'] }),
    step('three', { kind: 'file', file: 'c.yaml', lineMatches: '^c: 1$' }, { files: [{ name: 'c.yaml', text: 'c: 1\n' }] }),
    step('four', ran('ls'), { commands: ['ls'] }),
  ],
};

describe('walkLesson: the shell across edits', () => {
  it('a shell with setFiles is made once and sees every edit', async () => {
    const { made, factory } = counting(true);
    const walk = await walkLesson(edits, { mode: 'solution', createShell: factory });
    expect(made).toHaveLength(1);
    expect(walk.transcript.map((t) => t.output)).toEqual(['ls: a.yaml\n', 'ls: a.yaml,b.yaml\n', 'ls: a.yaml,b.yaml,c.yaml\n']);
  });

  it('a shell without setFiles is made again after an edit, on the edited files', async () => {
    const { made, factory } = counting(false);
    const walk = await walkLesson(edits, { mode: 'solution', createShell: factory });
    expect(made).toEqual([['a.yaml'], ['a.yaml', 'b.yaml'], ['a.yaml', 'b.yaml', 'c.yaml']]);
    expect(walk.steps.map((s) => s.passed)).toEqual([true, true, true, true]);
  });

  it('files mode never applies edits, so one shell serves the whole walk', async () => {
    const { made, factory } = counting(false);
    const walk = await walkLesson(edits, { mode: 'files', createShell: factory, files: [{ name: 'z.yaml', text: 'z: 1\n' }] });
    expect(made).toEqual([['z.yaml']]);
    expect(walk.files.map((f) => f.name)).toEqual(['z.yaml']);
  });

  it('a variant that only removes a file is an edit: the shell sees the files without it', async () => {
    const { made, factory } = counting(false);
    await walkLesson(edits, { mode: 'solution', createShell: factory, until: 'one', variant: { step: 'one', remove: ['a.yaml'] } });
    expect(made).toEqual([[]]);
  });

  it('the walk stops at until, and a step after it is never run', async () => {
    const { made, factory } = counting(true);
    const walk = await walkLesson(edits, { mode: 'solution', createShell: factory, until: 'two' });
    expect(walk.steps.map((s) => s.stepId)).toEqual(['one', 'two']);
    expect(walk.transcript).toHaveLength(2);
    expect(made).toHaveLength(1);
  });

  it('a variant\'s more with only commands adds no edit; with only files, no command', async () => {
    const { made, factory } = counting(false);
    const walk = await walkLesson(edits, {
      mode: 'solution', createShell: factory, until: 'one',
      variant: { step: 'one', more: { commands: ['pwd'] } },
    });
    expect(walk.transcript.map((t) => t.input)).toEqual(['ls', 'pwd']);
    expect(made).toHaveLength(1);
    const files = await walkLesson(edits, {
      mode: 'solution', createShell: counting(false).factory, until: 'one',
      variant: { step: 'one', more: { files: [{ name: 'm.yaml', text: 'm: 1\n' }] } },
    });
    expect(files.transcript.map((t) => t.input)).toEqual(['ls']);
    expect(files.files.map((f) => f.name)).toEqual(['a.yaml', 'm.yaml']);
  });
});

describe('walkLesson: what the transcript keeps', () => {
  const probe: ProbeRecord = {
    tool: 'nc', from: 'default/a', to: 'default/b', port: 80, protocol: 'TCP', allowed: true, outcome: 'connected', dns: false,
    request: { host: 'b', port: 80, protocol: 'TCP' }, text: { en: '', ko: '' },
  };
  const lesson: Lesson = { ...edits, steps: [step('one', ran('nc'), { commands: ['nc', 'true'] })] };

  it('probes only when the command made some', async () => {
    const walk = await walkLesson(lesson, {
      mode: 'solution',
      createShell: () => ({ run: (line) => ({ output: '', exitCode: 0, probes: line === 'nc' ? [probe] : [] }) }),
    });
    expect(walk.transcript[0]).toEqual({ input: 'nc', output: '', exitCode: 0, probes: [probe] });
    expect(walk.transcript[1]).toEqual({ input: 'true', output: '', exitCode: 0 });
    expect('probes' in (walk.transcript[1] ?? {})).toBe(false);
  });

  it('a shell that throws something that is not an Error', async () => {
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: () => ({ run: () => { throw 'nope'; } }) });
    expect(walk.transcript[0]).toEqual({ input: 'nc', output: 'shell error: nope', exitCode: 127 });
  });
});

describe('patches and files', () => {
  const files: SourceFile[] = [{ name: 'a.yaml', text: 'x: 1\n' }];

  it('whole files first, then patches: a patch may edit a file the same solution adds', () => {
    const r = applySolutionFiles(files, { files: [{ name: 'b.yaml', text: 'y: 1\n' }], patch: [{ file: 'b.yaml', find: 'y: 1', replace: 'y: 2' }], commands: [] });
    expect(r).toEqual({ files: [{ name: 'a.yaml', text: 'x: 1\n' }, { name: 'b.yaml', text: 'y: 2\n' }], problems: [] });
  });

  it('a whole file replaces one of the same name, in place', () => {
    const r = applySolutionFiles([...files, { name: 'b.yaml', text: 'old' }], { files: [{ name: 'a.yaml', text: 'new' }], patch: [], commands: [] });
    expect(r.files).toEqual([{ name: 'a.yaml', text: 'new' }, { name: 'b.yaml', text: 'old' }]);
  });

  it('patches apply in order, each on the text the last one left; a text not found is quoted as JSON', () => {
    const r = applySolutionFiles(files, {
      files: [], commands: [],
      patch: [{ file: 'a.yaml', find: 'x: 1', replace: 'x: 2' }, { file: 'a.yaml', find: 'x: 2', replace: 'x: 3' }, { file: 'a.yaml', find: 'a "b"\n', replace: '' }],
    });
    expect(r.files).toEqual([{ name: 'a.yaml', text: 'x: 3\n' }]);
    expect(r.problems).toEqual(['patch: a.yaml does not contain "a \\"b\\"\\n"']);
  });

  it('a patch at the very start and one that deletes', () => {
    const r = applySolutionFiles([{ name: 'a.yaml', text: 'abcabc' }], { files: [], commands: [], patch: [{ file: 'a.yaml', find: 'a', replace: 'X' }, { file: 'a.yaml', find: 'c', replace: '' }] });
    expect(r.files).toEqual([{ name: 'a.yaml', text: 'Xbabc' }]);
  });

  it('editsFiles: files or patches, not commands', () => {
    expect(editsFiles({ files: [], patch: [], commands: ['ls'] })).toBe(false);
    expect(editsFiles({ files: [{ name: 'a', text: '' }], patch: [], commands: [] })).toBe(true);
    expect(editsFiles({ files: [], patch: [{ file: 'a', find: 'x', replace: 'y' }], commands: [] })).toBe(true);
  });

  it('analyzableFiles keeps manifests; mergeShellFiles lets a rewritten file replace a kept one of its name', () => {
    expect(analyzableFiles([{ name: 'a.yaml', text: '' }, { name: 'b.yml', text: '' }, { name: 'Dockerfile', text: '' }]).map((f) => f.name)).toEqual(['a.yaml', 'b.yml']);
    expect(mergeShellFiles([{ name: 'Dockerfile', text: 'old' }, { name: 'notes.txt', text: 'n' }], [{ name: 'Dockerfile', text: 'new' }]))
      .toEqual([{ name: 'Dockerfile', text: 'new' }, { name: 'notes.txt', text: 'n' }]);
  });
});

describe('live progress: edges', () => {
  const lesson: Lesson = {
    id: 'demo', order: 1, title: L('demo'), summary: L('demo'), startFiles: [], solutionFiles: [],
    steps: [step('ask', { kind: 'answer', accept: ['yes'] }), step('state', noErrors)],
  };
  const analysis = courseAnalysis({});

  it('a step without an answer is evaluated without one', () => {
    const results = evaluateLesson(lesson, { analysis, files: [], transcript: [], answers: {} });
    expect(results).toEqual([{ stepId: 'ask', passed: false, why: ['not answered yet'] }, { stepId: 'state', passed: true, why: [] }]);
  });

  it('an empty lesson: step 0, complete, nothing to complete', () => {
    const empty: Lesson = { ...lesson, steps: [] };
    expect(currentStepIndex(empty, [])).toBe(0);
    expect(isLessonComplete(empty, [])).toBe(true);
    expect(stepToComplete(empty, [], [])).toBeNull();
  });

  it('the current step completes only on a result that passed, not on a missing one', () => {
    expect(stepToComplete(lesson, [], [])).toBeNull();
    expect(stepToComplete(lesson, [{ stepId: 'ask', passed: true, why: [] }], [])).toBe('ask');
    // Completed steps out of order: the first not completed is current.
    expect(currentStepIndex(lesson, ['state'])).toBe(0);
    expect(stepToComplete(lesson, [{ stepId: 'ask', passed: false, why: [] }, { stepId: 'state', passed: true, why: [] }], ['state'])).toBeNull();
  });
});
