import type { SourceFile } from '../engine/index.js';
import type { StepSolution } from './model.js';

/**
 * Applies a step's solution edits to the current files: whole files first (added or replaced by
 * name), then text patches in order. A patch whose text is not found is a problem, not a throw:
 * the walkthrough reports it as the reason the step fails.
 */
export function applySolutionFiles(files: readonly SourceFile[], solution: StepSolution): { files: SourceFile[]; problems: string[] } {
  const out = new Map(files.map((f) => [f.name, f.text]));
  const problems: string[] = [];
  for (const f of solution.files) out.set(f.name, f.text);
  for (const p of solution.patch) {
    const text = out.get(p.file);
    if (text === undefined) {
      problems.push(`patch: no file ${p.file}`);
      continue;
    }
    const at = text.indexOf(p.find);
    if (at < 0) {
      problems.push(`patch: ${p.file} does not contain ${JSON.stringify(p.find)}`);
      continue;
    }
    out.set(p.file, text.slice(0, at) + p.replace + text.slice(at + p.find.length));
  }
  return { files: [...out].map(([name, text]) => ({ name, text })), problems };
}

/** True when the step's solution edits files (the panel then offers "apply solution"). */
export function editsFiles(solution: StepSolution): boolean {
  return solution.files.length > 0 || solution.patch.length > 0;
}
