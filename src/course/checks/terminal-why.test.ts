// The checks over what the student did (terminal.ts) and the combinators of checks/index.ts: when
// each passes and, when not, the exact reasons the lesson panel shows.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/index.js';
import { parsedCheck } from '../../testing/course.js';
import type { CheckContext, TranscriptEntry } from '../model.js';
import { answerAccepted, answerChoices, answerExpectation, evaluateCheck, needsAnswer, needsTerminal } from './index.js';

const ANALYSIS = analyze([]);

const entry = (input: string, output = '', exitCode = 0): TranscriptEntry => ({ input, output, exitCode });

function run(raw: unknown, ctx: Partial<CheckContext> = {}) {
  return evaluateCheck(parsedCheck(raw), { analysis: ANALYSIS, files: [], transcript: [], ...ctx });
}

describe('command checks', () => {
  const transcript = [entry('id', 'uid=0(root)\n', 0), entry('id -u', '1000\nx', 1), entry('ls /', 'bin\netc\n', 0)];

  it.each<[string, unknown, boolean, string[]]>([
    ['not run', { ran: 'whoami' }, false, ['not run yet: whoami']],
    ['not run, several patterns and a regex', { ran: ['whoami', { regex: '^ps\\b' }] }, false, ['not run yet: whoami | /^ps\\b/']],
    ['run', { ran: 'id' }, true, []],
    ['the exit code of some run', { ran: 'id', exitCode: 1 }, true, []],
    ['the exit code of no run: the last one is named', { ran: 'id', exitCode: 2 }, false, ['id -u: exit code 1, expected 2']],
    ['the output of some run', { ran: 'id', output: 'uid=0' }, true, []],
    ['an output no run has', { ran: 'id', output: ['root', 'zzz'] }, false, ['id -u: output does not contain "root"', 'id -u: output does not contain "zzz"']],
    ['exit code and output from different runs', { ran: 'id', exitCode: 1, output: 'root' }, false, ['id -u: output does not contain "root"']],
    ['a line of the output matches', { ran: 'ls', outputMatches: '^etc$' }, true, []],
    ['the output matches only across lines', { ran: 'ls', outputMatches: 'bin.etc' }, false, ['ls /: no line of the output matches /bin.etc/']],
    ['each condition holds on some run, never all on one, and the last run meets them',
      { ran: 'id', exitCode: 0, output: '1000' }, false, ['id -u: exit code 1, expected 0']],
  ])('%s', (_label, raw, passed, why) => {
    expect(run(raw, { transcript })).toEqual({ passed, why });
  });

  it('when the last run meets every condition that some earlier run missed, the reason is general', () => {
    const t = [entry('id', 'a', 0), entry('id', 'b', 1)];
    expect(run({ ran: 'id', exitCode: 0, output: 'b' }, { transcript: t })).toEqual({ passed: false, why: ['id: exit code 1, expected 0'] });
    expect(run({ ran: 'id', exitCode: 1, output: 'a' }, { transcript: t })).toEqual({ passed: false, why: ['id: output does not contain "a"'] });
    const u = [entry('id', 'a', 1), entry('id', 'a', 0)];
    expect(run({ ran: 'id', exitCode: 0, output: 'a' }, { transcript: u })).toEqual({ passed: true, why: [] });
  });

  it('CRLF output lines are lines too', () => {
    expect(run({ ran: 'ls', outputMatches: '^bin$' }, { transcript: [entry('ls', 'bin\r\netc')] }).passed).toBe(true);
  });
});

describe('answer and file checks', () => {
  it.each<[string, unknown, string | undefined, boolean, string[]]>([
    ['no answer', { answer: ['root'] }, undefined, false, ['not answered yet']],
    ['a blank answer', { answer: ['root'] }, '   ', false, ['not answered yet']],
    ['a wrong answer', { answer: ['root'] }, 'admin', false, ['"admin" is not the answer']],
    ['a wrong answer with what is expected', { answer: ['root'], expects: { ko: '사용자 이름', en: 'a user name' } }, 'admin', false, ['"admin" is not the answer (expected: a user name)']],
    ['the answer', { answer: ['root'] }, 'Root', true, []],
  ])('%s', (_label, raw, answer, passed, why) => {
    expect(run(raw, answer === undefined ? {} : { answer })).toEqual({ passed, why });
  });

  const files = [{ name: 'app/Dockerfile', text: 'FROM ubuntu\r\nUSER 1000\n' }, { name: 'pod.yaml', text: 'kind: Pod' }];
  it.each<[string, unknown, boolean, string[]]>([
    ['a file by its name under a folder', { file: 'Dockerfile', lineMatches: '^USER 1000$' }, true, []],
    ['a file by its full name', { file: 'pod.yaml', lineMatches: 'Pod' }, true, []],
    ['a name that only ends like the file', { file: 'ockerfile', lineMatches: 'USER' }, false, ['no file ockerfile']],
    ['no such line', { file: 'Dockerfile', lineMatches: '^USER 0$' }, false, ['Dockerfile has no line matching /^USER 0$/']],
    ['a line, not the whole text', { file: 'Dockerfile', lineMatches: 'ubuntu.USER' }, false, ['Dockerfile has no line matching /ubuntu.USER/']],
    ['the first line (CRLF)', { file: 'Dockerfile', lineMatches: '^FROM ubuntu$' }, true, []],
  ])('file: %s', (_label, raw, passed, why) => {
    expect(run(raw, { files })).toEqual({ passed, why });
  });
});

describe('combinators', () => {
  const yes = { answer: ['y'] };
  const file = { file: 'x', lineMatches: 'x' };
  it.each<[string, unknown, boolean, string[]]>([
    ['all: every reason', { all: [yes, file] }, false, ['"n" is not the answer', 'no file x']],
    ['all: one passes, one reason', { all: [{ answer: ['n'] }, file] }, false, ['no file x']],
    ['all: every one passes', { all: [{ answer: ['n'] }] }, true, []],
    ['any: none holds, each reason', { any: [yes, file, { all: [yes, file] }] }, false,
      ['none of these holds: "n" is not the answer | no file x | "n" is not the answer; no file x']],
    ['any: one holds', { any: [yes, { answer: ['n'] }] }, true, []],
    ['not: the inner holds', { not: { answer: ['n'] } }, false, ['a condition that should not hold holds']],
    ['not: the inner does not hold', { not: yes }, true, []],
  ])('%s', (_label, raw, passed, why) => {
    expect(run(raw, { answer: 'n' })).toEqual({ passed, why });
  });
});

describe('sequence: each check on its own part of the transcript, in order', () => {
  const seq = { sequence: [{ ran: 'a' }, { ran: 'b' }, { ran: 'c' }] };
  it.each<[string, string[], boolean, string[]]>([
    ['in order', ['a', 'b', 'c'], true, []],
    ['with others between', ['x', 'a', 'y', 'b', 'b', 'c'], true, []],
    ['out of order', ['b', 'a', 'c'], false, ['not after step 1 of the sequence: not run yet: b']],
    ['nothing run', [], false, ['not yet: not run yet: a']],
    ['the first missing', ['b', 'c'], false, ['not yet: not run yet: a']],
    ['the second missing', ['a', 'c'], false, ['not after step 1 of the sequence: not run yet: b']],
    ['the same command twice needs two runs', ['a', 'b'], false, ['not after step 2 of the sequence: not run yet: c']],
  ])('%s', (_label, inputs, passed, why) => {
    expect(run(seq, { transcript: inputs.map((i) => entry(i)) })).toEqual({ passed, why });
  });

  it('a repeated step takes a later run', () => {
    const twice = { sequence: [{ ran: 'a' }, { ran: 'a' }] };
    expect(run(twice, { transcript: [entry('a')] }).passed).toBe(false);
    expect(run(twice, { transcript: [entry('a'), entry('a')] }).passed).toBe(true);
  });

  it('the reason of a failed step is its check on the rest of the transcript', () => {
    const s = { sequence: [{ ran: 'a' }, { ran: 'b', exitCode: 0 }] };
    expect(run(s, { transcript: [entry('b', '', 1), entry('a'), entry('b', '', 2)] }))
      .toEqual({ passed: false, why: ['not after step 1 of the sequence: b: exit code 2, expected 0'] });
  });
});

describe('what a step shows', () => {
  const ask = { answer: ['y'], expects: { ko: '예/아니요', en: 'yes or no' }, choices: [{ ko: '예', en: 'Yes' }, { ko: '아니요', en: 'No' }] };
  it.each<[string, unknown, boolean, boolean]>([
    ['an answer', { answer: ['y'] }, true, false],
    ['a command', { ran: 'ls' }, false, true],
    ['a probe', { probed: { to: 'default/db' }, outcome: 'connected' }, false, true],
    ['a sequence of answers still needs the terminal', { sequence: [{ answer: ['y'] }, { answer: ['y'] }] }, true, true],
    ['not a command', { not: { ran: 'ls' } }, false, true],
    ['not an answer', { not: { answer: ['y'] } }, true, false],
    ['any of a file and a command', { any: [{ file: 'x', lineMatches: 'x' }, { ran: 'ls' }] }, false, true],
    ['all of a file and an answer', { all: [{ file: 'x', lineMatches: 'x' }, { answer: ['y'] }] }, true, false],
    ['a file', { file: 'x', lineMatches: 'x' }, false, false],
  ])('%s', (_label, raw, answer, terminal) => {
    const check = parsedCheck(raw);
    expect([needsAnswer(check), needsTerminal(check)]).toEqual([answer, terminal]);
  });

  it('answerAccepted looks into all, any and sequence, never into not', () => {
    expect(answerAccepted(parsedCheck({ sequence: [{ ran: 'ls' }, { answer: ['y'] }] }), 'y')).toBe(true);
    expect(answerAccepted(parsedCheck({ any: [{ ran: 'ls' }, { answer: ['y'] }] }), 'n')).toBe(false);
    expect(answerAccepted(parsedCheck({ not: { answer: ['y'] } }), 'y')).toBe(false);
    expect(answerAccepted(parsedCheck({ ran: 'y' }), 'y')).toBe(false);
  });

  it('the expectation and the choices come from the first answer check that has them', () => {
    const check = parsedCheck({ all: [{ ran: 'ls' }, { answer: ['x'] }, ask, { answer: ['z'], expects: { ko: '다른', en: 'other' } }] });
    expect(answerExpectation(check)).toEqual({ ko: '예/아니요', en: 'yes or no' });
    expect(answerChoices(check)).toEqual([{ ko: '예', en: 'Yes' }, { ko: '아니요', en: 'No' }]);
    expect(answerExpectation(parsedCheck({ sequence: [{ ran: 'ls' }, { answer: ['x'] }] }))).toBeUndefined();
    expect(answerExpectation(parsedCheck({ ran: 'ls' }))).toBeUndefined();
    expect(answerChoices(parsedCheck({ not: ask }))).toBeUndefined();
  });
});
