import type { SourceFile } from '../engine/index.js';
import { analyze } from '../engine/index.js';
import { analyzableFiles, evaluateCheck, loadLesson, walkLesson, type Lesson, type LessonFs, type StepResult } from '../course/index.js';
import { createShell } from '../shell/index.js';
import { visible } from '../shell/escape.js';
import { InputError, isFsError, symlinkFlag } from './io.js';

/**
 * `kslab lesson check lessons/<id> [PATH...] [--solution] [--answer STEP=TEXT]...`
 *
 * Without --solution: the given files (the lesson's start files when no PATH is given) are checked
 * step by step; each step's solution commands are replayed through the simulated terminal first,
 * so terminal steps see their commands, while edits and answers stay the student's own
 * (`--answer` supplies answers). With --solution: the lesson is walked from its start files with
 * every step's solution applied (edits, commands, answer), and the last step's check must also
 * hold on the lesson's solution/ files. Exit 0 when every step passes, 1 otherwise, 2 on usage,
 * 3 when a file cannot be read — including a lesson file that refers outside its folder
 * (`"@../../secret"`) or a symlink leaving it (allowed with --follow-symlinks).
 */

export interface LessonIo {
  /** The lesson folder, confined to itself: reading outside it throws InputError. */
  lessonFs(dir: string, opts: { followSymlinks: boolean }): LessonFs;
  /** The PATHs given on the command line: a file, or a directory's *.yaml / *.yml and Dockerfile. */
  readPaths(paths: readonly string[], opts: { followSymlinks: boolean }): SourceFile[];
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = 'usage: kslab lesson check lessons/<id> [PATH...] [--solution] [--answer STEP=TEXT]... [--follow-symlinks]\n';

/** Lesson text and check reasons carry the lesson's and the files' strings: shown, never interpreted. */
function printSteps(lesson: Lesson, results: readonly StepResult[], io: LessonIo): void {
  results.forEach((r, i) => {
    const step = lesson.steps[i];
    io.stdout(visible(`  ${r.passed ? 'PASS' : 'FAIL'}  ${i + 1}. ${r.stepId} — ${step?.title.en ?? ''}`) + '\n');
    for (const why of r.why) io.stdout(`          ${visible(why)}\n`);
  });
}

export async function runLessonCommand(all: string[], io: LessonIo): Promise<number> {
  try {
    return await checkLesson(all, io);
  } catch (e) {
    if (!(e instanceof InputError) && !isFsError(e)) throw e;
    io.stderr(`kslab lesson: ${visible(e.message.split('\n')[0] ?? '')}\n`);
    return 3;
  }
}

async function checkLesson(all: string[], io: LessonIo): Promise<number> {
  const { followSymlinks, rest: args } = symlinkFlag(all);
  const [sub, dir, ...rest] = args;
  if (sub !== 'check' || dir === undefined || dir.startsWith('-')) {
    io.stderr(USAGE);
    return 2;
  }
  let solution = false;
  // Step ids are the user's words: a null-prototype map, so `--answer __proto__=x` is just a key.
  const answers: Record<string, string> = Object.create(null) as Record<string, string>;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--solution') solution = true;
    else if (a === '--answer' || a.startsWith('--answer=')) {
      const value = a === '--answer' ? rest[++i] : a.slice('--answer='.length);
      const eq = value?.indexOf('=') ?? -1;
      if (value === undefined || eq <= 0) {
        io.stderr(`kslab lesson: --answer takes STEP=TEXT\n${USAGE}`);
        return 2;
      }
      answers[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (a.startsWith('-')) {
      io.stderr(`kslab lesson: unknown option ${a}\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (solution && paths.length > 0) {
    io.stderr(`kslab lesson: --solution checks the lesson's own files; give no PATH\n${USAGE}`);
    return 2;
  }

  const { lesson, problems } = loadLesson(dir, io.lessonFs(dir, { followSymlinks }));
  for (const p of problems) io.stderr(visible(`${dir}: ${p}`) + '\n');
  if (!lesson) return 2;

  const given = io.readPaths(paths, { followSymlinks });
  const shellFactory = (o: { files: readonly SourceFile[] }) => createShell({ files: [...o.files] });
  const walk = await walkLesson(lesson, solution
    ? { mode: 'solution', createShell: shellFactory }
    : { mode: 'files', createShell: shellFactory, files: paths.length > 0 ? given : lesson.startFiles, answers });

  const what = solution ? 'solution walkthrough' : paths.length > 0 ? paths.join(' ') : 'start files';
  io.stdout(visible(`${lesson.id}: ${lesson.title.en} (${what})`) + '\n');
  printSteps(lesson, walk.steps, io);
  let ok = walk.steps.every((s) => s.passed) && problems.length === 0;

  if (solution) {
    // The solution/ folder is what the walkthrough should end with: its final check must hold there too.
    const last = lesson.steps[lesson.steps.length - 1];
    if (last) {
      const answer = last.solution.answer;
      const outcome = evaluateCheck(last.check, {
        analysis: analyze(analyzableFiles(lesson.solutionFiles)), files: lesson.solutionFiles, transcript: walk.transcript,
        ...(answer !== undefined ? { answer } : {}),
      });
      io.stdout(visible(`  ${outcome.passed ? 'PASS' : 'FAIL'}  solution/ files pass the last step (${last.id})`) + '\n');
      for (const why of outcome.why) io.stdout(`          ${visible(why)}\n`);
      ok &&= outcome.passed;
    }
  }
  const passed = walk.steps.filter((s) => s.passed).length;
  io.stdout(`${passed}/${walk.steps.length} steps pass\n`);
  return ok ? 0 : 1;
}
