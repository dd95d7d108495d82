// RBAC objects the API server accepts that almost certainly do not do what was meant: warnings
// (engine-spec section 2), each on the field and naming what the authorizer will do.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { lineOf } from '../../testing/normalize.js';

const warnings = (text: string) => analyze([{ name: 'r.yaml', text }]).diagnostics
  .filter((d) => d.severity === 'warning')
  .map((d) => ({ code: d.code, message: d.message, path: d.path, line: d.line }));

const ROLE = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: dev}\nrules:\n${rules}`;

describe('bindings', () => {
  it('a binding to a missing role is legal and grants nothing: a warning on roleRef.name with the authorizer\'s error', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: dev}\nsubjects: [{kind: User, name: jane}]\nroleRef:\n  kind: Role\n  name: reader';
    expect(warnings(text)).toEqual([{
      code: 'rbac-role-missing', path: 'roleRef.name', line: lineOf(text, 'name: reader'),
      message: 'roleRef: Role "reader" does not exist in namespace dev, so this binding grants nothing (the authorizer reports: role.rbac.authorization.k8s.io "reader" not found)',
    }]);
  });

  it('a ClusterRoleBinding to a missing ClusterRole', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nsubjects: [{kind: Group, name: ops}]\nroleRef: {kind: ClusterRole, name: veiw}';
    expect(warnings(text).map((w) => w.message)).toEqual(['roleRef: ClusterRole "veiw" does not exist, so this binding grants nothing (the authorizer reports: clusterrole.rbac.authorization.k8s.io "veiw" not found)']);
  });

  it('a subject ServiceAccount that does not exist (its namespace defaulted to the binding\'s); system namespaces are not checked', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: dev}\nroleRef: {kind: ClusterRole, name: view}\n' +
      'subjects:\n- {kind: ServiceAccount, name: robot}\n- {kind: ServiceAccount, name: default}\n- {kind: ServiceAccount, name: coredns, namespace: kube-system}';
    expect(warnings(text).map((w) => [w.code, w.path, w.message])).toEqual([
      ['rbac-subject-missing', 'subjects[0].name', 'subjects[0]: ServiceAccount dev/robot does not exist; the binding applies to it only once it is created'],
    ]);
  });
});

describe('rules', () => {
  it.each([
    { rules: '- {apiGroups: [""], resources: [pods], verbs: [get, lsit]}', code: 'rbac-verb-unknown', path: 'rules[0].verbs[1]', message: 'rules[0].verbs[1]: "lsit" is not a verb the API server uses, so it matches no request' },
    { rules: '- {apiGroups: [""], resources: [pods], verbs: [GET]}', code: 'rbac-verb-unknown', path: 'rules[0].verbs[0]', message: 'rules[0].verbs[0]: "GET" is not a verb the API server uses, so it matches no request (verbs are lower case: "get")' },
    { rules: '- {apiGroups: [""], resources: [pod], verbs: [get]}', code: 'rbac-resource-unknown', path: 'rules[0].resources[0]', message: 'rules[0].resources[0]: API group "" (core) has no resource "pod", so this rule matches no request for it; RBAC rules name resources in lower-case plural, like "pods"' },
    { rules: '- {apiGroups: [""], resources: [Deployment], verbs: [get]}', code: 'rbac-resource-unknown', path: 'rules[0].resources[0]', message: 'rules[0].resources[0]: API group "" (core) has no resource "Deployment", so this rule matches no request for it; RBAC rules name resources in lower-case plural, like "deployments" (API group "apps")' },
    { rules: '- {apiGroups: [""], resources: [deployments], verbs: [get]}', code: 'rbac-resource-unknown', path: 'rules[0].resources[0]', message: 'rules[0].resources[0]: "deployments" is served by API group "apps", not "" (core), so this rule matches no request for it' },
    { rules: '- {apiGroups: [""], resources: [pods/logs], verbs: [get]}', code: 'rbac-resource-unknown', path: 'rules[0].resources[0]', message: 'rules[0].resources[0]: pods has no subresource "logs" (its subresources: attach, binding, ephemeralcontainers, eviction, exec, log, portforward, proxy, status)' },
    { rules: '- {apiGroups: [""], resources: [configmaps], verbs: [create, get], resourceNames: [cfg]}', code: 'rbac-resource-names-nameless', path: 'rules[0].resourceNames', message: 'rules[0].resourceNames: create requests carry no object name, so this rule never allows create' },
  ])('$code: $rules', ({ rules, code, path, message }) => {
    expect(warnings(ROLE(rules))).toEqual([expect.objectContaining({ code, path, message })]);
  });

  it.each([
    '- {apiGroups: ["", apps], resources: [deployments, pods], verbs: [get]}',
    // A group the lab does not know (a CRD's) may serve anything.
    '- {apiGroups: [example.com], resources: [widgets], verbs: [get]}',
    '- {apiGroups: ["*"], resources: [anything], verbs: [get]}',
    '- {apiGroups: [apps], resources: ["*/scale", "deployments/*"], verbs: [get]}',
    '- {apiGroups: [""], resources: [pods/exec, serviceaccounts/token], verbs: [create]}',
  ])('no warning: %s', (rules) => expect(warnings(ROLE(rules))).toEqual([]));
});

describe('aggregation', () => {
  it('an aggregationRule that selects nothing; rules written next to one', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {team: nobody}\nrules:\n- {apiGroups: [""], resources: [pods], verbs: [get]}';
    expect(warnings(text).map((w) => w.code)).toEqual(['rbac-aggregation-empty', 'rbac-aggregation-rules-replaced']);
    const agg = analyze([{ name: 'r.yaml', text }]).rbac.clusterRoles.find((r) => r.name === 'agg');
    expect(agg?.rules).toEqual([]);
    expect(agg?.writtenRules?.length).toBe(1);
  });
});

describe('pods', () => {
  it('a pod whose ServiceAccount does not exist: the API server\'s refusal, as a warning on serviceAccountName', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: dev}\nspec:\n  serviceAccountName: robot\n  containers: [{name: c, image: nginx}]';
    expect(warnings(text)).toEqual([{
      code: 'serviceaccount-missing', path: 'spec.serviceAccountName', line: lineOf(text, 'serviceAccountName'),
      message: 'serviceAccountName: ServiceAccount dev/robot does not exist, so the API server refuses this pod: pods "web" is forbidden: error looking up service account dev/robot: serviceaccount "robot" not found',
    }]);
  });

  it('a Deployment\'s pods share one warning; the default ServiceAccount always exists', () => {
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: dev}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      serviceAccountName: robot\n      containers: [{name: c, image: nginx}]';
    expect(warnings(deploy).map((w) => w.message)).toEqual(['serviceAccountName: ServiceAccount dev/robot does not exist, so the API server refuses the pods Deployment api creates (error looking up service account dev/robot: serviceaccount "robot" not found)']);
    expect(warnings('apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: fresh}\nspec:\n  containers: [{name: c, image: nginx}]')).toEqual([]);
  });
});
