import type { SourceFile } from '../engine/index.js';
import type { FilePatch, Lesson, Localized, Step, StepSolution } from './model.js';
import { parseCheck } from './parse-check.js';

/**
 * Reads a lesson from its folder: lesson.json, the step texts it points to, start/ and solution/.
 * Every problem is collected (a lesson with problems still loads as far as it can), so authors see
 * all their mistakes at once in `kslab lesson check` and lessons.test.ts.
 */

export interface LessonFs {
  readFile(path: string): string;
  /** Entry names (not paths) of a directory; may throw when it is not one. */
  listDir(path: string): string[];
  exists(path: string): boolean;
}

export interface LoadResult {
  readonly lesson: Lesson | null;
  readonly problems: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

export const joinPath = (dir: string, name: string) => (dir === '' || dir === '.' ? name : `${dir.replace(/\/+$/, '')}/${name}`);

/** Files of a lesson sub-folder (start/, solution/), sorted by name, named as the student sees them. */
export function readFolder(fs: LessonFs, dir: string): SourceFile[] {
  if (!fs.exists(dir)) return [];
  return fs.listDir(dir).filter((n) => !n.startsWith('.')).sort().map((name) => ({ name, text: fs.readFile(joinPath(dir, name)) }));
}

function localized(v: unknown, where: string, problems: string[]): Localized {
  if (isObj(v) && isStr(v.ko) && isStr(v.en) && v.ko.trim() !== '' && v.en.trim() !== '') return { ko: v.ko, en: v.en };
  problems.push(`${where}: needs non-empty "ko" and "en" text`);
  return { ko: '', en: '' };
}

/** A body is inline {ko, en} text, or a path (without extension) to `<path>.ko.md` and `<path>.en.md`. */
function body(v: unknown, dir: string, where: string, fs: LessonFs, problems: string[]): Localized {
  if (!isStr(v)) return localized(v, where, problems);
  const read = (lang: 'ko' | 'en') => {
    const path = joinPath(dir, `${v}.${lang}.md`);
    if (fs.exists(path)) return fs.readFile(path);
    problems.push(`${where}: missing ${path}`);
    return '';
  };
  return { ko: read('ko'), en: read('en') };
}

function solution(v: unknown, dir: string, where: string, fs: LessonFs, problems: string[]): StepSolution {
  if (!isObj(v)) {
    problems.push(`${where}: every step needs a solution`);
    return { files: [], patch: [], commands: [] };
  }
  const extra = Object.keys(v).filter((k) => !['files', 'patch', 'commands', 'answer'].includes(k));
  if (extra.length > 0) problems.push(`${where}: unknown key(s) ${extra.join(', ')}`);
  const files: SourceFile[] = [];
  if (v.files !== undefined) {
    if (!isObj(v.files)) problems.push(`${where}.files: must map file names to text or "@path"`);
    else {
      for (const [name, text] of Object.entries(v.files)) {
        if (!isStr(text)) problems.push(`${where}.files.${name}: must be text or "@path"`);
        else if (text.startsWith('@')) {
          const path = joinPath(dir, text.slice(1));
          if (fs.exists(path)) files.push({ name, text: fs.readFile(path) });
          else problems.push(`${where}.files.${name}: missing ${path}`);
        } else files.push({ name, text });
      }
    }
  }
  const patch: FilePatch[] = [];
  if (v.patch !== undefined) {
    if (!Array.isArray(v.patch)) problems.push(`${where}.patch: must be a list of {file, find, replace}`);
    else v.patch.forEach((p, i) => {
      if (isObj(p) && isStr(p.file) && isStr(p.find) && isStr(p.replace) && p.find !== '') patch.push({ file: p.file, find: p.find, replace: p.replace });
      else problems.push(`${where}.patch[${i}]: needs file, find (non-empty) and replace`);
    });
  }
  const commands = Array.isArray(v.commands) && v.commands.every(isStr) ? v.commands : [];
  if (v.commands !== undefined && commands.length !== (v.commands as unknown[]).length) problems.push(`${where}.commands: must be a list of command lines`);
  const answer = typeof v.answer === 'number' ? String(v.answer) : isStr(v.answer) ? v.answer : undefined;
  if (v.answer !== undefined && answer === undefined) problems.push(`${where}.answer: must be text`);
  return { files, patch, commands, ...(answer !== undefined ? { answer } : {}) };
}

/** `data` is the parsed lesson.json; `dir` the lesson folder (for step texts and solution files). */
export function buildLesson(data: unknown, dir: string, fs: LessonFs): LoadResult {
  const problems: string[] = [];
  if (!isObj(data)) return { lesson: null, problems: ['lesson.json: must be an object'] };
  const id = isStr(data.id) ? data.id : '';
  if (!/^[a-z0-9-]+$/.test(id)) problems.push('lesson.json: "id" must be lower-case words joined by dashes');
  const folder = dir.replace(/\/+$/, '').split('/').pop();
  if (folder && folder !== '.' && folder !== id) problems.push(`lesson.json: id "${id}" differs from its folder "${folder}"`);
  if (typeof data.order !== 'number') problems.push('lesson.json: "order" must be a number');
  const title = localized(data.title, 'lesson.json title', problems);
  const summary = localized(data.summary, 'lesson.json summary', problems);
  const stepsRaw = Array.isArray(data.steps) ? data.steps : [];
  if (stepsRaw.length === 0) problems.push('lesson.json: "steps" must be a non-empty list');
  const ids = new Set<string>();
  const steps: Step[] = [];
  stepsRaw.forEach((s, i) => {
    const where = `steps[${i}]`;
    if (!isObj(s)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    const stepId = isStr(s.id) ? s.id : `#${i}`;
    if (!isStr(s.id) || !/^[a-z0-9-]+$/.test(s.id)) problems.push(`${where}: "id" must be lower-case words joined by dashes`);
    if (ids.has(stepId)) problems.push(`${where}: duplicate step id ${stepId}`);
    ids.add(stepId);
    const at = `step ${stepId}`;
    const extra = Object.keys(s).filter((k) => !['id', 'title', 'body', 'check', 'hint', 'solution'].includes(k));
    if (extra.length > 0) problems.push(`${at}: unknown key(s) ${extra.join(', ')}`);
    const check = parseCheck(s.check, `${at} check`, problems);
    steps.push({
      id: stepId,
      title: localized(s.title, `${at} title`, problems),
      body: body(s.body, dir, `${at} body`, fs, problems),
      hint: localized(s.hint, `${at} hint`, problems),
      check: check ?? { kind: 'all', checks: [{ kind: 'answer', accept: ['\u0000invalid check'] }] },
      solution: solution(s.solution, dir, `${at} solution`, fs, problems),
    });
  });
  let layout: Lesson['layout'];
  if (data.layout !== undefined) {
    if (!isObj(data.layout) || Object.keys(data.layout).some((k) => k !== 'terminal') || (data.layout.terminal !== undefined && typeof data.layout.terminal !== 'boolean')) {
      problems.push('lesson.json: "layout" must be {"terminal": true|false}');
    } else if (data.layout.terminal !== undefined) layout = { terminal: data.layout.terminal };
  }
  const lesson: Lesson = {
    id, order: typeof data.order === 'number' ? data.order : 0, title, summary, steps, ...(layout ? { layout } : {}),
    startFiles: readFolder(fs, joinPath(dir, 'start')),
    solutionFiles: readFolder(fs, joinPath(dir, 'solution')),
  };
  if (lesson.solutionFiles.length === 0 && lesson.startFiles.length > 0) problems.push('solution/: no files');
  return { lesson, problems };
}

export function loadLesson(dir: string, fs: LessonFs): LoadResult {
  const path = joinPath(dir, 'lesson.json');
  if (!fs.exists(path)) return { lesson: null, problems: [`${path}: not found`] };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFile(path));
  } catch (e) {
    return { lesson: null, problems: [`${path}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return buildLesson(data, dir, fs);
}

/** Every lesson under `root` (each sub-folder with a lesson.json), sorted by order. */
export function loadLessons(root: string, fs: LessonFs): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const name of fs.listDir(root).sort()) {
    const dir = joinPath(root, name);
    if (!fs.exists(joinPath(dir, 'lesson.json'))) continue;
    const r = loadLesson(dir, fs);
    problems.push(...r.problems.map((p) => `${name}: ${p}`));
    if (r.lesson) lessons.push(r.lesson);
  }
  return { lessons: lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)), problems };
}

/** A LessonFs over a map of path → text (the browser bundle, tests). */
export function memoryFs(files: Readonly<Record<string, string>>): LessonFs {
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  const table = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    readFile: (path) => {
      const text = table.get(norm(path));
      if (text === undefined) throw new Error(`${path}: no such file`);
      return text;
    },
    listDir: (path) => {
      const prefix = norm(path) === '' ? '' : `${norm(path)}/`;
      const names = new Set<string>();
      for (const key of table.keys()) if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0] ?? '');
      names.delete('');
      return [...names].sort();
    },
    exists: (path) => {
      const p = norm(path);
      if (table.has(p)) return true;
      return [...table.keys()].some((k) => k.startsWith(`${p}/`));
    },
  };
}
