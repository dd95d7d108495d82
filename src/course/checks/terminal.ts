import { answerMatches } from '../answer.js';
import { matchesPattern } from '../command-match.js';
import type { AnswerCheck, CheckContext, CheckOutcome, CommandCheck, FileCheck } from '../model.js';

/** Checks over what the student did rather than what the cluster is: commands, answers, files. */

export function checkCommand(check: CommandCheck, ctx: CheckContext): CheckOutcome {
  const ran = ctx.transcript.filter((e) => check.ran.some((p) => matchesPattern(p, e.input)));
  const wanted = check.ran.map((p) => (p.kind === 'words' ? p.text : `/${p.source}/`)).join(' | ');
  if (ran.length === 0) return { passed: false, why: [`not run yet: ${wanted}`] };
  const lineRe = check.outputMatches === undefined ? null : new RegExp(check.outputMatches);
  const linesMatch = (output: string) => lineRe === null || output.split(/\r?\n/).some((l) => lineRe.test(l));
  const ok = ran.some((e) =>
    (check.exitCode === undefined || e.exitCode === check.exitCode) &&
    (check.outputIncludes ?? []).every((s) => e.output.includes(s)) && linesMatch(e.output));
  if (ok) return { passed: true, why: [] };
  const last = ran[ran.length - 1];
  const why: string[] = [];
  if (last && check.exitCode !== undefined && last.exitCode !== check.exitCode) why.push(`${last.input}: exit code ${last.exitCode}, expected ${check.exitCode}`);
  for (const s of check.outputIncludes ?? []) if (last && !last.output.includes(s)) why.push(`${last.input}: output does not contain "${s}"`);
  if (last && !linesMatch(last.output)) why.push(`${last.input}: no line of the output matches /${check.outputMatches ?? ''}/`);
  return { passed: false, why: why.length > 0 ? why : [`no run of ${wanted} met every condition`] };
}

export function checkAnswer(check: AnswerCheck, ctx: CheckContext): CheckOutcome {
  if (ctx.answer === undefined || ctx.answer.trim() === '') return { passed: false, why: ['not answered yet'] };
  if (answerMatches(check.accept, ctx.answer)) return { passed: true, why: [] };
  return { passed: false, why: [`"${ctx.answer}" is not the answer${check.expects ? ` (expected: ${check.expects.en})` : ''}`] };
}

export function checkFile(check: FileCheck, ctx: CheckContext): CheckOutcome {
  const file = ctx.files.find((f) => f.name === check.file || f.name.endsWith(`/${check.file}`));
  if (!file) return { passed: false, why: [`no file ${check.file}`] };
  const re = new RegExp(check.lineMatches);
  return file.text.split(/\r?\n/).some((l) => re.test(l))
    ? { passed: true, why: [] }
    : { passed: false, why: [`${check.file} has no line matching /${check.lineMatches}/`] };
}
