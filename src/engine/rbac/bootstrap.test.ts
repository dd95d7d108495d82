// The default RBAC of a kubeadm v1.30 cluster: kubernetes
// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml and
// cluster-role-bindings.yaml (policy.go), with admin/edit/view filled by the clusterrole-aggregation
// controller (pkg/controller/clusterroleaggregation), and kubeadm's own bindings. Rows pinned from
// those files; the rest follows from the authorizer.
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest, RbacAnalysis } from '../model/index.js';
import { authorize } from './authorize.js';
import { rbacOf } from '../../testing/rbac.js';
import { BOOTSTRAP_CLUSTER_ROLE_BINDINGS, BOOTSTRAP_CLUSTER_ROLES } from './bootstrap.js';
import { impersonate } from './subjects.js';

const BIND = (role: string, kind = 'RoleBinding') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: u-${role}${kind === 'RoleBinding' ? ', namespace: dev' : ''}}
subjects: [{kind: User, name: u}]
roleRef: {kind: ClusterRole, name: ${role}}`;

const can = (rbac: RbacAnalysis, r: Omit<AuthorizationRequest, 'user' | 'groups'>) => {
  const u = impersonate('u');
  return authorize(rbac, { user: u.name, groups: u.groups, ...r }).allowed;
};

describe('view, edit and admin bound in namespace dev', () => {
  const view = rbacOf(BIND('view'));
  const edit = rbacOf(BIND('edit'));
  const admin = rbacOf(BIND('admin'));
  const inDev = (verb: string, resource: string, extra: Partial<AuthorizationRequest> = {}) => ({ verb, resource, apiGroup: '', namespace: 'dev', ...extra });

  it.each([
    // view: read-only, and no secrets (system:aggregate-to-view lists none).
    { role: 'view', rbac: view, r: inDev('get', 'pods'), ok: true },
    { role: 'view', rbac: view, r: inDev('get', 'pods', { subresource: 'log' }), ok: true },
    { role: 'view', rbac: view, r: inDev('get', 'secrets'), ok: false },
    { role: 'view', rbac: view, r: inDev('list', 'deployments', { apiGroup: 'apps' }), ok: true },
    { role: 'view', rbac: view, r: inDev('delete', 'pods'), ok: false },
    { role: 'view', rbac: view, r: inDev('create', 'pods', { subresource: 'exec' }), ok: false },
    // edit: writes workloads, exec into pods, reads secrets, no RBAC.
    { role: 'edit', rbac: edit, r: inDev('create', 'pods', { subresource: 'exec' }), ok: true },
    { role: 'edit', rbac: edit, r: inDev('get', 'secrets'), ok: true },
    { role: 'edit', rbac: edit, r: inDev('patch', 'deployments', { apiGroup: 'apps', subresource: 'scale' }), ok: true },
    { role: 'edit', rbac: edit, r: inDev('create', 'serviceaccounts', { subresource: 'token' }), ok: true },
    // …and everything view can (edit aggregates view).
    { role: 'edit', rbac: edit, r: inDev('get', 'pods', { subresource: 'log' }), ok: true },
    { role: 'edit', rbac: edit, r: inDev('create', 'rolebindings', { apiGroup: 'rbac.authorization.k8s.io' }), ok: false },
    { role: 'edit', rbac: edit, r: inDev('update', 'resourcequotas'), ok: false },
    // admin: edit plus roles and rolebindings of its namespace.
    { role: 'admin', rbac: admin, r: inDev('create', 'rolebindings', { apiGroup: 'rbac.authorization.k8s.io' }), ok: true },
    { role: 'admin', rbac: admin, r: inDev('create', 'localsubjectaccessreviews', { apiGroup: 'authorization.k8s.io' }), ok: true },
    { role: 'admin', rbac: admin, r: inDev('create', 'pods', { subresource: 'exec' }), ok: true },
    { role: 'admin', rbac: admin, r: { verb: 'create', resource: 'rolebindings', apiGroup: 'rbac.authorization.k8s.io', namespace: 'prod' }, ok: false },
    { role: 'admin', rbac: admin, r: { verb: 'list', resource: 'nodes', apiGroup: '' }, ok: false },
    { role: 'admin', rbac: admin, r: inDev('update', 'resourcequotas'), ok: false },
  ])('$role: $r.verb $r.resource/$r.subresource in $r.namespace → $ok', ({ rbac, r, ok }) => {
    expect(can(rbac, r)).toBe(ok);
  });

  it('aggregation: view = system:aggregate-to-view; edit = aggregate-to-edit + view; admin = aggregate-to-admin + edit', () => {
    const roles = new Map(view.clusterRoles.map((r) => [r.name, r]));
    expect(roles.get('view')?.aggregatedFrom).toEqual(['system:aggregate-to-view']);
    expect(roles.get('edit')?.aggregatedFrom).toEqual(['system:aggregate-to-edit', 'view']);
    expect(roles.get('admin')?.aggregatedFrom).toEqual(['edit', 'system:aggregate-to-admin']);
    const count = (n: string) => roles.get(n)?.rules.length ?? 0;
    expect([count('system:aggregate-to-view'), count('view')]).toEqual([10, 10]);
    expect(count('edit')).toBe(count('system:aggregate-to-edit') + count('view'));
    expect(count('admin')).toBe(count('edit') + count('system:aggregate-to-admin'));
    // A collected rule says where it was written.
    expect(roles.get('admin')?.rules.find((r) => r.resources.includes('rolebindings'))?.from).toBe('system:aggregate-to-admin');
  });

  it('a ClusterRole labelled aggregate-to-view adds its rules to view, then edit and admin', () => {
    const extra = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widget-viewer
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
- {apiGroups: [example.com], resources: [widgets], verbs: [get, list]}
---
`;
    const widgets = { verb: 'list', resource: 'widgets', apiGroup: 'example.com', namespace: 'dev' };
    expect(can(rbacOf(BIND('view')), widgets)).toBe(false);
    for (const role of ['view', 'edit', 'admin']) expect(can(rbacOf(extra + BIND(role)), widgets)).toBe(true);
    const rbac = rbacOf(extra + BIND('view'));
    expect(rbac.clusterRoles.find((r) => r.name === 'view')?.aggregatedFrom).toEqual(['system:aggregate-to-view', 'widget-viewer']);
  });

  it('a ClusterRoleBinding to view grants in every namespace', () => {
    const cluster = rbacOf(BIND('view', 'ClusterRoleBinding'));
    expect(can(cluster, { verb: 'list', resource: 'pods', apiGroup: '', namespace: 'kube-system' })).toBe(true);
    expect(can(cluster, { verb: 'list', resource: 'pods', apiGroup: '' })).toBe(true);
  });
});

describe('the built-in roles and bindings (pinned rows)', () => {
  const roles = new Map(BOOTSTRAP_CLUSTER_ROLES.map((r) => [r.name, r]));
  const bindings = new Map(BOOTSTRAP_CLUSTER_ROLE_BINDINGS.map((b) => [b.name, b]));

  it('cluster-admin: everything, URLs included; bound to system:masters (and kubeadm:cluster-admins)', () => {
    expect(roles.get('cluster-admin')?.rules.map((r) => [r.apiGroups, r.resources, r.nonResourceURLs, r.verbs]))
      .toEqual([[['*'], ['*'], [], ['*']], [[], [], ['*'], ['*']]]);
    expect(bindings.get('cluster-admin')?.subjects.map((s) => `${s.kind}:${s.name}`)).toEqual(['Group:system:masters']);
    expect(bindings.get('kubeadm:cluster-admins')?.roleRef.name).toBe('cluster-admin');
  });

  it('system:basic-user, system:discovery to system:authenticated; system:public-info-viewer to unauthenticated too', () => {
    expect(bindings.get('system:basic-user')?.subjects.map((s) => s.name)).toEqual(['system:authenticated']);
    expect(bindings.get('system:discovery')?.subjects.map((s) => s.name)).toEqual(['system:authenticated']);
    expect(bindings.get('system:public-info-viewer')?.subjects.map((s) => s.name)).toEqual(['system:authenticated', 'system:unauthenticated']);
    expect(roles.get('system:basic-user')?.rules.flatMap((r) => r.resources)).toEqual(['selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'selfsubjectreviews']);
    expect(roles.get('system:public-info-viewer')?.rules[0]?.nonResourceURLs).toEqual(['/healthz', '/livez', '/readyz', '/version', '/version/']);
  });

  it('every ServiceAccount may read the issuer discovery documents', () => {
    expect(bindings.get('system:service-account-issuer-discovery')?.subjects.map((s) => s.name)).toEqual(['system:serviceaccounts']);
    const sa = impersonate('system:serviceaccount:dev:robot');
    expect(authorize(rbacOf(''), { user: sa.name, groups: sa.groups, verb: 'get', nonResourceURL: '/openid/v1/jwks' }).allowed).toBe(true);
  });

  it('aggregation labels: edit feeds admin, view feeds edit', () => {
    expect(roles.get('edit')?.labels['rbac.authorization.k8s.io/aggregate-to-admin']).toBe('true');
    expect(roles.get('view')?.labels['rbac.authorization.k8s.io/aggregate-to-edit']).toBe('true');
    expect(roles.get('admin')?.labels['kubernetes.io/bootstrapping']).toBe('rbac-defaults');
  });

  it('the scenario\'s object of the same name replaces the built-in one, as kubectl apply would', () => {
    const rbac = rbacOf('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: view}\nrules:\n- {apiGroups: [""], resources: [secrets], verbs: [get]}');
    const view = rbac.clusterRoles.find((r) => r.name === 'view');
    expect(view?.system).toBe(false);
    expect(view?.rules.map((r) => r.resources)).toEqual([['secrets']]);
    expect(rbac.clusterRoles.filter((r) => r.name === 'view')).toHaveLength(1);
  });
});
