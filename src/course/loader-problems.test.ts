// The lesson loader's problems, exactly (kslab lesson check and lessons.test.ts print them), and
// what a lesson loads as: step bodies from files, solution files from "@path", the memory file
// system the browser bundle uses.
import { describe, expect, it } from 'vitest';
import { buildLesson, joinPath, loadLesson, loadLessons, memoryFs, readFolder } from './loader.js';

const T = { ko: '가', en: 'A' };
const step = (over: Record<string, unknown> = {}) => ({ id: 'one', title: T, body: T, hint: T, check: { noErrors: true }, solution: {}, ...over });
const lesson = (over: Record<string, unknown> = {}) => ({ id: 'demo', order: 1, title: T, summary: T, steps: [step()], ...over });

function problems(data: unknown, files: Record<string, string> = {}) {
  return buildLesson(data, 'lessons/demo', memoryFs(files)).problems;
}

describe('buildLesson problems', () => {
  it.each<[string, unknown, string[]]>([
    ['a well-formed lesson', lesson(), []],
    ['not an object', [], ['lesson.json: must be an object']],
    ['an id with capitals', lesson({ id: 'Demo' }), ['lesson.json: "id" must be lower-case words joined by dashes', 'lesson.json: id "Demo" differs from its folder "demo"']],
    ['no id', lesson({ id: undefined }), ['lesson.json: "id" must be lower-case words joined by dashes', 'lesson.json: id "" differs from its folder "demo"']],
    ['order a string', lesson({ order: '1' }), ['lesson.json: "order" must be a number']],
    ['a blank title and no summary', lesson({ title: { ko: ' ', en: 'A' }, summary: undefined }),
      ['lesson.json title: needs non-empty "ko" and "en" text', 'lesson.json summary: needs non-empty "ko" and "en" text']],
    ['a title without English', lesson({ title: { ko: '가', en: '' } }), ['lesson.json title: needs non-empty "ko" and "en" text']],
    ['steps not a list', lesson({ steps: {} }), ['lesson.json: "steps" must be a non-empty list']],
    ['a step that is not an object', lesson({ steps: [step(), 'two'] }), ['steps[1]: must be an object']],
    ['a step without an id', lesson({ steps: [step({ id: undefined })] }), ['steps[0]: "id" must be lower-case words joined by dashes']],
    ['a step id with a space', lesson({ steps: [step({ id: 'step one' })] }), ['steps[0]: "id" must be lower-case words joined by dashes']],
    ['a duplicate step id', lesson({ steps: [step(), step(), step({ id: 'two' })] }), ['steps[1]: duplicate step id one']],
    ['an unknown step key', lesson({ steps: [step({ text: 'x', note: 'y' })] }), ['step one: unknown key(s) text, note']],
    ['a bad check, at its step', lesson({ steps: [step({ check: { noErrors: false } })] }), ['step one check: "noErrors" must be true']],
    ['a step without hint and title', lesson({ steps: [step({ hint: undefined, title: 'x' })] }),
      ['step one title: needs non-empty "ko" and "en" text', 'step one hint: needs non-empty "ko" and "en" text']],
    ['an inline body without Korean', lesson({ steps: [step({ body: { en: 'A' } })] }), ['step one body: needs non-empty "ko" and "en" text']],
    ['a body file missing', lesson({ steps: [step({ body: 'steps/one' })] }), ['step one body: missing lessons/demo/steps/one.ko.md', 'step one body: missing lessons/demo/steps/one.en.md']],
    ['no solution', lesson({ steps: [step({ solution: undefined })] }), ['step one solution: every step needs a solution']],
    ['a solution key unknown', lesson({ steps: [step({ solution: { file: {} } })] }), ['step one solution: unknown key(s) file']],
    ['solution files a list', lesson({ steps: [step({ solution: { files: ['pod.yaml'] } })] }), ['step one solution.files: must map file names to text or "@path"']],
    ['a solution file not text', lesson({ steps: [step({ solution: { files: { 'pod.yaml': 1 } } })] }), ['step one solution.files.pod.yaml: must be text or "@path"']],
    ['a solution file missing', lesson({ steps: [step({ solution: { files: { 'pod.yaml': '@solution/pod.yaml' } } })] }),
      ['step one solution.files.pod.yaml: missing lessons/demo/solution/pod.yaml']],
    ['a patch not a list', lesson({ steps: [step({ solution: { patch: {} } })] }), ['step one solution.patch: must be a list of {file, find, replace}']],
    ['a patch with an empty find', lesson({ steps: [step({ solution: { patch: [{ file: 'a', find: 'x', replace: 'y' }, { file: 'a', find: '', replace: 'y' }] } })] }),
      ['step one solution.patch[1]: needs file, find (non-empty) and replace']],
    ['a patch without replace', lesson({ steps: [step({ solution: { patch: [{ file: 'a', find: 'x' }] } })] }), ['step one solution.patch[0]: needs file, find (non-empty) and replace']],
    ['commands with a number', lesson({ steps: [step({ solution: { commands: ['ls', 1] } })] }), ['step one solution.commands: must be a list of command lines']],
    ['commands a string', lesson({ steps: [step({ solution: { commands: 'ls' } })] }), ['step one solution.commands: must be a list of command lines']],
    ['an answer that is a list', lesson({ steps: [step({ solution: { answer: ['x'] } })] }), ['step one solution.answer: must be text']],
    ['a layout with terminal and more', lesson({ layout: { terminal: true, graph: true } }), ['lesson.json: "layout" must be {"terminal": true|false}']],
    ['a layout that is a list', lesson({ layout: [] }), ['lesson.json: "layout" must be {"terminal": true|false}']],
  ])('%s', (_label, data, expected) => {
    expect(problems(data)).toEqual(expected);
  });

  it('a lesson in the current folder is not compared with a folder name', () => {
    expect(buildLesson(lesson({ id: 'anything' }), '.', memoryFs({})).problems).toEqual([]);
    expect(buildLesson(lesson({ id: 'anything' }), 'lessons/anything/', memoryFs({})).problems).toEqual([]);
  });

  it('start files without solution files are a problem', () => {
    expect(problems(lesson(), { 'lessons/demo/start/pod.yaml': 'a' })).toEqual(['solution/: no files']);
    expect(problems(lesson(), { 'lessons/demo/start/pod.yaml': 'a', 'lessons/demo/solution/pod.yaml': 'b' })).toEqual([]);
  });
});

describe('what a lesson loads as', () => {
  it('a step with a bad check still loads, with a check no answer passes', () => {
    const r = buildLesson(lesson({ steps: [step({ check: { nope: 1 } })] }), 'lessons/demo', memoryFs({}));
    expect(r.lesson?.steps[0]?.check).toEqual({ kind: 'all', checks: [{ kind: 'answer', accept: ['\u0000invalid check'] }] });
  });

  it('a step without an id is named by its position', () => {
    const r = buildLesson(lesson({ steps: [step(), step({ id: 5 })] }), 'lessons/demo', memoryFs({}));
    expect(r.lesson?.steps.map((s) => s.id)).toEqual(['one', '#1']);
    expect(r.problems).toEqual(['steps[1]: "id" must be lower-case words joined by dashes']);
  });

  it('solutions: inline and "@path" files, patches, commands, a numeric answer', () => {
    const s = step({ solution: {
      files: { 'a.yaml': 'inline', 'b.yaml': '@solution/b.yaml' }, patch: [{ file: 'a.yaml', find: 'x', replace: '' }], commands: ['ls', 'id'], answer: 1000,
    } });
    const r = buildLesson(lesson({ steps: [s] }), 'lessons/demo', memoryFs({ 'lessons/demo/solution/b.yaml': 'from file' }));
    expect(r.problems).toEqual([]);
    expect(r.lesson?.steps[0]?.solution).toEqual({
      files: [{ name: 'a.yaml', text: 'inline' }, { name: 'b.yaml', text: 'from file' }],
      patch: [{ file: 'a.yaml', find: 'x', replace: '' }], commands: ['ls', 'id'], answer: '1000',
    });
  });

  it('a solution with nothing in it', () => {
    const r = buildLesson(lesson({ steps: [step({ solution: { answer: 'root' } })] }), 'lessons/demo', memoryFs({}));
    expect(r.lesson?.steps[0]?.solution).toEqual({ files: [], patch: [], commands: [], answer: 'root' });
    expect(buildLesson(lesson(), 'lessons/demo', memoryFs({})).lesson?.steps[0]?.solution).toEqual({ files: [], patch: [], commands: [] });
  });

  it('a body read from its two files', () => {
    const r = buildLesson(lesson({ steps: [step({ body: 'steps/one' })] }), 'lessons/demo', memoryFs({ 'lessons/demo/steps/one.ko.md': '본문', 'lessons/demo/steps/one.en.md': 'Body' }));
    expect(r.lesson?.steps[0]?.body).toEqual({ ko: '본문', en: 'Body' });
  });

  it('the whole lesson: order 0 when missing, layout only when written, start and solution folders', () => {
    const fs = memoryFs({ 'lessons/demo/start/b.yaml': 'b', 'lessons/demo/start/a.yaml': 'a', 'lessons/demo/start/.hidden': 'h', 'lessons/demo/solution/a.yaml': 's' });
    const r = buildLesson(lesson({ order: undefined, layout: { terminal: false } }), 'lessons/demo', fs);
    expect(r.lesson).toMatchObject({
      id: 'demo', order: 0, title: T, summary: T, layout: { terminal: false },
      startFiles: [{ name: 'a.yaml', text: 'a' }, { name: 'b.yaml', text: 'b' }], solutionFiles: [{ name: 'a.yaml', text: 's' }],
    });
    expect(buildLesson(lesson({ layout: {} }), 'lessons/demo', fs).lesson).not.toHaveProperty('layout');
  });
});

describe('loadLesson and loadLessons', () => {
  it('a folder without lesson.json', () => {
    expect(loadLesson('lessons/none', memoryFs({}))).toEqual({ lesson: null, problems: ['lessons/none/lesson.json: not found'] });
  });

  it('JSON errors carry the parser\'s message', () => {
    const r = loadLesson('lessons/demo', memoryFs({ 'lessons/demo/lesson.json': '{' }));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^lessons\/demo\/lesson\.json: \S/);
  });

  it('problems are prefixed with the folder; folders without lesson.json are skipped; equal orders go by id', () => {
    const fs = memoryFs({
      'l/b/lesson.json': JSON.stringify(lesson({ id: 'b' })),
      'l/a/lesson.json': JSON.stringify(lesson({ id: 'a', order: 1, summary: 'x' })),
      'l/c/lesson.json': JSON.stringify(lesson({ id: 'c', order: 0 })),
      'l/d/notes.md': '#',
      'l/e/lesson.json': '[]',
    });
    const r = loadLessons('l', fs);
    expect(r.lessons.map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(r.problems).toEqual(['a: lesson.json summary: needs non-empty "ko" and "en" text', 'e: lesson.json: must be an object']);
  });
});

describe('paths and the memory file system', () => {
  it.each([
    ['', 'a', 'a'], ['.', 'a', 'a'], ['d', 'a', 'd/a'], ['d//', 'a', 'd/a'],
  ])('joinPath(%j, %j) = %j', (dir, name, out) => {
    expect(joinPath(dir, name)).toBe(out);
  });

  it('reads files with ./ and trailing slashes normalised, lists a directory\'s entries once, sorted', () => {
    const fs = memoryFs({ './d/b.txt': 'B', 'd/a/x.txt': 'X', 'd/a/y.txt': 'Y', 'top.txt': 'T' });
    expect(fs.readFile('d/b.txt')).toBe('B');
    expect(fs.readFile('./top.txt')).toBe('T');
    expect(() => fs.readFile('d/c.txt')).toThrow('d/c.txt: no such file');
    expect(fs.listDir('d')).toEqual(['a', 'b.txt']);
    expect(fs.listDir('d/')).toEqual(['a', 'b.txt']);
    expect(fs.listDir('')).toEqual(['d', 'top.txt']);
    expect(fs.exists('d')).toBe(true);
    expect(fs.exists('d/a/')).toBe(true);
    expect(fs.exists('d/a/x.txt')).toBe(true);
    expect(fs.exists('d/c')).toBe(false);
    expect(fs.exists('d/a/x')).toBe(false);
  });

  it('readFolder: nothing for a missing folder; names sorted, dot files left out', () => {
    const fs = memoryFs({ 's/b': '2', 's/a': '1', 's/.keep': '' });
    expect(readFolder(fs, 'none')).toEqual([]);
    expect(readFolder(fs, 's')).toEqual([{ name: 'a', text: '1' }, { name: 'b', text: '2' }]);
  });
});
