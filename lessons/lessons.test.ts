import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/index.js';
import {
  analyzableFiles, answerAccepted, answerChoices, answerExpectation, evaluateCheck, loadLessons, needsAnswer, parseMarkdownLite, walkLesson,
  type LessonFs, type ShellFactory,
} from '../src/course/index.js';

/**
 * Every lesson must be finishable and must start unfinished:
 * - it loads without a single problem;
 * - its start files fail its first check (nothing to do would teach nothing);
 * - walking it with its own solution (edits, commands replayed through the simulated terminal,
 *   answers) passes every step, and its solution/ files pass its last step.
 * The walkthrough runs the real engine and shell, so these tests also catch a lesson whose facts
 * (statuses, flows, uids) disagree with what Kubernetes would do.
 */

const root = dirname(fileURLToPath(import.meta.url));
const fs: LessonFs = {
  readFile: (p) => readFileSync(p, 'utf8'),
  listDir: (p) => readdirSync(p),
  exists: (p) => existsSync(p),
};
const { lessons, problems } = loadLessons(root, fs);

const shellFactory = async (): Promise<ShellFactory> => {
  const { createShell } = await import('../src/shell/index.js');
  return ({ files }) => createShell({ files: [...files] });
};

describe('lessons', () => {
  it('load without problems', () => expect(problems).toEqual([]));

  it('are the six of the course, in order, then the CKS lessons of issue 9', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'image-security', 'docker-security', 'security-contexts', 'network-policy-basics', 'developing-network-policies',
      'when-nothing-enforces',
      'pod-security-admission', 'rbac', 'service-account-tokens',
    ]);
    expect(lessons.map((l) => l.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  describe.each(lessons.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    it('has text in both languages for every step, in markdown-lite', () => {
      for (const step of lesson.steps) {
        for (const lang of ['ko', 'en'] as const) {
          expect(parseMarkdownLite(step.body[lang]).length, `${step.id} ${lang}`).toBeGreaterThan(0);
          expect(step.hint[lang].trim(), `${step.id} hint ${lang}`).not.toBe('');
        }
        if (needsAnswer(step.check)) expect(step.solution.answer, `${step.id} needs a solution answer`).toBeDefined();
      }
    });

    it('every answer box says what kind of answer it wants, in both languages, without giving it away', () => {
      for (const step of lesson.steps.filter((s) => needsAnswer(s.check))) {
        const expects = answerExpectation(step.check);
        expect(expects, step.id).toBeDefined();
        for (const lang of ['ko', 'en'] as const) expect(answerAccepted(step.check, expects?.[lang] ?? ''), `${step.id} ${lang}`).toBe(false);
      }
    });

    it('answer buttons: exactly one choice is right, in both languages, and it is the solution\'s answer', () => {
      for (const step of lesson.steps) {
        const choices = answerChoices(step.check);
        if (!choices) continue;
        for (const lang of ['ko', 'en'] as const) {
          expect(choices.filter((c) => answerAccepted(step.check, c[lang])).length, `${step.id} ${lang}`).toBe(1);
        }
        expect(choices.some((c) => answerAccepted(step.check, c.en) && answerAccepted(step.check, step.solution.answer ?? '')), step.id).toBe(true);
      }
    });

    it('start files are valid and fail the first check', () => {
      const analysis = analyze(analyzableFiles(lesson.startFiles));
      expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const first = lesson.steps[0];
      expect(first).toBeDefined();
      if (!first) return;
      const outcome = evaluateCheck(first.check, { analysis, files: lesson.startFiles, transcript: [] });
      expect(outcome.passed).toBe(false);
    });

    it('the solution walkthrough passes every step', async () => {
      const walk = await walkLesson(lesson, { mode: 'solution', createShell: await shellFactory() });
      const failed = walk.steps.filter((s) => !s.passed).map((s) => `${s.stepId}: ${s.why.join('; ')}`);
      expect(failed, walk.transcript.map((t) => `$ ${t.input}\n${t.output}[${t.exitCode}]`).join('\n')).toEqual([]);

      const last = lesson.steps[lesson.steps.length - 1];
      if (!last) return;
      const outcome = evaluateCheck(last.check, {
        analysis: analyze(analyzableFiles(lesson.solutionFiles)), files: lesson.solutionFiles, transcript: walk.transcript,
        ...(last.solution.answer !== undefined ? { answer: last.solution.answer } : {}),
      });
      expect(outcome.why, 'solution/ files must pass the last step').toEqual([]);
    });
  });
});

/** Used by the walkthrough's import above; kept so a missing shell shows as one clear failure. */
export const lessonsRoot = join(root);
