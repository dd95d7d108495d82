// The texts PodSecurity and its callers build, byte for byte:
// - policy/checks.go (pod-security-admission v0.30.0) AggregateCheckResults: an empty reason becomes
//   UnknownForbiddenReason "unknown forbidden reason"; ForbiddenDetail writes `reason (detail)`, or the
//   bare reason for an empty detail, joined with ", "; ForbiddenReason joins the reasons with ", ".
// - k8s.io/apimachinery util/errors aggregate.Error(): one message bare; several deduplicated, in
//   order, inside "[...]" and joined with ", " (two equal messages print once, bare).
// - apierrors.NewInvalid: `Namespace "NAME" is invalid: ERRS`.
// - pkg/controller/controller_utils.go RealPodControl `Error creating: %v`; only the controllers of
//   admission/events.ts create pods (no event for any other owner kind).
import { describe, expect, it } from 'vitest';
import { aggregate, forbiddenDetail, forbiddenMessage, forbiddenReason } from './evaluate.js';
import { failedCreateEvent } from './events.js';
import { invalidMessage } from './namespace.js';

describe('AggregateCheckResult texts', () => {
  const outcomes = [
    { reason: 'host namespaces', detail: 'hostPID=true' },
    { reason: '', detail: 'made up' },
    { reason: 'hostPort', detail: '' },
    { reason: '', detail: '' },
  ];
  it('ForbiddenDetail', () => {
    expect(forbiddenDetail(outcomes)).toBe('host namespaces (hostPID=true), unknown forbidden reason (made up), hostPort, unknown forbidden reason');
    expect(forbiddenDetail([])).toBe('');
  });
  it('ForbiddenReason', () => {
    expect(forbiddenReason(outcomes)).toBe('host namespaces, unknown forbidden reason, hostPort, unknown forbidden reason');
  });
  it('forbiddenResponse: the pod name and level:version quoted as Go %q does', () => {
    expect(forbiddenMessage('a"b', { level: 'baseline', version: 'v1.25' }, outcomes.slice(0, 1)))
      .toBe('pods "a\\"b" is forbidden: violates PodSecurity "baseline:v1.25": host namespaces (hostPID=true)');
  });
});

describe('errors.NewAggregate(...).Error()', () => {
  it.each<[string[], string]>([
    [['a'], 'a'],
    [['a', 'a'], 'a'],
    [['a', 'b'], '[a, b]'],
    [['a', 'b', 'a', 'c'], '[a, b, c]'],
  ])('%j → %s', (messages, text) => expect(aggregate(messages)).toBe(text));

  it('NewInvalid for a Namespace', () => {
    const e = (message: string) => ({ field: '', value: '', detail: '', message });
    expect(invalidMessage('dev', [e('x: bad')])).toBe('Namespace "dev" is invalid: x: bad');
    expect(invalidMessage('dev', [e('x: bad'), e('y: bad')])).toBe('Namespace "dev" is invalid: [x: bad, y: bad]');
  });
});

describe('FailedCreate events', () => {
  it('only pod-creating controllers record one', () => {
    expect(failedCreateEvent('Pod', 'p', 'p', 'x')).toBeUndefined();
    expect(failedCreateEvent('Service', 'web', 'web-0', 'x')).toBeUndefined();
  });
  it.each<[string, Record<string, unknown>, string]>([
    ['ReplicaSet', { kind: 'ReplicaSet', name: 'w' }, 'replicaset-controller'],
    ['Deployment', { kind: 'ReplicaSet', via: { kind: 'Deployment', name: 'w' } }, 'replicaset-controller'],
    ['DaemonSet', { kind: 'DaemonSet', name: 'w' }, 'daemonset-controller'],
    ['Job', { kind: 'Job', name: 'w' }, 'job-controller'],
    ['CronJob', { kind: 'Job', via: { kind: 'CronJob', name: 'w' } }, 'job-controller'],
  ])('%s: Error creating: …', (kind, involvedObject, component) => {
    expect(failedCreateEvent(kind, 'w', 'w-0', 'E')).toEqual({ type: 'Warning', reason: 'FailedCreate', involvedObject, component, message: 'Error creating: E' });
  });
  it('StatefulSet: stateful_pod_control.go recordPodEvent', () => {
    expect(failedCreateEvent('StatefulSet', 'db', 'db-1', 'E')).toEqual({
      type: 'Warning', reason: 'FailedCreate', involvedObject: { kind: 'StatefulSet', name: 'db' }, component: 'statefulset-controller',
      message: 'create Pod db-1 in StatefulSet db failed error: E',
    });
  });
});
