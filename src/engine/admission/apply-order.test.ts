// applyAdmission's bookkeeping over one `kubectl apply -f` (engine-spec §9), through analyze():
// - documents are sent in order, files in the order given and documents in file order, so a pod
//   meets its namespace's labels as they are at that moment (the policy is read again after a
//   Namespace changes them);
// - a warning goes to whoever sent the request (admission.go EvaluatePod adds it to the response):
//   kubectl shows a workload's warning; the warnings of the pods its controller creates reach no one;
// - `default` and kubeadm's namespaces exist before any apply, so a refused Namespace document for
//   one of them leaves it in place, unlabelled;
// - each diagnostic carries the values the UI renders it with (`params`).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import type { Analysis } from '../model/index.js';

const ns = (name: string, labels: Record<string, string> = {}) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}`;
const pod = (name: string, namespace: string, spec = '{containers: [{name: app, image: busybox}]}') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}`;
const deployment = (name: string, namespace: string, podSpec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\n` +
  `spec: {replicas: 1, selector: {matchLabels: {app: ${name}}}, template: {metadata: {labels: {app: ${name}}}, spec: ${podSpec}}}`;
const run = (...files: string[][]): Analysis => analyze(files.map((docs, i) => ({ name: `f${i}.yaml`, text: docs.join('\n---\n') })));
const keys = (a: Analysis) => a.pods.filter((p) => !p.pod.system).map((p) => p.key);
const PSA = 'pod-security.kubernetes.io/';
const HOST_PID = '{hostPID: true, containers: [{name: app, image: busybox}]}';

describe('the order of the apply', () => {
  it('a pod after the Namespace that labels it meets the new labels; one before does not', () => {
    const a = run([pod('a', 'team', HOST_PID), ns('team', { [`${PSA}enforce`]: 'baseline' }), pod('b', 'team', HOST_PID)]);
    expect(keys(a)).toEqual(['team/a']);
    expect(a.admission.rejected.map((r) => r.key)).toEqual(['team/b']);
    // Only the pod already there is checked against the new level.
    expect(a.diagnostics.find((d) => d.code === 'pod-security-namespace-warning')?.message)
      .toBe('existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:latest"\na: host namespaces');
  });

  it('documents of an earlier file all come before a later file\'s', () => {
    const a = run([pod('a', 'team', HOST_PID), pod('b', 'team', HOST_PID), pod('c', 'team', HOST_PID)], [ns('team', { [`${PSA}enforce`]: 'baseline' })]);
    expect(keys(a)).toEqual(['team/a', 'team/b', 'team/c']);
    expect(a.diagnostics.find((d) => d.code === 'pod-security-namespace-warning')?.message)
      .toBe('existing pods in namespace "team" violate the new PodSecurity enforce level "baseline:latest"\na (and 2 other pods): host namespaces');
  });

  it('three files: the third file\'s documents come after all of the second\'s', () => {
    const a = run([ns('other')], [pod('a', 'team', HOST_PID), pod('b', 'team', HOST_PID)], [ns('team', { [`${PSA}enforce`]: 'baseline' })]);
    expect(keys(a)).toEqual(['team/a', 'team/b']);
  });

  it('a controller creates its pods in ordinal order (pod names sort otherwise from 10 on)', () => {
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db-1, namespace: team}\n' +
      'spec: {replicas: 11, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: app, image: busybox}]}}}';
    const a = run([ns('team', { [`${PSA}enforce`]: 'restricted' }), sts]);
    expect(a.admission.rejected.map((r) => r.name)).toEqual(Array.from({ length: 11 }, (_, i) => `db-1-${i}`));
    expect(a.diagnostics.find((d) => d.code === 'pod-security-failed-create')?.params).toMatchObject({ pod: 'db-1-0' });
  });

  it('a pod refused earlier is not among the existing pods a later label change lists', () => {
    const a = run([ns('team', { [`${PSA}enforce`]: 'baseline' }), pod('a', 'team', HOST_PID), pod('ok', 'team')]);
    expect(keys(a)).toEqual(['team/ok']);
    expect(a.admission.namespaces.find((n) => n.name === 'team')?.warnings).toEqual([]);
  });
});

describe('who sees a warning', () => {
  it('the workload\'s warning is shown; its controller\'s pod is admitted with warnings no one sees', () => {
    const a = run([ns('team', { [`${PSA}warn`]: 'baseline' }), deployment('w', 'team', HOST_PID)]);
    expect(keys(a)).toEqual(['team/w-0']);
    expect(a.diagnostics.filter((d) => d.code.startsWith('pod-security')).map((d) => [d.code, d.object, d.message])).toEqual([
      ['pod-security-warning', 'Deployment/team/w', 'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)'],
    ]);
    expect(a.admission.decisions.map((d) => [d.object, d.mode, d.allowed, d.user])).toEqual([['Deployment/team/w', 'warn', true, 'kubernetes-admin']]);
  });

  it('audit is recorded for the controller\'s pod too', () => {
    const a = run([ns('team', { [`${PSA}audit`]: 'baseline' }), deployment('w', 'team', HOST_PID)]);
    expect(a.admission.decisions.map((d) => [d.object, d.kind, d.mode, d.allowed, d.owner ?? null])).toEqual([
      ['Deployment/team/w', 'Deployment', 'audit', true, null],
      ['Pod/team/w-0', 'Pod', 'audit', true, 'Deployment/team/w'],
    ]);
  });
});

describe('a workload without replicas', () => {
  // ValidatePodController (pod-security-admission admission/admission.go) extracts the template
  // and evaluates it whatever spec.replicas says: `replicas: 0` is warned about like `replicas: 1`.
  const warned = (a: Analysis) => a.diagnostics.filter((d) => d.code === 'pod-security-warning').map((d) => [d.object, d.message]);
  it('is created, with nothing refused and nothing failing, and warned about its template', () => {
    const a = run([ns('team', { [`${PSA}enforce`]: 'restricted' }), deployment('w', 'team', HOST_PID).replace('replicas: 1', 'replicas: 0')]);
    expect(a.cluster.workloads.map((w) => [w.name, w.replicas])).toEqual([['w', 0]]);
    expect(keys(a)).toEqual([]);
    expect(a.admission.rejected).toEqual([]);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const one = run([ns('team', { [`${PSA}enforce`]: 'restricted' }), deployment('w', 'team', HOST_PID)]);
    expect(warned(one)).toHaveLength(1);
    expect(warned(a)).toEqual(warned(one));
    expect(a.diagnostics.some((d) => d.code === 'pod-security-failed-create')).toBe(false);
  });
  it('a template that passes is not warned about', () => {
    const a = run([ns('team', { [`${PSA}enforce`]: 'baseline' }), deployment('w', 'team', '{containers: [{name: app, image: busybox}]}').replace('replicas: 1', 'replicas: 0')]);
    expect(warned(a)).toEqual([]);
  });
});

describe('create or update', () => {
  const cluster = 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podSecurity: {exemptions: {namespaces: [secure]}}}';
  it('a Namespace nothing used before is a create: an exempt one is warned about any non-default policy', () => {
    const a = run([cluster, ns('secure', { [`${PSA}warn`]: 'restricted' })]);
    expect(a.diagnostics.filter((d) => d.code === 'pod-security-namespace-warning').map((d) => d.message))
      .toEqual(['namespace "secure" is exempt from Pod Security, and the policy (warn=restricted:latest) will be ignored']);
  });
  it.each<[string, string]>([
    ['a Pod', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: secure}\nspec: {containers: [{name: app, image: busybox}]}'],
    ['a ServiceAccount', 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: secure}'],
    ['a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: secure}\ndata: {a: b}'],
  ])('a Namespace that %s used before is an update: the same labels do not change enforce, so no warning', (_label, user) => {
    const a = run([cluster, user, ns('secure', { [`${PSA}warn`]: 'restricted' })]);
    expect(a.diagnostics.filter((d) => d.code === 'pod-security-namespace-warning')).toEqual([]);
  });
});

describe('a refused Namespace', () => {
  it('only it is left out: other namespaces and their ServiceAccounts stay', () => {
    const a = run([ns('typo', { [`${PSA}enforce`]: 'strict' }), ns('team', { [`${PSA}enforce`]: 'baseline' })]);
    expect(a.cluster.namespaces.some((n) => n.name === 'typo')).toBe(false);
    expect(a.cluster.namespaces.find((n) => n.name === 'team')).toMatchObject({ declared: true, labels: { [`${PSA}enforce`]: 'baseline' } });
    expect(a.cluster.serviceAccounts.filter((s) => s.namespace === 'team').map((s) => s.name)).toEqual(['default']);
    expect(a.cluster.serviceAccounts.some((s) => s.namespace === 'typo')).toBe(false);
    expect(a.admission.namespaces.find((n) => n.name === 'team')?.ref).toMatchObject({ file: 'f0.yaml', doc: 1 });
  });
  it('every pod that uses it afterwards is admitted as in an unlabelled namespace', () => {
    const a = run([ns('typo', { [`${PSA}enforce`]: 'strict' }), pod('p', 'typo', HOST_PID), pod('q', 'typo', HOST_PID)]);
    expect(keys(a)).toEqual(['typo/p', 'typo/q']);
  });
});

describe('built-in namespaces', () => {
  it('the cluster\'s own pods are never admitted again, even under a scenario workload with their controller\'s name', () => {
    const ds = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: calico-node, namespace: kube-system}\n' +
      'spec: {selector: {matchLabels: {app: x}}, template: {metadata: {labels: {app: x}}, spec: {containers: [{name: app, image: busybox}]}}}';
    const a = run([ns('kube-system', { [`${PSA}enforce`]: 'baseline' }), ds]);
    expect(a.admission.rejected).toEqual([]);
    expect(a.admission.decisions.filter((d) => d.kind === 'Pod').map((d) => d.name)).toEqual([]);
    expect(a.cluster.pods.filter((p) => p.system && p.name.startsWith('calico-node-')).length).toBe(3);
  });

  it('kubeadm\'s namespaces are reported as the system\'s', () => {
    const a = run([ns('team', { [`${PSA}enforce`]: 'baseline' })]);
    expect(a.admission.namespaces.filter((n) => n.system).map((n) => n.name)).toEqual(expect.arrayContaining(['kube-system', 'kube-public', 'kube-node-lease']));
    expect(a.admission.namespaces.find((n) => n.name === 'team')?.system).toBeUndefined();
  });

  it.each(['default', 'kube-public'])('a refused Namespace document for %s leaves it there, unlabelled', (name) => {
    const a = run([ns(name, { [`${PSA}enforce`]: 'strict' })]);
    expect(a.diagnostics.filter((d) => d.code === 'pod-security-label-invalid').map((d) => d.object)).toEqual([`Namespace/${name}`]);
    expect(a.cluster.namespaces.find((n) => n.name === name)).toEqual({ name, labels: { 'kubernetes.io/metadata.name': name }, declared: false });
  });
});

describe('what each diagnostic carries', () => {
  it('forbidden, label-invalid, namespace-warning, warning, audit, failed-create', () => {
    const a = run([
      ns('bad', { [`${PSA}enforce`]: 'strict' }),
      pod('early', 'team', HOST_PID),
      ns('team', { [`${PSA}enforce`]: 'baseline', [`${PSA}enforce-version`]: 'v1.29', [`${PSA}warn`]: 'baseline', [`${PSA}audit`]: 'baseline' }),
      pod('p', 'team', HOST_PID),
      deployment('w', 'team', HOST_PID),
    ]);
    const byCode = (code: string) => a.diagnostics.filter((d) => d.code === code).map((d) => [d.severity, d.object, d.path, d.params]);
    expect(byCode('pod-security-label-invalid')).toEqual([['error', 'Namespace/bad', `metadata.labels.${PSA}enforce`, {
      field: `metadata.labels[${PSA}enforce]`, value: 'strict', detail: 'must be one of privileged, baseline, restricted', namespace: 'bad',
    }]]);
    expect(byCode('pod-security-namespace-warning')).toEqual([['warning', 'Namespace/team', 'metadata.labels', { namespace: 'team', count: 2 }]]);
    expect(byCode('pod-security-forbidden')).toEqual([['error', 'Pod/team/p', '', { namespace: 'team', name: 'p', level: 'baseline', version: 'v1.29' }]]);
    // A refused pod is audited too (EvaluatePod sets the audit annotation whatever enforce decided).
    expect(byCode('pod-security-audit')).toEqual([
      ['info', 'Pod/team/p', '', { level: 'baseline', version: 'latest', namespace: 'team', name: 'p' }],
      ['info', 'Deployment/team/w', '', { level: 'baseline', version: 'latest', namespace: 'team', name: 'w' }],
    ]);
    expect(byCode('pod-security-warning')).toEqual([
      ['warning', 'Deployment/team/w', '', { level: 'baseline', version: 'latest', namespace: 'team', name: 'w' }],
    ]);
    expect(byCode('pod-security-failed-create')).toEqual([['warning', 'Deployment/team/w', '', { kind: 'Deployment', name: 'w', namespace: 'team', pod: 'w-0' }]]);
    expect(a.admission.rejected.map((r) => [r.key, r.level, r.version, r.owner?.name ?? null, r.event?.reason ?? null])).toEqual([
      ['team/p', 'baseline', 'v1.29', null, null],
      ['team/w-0', 'baseline', 'v1.29', 'w', 'FailedCreate'],
    ]);
  });
});
