import { describe, expect, it } from 'vitest';
import { courseAnalysis } from '../testing/course.js';
import { currentStepIndex, evaluateLesson, isLessonComplete, stepToComplete } from './live.js';
import type { Lesson, Step } from './model.js';

const L = (s: string) => ({ ko: s, en: s });
const step = (id: string, check: Step['check']): Step => ({
  id, title: L(id), body: L(id), hint: L(id), check, solution: { files: [], patch: [], commands: [] },
});
const lesson: Lesson = {
  id: 'demo', order: 1, title: L('demo'), summary: L('demo'), startFiles: [], solutionFiles: [],
  steps: [
    step('ask', { kind: 'answer', accept: ['yes'] }),
    step('state', { kind: 'pod', pod: 'default/web', status: 'Running' }),
  ],
};
const analysis = courseAnalysis({ pods: [{ key: 'default/web' }] });

describe('live lesson progress', () => {
  it('evaluates every step with its own answer', () => {
    const results = evaluateLesson(lesson, { analysis, files: [], transcript: [], answers: { ask: 'no' } });
    expect(results.map((r) => [r.stepId, r.passed])).toEqual([['ask', false], ['state', true]]);
  });

  it.each<[string, Record<string, string>, string[], string | null]>([
    ['a later passing step waits for the current one', {}, [], null],
    ['the current step completes when it passes', { ask: 'yes' }, [], 'ask'],
    ['then the next one', {}, ['ask'], 'state'],
    ['nothing once all are done', {}, ['ask', 'state'], null],
  ])('%s', (_name, answers, completed, expected) => {
    const results = evaluateLesson(lesson, { analysis, files: [], transcript: [], answers });
    expect(stepToComplete(lesson, results, completed)).toBe(expected);
  });

  it('tracks the current step and completion', () => {
    expect(currentStepIndex(lesson, [])).toBe(0);
    expect(currentStepIndex(lesson, ['ask'])).toBe(1);
    expect(currentStepIndex(lesson, ['ask', 'state'])).toBe(1);
    expect(isLessonComplete(lesson, ['ask'])).toBe(false);
    expect(isLessonComplete(lesson, ['state', 'ask'])).toBe(true);
  });
});
