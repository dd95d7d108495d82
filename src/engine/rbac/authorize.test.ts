// RBACAuthorizer.Authorize (kubernetes plugin/pkg/auth/authorizer/rbac/rbac.go) over
// DefaultRuleResolver.VisitRulesFor and appliesTo (pkg/registry/rbac/validation/rule.go): rules are
// additive; ClusterRoleBindings grant everywhere; a RoleBinding grants only in its namespace, also
// when it refers to a ClusterRole; a ServiceAccount subject without namespace is the binding's; a
// missing role grants nothing and is the denial's reason. The answer's text is the API server's
// (responsewriters/errors.go forbiddenMessage + apierrors.NewForbidden).
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../model/index.js';
import { rbacOf } from '../../testing/rbac.js';
import { authorize } from './authorize.js';
import { forbiddenMessage } from './forbidden.js';
import { impersonate, LAB_USER } from './subjects.js';

const SCENARIO = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: pod-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: secret-reader}
rules:
- {apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [db-pass]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: robot-secrets, namespace: dev}
subjects: [{kind: ServiceAccount, name: robot}]
roleRef: {kind: ClusterRole, name: secret-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-nodes}
subjects: [{kind: Group, name: ops}]
roleRef: {kind: ClusterRole, name: node-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules:
- {apiGroups: [""], resources: [nodes], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-prod, namespace: prod}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: gone}
`;

const rbac = rbacOf(SCENARIO);
const jane = impersonate('jane');
const robot = impersonate('system:serviceaccount:dev:robot');
const ask = (user: { name: string; groups: readonly string[] }, r: Omit<AuthorizationRequest, 'user' | 'groups'>) =>
  authorize(rbac, { user: user.name, groups: user.groups, ...r });

describe('who may do what', () => {
  it.each([
    { who: 'jane', user: jane, r: { verb: 'list', resource: 'pods', apiGroup: '', namespace: 'dev' }, allowed: true },
    { who: 'jane', user: jane, r: { verb: 'delete', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'web' }, allowed: false },
    // A RoleBinding grants only in its namespace.
    { who: 'jane', user: jane, r: { verb: 'list', resource: 'pods', apiGroup: '', namespace: 'default' }, allowed: false },
    // …and never at the cluster scope (RoleBindings are not even visited).
    { who: 'jane', user: jane, r: { verb: 'list', resource: 'pods', apiGroup: '' }, allowed: false },
    { who: 'jane', user: jane, r: { verb: 'get', resource: 'pods', subresource: 'log', apiGroup: '', namespace: 'dev' }, allowed: false },
    // A ClusterRole through a RoleBinding: only in dev; the SA subject's namespace is the binding's.
    { who: 'robot', user: robot, r: { verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'dev', name: 'db-pass' }, allowed: true },
    { who: 'robot', user: robot, r: { verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'prod', name: 'db-pass' }, allowed: false },
    { who: 'robot', user: robot, r: { verb: 'list', resource: 'secrets', apiGroup: '', namespace: 'dev' }, allowed: false },
    { who: 'robot', user: robot, r: { verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'dev', name: 'other' }, allowed: false },
    // Another ServiceAccount of the same name elsewhere is someone else.
    { who: 'prod robot', user: impersonate('system:serviceaccount:prod:robot'), r: { verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'dev', name: 'db-pass' }, allowed: false },
    // A group subject; a ClusterRoleBinding grants in every namespace and at the cluster scope.
    { who: 'ops', user: impersonate('bob', ['ops']), r: { verb: 'list', resource: 'nodes', apiGroup: '' }, allowed: true },
    { who: 'ops', user: impersonate('bob', ['ops']), r: { verb: 'delete', resource: 'nodes', apiGroup: '' }, allowed: false },
    // The lab user: cluster-admin through kubeadm:cluster-admins.
    { who: 'lab user', user: LAB_USER, r: { verb: 'delete', resource: 'nodes', apiGroup: '' }, allowed: true },
    { who: 'lab user', user: LAB_USER, r: { verb: 'get', nonResourceURL: '/metrics' }, allowed: true },
    // Every authenticated user may read /healthz and discover the API (system:public-info-viewer, system:discovery).
    { who: 'jane', user: jane, r: { verb: 'get', nonResourceURL: '/healthz' }, allowed: true },
    { who: 'jane', user: jane, r: { verb: 'get', nonResourceURL: '/apis/apps/v1' }, allowed: true },
    { who: 'jane', user: jane, r: { verb: 'get', nonResourceURL: '/metrics' }, allowed: false },
    { who: 'anonymous', user: impersonate('system:anonymous'), r: { verb: 'get', nonResourceURL: '/version' }, allowed: true },
    { who: 'anonymous', user: impersonate('system:anonymous'), r: { verb: 'get', nonResourceURL: '/api' }, allowed: false },
  ])('$who: $r.verb $r.resource$r.nonResourceURL in "$r.namespace" → $allowed', ({ user, r, allowed }) => {
    expect(ask(user, r).allowed).toBe(allowed);
  });

  it('members of system:masters are allowed before RBAC is asked, even with no binding', () => {
    const empty = rbacOf('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: cluster-admin}\nroleRef: {kind: ClusterRole, name: nothing}');
    const d = authorize(empty, { user: 'kubernetes-super-admin', groups: ['system:masters', 'system:authenticated'], verb: 'delete', resource: 'nodes', apiGroup: '' });
    expect(d.allowed).toBe(true);
    expect(d.reason.allowedBy).toEqual({ kind: 'superuser', group: 'system:masters' });
  });
});

describe('the explanation', () => {
  it('names the binding, subject, role and rule that allowed, as the authorizer reason does', () => {
    const d = ask(jane, { verb: 'list', resource: 'pods', apiGroup: '', namespace: 'dev' });
    const grant = d.reason.allowedBy;
    expect(grant?.kind === 'rule' && [grant.binding.name, grant.role.name, grant.ruleIndex, grant.subject.name]).toEqual(['jane-reads', 'pod-reader', 0, 'jane']);
    expect(d.authorizerReason).toBe('RBAC: allowed by RoleBinding "jane-reads/dev" of Role "pod-reader" to User "jane"');
    expect(ask(robot, { verb: 'get', resource: 'secrets', apiGroup: '', namespace: 'dev', name: 'db-pass' }).authorizerReason)
      .toBe('RBAC: allowed by RoleBinding "robot-secrets/dev" of ClusterRole "secret-reader" to ServiceAccount "robot/dev"');
    expect(ask(LAB_USER, { verb: 'get', resource: 'pods', apiGroup: '' }).authorizerReason)
      .toBe('RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"');
  });

  it('when denied: each applying binding with each rule\'s misses, and the bindings that do not apply', () => {
    const d = ask(jane, { verb: 'delete', resource: 'pods', apiGroup: '', namespace: 'dev' });
    expect(d.allowed).toBe(false);
    const mine = d.reason.applying.filter((c) => !c.binding.system);
    expect(mine.map((c) => [c.binding.name, c.rules.map((r) => r.misses.map((m) => m.reason))])).toEqual([['jane-reads', [['verb']]]]);
    // The built-in bindings every authenticated user has are visited first (ClusterRoleBindings).
    expect(d.reason.applying.filter((c) => c.binding.system).map((c) => c.binding.name)).toEqual(['system:basic-user', 'system:discovery', 'system:public-info-viewer']);
    const skips = d.reason.notApplying.filter((s) => !s.binding.system).map((s) => [s.binding.kind, s.binding.name, s.why]);
    expect(skips).toEqual([['ClusterRoleBinding', 'ops-nodes', 'subject'], ['RoleBinding', 'robot-secrets', 'subject'], ['RoleBinding', 'jane-prod', 'namespace']]);
  });

  it('a RoleBinding asked about a cluster-scoped request is said so', () => {
    const d = ask(jane, { verb: 'list', resource: 'pods', apiGroup: '' });
    expect(d.reason.notApplying.find((s) => s.binding.name === 'jane-reads')?.why).toBe('cluster-scope');
  });

  it('a binding to a missing role grants nothing; its lookup error is the reason, appended to the Forbidden text', () => {
    const d = ask(jane, { verb: 'list', resource: 'pods', apiGroup: '', namespace: 'prod' });
    expect(d.allowed).toBe(false);
    expect(d.reason.applying.find((c) => c.binding.name === 'jane-prod')).toMatchObject({ roleFound: false, error: 'role.rbac.authorization.k8s.io "gone" not found', rules: [] });
    expect(d.authorizerReason).toBe('RBAC: role.rbac.authorization.k8s.io "gone" not found');
    expect(d.forbidden).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "gone" not found');
  });

  it('several missing roles are aggregated as utilerrors.NewAggregate prints them', () => {
    const two = rbacOf(`${SCENARIO}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: jane-x}\nsubjects: [{kind: User, name: jane}]\nroleRef: {kind: ClusterRole, name: missing}`);
    const d = authorize(two, { user: 'jane', groups: jane.groups, verb: 'list', resource: 'pods', apiGroup: '', namespace: 'prod' });
    expect(d.authorizerReason).toBe('RBAC: [clusterrole.rbac.authorization.k8s.io "missing" not found, role.rbac.authorization.k8s.io "gone" not found]');
  });

  it('never throws on hostile requests', () => {
    const hostile = { user: 7, groups: 'x', verb: null, resource: ['pods'] } as unknown as AuthorizationRequest;
    expect(() => authorize(rbac, hostile)).not.toThrow();
    expect(authorize(rbac, hostile).allowed).toBe(false);
  });
});

describe('the API server\'s Forbidden text (responsewriters forbiddenMessage, apierrors.NewForbidden)', () => {
  const base = { user: 'jane', groups: [] };
  const none = rbacOf('');
  it.each([
    { r: { verb: 'list', resource: 'pods', apiGroup: '', namespace: 'dev' }, text: 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "dev"' },
    { r: { verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'web' }, text: 'pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "dev"' },
    // The subresource is part of the resource in the sentence, not in the GroupResource before it.
    { r: { verb: 'create', resource: 'pods', subresource: 'exec', apiGroup: '', namespace: 'dev', name: 'web' }, text: 'pods "web" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "dev"' },
    { r: { verb: 'get', resource: 'pods', subresource: 'log', apiGroup: '', namespace: 'dev', name: 'web' }, text: 'pods "web" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "dev"' },
    { r: { verb: 'list', resource: 'nodes', apiGroup: '' }, text: 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope' },
    { r: { verb: 'list', resource: 'deployments', apiGroup: 'apps', namespace: 'dev' }, text: 'deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "dev"' },
    { r: { verb: 'patch', resource: 'deployments', subresource: 'scale', apiGroup: 'apps', namespace: 'dev', name: 'web' }, text: 'deployments.apps "web" is forbidden: User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "dev"' },
    { r: { verb: 'create', resource: 'clusterrolebindings', apiGroup: 'rbac.authorization.k8s.io' }, text: 'clusterrolebindings.rbac.authorization.k8s.io is forbidden: User "jane" cannot create resource "clusterrolebindings" in API group "rbac.authorization.k8s.io" at the cluster scope' },
    { r: { verb: 'get', nonResourceURL: '/metrics' }, text: 'forbidden: User "jane" cannot get path "/metrics"' },
  ])('$text', ({ r, text }) => {
    expect(forbiddenMessage({ ...base, ...r })).toBe(text);
    expect(authorize(none, { ...base, ...r }).forbidden).toBe(text);
  });

  it('a ServiceAccount user and characters the sanitizer escapes', () => {
    expect(forbiddenMessage({ user: 'system:serviceaccount:dev:robot', groups: [], verb: 'list', resource: 'pods', apiGroup: '', namespace: 'prod' }))
      .toBe('pods is forbidden: User "system:serviceaccount:dev:robot" cannot list resource "pods" in API group "" in the namespace "prod"');
    expect(forbiddenMessage({ user: '<b>&', groups: [], verb: 'get', nonResourceURL: '/x' })).toBe('forbidden: User "&lt;b&gt;&amp;" cannot get path "/x"');
  });
});
