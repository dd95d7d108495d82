/** The course: lessons as data, checks as predicates over the engine's Analysis and the terminal transcript. */
export type * from './model.js';
export { answerAccepted, answerChoices, answerExpectation, evaluateCheck, needsAnswer, needsTerminal } from './checks/index.js';
export { answerMatches, normalizeAnswer } from './answer.js';
export { matchesPattern, tokenize } from './command-match.js';
export { buildLesson, loadLesson, loadLessons, memoryFs, readFolder, type LessonFs, type LoadResult } from './loader.js';
export { applySolutionFiles, editsFiles } from './patch.js';
export { currentStepIndex, evaluateLesson, isLessonComplete, stepToComplete, type LiveInput } from './live.js';
export {
  analyzableFiles, mergeShellFiles, walkLesson, type ShellFactory, type ShellLike, type ShellRunResult, type StepVariant, type WalkOptions,
  type WalkResult,
} from './walkthrough.js';
export { parseMarkdownLite, type Block, type Inline } from './markdown.js';
