import type { Check, CheckContext, CheckOutcome, Localized } from '../model.js';
import { answerMatches } from '../answer.js';
import { checkFlow } from './flow.js';
import {
  checkCluster, checkDiagnostic, checkNamespace, checkNoErrors, checkPolicy, checkPolicyCount, checkSecret,
} from './objects.js';
import { checkPod } from './pod.js';
import { checkProbed } from './probed.js';
import { checkAdmission } from './admission.js';
import { checkRbac } from './rbac.js';
import { checkAnswer, checkCommand, checkFile } from './terminal.js';

/** Interprets a step's check data. Pure: the same analysis, files, transcript and answer give the same outcome. */
export function evaluateCheck(check: Check, ctx: CheckContext): CheckOutcome {
  switch (check.kind) {
    case 'all': {
      const outcomes = check.checks.map((c) => evaluateCheck(c, ctx));
      return { passed: outcomes.every((o) => o.passed), why: outcomes.flatMap((o) => o.why) };
    }
    case 'any': {
      const outcomes = check.checks.map((c) => evaluateCheck(c, ctx));
      if (outcomes.some((o) => o.passed)) return { passed: true, why: [] };
      return { passed: false, why: [`none of these holds: ${outcomes.map((o) => o.why.join('; ')).join(' | ')}`] };
    }
    case 'not': {
      const inner = evaluateCheck(check.check, ctx);
      return inner.passed ? { passed: false, why: ['a condition that should not hold holds'] } : { passed: true, why: [] };
    }
    case 'sequence': return checkSequence(check.checks, ctx);
    case 'pod': return checkPod(check, ctx);
    case 'secret': return checkSecret(check, ctx);
    case 'flow': return checkFlow(check, ctx);
    case 'policy': return checkPolicy(check, ctx);
    case 'policyCount': return checkPolicyCount(check, ctx);
    case 'namespace': return checkNamespace(check, ctx);
    case 'cluster': return checkCluster(check, ctx);
    case 'diagnostic': return checkDiagnostic(check, ctx);
    case 'noErrors': return checkNoErrors(check, ctx);
    case 'file': return checkFile(check, ctx);
    case 'command': return checkCommand(check, ctx);
    case 'answer': return checkAnswer(check, ctx);
    case 'probed': return checkProbed(check, ctx);
    case 'rbac': return checkRbac(check, ctx);
    case 'admission': return checkAdmission(check, ctx);
  }
}

/** True when the step shows an answer box. */
export function needsAnswer(check: Check): boolean {
  switch (check.kind) {
    case 'all': case 'any': case 'sequence': return check.checks.some(needsAnswer);
    case 'not': return needsAnswer(check.check);
    case 'answer': return true;
    default: return false;
  }
}

/** True when the step is done (partly) in the terminal. */
export function needsTerminal(check: Check): boolean {
  switch (check.kind) {
    case 'all': case 'any': return check.checks.some(needsTerminal);
    case 'sequence': return true;
    case 'not': return needsTerminal(check.check);
    case 'command': case 'probed': return true;
    default: return false;
  }
}

/** Whether an answer is one the step's answer check(s) accept, regardless of the step's other conditions. */
export function answerAccepted(check: Check, answer: string): boolean {
  switch (check.kind) {
    case 'all': case 'any': case 'sequence': return check.checks.some((c) => answerAccepted(c, answer));
    case 'not': return false;
    case 'answer': return answerMatches(check.accept, answer);
    default: return false;
  }
}

/**
 * Each check holds on its own part of the transcript, in order: the first on the shortest leading
 * part where it holds, the next on the shortest part after that, and so on. Taking the shortest
 * part leaves the most transcript to the checks that follow.
 */
function checkSequence(checks: readonly Check[], ctx: CheckContext): CheckOutcome {
  let start = 0;
  for (const [i, check] of checks.entries()) {
    let end = start;
    let last: CheckOutcome | null = null;
    for (; end < ctx.transcript.length; end++) {
      last = evaluateCheck(check, { ...ctx, transcript: ctx.transcript.slice(start, end + 1) });
      if (last.passed) break;
    }
    if (end >= ctx.transcript.length) {
      const why = last?.why ?? evaluateCheck(check, { ...ctx, transcript: [] }).why;
      return { passed: false, why: [i === 0 ? `not yet: ${why.join('; ')}` : `not after step ${i} of the sequence: ${why.join('; ')}`] };
    }
    start = end + 1;
  }
  return { passed: true, why: [] };
}

/** What kind of answer the step's answer box wants (for a refusal that never gives the answer away). */
export function answerExpectation(check: Check): Localized | undefined {
  switch (check.kind) {
    case 'all': case 'any': case 'sequence':
      for (const c of check.checks) {
        const e = answerExpectation(c);
        if (e) return e;
      }
      return undefined;
    case 'answer': return check.expects;
    default: return undefined;
  }
}

/** The buttons the step's answer box offers instead of free text, when its answer is one of a few. */
export function answerChoices(check: Check): readonly Localized[] | undefined {
  switch (check.kind) {
    case 'all': case 'any': case 'sequence':
      for (const c of check.checks) {
        const choices = answerChoices(c);
        if (choices) return choices;
      }
      return undefined;
    case 'answer': return check.choices;
    default: return undefined;
  }
}
