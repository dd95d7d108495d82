// The lesson loader on the inputs its first mutation run (issue 15, session 13) showed untested:
// null where an object belongs, blank English text, what a lesson with problems still loads as,
// and a file system that does not sort or that refuses to list a missing folder (node's readdirSync
// throws ENOENT and returns names in directory order, which is not sorted on every file system).
import { describe, expect, it } from 'vitest';
import { buildLesson, loadLessons, memoryFs, readFolder, type LessonFs } from './loader.js';

const T = { ko: '가', en: 'A' };
const step = (over: Record<string, unknown> = {}) => ({ id: 'one', title: T, body: T, hint: T, check: { noErrors: true }, solution: {}, ...over });
const lesson = (over: Record<string, unknown> = {}) => ({ id: 'demo', order: 1, title: T, summary: T, steps: [step()], ...over });
const build = (data: unknown, dir = 'lessons/demo', files: Record<string, string> = {}) => buildLesson(data, dir, memoryFs(files));

/** memoryFs, but listDir throws for a folder that does not exist and lists in reverse order. */
function nodeLikeFs(files: Record<string, string>): LessonFs {
  const m = memoryFs(files);
  return {
    readFile: (p) => m.readFile(p),
    exists: (p) => m.exists(p),
    listDir: (p) => {
      if (!m.exists(p)) throw new Error(`ENOENT: no such file or directory, scandir '${p}'`);
      return m.listDir(p).reverse();
    },
  };
}

describe('null where the loader wants an object is a problem, not a throw', () => {
  it.each<[string, unknown, string]>([
    ['lesson.json null', null, 'lesson.json: must be an object'],
    ['a step null', lesson({ steps: [null] }), 'steps[0]: must be an object'],
    ['a title null', lesson({ title: null }), 'lesson.json title: needs non-empty "ko" and "en" text'],
    ['a solution null', lesson({ steps: [step({ solution: null })] }), 'step one solution: every step needs a solution'],
    ['a patch entry null', lesson({ steps: [step({ solution: { patch: [null] } })] }), 'step one solution.patch[0]: needs file, find (non-empty) and replace'],
    ['a layout null', lesson({ layout: null }), 'lesson.json: "layout" must be {"terminal": true|false}'],
  ])('%s', (_name, data, problem) => {
    expect(build(data).problems).toEqual([problem]);
  });
});

describe('what the loader refuses', () => {
  it('English text of spaces only, like Korean', () => {
    expect(build(lesson({ title: { ko: '가', en: '  ' } })).problems).toEqual(['lesson.json title: needs non-empty "ko" and "en" text']);
  });

  it('a patch without a file name, or with a file name that is not text', () => {
    expect(build(lesson({ steps: [step({ solution: { patch: [{ find: 'x', replace: 'y' }] } })] })).problems)
      .toEqual(['step one solution.patch[0]: needs file, find (non-empty) and replace']);
    expect(build(lesson({ steps: [step({ solution: { patch: [{ file: 1, find: 'x', replace: 'y' }] } })] })).problems)
      .toEqual(['step one solution.patch[0]: needs file, find (non-empty) and replace']);
  });

  it('unknown solution keys are listed with a comma between them', () => {
    expect(build(lesson({ steps: [step({ solution: { file: {}, command: [] } })] })).problems).toEqual(['step one solution: unknown key(s) file, command']);
  });

  it('a lesson id with a character after the allowed ones (the whole id must match, not its start)', () => {
    expect(build(lesson({ id: 'demo.v2' }), '.').problems).toEqual(['lesson.json: "id" must be lower-case words joined by dashes']);
    expect(build(lesson({ id: 'demo-2' }), '.').problems).toEqual([]);
  });

  it('the folder name is found past several trailing slashes', () => {
    expect(build(lesson({ id: 'other' }), 'lessons/demo//').problems).toEqual(['lesson.json: id "other" differs from its folder "demo"']);
  });

  it('an empty layout is no problem (terminal left to the default)', () => {
    const r = build(lesson({ layout: {} }));
    expect(r.problems).toEqual([]);
    expect(r.lesson).not.toHaveProperty('layout');
  });
});

describe('a lesson with problems still loads with empty parts, never undefined ones', () => {
  it('blank text, a missing body file and a missing solution load as empty', () => {
    const r = build(lesson({ title: { ko: '가' }, steps: [step({ body: 'steps/one', solution: undefined })] }));
    expect(r.problems).toHaveLength(4);
    expect(r.lesson?.title).toEqual({ ko: '', en: '' });
    expect(r.lesson?.steps[0]?.body).toEqual({ ko: '', en: '' });
    expect(r.lesson?.steps[0]?.solution).toEqual({ files: [], patch: [], commands: [] });
  });

  it('one body file missing: the other language is still read', () => {
    const r = build(lesson({ steps: [step({ body: 'steps/one' })] }), 'lessons/demo', { 'lessons/demo/steps/one.ko.md': '본문' });
    expect(r.problems).toEqual(['step one body: missing lessons/demo/steps/one.en.md']);
    expect(r.lesson?.steps[0]?.body).toEqual({ ko: '본문', en: '' });
  });
});

describe('a file system that neither sorts nor lists missing folders', () => {
  it('readFolder: a missing folder is empty without listing it; names come back sorted', () => {
    const fs = nodeLikeFs({ 's/a': '1', 's/c': '3', 's/b': '2' });
    expect(readFolder(fs, 'none')).toEqual([]);
    expect(readFolder(fs, 's').map((f) => f.name)).toEqual(['a', 'b', 'c']);
  });

  it('a lesson without start/ and solution/ loads', () => {
    const r = buildLesson(lesson(), 'lessons/demo', nodeLikeFs({ 'lessons/demo/lesson.json': '{}' }));
    expect(r.problems).toEqual([]);
    expect(r.lesson?.startFiles).toEqual([]);
  });

  it('loadLessons reports problems in folder-name order', () => {
    const fs = nodeLikeFs({
      'l/a/lesson.json': JSON.stringify(lesson({ id: 'a', summary: 'x' })),
      'l/b/lesson.json': JSON.stringify(lesson({ id: 'b', title: 'x' })),
    });
    expect(loadLessons('l', fs).problems).toEqual(['a: lesson.json summary: needs non-empty "ko" and "en" text', 'b: lesson.json title: needs non-empty "ko" and "en" text']);
  });
});

describe('memoryFs paths', () => {
  it('several trailing slashes are dropped, as one is', () => {
    const fs = memoryFs({ 'd/a.txt': 'A' });
    expect(fs.exists('d//')).toBe(true);
    expect(fs.listDir('d//')).toEqual(['a.txt']);
    expect(fs.readFile('d/a.txt//')).toBe('A');
  });

  it('only a leading ./ is dropped: a folder named with a final dot keeps it', () => {
    const fs = memoryFs({ 'v1./a.txt': 'A' });
    expect(fs.listDir('')).toEqual(['v1.']);
    expect(fs.exists('v1a.txt')).toBe(false);
  });

  it('a key with an empty first segment adds no empty entry', () => {
    expect(memoryFs({ '/x.txt': 'X', 'a.txt': 'A' }).listDir('')).toEqual(['a.txt']);
    expect(memoryFs({ 'd//x.txt': 'X' }).listDir('d')).toEqual([]);
  });
});
