// Pod Security Admission over a whole `kubectl apply -f` (engine-spec §9), through analyze():
// documents in order, refused pods absent everywhere, workloads admitted with warnings while their
// controllers' pod creations fail (RealPodControl / StatefulPodControl event texts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import type { Analysis } from '../model/index.js';

const ns = (name: string, labels: Record<string, string> = {}) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}`;
const pod = (name: string, namespace: string, spec = '{containers: [{name: app, image: busybox}]}', labels = '{}') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec: ${spec}`;
const workload = (kind: string, name: string, namespace: string, replicas = 1) => {
  const template = `{metadata: {labels: {app: ${name}}}, spec: {containers: [{name: app, image: busybox}]}}`;
  const apiVersion = kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
  const spec = kind === 'CronJob' ? `{schedule: "* * * * *", jobTemplate: {spec: {template: ${template}}}}`
    : kind === 'Job' ? `{template: {metadata: {labels: {app: ${name}}}, spec: {restartPolicy: Never, containers: [{name: app, image: busybox}]}}}`
      : `{${kind === 'DaemonSet' ? '' : `replicas: ${replicas}, `}selector: {matchLabels: {app: ${name}}}, template: ${template}}`;
  return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}`;
};
const run = (...files: string[][]): Analysis => analyze(files.map((docs, i) => ({ name: `f${i}.yaml`, text: docs.join('\n---\n') })));
const restricted = { 'pod-security.kubernetes.io/enforce': 'restricted' };
const BARE = 'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
const keys = (a: Analysis) => a.pods.filter((p) => !p.pod.system).map((p) => p.key);

describe('applyAdmission through analyze()', () => {
  it('a refused pod is not created: absent from pods, the network and Service endpoints; an error on its document', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: secure}\nspec: {selector: {app: web}, ports: [{port: 80}]}';
    const a = run([ns('secure', restricted), pod('web', 'secure', '{containers: [{name: app, image: busybox}]}', '{app: web}'), svc]);
    expect(keys(a)).toEqual([]);
    expect(a.cluster.pods.some((p) => p.name === 'web')).toBe(false);
    expect(a.network.endpoints.some((e) => e.id === 'secure/web')).toBe(false);
    const web = a.services.find((s) => s.key === 'secure/web');
    expect(web?.endpoints.flatMap((e) => e.addresses)).toEqual([]);
    const d = a.diagnostics.find((x) => x.code === 'pod-security-forbidden');
    expect(d).toMatchObject({ severity: 'error', line: 7, column: 1, object: 'Pod/secure/web', message: `pods "web" is forbidden: violates PodSecurity "restricted:latest": ${BARE}` });
    expect(a.admission.rejected).toEqual([expect.objectContaining({ key: 'secure/web', level: 'restricted', version: 'latest', message: d?.message })]);
    expect(a.admission.decisions.map((x) => [x.object, x.mode, x.allowed])).toEqual([['Pod/secure/web', 'enforce', false]]);
    expect(a.admission.namespaces.find((n) => n.name === 'secure')).toMatchObject({
      enforce: { level: 'restricted', version: 'latest' }, warn: { level: 'restricted', version: 'latest' }, audit: { level: 'privileged', version: 'latest' },
      labels: restricted, exempt: false,
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['Deployment', { kind: 'ReplicaSet', via: { kind: 'Deployment', name: 'w' } }],
    ['ReplicaSet', { kind: 'ReplicaSet', name: 'w' }],
    ['DaemonSet', { kind: 'DaemonSet', name: 'w' }],
    ['Job', { kind: 'Job', name: 'w' }],
    ['CronJob', { kind: 'Job', via: { kind: 'CronJob', name: 'w' } }],
  ])('a %s is created with a warning; its controller\'s pods are refused (FailedCreate: Error creating: …)', (kind, involvedObject) => {
    const a = run([ns('secure', restricted), workload(kind, 'w', 'secure')]);
    expect(keys(a)).toEqual([]);
    expect(a.cluster.workloads.map((w) => w.name)).toEqual(['w']);
    const forbidden = `pods "w-0" is forbidden: violates PodSecurity "restricted:latest": ${BARE}`;
    expect(a.admission.rejected).toEqual([expect.objectContaining({
      key: 'secure/w-0', owner: { kind, name: 'w' }, message: forbidden,
      event: expect.objectContaining({ type: 'Warning', reason: 'FailedCreate', involvedObject, message: `Error creating: ${forbidden}` }),
    })]);
    const diags = a.diagnostics.filter((d) => d.code.startsWith('pod-security')).map((d) => [d.severity, d.code, d.message]);
    expect(diags).toEqual(expect.arrayContaining([
      ['warning', 'pod-security-warning', `would violate PodSecurity "restricted:latest": ${BARE}`],
      ['warning', 'pod-security-failed-create', `Error creating: ${forbidden}`],
    ]));
    expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(false);
    // The pod's own request came from the controller's ServiceAccount.
    expect(a.admission.decisions.find((d) => d.object === 'Pod/secure/w-0')).toMatchObject({ mode: 'enforce', owner: `${kind}/secure/w`, user: expect.stringMatching(/^system:serviceaccount:kube-system:/) });
  });

  it('a StatefulSet\'s controller words its own event', () => {
    const a = run([ns('secure', restricted), workload('StatefulSet', 'db', 'secure', 2)]);
    expect(a.admission.rejected.map((r) => r.event?.message)).toEqual([0, 1].map((i) =>
      `create Pod db-${i} in StatefulSet db failed error: pods "db-${i}" is forbidden: violates PodSecurity "restricted:latest": ${BARE}`));
    expect(a.admission.rejected[0]?.event).toMatchObject({ involvedObject: { kind: 'StatefulSet', name: 'db' }, component: 'statefulset-controller' });
    // One diagnostic for the workload, not one per replica.
    expect(a.diagnostics.filter((d) => d.code === 'pod-security-failed-create')).toHaveLength(1);
  });

  it('documents are admitted in order: a pod before its namespace\'s labels is created, and the labels only warn', () => {
    const late = run([pod('early', 'late'), ns('late', restricted)]);
    expect(keys(late)).toEqual(['late/early']);
    expect(late.diagnostics.find((d) => d.code === 'pod-security-namespace-warning')?.message).toBe(
      'existing pods in namespace "late" violate the new PodSecurity enforce level "restricted:latest"\n' +
      'early: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile');
    expect(late.admission.namespaces.find((n) => n.name === 'late')?.warnings).toHaveLength(2);
    const first = run([ns('late', restricted), pod('early', 'late')]);
    expect(keys(first)).toEqual([]);
  });

  it('files are applied in the order given', () => {
    expect(keys(run([pod('p', 'team')], [ns('team', restricted)]))).toEqual(['team/p']);
    expect(keys(run([ns('team', restricted)], [pod('p', 'team')]))).toEqual([]);
  });

  it('a namespace with labels that do not parse is refused; something that uses it still gets it, unlabelled', () => {
    const a = run([ns('typo', { 'pod-security.kubernetes.io/enforce': 'strict' }), pod('p', 'typo')]);
    const d = a.diagnostics.filter((x) => x.code === 'pod-security-label-invalid');
    expect(d.map((x) => [x.severity, x.message, x.path])).toEqual([[
      'error', 'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      'metadata.labels.pod-security.kubernetes.io/enforce',
    ]]);
    expect(a.cluster.namespaces.find((n) => n.name === 'typo')).toEqual({ name: 'typo', labels: { 'kubernetes.io/metadata.name': 'typo' }, declared: false });
    expect(keys(a)).toEqual(['typo/p']);
    const unused = run([ns('typo', { 'pod-security.kubernetes.io/enforce-version': 'banana' })]);
    expect(unused.cluster.namespaces.some((n) => n.name === 'typo')).toBe(false);
    expect(unused.cluster.serviceAccounts.some((s) => s.namespace === 'typo')).toBe(false);
  });

  it('warn and audit: a warning and an info on the pod; the pod is created', () => {
    const a = run([ns('team', { 'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/audit': 'baseline' }), pod('p', 'team', '{hostNetwork: true, containers: [{name: app, image: busybox}]}')]);
    expect(keys(a)).toEqual(['team/p']);
    expect(a.diagnostics.filter((d) => d.code.startsWith('pod-security')).map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)'],
      ['info', 'pod-security.kubernetes.io/audit-violations: would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)'],
    ]);
  });

  it('the lab/v1 Cluster\'s podSecurity: defaults and exemptions', () => {
    const cluster = (spec: string) => `apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podSecurity: ${spec}}`;
    const defaults = run([cluster('{defaults: {enforce: baseline, enforce-version: v1.25}}'), pod('p', 'default', '{hostPID: true, containers: [{name: app, image: busybox}]}')]);
    expect(defaults.admission.rejected.map((r) => r.message)).toEqual(['pods "p" is forbidden: violates PodSecurity "baseline:v1.25": host namespaces (hostPID=true)']);
    const exemptNs = run([cluster('{exemptions: {namespaces: [secure]}}'), ns('secure', restricted), pod('p', 'secure')]);
    expect(keys(exemptNs)).toEqual(['secure/p']);
    expect(exemptNs.diagnostics.find((d) => d.code === 'pod-security-namespace-warning')?.message)
      .toBe('namespace "secure" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored');
    expect(exemptNs.admission.namespaces.find((n) => n.name === 'secure')?.exempt).toBe(true);
    const exemptController = run([cluster('{exemptions: {usernames: ["system:serviceaccount:kube-system:replicaset-controller"]}}'), ns('secure', restricted), workload('Deployment', 'w', 'secure'), pod('p', 'secure')]);
    expect(keys(exemptController)).toEqual(['secure/w-0']);
  });

  it.each<[string, string]>([
    ['{defaults: {enforce: strict}}', 'spec.podSecurity.defaults.enforce: Invalid value: "strict": must be one of privileged, baseline, restricted'],
    ['{defaults: {warn-version: v2.0}}', 'spec.podSecurity.defaults.warn-version: Invalid value: "v2.0": must be "latest" or "v1.x"'],
    ['{exemptions: {namespaces: [Bad_NS]}}', 'spec.podSecurity.exemptions.namespaces[0]: Invalid value: "Bad_NS": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')'],
    ['{exemptions: {usernames: [jane, jane]}}', 'spec.podSecurity.exemptions.usernames[1]: Duplicate value: "jane"'],
    ['{exemptions: {usernames: [""]}}', 'spec.podSecurity.exemptions.usernames[0]: Invalid value: "": username must not be empty'],
    ['{defaults: {enforce: restricted, level: x}}', 'unknown field "spec.podSecurity.defaults.level"'],
  ])('an invalid configuration refuses the lab/v1 Cluster: %s', (spec, message) => {
    const a = run([`apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podSecurity: ${spec}}`]);
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([message]);
    expect(a.cluster.config.podSecurity).toBeUndefined();
  });

  it('kube-system carries no labels on kubeadm (privileged); labelling it warns about the system pods, which stay', () => {
    const plain = run([pod('p', 'kube-system', '{hostPID: true, containers: [{name: app, image: busybox}]}')]);
    expect(keys(plain)).toEqual(['kube-system/p']);
    const labelled = run([ns('kube-system', { 'pod-security.kubernetes.io/enforce': 'baseline' })]);
    const warning = labelled.diagnostics.find((d) => d.code === 'pod-security-namespace-warning')?.message ?? '';
    expect(warning.split('\n')[0]).toBe('existing pods in namespace "kube-system" violate the new PodSecurity enforce level "baseline:latest"');
    expect(warning.split('\n').slice(1)).toEqual(['calico-node-6sxrz (and 5 other pods): host namespaces, privileged', 'etcd-controlplane (and 3 other pods): host namespaces']);
    expect(labelled.pods.filter((p) => p.pod.namespace === 'kube-system').length).toBe(run([]).pods.filter((p) => p.pod.namespace === 'kube-system').length);
  });

  it('without pod-security labels or configuration nothing is decided and the cluster is the normalized one', () => {
    const a = run([ns('team'), pod('p', 'team', '{hostNetwork: true, containers: [{name: app, image: busybox}]}')]);
    expect(a.admission.decisions).toEqual([]);
    expect(a.admission.rejected).toEqual([]);
    expect(a.admission.namespaces.find((n) => n.name === 'team')).toMatchObject({ enforce: { level: 'privileged', version: 'latest' }, exempt: false, warnings: [] });
  });
});
