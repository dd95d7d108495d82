// The walkthrough's options where its first mutation run (issue 15, session 13) found them untested:
// what each mode ignores (files in solution mode, a variant in files mode), judgeOnlyUntil without
// until, a variant that removes one file of several or removes on a step with only commands, a shell
// without setFiles kept across steps that edit nothing, and a shell rewrite that lists no files.
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../engine/index.js';
import type { Lesson, Step } from './model.js';
import { mergeShellFiles, walkLesson, type ShellFactory, type ShellLike } from './walkthrough.js';

const L = (s: string) => ({ ko: s, en: s });
const step = (id: string, check: Step['check'], solution: Partial<Step['solution']> = {}): Step => ({
  id, title: L(id), body: L(id), hint: L(id), check, solution: { files: [], patch: [], commands: [], ...solution },
});
const ran = (text: string): Step['check'] => ({ kind: 'command', ran: [{ kind: 'words', text }] });

/** Every shell made, with the file names it was made with; `ls` prints the names it sees now. */
function counting(withSetFiles: boolean) {
  const made: string[][] = [];
  const factory: ShellFactory = ({ files }) => {
    const seen = files.map((f) => f.name);
    made.push([...seen]);
    const shell: ShellLike = {
      run: (line) => ({ output: `${line}: ${seen.join(',')}\n`, exitCode: 0 }),
      ...(withSetFiles ? { setFiles: (next: readonly SourceFile[]) => { seen.splice(0, seen.length, ...next.map((f) => f.name)); } } : {}),
    };
    return shell;
  };
  return { made, factory };
}

const start: SourceFile[] = [{ name: 'a.yaml', text: 'a: 1\n' }, { name: 'b.yaml', text: 'b: 1\n' }];
/** Three steps of commands only, then one that writes a file. */
const lesson: Lesson = {
  id: 'modes', order: 1, title: L('modes'), summary: L('modes'), solutionFiles: [], startFiles: start,
  steps: [
    step('one', ran('ls'), { commands: ['ls'] }),
    step('two', ran('pwd'), { commands: ['pwd'] }),
    step('three', ran('id'), { commands: ['id'] }),
    step('four', { kind: 'file', file: 'c.yaml', lineMatches: '^c: 1$' }, { files: [{ name: 'c.yaml', text: 'c: 1\n' }] }),
  ],
};

describe('walkLesson modes', () => {
  it('solution mode starts from the lesson\'s start files, whatever files are given', async () => {
    const { made, factory } = counting(true);
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: factory, files: [{ name: 'z.yaml', text: 'z: 1\n' }] });
    expect(made).toEqual([['a.yaml', 'b.yaml']]);
    expect(walk.files.map((f) => f.name)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('files mode runs the lesson\'s own commands: a variant is for solution mode only', async () => {
    const walk = await walkLesson(lesson, { mode: 'files', createShell: counting(true).factory, variant: { step: 'two', commands: ['whoami'], remove: ['a.yaml'] } });
    expect(walk.transcript.map((t) => t.output)).toEqual(['ls: a.yaml,b.yaml\n', 'pwd: a.yaml,b.yaml\n', 'id: a.yaml,b.yaml\n']);
  });

  it('judgeOnlyUntil without until judges every step', async () => {
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: counting(true).factory, judgeOnlyUntil: true });
    expect(walk.steps.map((s) => [s.stepId, s.passed])).toEqual([['one', true], ['two', true], ['three', true], ['four', true]]);
  });
});

describe('walkLesson: the shell across steps that edit nothing', () => {
  it('a shell without setFiles is made once for steps of commands only (its runtime survives)', async () => {
    const { made, factory } = counting(false);
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: factory, until: 'three' });
    expect(made).toEqual([['a.yaml', 'b.yaml']]);
    expect(walk.transcript.map((t) => t.input)).toEqual(['ls', 'pwd', 'id']);
  });
});

describe('walkLesson: a variant that removes files', () => {
  it('removes only the files it names', async () => {
    const { made, factory } = counting(false);
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: factory, until: 'one', variant: { step: 'one', remove: ['a.yaml'] } });
    expect(made).toEqual([['b.yaml']]);
    expect(walk.files.map((f) => f.name)).toEqual(['b.yaml']);
  });

  it('on a later step with only commands, the shell already made sees the removal', async () => {
    const { made, factory } = counting(true);
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: factory, until: 'two', variant: { step: 'two', remove: ['b.yaml'] } });
    expect(made).toHaveLength(1);
    expect(walk.transcript.map((t) => t.output)).toEqual(['ls: a.yaml,b.yaml\n', 'pwd: a.yaml\n']);
  });

  it('the removal is done once: a `more` of commands only after it keeps the shell made for the step', async () => {
    const { made, factory } = counting(false);
    const walk = await walkLesson(lesson, { mode: 'solution', createShell: factory, until: 'one', variant: { step: 'one', remove: ['a.yaml'], more: { commands: ['pwd'] } } });
    expect(made).toEqual([['b.yaml']]);
    expect(walk.transcript.map((t) => t.input)).toEqual(['ls', 'pwd']);
  });

  it('the same with a shell without setFiles: it is made again on the files left', async () => {
    const { made, factory } = counting(false);
    await walkLesson(lesson, { mode: 'solution', createShell: factory, until: 'two', variant: { step: 'two', remove: ['b.yaml'] } });
    expect(made).toEqual([['a.yaml', 'b.yaml'], ['a.yaml']]);
  });
});

describe('mergeShellFiles', () => {
  const current: SourceFile[] = [{ name: 'Dockerfile', text: 'old' }, { name: 'notes.txt', text: 'n' }, { name: 'a.yaml', text: 'a' }];

  it('a rewrite that lists no files keeps every file the engine never sees, and drops the manifests', () => {
    expect(mergeShellFiles(current, [])).toEqual([{ name: 'Dockerfile', text: 'old' }, { name: 'notes.txt', text: 'n' }]);
  });

  it('a rewritten file among several replaces the kept one of its name, once', () => {
    expect(mergeShellFiles(current, [{ name: 'b.yaml', text: 'b' }, { name: 'Dockerfile', text: 'new' }]))
      .toEqual([{ name: 'b.yaml', text: 'b' }, { name: 'Dockerfile', text: 'new' }, { name: 'notes.txt', text: 'n' }]);
  });
});
