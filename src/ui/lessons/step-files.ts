import type { Check, Step } from '../../course/model.js';

/**
 * The files a lesson step asks the student to write, by name: the files its check reads (`file`
 * checks, outside a `not`) and the whole files its solution writes, in that order, once each.
 * "+" suggests the first one not open yet; a step's YAML snippet can be applied to the first one.
 */
export function stepFileNames(step: Step | undefined): string[] {
  if (!step) return [];
  const names: string[] = [];
  const add = (name: string) => { if (!names.includes(name)) names.push(name); };
  const walk = (check: Check) => {
    if (check.kind === 'file') add(check.file);
    else if (check.kind === 'all' || check.kind === 'any' || check.kind === 'sequence') check.checks.forEach(walk);
  };
  walk(step.check);
  for (const f of step.solution.files) add(f.name);
  return names;
}

/** The name "+" suggests: the first file the step asks for that no tab has yet, else null. */
export function suggestedNewFile(step: Step | undefined, open: readonly { name: string }[]): string | null {
  return stepFileNames(step).find((name) => !open.some((f) => f.name === name)) ?? null;
}

/**
 * Where a step's code block goes when the student applies it: the first whole file the step's
 * solution writes (a step that only patches, or only runs commands, has none), and only for a
 * block that is a whole file of that kind: YAML with `apiVersion:` and `kind:` at the top level
 * for a .yaml file (a fragment to add to a rule is not a file), a Dockerfile block for a Dockerfile.
 */
export function snippetTarget(step: Step | undefined, blockLang: string, text: string): string | null {
  const name = step?.solution.files[0]?.name;
  if (!name) return null;
  const lang = blockLang.toLowerCase();
  if (/\.ya?ml$/i.test(name)) return (lang === 'yaml' || lang === 'yml') && /^apiVersion:/m.test(text) && /^kind:/m.test(text) ? name : null;
  return lang !== '' && name.toLowerCase().startsWith(lang) ? name : null;
}
