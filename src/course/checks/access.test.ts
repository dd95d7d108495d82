// The rbac and admission check kinds, parsed from lesson.json data and evaluated on the real engine:
// the authorizer (k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac, pinned in src/engine/rbac) and
// the PodSecurity plugin (k8s.io/pod-security-admission v0.30.0, pinned in src/engine/admission).
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../engine/index.js';
import type { Check, CheckContext } from '../model.js';
import { parseCheck } from '../parse-check.js';
import { evaluateCheck } from './index.js';

const RBAC = `apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: robot, namespace: dev}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}
- {apiGroups: [apps], resources: [deployments], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: dev}
subjects:
- {kind: User, name: jane}
- {kind: Group, name: ops}
- {kind: ServiceAccount, name: robot}
roleRef: {kind: Role, name: pod-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-view, namespace: prod}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: view}
`;

const ctx = (files: SourceFile[]): CheckContext => ({ analysis: analyze(files), files, transcript: [] });
const parse = (raw: unknown): { check: Check | null; problems: string[] } => {
  const problems: string[] = [];
  return { check: parseCheck(raw, 'step', problems), problems };
};
const run = (raw: unknown, c: CheckContext) => {
  const { check, problems } = parse(raw);
  expect(problems).toEqual([]);
  if (!check) throw new Error('no check');
  return evaluateCheck(check, c);
};

describe('rbac check', () => {
  const c = ctx([{ name: 'rbac.yaml', text: RBAC }]);
  const can = (who: Record<string, string>, verb: string, resource: string, namespace?: string, allowed = true) =>
    run({ rbac: { ...who, verb, resource, ...(namespace ? { namespace } : {}) }, allowed }, c);

  it('asks the authorizer: jane may list pods in dev, not in prod, not delete', () => {
    expect(can({ user: 'jane' }, 'list', 'pods', 'dev')).toEqual({ passed: true, why: [] });
    expect(can({ user: 'jane' }, 'list', 'pods', 'prod', false).passed).toBe(true);
    expect(can({ user: 'jane' }, 'delete', 'pods', 'dev', false).passed).toBe(true);
    expect(can({ user: 'jane' }, 'delete', 'pods', 'dev')).toEqual({ passed: false, why: ['User jane may not delete pods in namespace dev'] });
  });

  it('a denial by a binding to a missing role says the authorizer\'s reason', () => {
    expect(can({ user: 'jane' }, 'list', 'pods', 'prod').why)
      .toEqual(['User jane may not list pods in namespace prod (RBAC: role.rbac.authorization.k8s.io "view" not found)']);
  });

  it('an unexpected yes is reported as such', () => {
    expect(can({ user: 'jane' }, 'list', 'pods', 'dev', false).why).toEqual(['User jane may list pods in namespace dev (RBAC: allowed by RoleBinding "jane-reads/dev" of Role "pod-reader" to User "jane")']);
  });

  it('groups and ServiceAccounts, as --as-group and a token would ask', () => {
    expect(can({ group: 'ops' }, 'get', 'pods', 'dev').passed).toBe(true);
    expect(can({ group: 'dev-team' }, 'get', 'pods', 'dev').passed).toBe(false);
    expect(can({ serviceAccount: 'dev/robot' }, 'watch', 'pods', 'dev').passed).toBe(true);
    // The binding's ServiceAccount subject defaults to the binding's namespace: prod/robot is someone else.
    expect(can({ serviceAccount: 'prod/robot' }, 'watch', 'pods', 'dev').passed).toBe(false);
  });

  it('resources resolve as kubectl auth can-i resolves TYPE: short names, singular, the group', () => {
    expect(can({ user: 'jane' }, 'list', 'po', 'dev').passed).toBe(true);
    expect(can({ user: 'jane' }, 'get', 'deployments', 'dev').passed).toBe(true);
    expect(can({ user: 'jane' }, 'get', 'deploy', 'dev').passed).toBe(true);
    // The rule lists pods, not pods/log: a subresource needs its own entry.
    expect(can({ user: 'jane' }, 'get', 'pods/log', 'dev', false).passed).toBe(true);
  });

  it('the cluster scope: a RoleBinding never grants it, the lab user may', () => {
    expect(can({ user: 'jane' }, 'list', 'pods', undefined, false).passed).toBe(true);
    expect(can({ user: 'kubernetes-admin' }, 'list', 'pods').passed).toBe(false); // --as drops the kubeadm:cluster-admins group
  });

  it('follows the live state: the same check fails once the binding is gone', () => {
    const without = ctx([{ name: 'rbac.yaml', text: RBAC.replace('- {kind: User, name: jane}\n- {kind: Group', '- {kind: Group') }]);
    expect(run({ rbac: { user: 'jane', verb: 'list', resource: 'pods', namespace: 'dev' }, allowed: true }, without).passed).toBe(false);
  });

  it('refuses data that would check the wrong thing', () => {
    const problem = (raw: unknown) => parse(raw).problems.join('\n');
    expect(problem({ rbac: { user: 'jane', verb: 'lsit', resource: 'pods' }, allowed: true })).toContain('"rbac.verb" must be a verb the API knows');
    expect(problem({ rbac: { user: 'jane', verb: 'list', resource: 'podz' }, allowed: true })).toContain('the server doesn\'t have a resource type \'podz\'');
    expect(problem({ rbac: { user: 'jane', verb: 'get', resource: 'pods/logs' }, allowed: true })).toContain('pods has no subresource logs');
    expect(problem({ rbac: { user: 'jane', group: 'ops', verb: 'get', resource: 'pods' }, allowed: true })).toContain('exactly one of');
    expect(problem({ rbac: { verb: 'get', resource: 'pods' }, allowed: true })).toContain('exactly one of');
    expect(problem({ rbac: { serviceAccount: 'robot', verb: 'get', resource: 'pods' }, allowed: true })).toContain('namespace/name');
    expect(problem({ rbac: { user: 'jane', verb: 'get', resource: 'pods' } })).toContain('"allowed": true|false');
    expect(problem({ rbac: { user: 'jane', verb: 'get', resource: 'pods', ns: 'dev' }, allowed: true })).toContain('unknown key(s) ns');
    expect(problem({ rbac: { user: 'jane', verb: 'get', resource: 'pods' }, allowed: true, namespace: 'dev' })).toContain('unknown key(s) namespace');
  });

  it('parses to the resolved resource and group', () => {
    expect(parse({ rbac: { serviceAccount: 'dev/robot', verb: 'get', resource: 'deploy/scale', namespace: 'dev', name: 'web' }, allowed: false }).check).toEqual({
      kind: 'rbac', subject: { kind: 'ServiceAccount', namespace: 'dev', name: 'robot' }, verb: 'get', resource: 'deployments', apiGroup: 'apps',
      subresource: 'scale', namespace: 'dev', name: 'web', allowed: false,
    });
  });
});

const NS = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels: {${labels}}
`;
const POD = (name: string, restricted: boolean) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: team-a}
spec:
${restricted ? '  securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}\n' : ''}  containers:
  - name: c
    image: busybox
${restricted ? '    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n' : ''}`;
const ENFORCE = 'pod-security.kubernetes.io/enforce: restricted';

describe('admission check', () => {
  // The namespace first, then the pods: both are judged by restricted.
  const labelled = ctx([{ name: 'a-ns.yaml', text: NS(ENFORCE) }, { name: 'b-pods.yaml', text: `${POD('good', true)}---\n${POD('bad', false)}` }]);
  // The pod first (already running), then the label: kept, with a warning.
  const before = ctx([{ name: 'a-pods.yaml', text: POD('old', false) }, { name: 'b-ns.yaml', text: NS(ENFORCE) }]);

  it('admitted and refused, as the plugin decided in the apply', () => {
    expect(run({ admission: 'team-a/good', admitted: true }, labelled)).toEqual({ passed: true, why: [] });
    expect(run({ admission: 'team-a/good', admitted: true, level: 'restricted' }, labelled)).toEqual({ passed: true, why: [] });
    expect(run({ admission: 'team-a/bad', admitted: false, level: 'restricted' }, labelled)).toEqual({ passed: true, why: [] });
    expect(run({ admission: 'team-a/bad', admitted: false, level: 'baseline' }, labelled).why).toEqual(['pod team-a/bad was refused by restricted:latest, expected baseline']);
    expect(run({ admission: 'team-a/good', admitted: false }, labelled).why).toEqual(['pod team-a/good was admitted']);
    const why = run({ admission: 'team-a/bad', admitted: true }, labelled).why;
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/^pod team-a\/bad was refused: pods "bad" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false/);
  });

  it('with a level, a pod the new level merely left running does not count', () => {
    expect(run({ admission: 'team-a/old', admitted: true }, before).passed).toBe(true);
    const why = run({ admission: 'team-a/old', admitted: true, level: 'restricted' }, before).why;
    expect(why[0]).toMatch(/^pod team-a\/old runs, but restricted would refuse it now: pods "old" is forbidden: violates PodSecurity "restricted:latest"/);
  });

  it('with a level, the namespace must enforce it', () => {
    const unlabelled = ctx([{ name: 'a-ns.yaml', text: NS('') }, { name: 'b-pods.yaml', text: POD('good', true) }]);
    expect(run({ admission: 'team-a/good', admitted: true }, unlabelled).passed).toBe(true);
    expect(run({ admission: 'team-a/good', admitted: true, level: 'restricted' }, unlabelled).why).toEqual(['namespace team-a enforces privileged:latest, expected restricted']);
  });

  it('a pod that does not exist is neither', () => {
    expect(run({ admission: 'team-a/nope', admitted: true }, labelled).why).toEqual(['no pod team-a/nope']);
    expect(run({ admission: 'team-a/nope', admitted: false }, labelled).why).toEqual(['no pod team-a/nope was refused']);
  });

  it('refuses malformed data', () => {
    expect(parse({ admission: 'api', admitted: true }).problems.join()).toContain('namespace/pod');
    expect(parse({ admission: 'team-a/api' }).problems.join()).toContain('"admitted": true|false');
    expect(parse({ admission: 'team-a/api', admitted: true, level: 'strict' }).problems.join()).toContain('"level" must be one of privileged, baseline, restricted');
    expect(parse({ admission: 'team-a/api', admitted: true, mode: 'warn' }).problems.join()).toContain('unknown key(s) mode');
  });
});
