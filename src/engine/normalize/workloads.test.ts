// Workload expansion (lab rule: pods named <name>-<i>) with apps/v1 validation from
// kubernetes/kubernetes pkg/apis/apps/validation/validation.go ("`selector` does not match
// template `labels`", "empty selector is invalid for deployment", replicas >= 0) and the
// CronJob → Job → Pod template nesting of batch/v1.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const podSpec = (indent: string) => `${indent}containers:\n${indent}- name: app\n${indent}  image: nginx`;
const apps = (kind: string, extra = '', labels = '{app: web}', selector = '\n  selector: {matchLabels: {app: web}}') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: web, namespace: shop, labels: {team: a}}\nspec:${extra}${selector}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n${podSpec('      ')}`;
const job = `apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec:\n  parallelism: 3\n  template:\n    metadata: {labels: {run: once}}\n    spec:\n${podSpec('      ')}`;
const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {run: nightly}}\n        spec:\n${podSpec('          ')}`;

describe('expansion into pods', () => {
  it.each([
    { name: 'Deployment, replicas default 1', yaml: apps('Deployment'), pods: ['web-0'], replicas: 1 },
    { name: 'Deployment, replicas 3', yaml: apps('Deployment', '\n  replicas: 3'), pods: ['web-0', 'web-1', 'web-2'], replicas: 3 },
    { name: 'Deployment, replicas 0', yaml: apps('Deployment', '\n  replicas: 0'), pods: [], replicas: 0 },
    { name: 'ReplicaSet', yaml: apps('ReplicaSet', '\n  replicas: 2'), pods: ['web-0', 'web-1'], replicas: 2 },
    { name: 'StatefulSet', yaml: apps('StatefulSet', '\n  replicas: 2\n  serviceName: web'), pods: ['web-0', 'web-1'], replicas: 2 },
    { name: 'DaemonSet (one node)', yaml: apps('DaemonSet'), pods: ['web-0'], replicas: 1 },
  ])('$name', ({ yaml, pods, replicas }) => {
    const r = run(yaml);
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods.map((p) => p.name)).toEqual(pods);
    expect(r.cluster.workloads[0]).toMatchObject({ name: 'web', namespace: 'shop', labels: { team: 'a' }, replicas });
    for (const p of r.cluster.pods) {
      expect(p).toMatchObject({ namespace: 'shop', labels: { app: 'web' }, owner: { kind: r.cluster.workloads[0]?.kind, name: 'web' } });
      expect(p.specRef.path).toEqual(['spec', 'template', 'spec']);
      expect(p.containers[0]?.ref.path).toEqual(['spec', 'template', 'spec', 'containers', 0]);
      expect(p.ref.path).toEqual([]);
    }
  });

  it('Job gives one pod whatever its parallelism', () => {
    const r = run(job);
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods.map((p) => [p.name, p.labels, p.owner])).toEqual([['once-0', { run: 'once' }, { kind: 'Job', name: 'once' }]]);
  });

  it('CronJob reads the template inside jobTemplate', () => {
    const r = run(cron);
    expect(r.errors).toEqual([]);
    const p = r.cluster.pods[0];
    expect([p?.name, p?.labels, p?.specRef.path]).toEqual(['nightly-0', { run: 'nightly' }, ['spec', 'jobTemplate', 'spec', 'template', 'spec']]);
  });
});

describe('validation', () => {
  it.each([
    { name: 'selector missing', yaml: apps('Deployment', '', '{app: web}', ''), msg: 'spec.selector: Required value' },
    { name: 'selector not matching', yaml: apps('Deployment', '', '{app: api}'), msg: 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`' },
    { name: 'empty selector', yaml: apps('Deployment', '', '{app: web}', '\n  selector: {}'), msg: 'spec.selector: Invalid value: &v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment' },
    { name: 'empty ReplicaSet selector (upstream says deployment)', yaml: apps('ReplicaSet', '', '{app: web}', '\n  selector: {matchLabels: {}}'), msg: 'spec.selector: Invalid value: &v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment' },
    { name: 'empty StatefulSet selector', yaml: apps('StatefulSet', '', '{app: web}', '\n  selector: {}'), msg: 'spec.selector: Invalid value: &v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset' },
    { name: 'negative replicas', yaml: apps('Deployment', '\n  replicas: -1'), msg: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0' },
    { name: 'template without containers', yaml: apps('Deployment').replace(/containers:[\s\S]*$/, 'containers: []'), msg: 'spec.template.spec.containers: Required value' },
  ])('$name', ({ yaml, msg }) => {
    const r = run(yaml);
    expect(r.errors.map((e) => e.message)).toContain(msg);
    expect(r.cluster.pods).toEqual([]);
    expect(r.cluster.workloads).toEqual([]);
  });

  it('matches a selector with matchExpressions', () => {
    const r = run(apps('Deployment', '', '{app: web, tier: fe}', '\n  selector: {matchExpressions: [{key: tier, operator: In, values: [fe]}]}'));
    expect(r.errors).toEqual([]);
  });

  it('a generated pod name colliding with a declared pod is an error, first one kept', () => {
    const r = run(`apiVersion: v1\nkind: Pod\nmetadata: {name: web-0, namespace: shop}\nspec:\n${podSpec('  ')}\n---\n${apps('Deployment', '\n  replicas: 2')}`);
    expect(r.errors.map((e) => e.code)).toEqual(['duplicate-object']);
    expect(r.cluster.pods.map((p) => [p.name, p.owner?.kind ?? 'Pod'])).toEqual([['web-0', 'Pod'], ['web-1', 'Deployment']]);
  });
});
