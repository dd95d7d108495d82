// Roles, ClusterRoles and their bindings as the API server admits them: defaults from
// kubernetes pkg/apis/rbac/v1/defaults.go, validation from pkg/apis/rbac/validation/validation.go
// (ValidateRBACName = apimachinery path.IsValidPathSegmentName, ValidatePolicyRule,
// ValidateRoleBinding/ValidateClusterRoleBinding, ValidateRoleBindingSubject, ValidateClusterRole's
// aggregationRule), worded by apimachinery's field errors and pointed at the field.
import { describe, expect, it } from 'vitest';
import { lineOf, run } from '../../testing/normalize.js';

const GROUP = 'rbac.authorization.k8s.io/v1';
const role = (body: string, name = 'r', ns = 'dev') => `apiVersion: ${GROUP}\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${body}`;
const clusterRole = (body: string, name = 'cr') => `apiVersion: ${GROUP}\nkind: ClusterRole\nmetadata:\n  name: ${name}\n${body}`;
const binding = (body: string, kind = 'RoleBinding') => `apiVersion: ${GROUP}\nkind: ${kind}\nmetadata:\n  name: b\n${kind === 'RoleBinding' ? '  namespace: dev\n' : ''}${body}`;

describe('reading the four kinds', () => {
  it('keeps rules as written, with a reference to each rule', () => {
    const r = run(role('rules:\n- apiGroups: [""]\n  resources: [pods, pods/log]\n  verbs: [get, list]\n  resourceNames: [web]'));
    expect(r.errors).toEqual([]);
    const rule = r.cluster.roles[0]?.rules[0];
    expect(rule).toMatchObject({ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'], resourceNames: ['web'], nonResourceURLs: [] });
    expect(rule?.ref?.path).toEqual(['rules', 0]);
    expect(r.cluster.roles[0]).toMatchObject({ kind: 'Role', namespace: 'dev', name: 'r', system: false });
  });

  it('is simulated now (no "not simulated" info) and still listed for kubectl get', () => {
    const r = run(clusterRole('rules: []'));
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.clusterRoles.map((c) => c.name)).toEqual(['cr']);
    expect(r.cluster.others.map((o) => `${o.kind}/${o.name}`)).toEqual(['ClusterRole/cr']);
  });

  it('ClusterRole and ClusterRoleBinding are cluster-scoped: metadata.namespace is ignored', () => {
    const r = run(`apiVersion: ${GROUP}\nkind: ClusterRole\nmetadata:\n  name: cr\n  namespace: dev\nrules: []`);
    expect(r.errors).toEqual([]);
    expect(r.cluster.others[0]?.namespace).toBeUndefined();
  });

  it('SetDefaults_RoleBinding / SetDefaults_Subject: roleRef.apiGroup and User/Group apiGroup default to the RBAC group', () => {
    const r = run(binding('roleRef: {kind: Role, name: r}\nsubjects:\n- {kind: User, name: jane}\n- {kind: Group, name: devs}\n- {kind: ServiceAccount, name: robot}'));
    expect(r.errors).toEqual([]);
    const b = r.cluster.roleBindings[0];
    expect(b?.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
    expect(b?.subjects.map((s) => [s.kind, s.name, s.apiGroup, s.namespace])).toEqual([
      ['User', 'jane', 'rbac.authorization.k8s.io', undefined],
      ['Group', 'devs', 'rbac.authorization.k8s.io', undefined],
      ['ServiceAccount', 'robot', '', undefined],
    ]);
  });

  it('names only need to be path segments (ValidateRBACName): system:basic-user is fine, a slash is not', () => {
    expect(run(clusterRole('rules: []', 'system:my-Role_1')).errors).toEqual([]);
    const r = run(clusterRole('rules: []', 'a/b'));
    expect(r.errors.map((e) => e.message)).toEqual([`metadata.name: Invalid value: "a/b": may not contain '/'`]);
    expect(run(clusterRole('rules: []', "'..'")).errors.map((e) => e.message)).toEqual([`metadata.name: Invalid value: "..": may not be '..'`]);
    expect(run(role('rules: []', 'x%y')).errors.map((e) => e.message)).toEqual([`metadata.name: Invalid value: "x%y": may not contain '%'`]);
  });

  it('unknown fields are strict-decoding errors, as for every kind', () => {
    const r = run(role('rules:\n- apiGroups: [""]\n  resources: [pods]\n  verb: [get]\n  verbs: [get]'));
    expect(r.errors.map((e) => e.message)).toEqual(['unknown field "rules[0].verb"']);
  });

  it('reads the ServiceAccount\'s and the pod\'s automountServiceAccountToken', () => {
    const r = run('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: dev}\nautomountServiceAccountToken: false\n---\n' +
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: dev}\nspec:\n  serviceAccountName: robot\n  automountServiceAccountToken: true\n  containers: [{name: c, image: nginx}]');
    expect(r.errors).toEqual([]);
    expect(r.cluster.serviceAccounts.find((s) => s.name === 'robot')?.automountServiceAccountToken).toBe(false);
    expect(r.cluster.pods[0]?.automountServiceAccountToken).toBe(true);
  });
});

describe('ValidatePolicyRule', () => {
  it.each([
    {
      rule: '- apiGroups: [""]\n  resources: [pods]', where: 'Role',
      errors: ['rules[0].verbs: Required value: verbs must contain at least one value'],
    },
    {
      rule: '- verbs: [get]\n  resources: [pods]', where: 'Role',
      errors: ['rules[0].apiGroups: Required value: resource rules must supply at least one api group'],
    },
    {
      rule: '- verbs: [get]\n  apiGroups: [""]\n  resources: []', where: 'Role',
      errors: ['rules[0].resources: Required value: resource rules must supply at least one resource'],
    },
    {
      rule: '- verbs: [get]\n  nonResourceURLs: [/healthz]', where: 'Role',
      errors: ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs'],
    },
    {
      rule: '- verbs: [get]\n  nonResourceURLs: [/healthz, /livez]\n  resources: [pods]', where: 'ClusterRole',
      errors: ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz", "/livez"}: rules cannot apply to both regular resources and non-resource URLs'],
    },
    { rule: '- verbs: [get]\n  nonResourceURLs: [/healthz]', where: 'ClusterRole', errors: [] },
    // Upstream removed the old "resource names cannot apply to multiple resources" check long ago.
    { rule: '- verbs: [get]\n  apiGroups: [""]\n  resources: [pods, services]\n  resourceNames: [web]', where: 'Role', errors: [] },
  ])('$where $rule', ({ rule, where, errors }) => {
    const text = where === 'Role' ? role(`rules:\n${rule}`) : clusterRole(`rules:\n${rule}`);
    expect(run(text).errors.map((e) => e.message)).toEqual(errors);
  });

  it('points a Required error at the empty list when written, else at the rule', () => {
    const text = role('rules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: []\n- apiGroups: [""]\n  resources: [pods]');
    const errs = run(text).errors;
    expect(errs.map((e) => [e.path, e.line])).toEqual([['rules[0].verbs', lineOf(text, 'verbs: []')], ['rules[1]', lineOf(text, '- apiGroups', 2)]]);
  });
});

describe('ValidateRoleBinding / ValidateClusterRoleBinding', () => {
  it.each([
    {
      body: 'roleRef: {kind: Rol, name: r}', kind: 'RoleBinding',
      errors: ['roleRef.kind: Unsupported value: "Rol": supported values: "Role", "ClusterRole"'],
    },
    {
      body: 'roleRef: {kind: Role, name: r}', kind: 'ClusterRoleBinding',
      errors: ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"'],
    },
    {
      body: 'roleRef: {apiGroup: rbac.authorization.k8s.io/v1, kind: Role, name: r}', kind: 'RoleBinding',
      errors: ['roleRef.apiGroup: Unsupported value: "rbac.authorization.k8s.io/v1": supported values: "rbac.authorization.k8s.io"'],
    },
    { body: 'roleRef: {kind: ClusterRole}', kind: 'RoleBinding', errors: ['roleRef.name: Required value'] },
    { body: 'roleRef: {kind: ClusterRole, name: a/b}', kind: 'RoleBinding', errors: [`roleRef.name: Invalid value: "a/b": may not contain '/'`] },
    // No roleRef at all: the zero value (kind "", name ""), apiGroup defaulted.
    { body: 'subjects: []', kind: 'RoleBinding', errors: ['roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"', 'roleRef.name: Required value'] },
    {
      body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: ServiceAccount, name: robot}', kind: 'ClusterRoleBinding',
      errors: ['subjects[0].namespace: Required value'],
    },
    {
      body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: ServiceAccount, name: Robot, namespace: dev}', kind: 'ClusterRoleBinding',
      errors: [`subjects[0].name: Invalid value: "Robot": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    },
    {
      body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: ServiceAccount, name: robot, apiGroup: rbac.authorization.k8s.io}', kind: 'RoleBinding',
      errors: ['subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""'],
    },
    {
      body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: User, name: jane, apiGroup: v1}', kind: 'RoleBinding',
      errors: ['subjects[0].apiGroup: Unsupported value: "v1": supported values: "rbac.authorization.k8s.io"'],
    },
    {
      body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: user, name: jane}', kind: 'RoleBinding',
      errors: ['subjects[0].kind: Unsupported value: "user": supported values: "ServiceAccount", "User", "Group"'],
    },
    { body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: Group}', kind: 'RoleBinding', errors: ['subjects[0].name: Required value'] },
    // A User may be named anything, `system:` prefixes included.
    { body: 'roleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: User, name: "system:serviceaccount:dev:x"}', kind: 'RoleBinding', errors: [] },
  ])('$kind $body', ({ body, kind, errors }) => {
    expect(run(binding(body, kind)).errors.map((e) => e.message)).toEqual(errors);
  });

  it('an invalid binding is left out of the analysis, as the API server refuses it', () => {
    const r = run(binding('roleRef: {kind: Rol, name: r}'));
    expect(r.cluster.roleBindings).toEqual([]);
    expect(r.cluster.others).toEqual([]);
  });

  it('points roleRef errors at the field, or at roleRef when the key is missing', () => {
    const text = binding('roleRef:\n  name: r\n  kind: Rol\nsubjects: []');
    expect(run(text).errors.map((e) => [e.path, e.line])).toEqual([['roleRef.kind', lineOf(text, 'kind: Rol', 2)]]);
    const missing = binding('roleRef:\n  name: r\nsubjects: []');
    expect(run(missing).errors.map((e) => [e.message, e.path])).toEqual([['roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"', 'roleRef']]);
  });
});

describe('ValidateClusterRole aggregationRule', () => {
  it('needs at least one selector', () => {
    expect(run(clusterRole('aggregationRule:\n  clusterRoleSelectors: []')).errors.map((e) => e.message))
      .toEqual(['aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil']);
  });

  it('validates each selector as a LabelSelector', () => {
    const errs = run(clusterRole('aggregationRule:\n  clusterRoleSelectors:\n  - matchExpressions: [{key: a, operator: Maybe}]')).errors;
    expect(errs.map((e) => e.message)).toEqual(['aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator: Invalid value: "Maybe": not a valid selector operator']);
  });

  it('keeps the selectors', () => {
    const r = run(clusterRole('aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {rbac.example.com/aggregate-to-x: "true"}'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.clusterRoles[0]?.aggregationRule?.clusterRoleSelectors[0]?.matchLabels).toEqual({ 'rbac.example.com/aggregate-to-x': 'true' });
  });
});
