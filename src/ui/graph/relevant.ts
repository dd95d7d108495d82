/**
 * The connections a lesson's step is about (issue 10: "by default show what a lesson is about"):
 * the `from → to` of every flow check in the step, wherever it sits in the check's all/any/not.
 * The graph draws them one by one and thicker, never folded.
 */
import type { Check, Lesson } from '../../course/model.js';
import { flowKey } from './teach.js';

export function stepFlowKeys(lesson: Lesson | undefined, step: number): Set<string> {
  const out = new Set<string>();
  const walk = (c: Check) => {
    if (c.kind === 'flow') out.add(flowKey(c.from, c.to));
    else if (c.kind === 'all' || c.kind === 'any') c.checks.forEach(walk);
    else if (c.kind === 'not') walk(c.check);
  };
  const s = lesson?.steps[step];
  if (s) walk(s.check);
  return out;
}
