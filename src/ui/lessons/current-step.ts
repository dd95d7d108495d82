import type { Step } from '../../course/model.js';
import { useLab, useLabContext } from '../../state/index.js';

/** The lesson step in view (the store's `step` within the open lesson), or undefined. */
export function useCurrentStep(): Step | undefined {
  const { lessons } = useLabContext();
  const lessonId = useLab((s) => s.lessonId);
  const step = useLab((s) => s.step);
  const steps = lessons.find((l) => l.id === lessonId)?.steps ?? [];
  return steps[Math.min(step, steps.length - 1)];
}
