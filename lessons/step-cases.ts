import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLessons, walkLesson, type FilePatch, type LessonFs, type ShellFactory, type StepVariant } from '../src/course/index.js';

/**
 * Table-driven tests of lesson steps (issues 15 and 17): for every step, what a student might do
 * instead of the solution — plausible mistakes that must fail, and right answers phrased or written
 * differently that must pass. Each case is walked like the solution (every earlier step solved,
 * commands through the real simulated terminal, the real engine), with this step's attempt in
 * place of its solution, and the step's check evaluated at that moment.
 */

export interface StepCase {
  /** Named for the mistake (wrong) or the phrasing (right). */
  readonly name: string;
  readonly pass: boolean;
  /** Whole files written (name → text). */
  readonly files?: Readonly<Record<string, string>>;
  readonly patch?: readonly FilePatch[];
  readonly commands?: readonly string[];
  /** null: the answer box left empty. */
  readonly answer?: string | null;
  readonly remove?: readonly string[];
  /** Done after the solution (or after the parts above): "the solution, then this mistake". */
  readonly more?: { readonly files?: Readonly<Record<string, string>>; readonly patch?: readonly FilePatch[]; readonly commands?: readonly string[] };
  /** For a failing case: a text the check's reasons must contain (it failed for this reason). */
  readonly because?: string;
}

const root = dirname(fileURLToPath(import.meta.url));
const fs: LessonFs = { readFile: (p) => readFileSync(p, 'utf8'), listDir: (p) => readdirSync(p), exists: (p) => existsSync(p) };
const { lessons } = loadLessons(root, fs);

const shellFactory = async (): Promise<ShellFactory> => {
  const { createShell } = await import('../src/shell/index.js');
  return ({ files }) => createShell({ files: [...files] });
};

const asFiles = (r: Readonly<Record<string, string>> | undefined) => (r ? Object.entries(r).map(([name, text]) => ({ name, text })) : undefined);

function variant(step: string, c: StepCase): StepVariant {
  const files = asFiles(c.files);
  const moreFiles = asFiles(c.more?.files);
  return {
    step,
    ...(files ? { files } : {}),
    ...(c.patch ? { patch: c.patch } : {}),
    ...(c.commands ? { commands: c.commands } : {}),
    ...(c.answer !== undefined ? { answer: c.answer } : {}),
    ...(c.remove ? { remove: c.remove } : {}),
    ...(c.more ? { more: { ...(moreFiles ? { files: moreFiles } : {}), ...(c.more.patch ? { patch: c.more.patch } : {}), ...(c.more.commands ? { commands: c.more.commands } : {}) } } : {}),
  };
}

/** Runs one case: the step's outcome. */
export async function tryStep(lessonId: string, stepId: string, c: StepCase): Promise<{ passed: boolean; why: readonly string[] }> {
  const lesson = lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson ${lessonId}`);
  const walk = await walkLesson(lesson, { mode: 'solution', createShell: await shellFactory(), variant: variant(stepId, c), until: stepId, judgeOnlyUntil: true });
  const last = walk.steps[walk.steps.length - 1];
  if (!last || last.stepId !== stepId) throw new Error(`no step ${stepId} in ${lessonId}`);
  return last;
}

/**
 * One describe per step. Every step of the lesson must have a table with at least two wrong and two
 * right cases (besides the lesson's own solution, which lessons.test.ts walks).
 */
export function stepCases(lessonId: string, table: Readonly<Record<string, readonly StepCase[]>>): void {
  const lesson = lessons.find((l) => l.id === lessonId);
  describe(`${lessonId}: each step accepts the right end state and only it`, () => {
    it('has a table for every step, with two wrong and two right cases at least', () => {
      expect(lesson).toBeDefined();
      expect(Object.keys(table)).toEqual(lesson?.steps.map((s) => s.id));
      for (const [step, cases] of Object.entries(table)) {
        expect(cases.filter((c) => !c.pass).length, `${step}: wrong cases`).toBeGreaterThanOrEqual(2);
        expect(cases.filter((c) => c.pass).length, `${step}: right cases`).toBeGreaterThanOrEqual(2);
        expect(new Set(cases.map((c) => c.name)).size, `${step}: case names are unique`).toBe(cases.length);
      }
    });
    for (const [step, cases] of Object.entries(table)) {
      describe(step, () => {
        it.each(cases.map((c) => [`${c.pass ? 'passes' : 'fails'}: ${c.name}`, c] as const))('%s', async (_name, c) => {
          const outcome = await tryStep(lessonId, step, c);
          expect(outcome.passed, outcome.why.join('\n')).toBe(c.pass);
          if (!c.pass && c.because !== undefined) expect(outcome.why.join('\n')).toContain(c.because);
        });
      });
    }
  });
}

/** Counts for the report and the README: right and wrong cases per lesson. */
export function caseCounts(table: Readonly<Record<string, readonly StepCase[]>>): { right: number; wrong: number } {
  const all = Object.values(table).flat();
  return { right: all.filter((c) => c.pass).length, wrong: all.filter((c) => !c.pass).length };
}
