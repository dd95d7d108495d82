import type { Analysis, SourceFile } from '../engine/index.js';
import { evaluateCheck } from './checks/index.js';
import type { Lesson, StepResult, TranscriptEntry } from './model.js';

/**
 * The lab's live view of a lesson: every step evaluated against what is on screen now.
 * Completion is sticky and kept by the caller (the store): a step once passed stays done even if a
 * later step changes the state it looked at (lesson 3 removes runAsUser after checking it).
 */
export interface LiveInput {
  readonly analysis: Analysis;
  readonly files: readonly SourceFile[];
  readonly transcript: readonly TranscriptEntry[];
  readonly answers: Readonly<Record<string, string>>;
}

export function evaluateLesson(lesson: Lesson, input: LiveInput): StepResult[] {
  return lesson.steps.map((step) => {
    const answer = input.answers[step.id];
    const outcome = evaluateCheck(step.check, {
      analysis: input.analysis, files: input.files, transcript: input.transcript, ...(answer !== undefined ? { answer } : {}),
    });
    return { stepId: step.id, ...outcome };
  });
}

/** The step to work on: the first one not completed (the last one when all are). */
export function currentStepIndex(lesson: Lesson, completed: readonly string[]): number {
  const i = lesson.steps.findIndex((s) => !completed.includes(s.id));
  return i < 0 ? Math.max(0, lesson.steps.length - 1) : i;
}

export function isLessonComplete(lesson: Lesson, completed: readonly string[]): boolean {
  return lesson.steps.every((s) => completed.includes(s.id));
}

/**
 * The step to mark complete now, if any. Only the current step (the first not completed) can
 * complete: a later step's state may hold by accident (lesson 6 ends where it starts), and steps
 * are meant to be taken in order.
 */
export function stepToComplete(lesson: Lesson, results: readonly StepResult[], completed: readonly string[]): string | null {
  const i = currentStepIndex(lesson, completed);
  const step = lesson.steps[i];
  return step && !completed.includes(step.id) && results[i]?.passed === true ? step.id : null;
}
