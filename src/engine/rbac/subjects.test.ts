// Identities: k8s.io/apiserver pkg/authentication/serviceaccount/util.go (MakeUsername,
// MakeGroupNames, SplitUsername, MatchesUsername), the authenticated group every request carries,
// impersonation (pkg/endpoints/filters/impersonation.go) and rule.go appliesTo/describeSubject.
import { describe, expect, it } from 'vitest';
import type { Subject } from '../model/index.js';
import { appliesTo, describeSubject, goQuote, impersonate, LAB_USER, serviceAccountUser, splitServiceAccountUsername, subjectAppliesTo } from './subjects.js';

describe('ServiceAccount identity', () => {
  it('system:serviceaccount:NS:NAME in system:serviceaccounts, system:serviceaccounts:NS, system:authenticated', () => {
    expect(serviceAccountUser('dev', 'robot')).toEqual({
      name: 'system:serviceaccount:dev:robot',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'],
    });
  });

  it.each([
    { u: 'system:serviceaccount:dev:robot', out: ['dev', 'robot'] },
    { u: 'system:serviceaccount:dev:robot:x', out: null },
    { u: 'system:serviceaccount:Dev:robot', out: null },
    { u: 'system:serviceaccount::robot', out: null },
    { u: 'system:serviceaccounts:dev', out: null },
    { u: 'jane', out: null },
  ])('SplitUsername($u)', ({ u, out }) => expect(splitServiceAccountUsername(u)).toEqual(out));
});

describe('impersonation (kubectl --as / --as-group)', () => {
  it.each([
    { as: 'jane', groups: [], out: ['system:authenticated'] },
    { as: 'jane', groups: ['devs'], out: ['devs', 'system:authenticated'] },
    { as: 'jane', groups: ['system:authenticated'], out: ['system:authenticated'] },
    { as: 'jane', groups: ['system:unauthenticated'], out: ['system:unauthenticated'] },
    // A ServiceAccount username gets its groups unless groups are given.
    { as: 'system:serviceaccount:dev:robot', groups: [], out: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] },
    { as: 'system:serviceaccount:dev:robot', groups: ['x'], out: ['x', 'system:authenticated'] },
    { as: 'system:anonymous', groups: [], out: ['system:unauthenticated'] },
  ])('--as $as --as-group $groups → $out', ({ as, groups, out }) => expect(impersonate(as, groups)).toEqual({ name: as, groups: out }));

  it('the lab user is kubeadm admin.conf\'s: kubernetes-admin in kubeadm:cluster-admins (v1.29+)', () => {
    expect(LAB_USER).toEqual({ name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] });
  });
});

describe('appliesTo', () => {
  const sa = (name: string, namespace?: string): Subject => ({ kind: 'ServiceAccount', name, apiGroup: '', ...(namespace ? { namespace } : {}) });
  const robot = serviceAccountUser('dev', 'robot');
  it.each([
    { s: { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' } as Subject, user: impersonate('jane'), ns: 'dev', ok: true },
    { s: { kind: 'User', name: 'Jane', apiGroup: 'rbac.authorization.k8s.io' } as Subject, user: impersonate('jane'), ns: 'dev', ok: false },
    { s: { kind: 'Group', name: 'system:serviceaccounts:dev', apiGroup: 'rbac.authorization.k8s.io' } as Subject, user: robot, ns: '', ok: true },
    // A ServiceAccount subject without namespace is the RoleBinding's; in a ClusterRoleBinding it matches no one.
    { s: sa('robot'), user: robot, ns: 'dev', ok: true },
    { s: sa('robot'), user: robot, ns: 'prod', ok: false },
    { s: sa('robot'), user: robot, ns: '', ok: false },
    { s: sa('robot', 'dev'), user: robot, ns: 'prod', ok: true },
    // A User subject with the ServiceAccount's username also applies (it is just a name).
    { s: { kind: 'User', name: 'system:serviceaccount:dev:robot', apiGroup: 'rbac.authorization.k8s.io' } as Subject, user: robot, ns: '', ok: true },
  ])('$s.kind $s.name in "$ns" → $ok', ({ s, user, ns, ok }) => expect(subjectAppliesTo(user, s, ns)).toBe(ok));

  it('returns the first subject that applies', () => {
    const subjects: Subject[] = [{ kind: 'User', name: 'bob', apiGroup: '' }, { kind: 'Group', name: 'system:authenticated', apiGroup: '' }, { kind: 'User', name: 'jane', apiGroup: '' }];
    expect(appliesTo(impersonate('jane'), subjects, '')).toBe(1);
    expect(appliesTo(impersonate('jane', ['system:unauthenticated']), subjects, '')).toBe(2);
  });

  it('describeSubject (rule.go): a ServiceAccount as "name/namespace"', () => {
    expect(describeSubject(sa('robot'), 'dev')).toBe('ServiceAccount "robot/dev"');
    expect(describeSubject({ kind: 'Group', name: 'ops', apiGroup: '' }, '')).toBe('Group "ops"');
  });

  it('goQuote is strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\x01é')).toBe('"a\\"b\\\\c\\n\\x01é"');
  });
});
