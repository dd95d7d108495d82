// RBAC edges: pkg/apis/rbac/v1/defaults.go (roleRef.apiGroup and User/Group subjects default to
// rbac.authorization.k8s.io) and pkg/apis/rbac/validation/validation.go (ValidatePolicyRule: a
// non-resource rule needs no api group or resource; ValidateRoleBindingSubject: a ServiceAccount's
// name is checked only when set; ValidateClusterRole: a non-nil aggregationRule needs a selector).
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const GROUP = 'rbac.authorization.k8s.io/v1';
const clusterRole = (body: string) => `apiVersion: ${GROUP}\nkind: ClusterRole\nmetadata:\n  name: cr\n  labels: {team: a}\n${body}`;
const binding = (body: string, kind = 'RoleBinding') => `apiVersion: ${GROUP}\nkind: ${kind}\nmetadata:\n  name: b\n${kind === 'RoleBinding' ? '  namespace: dev\n' : ''}${body}`;
const view = 'roleRef: {kind: ClusterRole, name: view}\n';

describe('rules', () => {
  it('a ClusterRole non-resource rule needs no apiGroups or resources', () => {
    const r = run(clusterRole('rules:\n- {nonResourceURLs: [/healthz], verbs: [get]}'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.clusterRoles[0]).toMatchObject({ labels: { team: 'a' }, rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'], apiGroups: [], resources: [] }] });
  });

  it('a non-resource rule with resourceNames or apiGroups only is still mixed', () => {
    for (const extra of ['resourceNames: [x]', 'apiGroups: [""]']) {
      expect(run(clusterRole(`rules:\n- {nonResourceURLs: [/a], verbs: [get], ${extra}}`)).errors.map((e) => e.message))
        .toEqual(['rules[0].nonResourceURLs: Invalid value: []string{"/a"}: rules cannot apply to both regular resources and non-resource URLs']);
    }
  });

  it('a rule missing everything reports verbs, apiGroups and resources in that order', () => {
    expect(run(clusterRole('rules:\n- {resourceNames: [x]}')).errors.map((e) => e.message)).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[0].resources: Required value: resource rules must supply at least one resource',
    ]);
  });
});

describe('aggregationRule', () => {
  it('null is no aggregationRule', () => {
    const r = run(clusterRole('aggregationRule: null'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.clusterRoles[0] && 'aggregationRule' in r.cluster.clusterRoles[0]).toBe(false);
  });

  it('{} needs a selector, pointed at aggregationRule', () => {
    expect(run(clusterRole('aggregationRule: {}')).errors.map((e) => [e.message, e.path])).toEqual([
      ['aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil', 'aggregationRule'],
    ]);
    expect(run(clusterRole('aggregationRule: {clusterRoleSelectors: []}')).errors.map((e) => e.path)).toEqual(['aggregationRule.clusterRoleSelectors']);
  });
});

describe('bindings', () => {
  it('no roleRef at all points at the document', () => {
    expect(run(binding('subjects: []')).errors.map((e) => e.path)).toEqual(['', '']);
  });

  it('an empty roleRef.apiGroup is defaulted; Role and ClusterRole kinds are kept', () => {
    const rb = run(binding('roleRef: {apiGroup: "", kind: Role, name: r}')).cluster.roleBindings[0];
    expect(rb?.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
    expect(run(binding(view)).cluster.roleBindings[0]?.roleRef.kind).toBe('ClusterRole');
  });

  it('valid subjects are kept with their namespace; a ServiceAccount without a name is only Required', () => {
    const r = run(binding(`${view}subjects:\n- {kind: ServiceAccount, name: robot, namespace: ci}\n- {kind: ServiceAccount, name: bot}\n- {kind: Group, name: devs}`, 'ClusterRoleBinding'));
    expect(r.errors.map((e) => e.message)).toEqual(['subjects[1].namespace: Required value']);
    const ok = run(binding(`${view}subjects:\n- {kind: ServiceAccount, name: robot, namespace: ci}\n- {kind: Group, name: devs}`, 'ClusterRoleBinding'));
    expect(ok.cluster.clusterRoleBindings[0]?.subjects.map((s) => [s.kind, s.name, s.apiGroup, s.namespace, s.ref?.path.join('.')])).toEqual([
      ['ServiceAccount', 'robot', '', 'ci', 'subjects.0'],
      ['Group', 'devs', 'rbac.authorization.k8s.io', undefined, 'subjects.1'],
    ]);
    expect(run(binding(`${view}subjects:\n- {kind: ServiceAccount, name: ""}`)).errors.map((e) => e.message)).toEqual(['subjects[0].name: Required value']);
  });

  it('a nameless subject points at the subject when the key is missing, at name when it is written', () => {
    expect(run(binding(`${view}subjects:\n- {kind: User}`)).errors.map((e) => e.path)).toEqual(['subjects[0]']);
    expect(run(binding(`${view}subjects:\n- {kind: User, name: ""}`)).errors.map((e) => e.path)).toEqual(['subjects[0].name']);
  });

  it('a subject without a kind points at the subject', () => {
    expect(run(binding(`${view}subjects:\n- {name: x}`)).errors.map((e) => [e.message, e.path])).toEqual([
      ['subjects[0].kind: Unsupported value: "": supported values: "ServiceAccount", "User", "Group"', 'subjects[0]'],
    ]);
  });
});
