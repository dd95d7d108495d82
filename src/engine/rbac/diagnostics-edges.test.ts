// Edges of the RBAC warnings (issue 15, written ahead of the rbac mutation run): each branch of
// the resource check's text (a resource without subresources, one served by several other groups,
// the hint from a short, singular or capitalised plural name, a group the hint names), every
// name-less verb, URL rules judged on HTTP verbs (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go
// nonResourceURLVerbs), and which subject ServiceAccounts are looked up (their own namespace, the
// binding's, none for a ClusterRoleBinding subject without one; kube-public and kube-node-lease
// skipped like kube-system).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';

const warnings = (text: string) => analyze([{ name: 'r.yaml', text }]).diagnostics
  .filter((d) => d.severity === 'warning')
  .map((d) => [d.code, d.path, d.message]);

const ROLE = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: dev}\nrules:\n${rules}`;
const CLUSTER_ROLE = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n${rules}`;
const NO_MATCH = 'so this rule matches no request for it';

describe('resources', () => {
  it.each([
    ['configmaps/foo', '""', 'configmaps has no subresource "foo" (its subresources: none)'],
    ['events', 'apps', `"events" is served by API group "" (core) and "events.k8s.io", not "apps", ${NO_MATCH}`],
    ['deploy', '""', `API group "" (core) has no resource "deploy", ${NO_MATCH}; RBAC rules name resources in lower-case plural, like "deployments" (API group "apps")`],
    ['po', '""', `API group "" (core) has no resource "po", ${NO_MATCH}; RBAC rules name resources in lower-case plural, like "pods"`],
    ['Pods', '""', `API group "" (core) has no resource "Pods", ${NO_MATCH}; RBAC rules name resources in lower-case plural, like "pods"`],
    ['NetworkPolicy', '""', `API group "" (core) has no resource "NetworkPolicy", ${NO_MATCH}; RBAC rules name resources in lower-case plural, like "networkpolicies" (API group "networking.k8s.io")`],
    ['widgets', '""', `API group "" (core) has no resource "widgets", ${NO_MATCH}`],
    ['widgets', '"", apps', `API group "" (core), "apps" has no resource "widgets", ${NO_MATCH}`],
    ['widgets/status', 'apps', `API group "apps" has no resource "widgets", ${NO_MATCH}`],
  ])('%s in [%s]', (resource, groups, message) => {
    expect(warnings(ROLE(`- {apiGroups: [${groups}], resources: ["${resource}"], verbs: [get]}`))).toEqual([
      ['rbac-resource-unknown', 'rules[0].resources[0]', `rules[0].resources[0]: ${message}`],
    ]);
  });

  it.each(['"*"', '"pods/*"', '"*/status"', 'pods/log'])('no warning for %s in the core group', (resource) => {
    expect(warnings(ROLE(`- {apiGroups: [""], resources: [${resource}], verbs: [get]}`))).toEqual([]);
  });

  it('every resource of a rule is checked, each at its own index', () => {
    expect(warnings(ROLE('- {apiGroups: [""], resources: [pods, pod, services, svc], verbs: [get]}')).map((w) => w[1]))
      .toEqual(['rules[0].resources[1]', 'rules[0].resources[3]']);
  });
});

describe('resourceNames', () => {
  it('create and deletecollection are both named, in the order written', () => {
    expect(warnings(ROLE('- {apiGroups: [""], resources: [configmaps], verbs: [deletecollection, get, create], resourceNames: [a]}'))).toEqual([[
      'rbac-resource-names-nameless', 'rules[0].resourceNames',
      'rules[0].resourceNames: deletecollection and create requests carry no object name, so this rule never allows deletecollection or create',
    ]]);
  });

  it('names with only named verbs, or name-less verbs without names: no warning', () => {
    expect(warnings(ROLE('- {apiGroups: [""], resources: [configmaps], verbs: [get, update], resourceNames: [a]}'))).toEqual([]);
    expect(warnings(ROLE('- {apiGroups: [""], resources: [configmaps], verbs: [create, deletecollection]}'))).toEqual([]);
  });
});

describe('verbs', () => {
  it('a URL rule knows HTTP verbs only (and no resource check runs on it)', () => {
    expect(warnings(CLUSTER_ROLE('- {nonResourceURLs: [/x], verbs: [post, list, GET, "*"]}'))).toEqual([
      ['rbac-verb-unknown', 'rules[0].verbs[1]', 'rules[0].verbs[1]: "list" is not a verb the API server uses, so it matches no request'],
      ['rbac-verb-unknown', 'rules[0].verbs[2]', 'rules[0].verbs[2]: "GET" is not a verb the API server uses, so it matches no request (verbs are lower case: "get")'],
    ]);
  });

  it('a resource rule does not know HTTP verbs; a capitalised verb unknown in lower case too gets no hint', () => {
    expect(warnings(ROLE('- {apiGroups: [""], resources: [pods], verbs: [post, Lsit, escalate]}')).map((w) => w[2])).toEqual([
      'rules[0].verbs[0]: "post" is not a verb the API server uses, so it matches no request',
      'rules[0].verbs[1]: "Lsit" is not a verb the API server uses, so it matches no request',
    ]);
  });

  it('the second rule is numbered as such', () => {
    expect(warnings(ROLE('- {apiGroups: [""], resources: [pods], verbs: [get]}\n- {apiGroups: [""], resources: [pods], verbs: [lsit]}')).map((w) => w[1]))
      .toEqual(['rules[1].verbs[0]']);
  });

  it('a ClusterRole without an aggregationRule has its rules checked', () => {
    expect(warnings(CLUSTER_ROLE('- {apiGroups: [""], resources: [pod], verbs: [lsit]}')).map((w) => w[0])).toEqual(['rbac-resource-unknown', 'rbac-verb-unknown']); // in the order written
  });
});

describe('subject ServiceAccounts', () => {
  const binding = (kind: string, subjects: string) =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: {name: b${kind === 'RoleBinding' ? ', namespace: dev' : ''}}\nroleRef: {kind: ClusterRole, name: view}\nsubjects:\n${subjects}`;

  it('looked up in their own namespace; kube-public and kube-node-lease are not checked; a declared one is found; other kinds are not ServiceAccounts', () => {
    const text = `${binding('RoleBinding', '- {kind: ServiceAccount, name: robot, namespace: prod}\n- {kind: ServiceAccount, name: a, namespace: kube-public}\n- {kind: ServiceAccount, name: b, namespace: kube-node-lease}\n- {kind: ServiceAccount, name: here}\n- {kind: User, name: robot}\n- {kind: ServiceAccount, name: there}')}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: here, namespace: dev}`;
    expect(warnings(text)).toEqual([
      ['rbac-subject-missing', 'subjects[0].name', 'subjects[0]: ServiceAccount prod/robot does not exist; the binding applies to it only once it is created'],
      ['rbac-subject-missing', 'subjects[5].name', 'subjects[5]: ServiceAccount dev/there does not exist; the binding applies to it only once it is created'],
    ]);
  });

  it('a ClusterRoleBinding\'s subject without a namespace matches no one and is not looked up', () => {
    expect(warnings(binding('ClusterRoleBinding', '- {kind: ServiceAccount, name: robot}'))).toEqual([]);
    expect(warnings(binding('ClusterRoleBinding', '- {kind: ServiceAccount, name: robot, namespace: dev}')).map((w) => w[2]))
      .toEqual(['subjects[0]: ServiceAccount dev/robot does not exist; the binding applies to it only once it is created']);
  });
});

describe('aggregation', () => {
  it('an aggregationRule that selects something and no rules written: no warning', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}';
    expect(warnings(text)).toEqual([]);
  });

  it('rules written next to an aggregationRule that selects something: only the replaced warning, on rules', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}\nrules:\n- {apiGroups: [""], resources: [pod], verbs: [lsit]}';
    expect(warnings(text)).toEqual([[
      'rbac-aggregation-rules-replaced', 'rules',
      'rules: a ClusterRole with an aggregationRule gets its rules from the aggregation controller, which replaces the rules written here',
    ]]);
  });

  it('an aggregationRule that selects nothing: the warning on aggregationRule', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {team: nobody}';
    expect(warnings(text)).toEqual([[
      'rbac-aggregation-empty', 'aggregationRule', 'aggregationRule: no ClusterRole matches its clusterRoleSelectors, so this ClusterRole has no rules',
    ]]);
  });
});

describe('pods', () => {
  it('a pod naming a ServiceAccount that exists, or in another namespace than the one declared', () => {
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: dev}\n---\n';
    const pod = (ns: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  serviceAccountName: robot\n  containers: [{name: c, image: nginx}]`;
    expect(warnings(sa + pod('dev'))).toEqual([]);
    expect(warnings(sa + pod('prod')).map((w) => w[0])).toEqual(['serviceaccount-missing']);
  });

  it('two pods of their own get a warning each', () => {
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: dev}\nspec:\n  serviceAccountName: robot\n  containers: [{name: c, image: nginx}]`;
    expect(warnings(`${pod('a')}\n---\n${pod('b')}`).map((w) => (w[2] ?? '').slice((w[2] ?? '').indexOf('pods "')))).toEqual([
      'pods "a" is forbidden: error looking up service account dev/robot: serviceaccount "robot" not found',
      'pods "b" is forbidden: error looking up service account dev/robot: serviceaccount "robot" not found',
    ]);
  });
});
