// The rbac and admission checks' edges on the real engine (issue 15, survivors of the
// src/course/checks mutation run): the request's name, the reason's wording for each subject kind
// and scope, refused pods beside admitted ones, a namespace the plugin has no entry for, and the
// plugin's configuration (exemptions) when a pod is judged again.
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../engine/index.js';
import type { CheckContext } from '../model.js';
import { parsedCheck } from '../../testing/course.js';
import { evaluateCheck } from './index.js';

const ctx = (files: SourceFile[]): CheckContext => ({ analysis: analyze(files), files, transcript: [] });
const run = (raw: unknown, c: CheckContext) => evaluateCheck(parsedCheck(raw), c);

const RBAC = `apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: robot, namespace: dev}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: web-only, namespace: dev}
rules:
- {apiGroups: [apps], resources: [deployments, deployments/scale], resourceNames: [web], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: web-only, namespace: dev}
subjects:
- {kind: User, name: jane}
- {kind: ServiceAccount, name: robot}
roleRef: {kind: Role, name: web-only}
`;

describe('rbac check: what is asked and how a failure reads', () => {
  const c = ctx([{ name: 'rbac.yaml', text: RBAC }]);

  it('a name is part of the request: a rule with resourceNames allows only that name', () => {
    expect(run({ rbac: { user: 'jane', verb: 'get', resource: 'deployments', namespace: 'dev', name: 'web' }, allowed: true }, c))
      .toEqual({ passed: true, why: [] });
    // Without the name in the request the rule (resourceNames: [web]) would not match, and this would fail.
    expect(run({ rbac: { user: 'jane', verb: 'get', resource: 'deployments', namespace: 'dev', name: 'web' }, allowed: false }, c).passed).toBe(false);
    expect(run({ rbac: { user: 'jane', verb: 'get', resource: 'deployments', namespace: 'dev' }, allowed: false }, c).passed).toBe(true);
  });

  it('the resource in the reason: group, subresource and name as kubectl names them', () => {
    const why = run({ rbac: { user: 'jane', verb: 'get', resource: 'deploy/scale', namespace: 'dev', name: 'db' }, allowed: true }, c).why;
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/^User jane may not get deployments\.apps\/scale "db" in namespace dev( \(|$)/);
    const allowedWhy = run({ rbac: { user: 'jane', verb: 'get', resource: 'deploy/scale', namespace: 'dev', name: 'web' }, allowed: false }, c).why;
    expect(allowedWhy[0]).toMatch(/^User jane may get deployments\.apps\/scale "web" in namespace dev \(RBAC: allowed by /);
  });

  it('the core group adds nothing, and the cluster scope is said as such', () => {
    expect(run({ rbac: { user: 'jane', verb: 'list', resource: 'pods' }, allowed: true }, c).why[0])
      .toMatch(/^User jane may not list pods at the cluster scope( \(|$)/);
  });

  it('a ServiceAccount and a Group are named with their kind', () => {
    expect(run({ rbac: { serviceAccount: 'dev/robot', verb: 'delete', resource: 'deployments', namespace: 'dev', name: 'web' }, allowed: true }, c).why[0])
      .toMatch(/^ServiceAccount dev\/robot may not delete deployments\.apps "web" in namespace dev( \(|$)/);
    expect(run({ rbac: { group: 'ops', verb: 'get', resource: 'pods', namespace: 'dev' }, allowed: true }, c).why[0])
      .toMatch(/^Group ops may not get pods in namespace dev( \(|$)/);
  });
});

const NS = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels: {${labels}}
`;
const POD = (name: string, restricted: boolean, namespace = 'team-a') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}}
spec:
${restricted ? '  securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}\n' : ''}  containers:
  - name: c
    image: busybox
${restricted ? '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n' : ''}`;
const ENFORCE = 'pod-security.kubernetes.io/enforce: restricted';

describe('admission check: edges', () => {
  const labelled = ctx([{ name: 'a-ns.yaml', text: NS('team-a', ENFORCE) }, { name: 'b-pods.yaml', text: `${POD('web-good', true)}---\n${POD('web-bad', false)}` }]);

  it('refused as wanted, without a level: any level will do', () => {
    expect(run({ admission: 'team-a/web-bad', admitted: false }, labelled)).toEqual({ passed: true, why: [] });
  });

  it('admitted: false fails when the pod was admitted (passed is false, not only a reason)', () => {
    expect(run({ admission: 'team-a/web-good', admitted: false }, labelled)).toEqual({ passed: false, why: ['pod team-a/web-good was admitted'] });
  });

  it('a glob over an admitted and a refused pod: the refused one is named with the plugin\'s message', () => {
    const out = run({ admission: 'team-a/web-*', admitted: true }, labelled);
    expect(out.passed).toBe(false);
    expect(out.why).toHaveLength(1);
    expect(out.why[0]).toMatch(/^pod team-a\/web-bad was refused: pods "web-bad" is forbidden: violates PodSecurity "restricted:latest"/);
  });

  it('nothing created, a glob that matches only refused pods: the first refused pod by its key, not the pattern', () => {
    const out = run({ admission: 'team-a/web-b*', admitted: true }, labelled);
    expect(out.why[0]).toMatch(/^pod team-a\/web-bad was refused: pods "web-bad" is forbidden/);
  });

  it('a pod in a namespace nobody declared: privileged:latest, not a crash', () => {
    const implicit = ctx([{ name: 'pods.yaml', text: POD('p', true, 'elsewhere') }]);
    expect(run({ admission: 'elsewhere/p', admitted: true }, implicit)).toEqual({ passed: true, why: [] });
    expect(run({ admission: 'elsewhere/p', admitted: true, level: 'baseline' }, implicit))
      .toEqual({ passed: false, why: ['namespace elsewhere enforces privileged:latest, expected baseline'] });
  });

  it('judged again with the cluster\'s own configuration: an exempt namespace keeps its pod', () => {
    // The pod came first, then the label; the namespace is exempt (spec.podSecurity.exemptions), so
    // admitPod allows the pod now too. With the default configuration restricted would refuse it.
    const CLUSTER = 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podSecurity: {exemptions: {namespaces: [team-a]}}}\n';
    const exempt = ctx([{ name: 'a-cluster.yaml', text: CLUSTER }, { name: 'b-pods.yaml', text: POD('old', false) }, { name: 'c-ns.yaml', text: NS('team-a', ENFORCE) }]);
    expect(run({ admission: 'team-a/old', admitted: true, level: 'restricted' }, exempt)).toEqual({ passed: true, why: [] });
    const notExempt = ctx([{ name: 'b-pods.yaml', text: POD('old', false) }, { name: 'c-ns.yaml', text: NS('team-a', ENFORCE) }]);
    expect(run({ admission: 'team-a/old', admitted: true, level: 'restricted' }, notExempt).passed).toBe(false);
  });
});
