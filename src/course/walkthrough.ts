import { analyze, isManifestFile, type SourceFile } from '../engine/index.js';
import type { ProbeRecord } from '../shell/index.js';
import { evaluateCheck } from './checks/index.js';
import type { FilePatch, Lesson, StepResult, StepSolution, TranscriptEntry } from './model.js';
import { applySolutionFiles } from './patch.js';

/**
 * Replays a lesson step by step, the way `kslab lesson check` and lessons.test.ts prove that a
 * lesson can be finished: each step's solution edits are applied (solution mode), its commands run
 * through the simulated terminal, then its check is evaluated on the state reached at that moment.
 * Checks see the state right after their own step, as a student would (a later step may undo it).
 */

/** What the walkthrough needs of the terminal (src/shell `createShell`). */
export interface ShellRunResult {
  readonly output: string;
  readonly exitCode: number;
  /** The rewritten YAML sources, when the command changed objects. */
  readonly files?: readonly SourceFile[];
  /** Connections the command's network tools tried. */
  readonly probes?: readonly ProbeRecord[];
}
export interface ShellLike {
  run(line: string): ShellRunResult | Promise<ShellRunResult>;
  /** When present, edits reach the same shell, so its runtime (containers, namespace) survives. */
  setFiles?(files: readonly SourceFile[]): void;
}
export type ShellFactory = (options: { files: readonly SourceFile[] }) => ShellLike;

/** The engine reads manifests only; other files (a Dockerfile) are for the terminal and file checks. */
export function analyzableFiles(files: readonly SourceFile[]): SourceFile[] {
  return files.filter((f) => isManifestFile(f.name));
}

/** A command's rewritten sources replace the YAML files; files the engine never sees are kept. */
export function mergeShellFiles(current: readonly SourceFile[], rewritten: readonly SourceFile[]): SourceFile[] {
  const kept = current.filter((f) => !isManifestFile(f.name) && !rewritten.some((r) => r.name === f.name));
  return [...rewritten, ...kept];
}

export interface WalkOptions {
  readonly createShell: ShellFactory;
  /** 'solution': start from the lesson's start files and apply each step's solution (edits, answer). */
  readonly mode: 'solution' | 'files';
  /** mode 'files': the files to check (the lesson's start files when omitted). */
  readonly files?: readonly SourceFile[];
  /** Answers by step id (mode 'files'; in 'solution' mode the lesson's answers are used). */
  readonly answers?: Readonly<Record<string, string>>;
  /** mode 'solution': what a student did instead of one step's solution (tests of wrong answers). */
  readonly variant?: StepVariant;
  /** Stop after this step (its result is the last one). */
  readonly until?: string;
  /**
   * With `until`: judge only that step. The steps before it are walked (edits, commands) but not
   * checked, so they add no result and cost no analysis (the step tables walk a lesson once per case).
   */
  readonly judgeOnlyUntil?: boolean;
}

/**
 * A student's attempt at one step, in place of its solution. Each part given replaces that part of
 * the step's solution; a part left out is the solution's own. `remove` deletes files first; `more`
 * is done after the (replaced) solution: "the solution, and then this mistake".
 */
export interface StepVariant {
  readonly step: string;
  readonly files?: readonly SourceFile[];
  readonly patch?: readonly FilePatch[];
  readonly commands?: readonly string[];
  /** null: the answer box left empty. */
  readonly answer?: string | null;
  readonly remove?: readonly string[];
  readonly more?: { readonly files?: readonly SourceFile[]; readonly patch?: readonly FilePatch[]; readonly commands?: readonly string[] };
}

export interface WalkResult {
  readonly steps: readonly StepResult[];
  readonly files: readonly SourceFile[];
  readonly transcript: readonly TranscriptEntry[];
}

interface Phase { readonly edit: StepSolution; readonly commands: readonly string[] }

/** The step's phases: its (replaced) solution, then the variant's `more`. */
function attempt(solution: StepSolution, v: StepVariant | undefined): { phases: Phase[]; answer: string | undefined } {
  if (!v) return { phases: [{ edit: solution, commands: solution.commands }], answer: solution.answer };
  const main: StepSolution = { files: v.files ?? solution.files, patch: v.patch ?? solution.patch, commands: [] };
  const phases: Phase[] = [{ edit: main, commands: v.commands ?? solution.commands }];
  if (v.more) phases.push({ edit: { files: v.more.files ?? [], patch: v.more.patch ?? [], commands: [] }, commands: v.more.commands ?? [] });
  return { phases, answer: v.answer === undefined ? solution.answer : v.answer ?? undefined };
}

export async function walkLesson(lesson: Lesson, options: WalkOptions): Promise<WalkResult> {
  let files: SourceFile[] = [...(options.mode === 'solution' ? lesson.startFiles : options.files ?? lesson.startFiles)];
  const transcript: TranscriptEntry[] = [];
  const steps: StepResult[] = [];
  let shell: ShellLike | null = null;
  const carried: string[] = [];
  for (const step of lesson.steps) {
    const problems: string[] = [];
    const variant = options.mode === 'solution' && options.variant?.step === step.id ? options.variant : undefined;
    const { phases, answer: given } = attempt(step.solution, variant);
    const removed = variant?.remove ?? [];
    if (removed.length > 0) files = files.filter((f) => !removed.includes(f.name));
    for (const [i, phase] of phases.entries()) {
      const edits = phase.edit.files.length > 0 || phase.edit.patch.length > 0;
      if (options.mode === 'solution' && (edits || (i === 0 && removed.length > 0))) {
        const applied = applySolutionFiles(files, phase.edit);
        files = applied.files;
        problems.push(...applied.problems);
        // The terminal must see the edited files: a student's editor and terminal share one state.
        if (shell?.setFiles) shell.setFiles(files);
        else shell = null;
      }
      for (const command of phase.commands) {
        shell ??= options.createShell({ files });
        let result: ShellRunResult;
        try {
          result = await shell.run(command);
        } catch (e) {
          result = { output: `shell error: ${e instanceof Error ? e.message : String(e)}`, exitCode: 127 };
        }
        transcript.push({ input: command, output: result.output, exitCode: result.exitCode, ...(result.probes?.length ? { probes: result.probes } : {}) });
        if (result.files) files = mergeShellFiles(files, result.files);
      }
    }
    if (options.judgeOnlyUntil && options.until !== undefined && options.until !== step.id) {
      // Not judged, but a solution that did not apply still fails the step that is.
      carried.push(...problems.map((p) => `${step.id}: ${p}`));
      continue;
    }
    problems.unshift(...carried.splice(0));
    const answer = options.mode === 'solution' ? given : options.answers?.[step.id];
    const outcome = evaluateCheck(step.check, {
      analysis: analyze(analyzableFiles(files)), files, transcript, ...(answer !== undefined ? { answer } : {}),
    });
    steps.push({ stepId: step.id, passed: outcome.passed && problems.length === 0, why: [...problems, ...outcome.why] });
    if (options.until === step.id) break;
  }
  return { steps, files, transcript };
}
