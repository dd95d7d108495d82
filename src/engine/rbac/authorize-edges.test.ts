// Edges of the authorizer's walk and explanation (issue 15, written ahead of the rbac mutation run):
// plugin/pkg/auth/authorizer/rbac/rbac.go Authorize over pkg/registry/rbac/validation/rule.go
// VisitRulesFor — the first allowing rule ends the walk (later rules and bindings are not looked
// at), the subject the describer names is the first that applies, and the source describer's text
// for a ClusterRoleBinding to a ServiceAccount (clusterRoleBindingDescriber).
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../model/index.js';
import { rbacOf } from '../../testing/rbac.js';
import { authorize, isAllowed, ruleChecks } from './authorize.js';
import { impersonate } from './subjects.js';

const SCENARIO = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: dev}
rules:
- {apiGroups: [""], resources: [services], verbs: [get]}
- {apiGroups: [""], resources: [pods], verbs: [get]}
- {apiGroups: [""], resources: [pods], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: a-first, namespace: dev}
subjects: [{kind: User, name: bob}, {kind: Group, name: devs}, {kind: User, name: jane}]
roleRef: {kind: Role, name: r}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: b-second, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: r}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: robot-nodes}
subjects: [{kind: ServiceAccount, name: robot, namespace: dev}]
roleRef: {kind: ClusterRole, name: node-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules:
- {apiGroups: [""], resources: [nodes], verbs: [get]}
`;
const rbac = rbacOf(SCENARIO);
const ask = (user: { name: string; groups: readonly string[] }, r: Omit<AuthorizationRequest, 'user' | 'groups'>) =>
  authorize(rbac, { user: user.name, groups: user.groups, ...r });

describe('the walk', () => {
  it('stops at the first allowing rule: later rules and later bindings are not checked', () => {
    const d = ask(impersonate('jane', ['devs']), { verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev' });
    expect(d.allowed).toBe(true);
    const mine = d.reason.applying.filter((c) => !c.binding.system);
    expect(mine.map((c) => [c.binding.name, c.subjectIndex, c.subject.name, c.rules.map((r) => [r.index, r.allows])])).toEqual([
      ['a-first', 1, 'devs', [[0, false], [1, true]]],
    ]);
    expect(d.reason.notApplying).toEqual([]);
    const grant = d.reason.allowedBy;
    expect(grant?.kind === 'rule' && [grant.ruleIndex, grant.subjectIndex, grant.binding.namespace]).toEqual([1, 1, 'dev']);
    expect(d.authorizerReason).toBe('RBAC: allowed by RoleBinding "a-first/dev" of Role "r" to Group "devs"');
    expect(d.forbidden).toBeNull();
  });

  it('when nothing allows, every rule of every applying binding is checked', () => {
    const d = ask(impersonate('jane'), { verb: 'delete', resource: 'pods', apiGroup: '', namespace: 'dev' });
    const mine = d.reason.applying.filter((c) => !c.binding.system);
    expect(mine.map((c) => [c.binding.name, c.subjectIndex, c.roleFound, c.rules.length])).toEqual([['a-first', 2, true, 3], ['b-second', 0, true, 3]]);
    expect(d.authorizerReason).toBe('');
    expect(d.reason.allowedBy).toBeNull();
  });

  it('a ClusterRoleBinding to a ServiceAccount: its namespace in the describer, no namespace key on the binding', () => {
    const robot = impersonate('system:serviceaccount:dev:robot');
    const d = ask(robot, { verb: 'get', resource: 'nodes', apiGroup: '' });
    expect(d.authorizerReason).toBe('RBAC: allowed by ClusterRoleBinding "robot-nodes" of ClusterRole "node-reader" to ServiceAccount "robot/dev"');
    const grant = d.reason.allowedBy;
    expect(grant?.kind === 'rule' && 'namespace' in grant.binding).toBe(false);
    expect(grant?.kind === 'rule' && grant.binding.ref?.path).toEqual([]);
    expect(isAllowed(rbac, { user: robot.name, groups: robot.groups, verb: 'get', resource: 'nodes', apiGroup: '' })).toBe(true);
    expect(isAllowed(rbac, { user: robot.name, groups: robot.groups, verb: 'list', resource: 'nodes', apiGroup: '' })).toBe(false);
  });

  it('bindings not consulted: a RoleBinding whose subjects do not apply is "subject", one that would is "namespace"', () => {
    const d = ask(impersonate('jane'), { verb: 'get', resource: 'pods', apiGroup: '', namespace: 'prod' });
    const skips = d.reason.notApplying.filter((s) => !s.binding.system).map((s) => [s.binding.name, s.why, s.subjects.length]);
    expect(skips).toEqual([['robot-nodes', 'subject', 1], ['a-first', 'namespace', 3], ['b-second', 'namespace', 1]]);
    const carol = ask(impersonate('carol'), { verb: 'get', resource: 'pods', apiGroup: '' });
    expect(carol.reason.notApplying.filter((s) => !s.binding.system).map((s) => s.why)).toEqual(['subject', 'subject', 'subject']);
  });
});

describe('requests as given', () => {
  it('empty subresource, namespace and name are left out; non-string fields become empty', () => {
    const d = authorize(rbac, { user: 'jane', groups: ['devs', 3 as unknown as string], verb: 'get', resource: 'pods', apiGroup: '', subresource: '', namespace: 'dev', name: '' });
    expect(d.reason.request).toEqual({ user: 'jane', groups: ['devs'], verb: 'get', resource: 'pods', apiGroup: '', namespace: 'dev' });
    expect(d.allowed).toBe(true);
    const url = authorize(rbac, { user: 'jane', groups: [], verb: 'get', nonResourceURL: '/healthz', resource: 'pods' });
    expect(url.reason.request).toEqual({ user: 'jane', groups: [], verb: 'get', nonResourceURL: '/healthz' });
  });

  it('ruleChecks: each rule with its index, whether it allows and its misses, for a request made safe first', () => {
    const rules = rbac.roles.find((r) => r.name === 'r')?.rules ?? [];
    const checks = ruleChecks({ user: 'jane', groups: [], verb: 'list', resource: 'pods', apiGroup: '', subresource: '' }, rules);
    expect(checks.map((c) => [c.index, c.allows, c.misses.map((m) => m.reason)])).toEqual([[0, false, ['verb', 'resource']], [1, false, ['verb']], [2, true, []]]);
    expect(checks[2]?.rule).toBe(rules[2]);
  });
});
