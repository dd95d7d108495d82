// Edges of the course checks (issue 15, survivors of the src/course/checks mutation run): the
// probed check's reasons, a glob over IP addresses, an image without a parsed reference, `added`
// with CAP_ only as a prefix, the composite checks' answer/terminal/expectation helpers, the
// sequence's reasons, and a flow from an address endpoint toward an unknown address.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/index.js';
import type { ProbeRecord } from '../../shell/index.js';
import {
  container, containerReport, context, courseAnalysis, imageReport, parsedCheck, securityReport,
} from '../../testing/course.js';
import type { TranscriptEntry } from '../model.js';
import { answerAccepted, answerChoices, answerExpectation, evaluateCheck, needsAnswer, needsTerminal } from './index.js';

const probe = (to: string, port: number, outcome: ProbeRecord['outcome'], from = 'default/client'): ProbeRecord => ({
  tool: 'nc', from, to, port, protocol: 'TCP', allowed: outcome !== 'timeout', outcome, dns: false, request: { host: to, port, protocol: 'TCP' }, text: { en: '', ko: '' },
});
const entry = (input: string, probes?: ProbeRecord[]): TranscriptEntry => ({ input, output: '', exitCode: 0, ...(probes ? { probes } : {}) });
const empty = courseAnalysis({});

describe('probed check: reasons and the address glob', () => {
  const transcript = [
    entry('echo no probe here'),
    entry('nc -zv 10.0.0.7 80', [probe('10.0.0.7', 80, 'timeout')]),
    entry('nc -zv 10.0.0.7 80', [probe('10.0.0.7', 80, 'refused')]),
  ];
  const run = (raw: unknown, t: TranscriptEntry[] = transcript) => evaluateCheck(parsedCheck(raw), context(empty, { transcript: t }));

  it('a dotted address matches itself only: the dots are not wildcards', () => {
    expect(run({ probed: { to: '10.0.0.7', port: 80 }, outcome: 'refused' })).toEqual({ passed: true, why: [] });
    expect(run({ probed: { to: '10.0.0.7' }, outcome: 'refused' }, [entry('nc', [probe('10a0b0c7', 80, 'refused')])]))
      .toEqual({ passed: false, why: ['no probe to 10.0.0.7 yet'] });
  });

  it('a service named in the check: only probes through that Service count', () => {
    const viaSvc: ProbeRecord = { ...probe('default/db-0', 3306, 'connected'), service: { key: 'default/db', port: 3306 } };
    const direct = probe('default/db-0', 3306, 'connected');
    expect(run({ probed: { to: 'default/db-*', service: 'default/db' }, outcome: 'connected' }, [entry('nc db 3306', [viaSvc])])).toEqual({ passed: true, why: [] });
    expect(run({ probed: { to: 'default/db-*', service: 'default/db' }, outcome: 'connected' }, [entry('nc 10.0.0.9 3306', [direct])]))
      .toEqual({ passed: false, why: ['no probe to default/db-* yet'] });
  });

  it('entries without probes add none: a * target still has no probe', () => {
    expect(run({ probed: { to: '*' }, outcome: 'connected' }, [entry('echo hi')])).toEqual({ passed: false, why: ['no probe to * yet'] });
  });

  it('which: any holds on an earlier probe and says nothing; else names the outcome wanted', () => {
    expect(run({ probed: { to: '10.0.0.7', port: 80 }, outcome: 'timeout', which: 'any' })).toEqual({ passed: true, why: [] });
    expect(run({ probed: { to: '10.0.0.7', port: 80 }, outcome: 'connected', which: 'any' }))
      .toEqual({ passed: false, why: ['no probe to 10.0.0.7:80 ended connected'] });
  });

  it('which: last, by default: the last probe decides and the reason says how it ended', () => {
    expect(run({ probed: { to: '10.0.0.7' }, outcome: 'timeout' })).toEqual({ passed: false, why: ['the last probe to 10.0.0.7 ended refused, not timeout'] });
  });
});

describe('pod check: edges', () => {
  const bad = imageReport('Nginx', {
    ref: null,
    pull: { state: 'InvalidImageName', credentials: null, cause: null, message: 'invalid reference format', attempts: [], imagePullPolicy: 'IfNotPresent', secrets: [] },
  });
  const analysis = courseAnalysis({
    pods: [{
      key: 'default/app',
      containers: [containerReport({
        container: container('app', 'Nginx'), image: bad, state: 'InvalidImageName',
        security: securityReport({ capabilities: { bounding: [], effective: [], added: ['NET_ADMIN', 'SYS_TIME'], dropped: [], privileged: false, unknown: [] } }),
      })],
    }],
  });
  const run = (raw: unknown) => evaluateCheck(parsedCheck(raw), context(analysis));
  const W = 'default/app container app';

  it('an image without a parsed reference is compared as written', () => {
    expect(run({ pod: 'default/app', image: 'Nginx' })).toEqual({ passed: true, why: [] });
    expect(run({ pod: 'default/app', image: 'nginx' })).toEqual({ passed: false, why: [`${W}: image is Nginx, expected nginx`] });
  });

  it('added: only a leading CAP_ is dropped; the expected list is named in full', () => {
    expect(run({ pod: 'default/app', added: ['NET_CAP_ADMIN', 'SYS_TIME'] })).toEqual({
      passed: false,
      why: [`${W}: capabilities added to the runtime's default set are [NET_ADMIN, SYS_TIME], expected exactly [NET_CAP_ADMIN, SYS_TIME]`],
    });
  });
});

describe('composite checks: answer and terminal helpers', () => {
  const answer = { answer: ['x'], expects: { ko: '이름', en: 'a name' }, choices: [{ ko: '예', en: 'yes' }, { ko: '아니요', en: 'no' }] };
  const pod = { pod: 'default/db' };

  it.each<[string, unknown]>([
    ['all', { all: [pod, answer] }],
    ['any', { any: [pod, answer] }],
    ['sequence', { sequence: [pod, answer] }],
  ])('%s: finds the answer box inside', (_kind, raw) => {
    const check = parsedCheck(raw);
    expect(needsAnswer(check)).toBe(true);
    expect(answerAccepted(check, 'X')).toBe(true);
    expect(answerAccepted(check, 'y')).toBe(false);
    expect(answerExpectation(check)).toEqual({ ko: '이름', en: 'a name' });
    expect(answerChoices(check)).toEqual([{ ko: '예', en: 'yes' }, { ko: '아니요', en: 'no' }]);
  });

  it('no answer box: no expectation, no choices', () => {
    expect(answerExpectation(parsedCheck({ all: [pod, pod] }))).toBeUndefined();
    expect(answerChoices(parsedCheck({ any: [pod, { answer: ['x'] }] }))).toBeUndefined();
    expect(answerExpectation(parsedCheck(pod))).toBeUndefined();
    expect(answerChoices(parsedCheck(pod))).toBeUndefined();
  });

  it('terminal: all and any with a command inside, sequence always, not by its inner check', () => {
    expect(needsTerminal(parsedCheck({ all: [pod, { ran: 'ls' }] }))).toBe(true);
    expect(needsTerminal(parsedCheck({ all: [pod, pod] }))).toBe(false);
    expect(needsTerminal(parsedCheck({ sequence: [pod, pod] }))).toBe(true);
    expect(needsTerminal(parsedCheck({ not: { ran: 'ls' } }))).toBe(true);
    expect(needsTerminal(parsedCheck({ not: pod }))).toBe(false);
    expect(needsAnswer(parsedCheck({ not: { answer: ['x'] } }))).toBe(true);
    expect(answerAccepted(parsedCheck({ not: { answer: ['x'] } }), 'x')).toBe(false);
  });
});

describe('sequence: where it stopped', () => {
  const run = (raw: unknown, transcript: TranscriptEntry[]) => evaluateCheck(parsedCheck(raw), context(empty, { transcript }));
  const seq = { sequence: [{ ran: 'kubectl get pods' }, { ran: 'kubectl delete pod web' }] };

  it('not after step 1: the second check\'s reason on what followed the first', () => {
    expect(run(seq, [entry('kubectl get pods'), entry('kubectl get svc')]))
      .toEqual({ passed: false, why: ['not after step 1 of the sequence: not run yet: kubectl delete pod web'] });
  });

  it('several reasons of one check are joined with "; "', () => {
    const strict = { sequence: [{ ran: 'kubectl get pods', exitCode: 0, output: 'web' }, { ran: 'kubectl logs web', exitCode: 0, output: 'ready' }] };
    const failed = (input: string): TranscriptEntry => ({ input, output: '', exitCode: 1 });
    expect(run(strict, [failed('kubectl get pods')])).toEqual({
      passed: false, why: ['not yet: kubectl get pods: exit code 1, expected 0; kubectl get pods: output does not contain "web"'],
    });
    expect(run(strict, [{ input: 'kubectl get pods', output: 'web 1/1\n', exitCode: 0 }, failed('kubectl logs web')])).toEqual({
      passed: false, why: ['not after step 1 of the sequence: kubectl logs web: exit code 1, expected 0; kubectl logs web: output does not contain "ready"'],
    });
  });

  it('not yet: the first check never held', () => {
    expect(run(seq, [entry('kubectl get svc')])).toEqual({ passed: false, why: ['not yet: not run yet: kubectl get pods'] });
  });
});

describe('flow check from an address endpoint', () => {
  it('an ExternalHost toward an address no endpoint has: no flow to judge, said, not thrown', () => {
    const files = [{ name: 'a.yaml', text: `apiVersion: lab/v1
kind: ExternalHost
metadata: {name: backup}
spec: {ip: 192.168.5.10, ports: [{port: 80, protocol: TCP}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: default}
spec: {containers: [{name: db, image: mysql}]}
` }];
    const analysis = analyze(files);
    expect(analysis.network.endpoint('192.168.5.10')).toBeDefined();
    const out = evaluateCheck(parsedCheck({ flow: { from: '192.168.5.10', to: '192.168.5.11', port: 80 }, allowed: false }), context(analysis));
    expect(out).toEqual({ passed: false, why: ['no endpoint 192.168.5.11'] });
  });
});

describe('secret check: an entry without a username', () => {
  it('is said to have username none', () => {
    const analysis = courseAnalysis({ secrets: [{ name: 'cred', type: 'kubernetes.io/dockerconfigjson', dockerConfig: [{ server: 'a.io', password: 'p' }] }] });
    expect(evaluateCheck(parsedCheck({ secret: 'default/cred', username: 'alice' }), context(analysis)))
      .toEqual({ passed: false, why: ['secret default/cred has username none, expected alice'] });
  });
});
