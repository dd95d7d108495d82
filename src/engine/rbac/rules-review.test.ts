// `kubectl auth can-i --list`: the SelfSubjectRulesReview (RBACAuthorizer.RulesFor over
// DefaultRuleResolver.RulesFor) shaped by kubectl (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go
// printStatus; pkg/util/rbac/rbac.go BreakdownRule, CompactRules, SortableRuleSlice by the generated
// PolicyRule String(); describe.CombineResourceGroup) and printed through cli-runtime's tabwriter
// (minwidth 6, padding 3).
import { describe, expect, it } from 'vitest';
import { formatRulesList } from '../format/rbac-list.js';
import type { RbacRule } from '../model/index.js';
import { rbacOf } from '../../testing/rbac.js';
import { breakdownRule, combineResourceGroup, compactRules, listRules, policyRuleString } from './rules-review.js';
import { impersonate, LAB_USER } from './subjects.js';

const rule = (r: Partial<RbacRule>): RbacRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

describe('kubectl auth can-i --list', () => {
  it('the lab user (cluster-admin plus what every authenticated user has), duplicates and all', () => {
    expect(formatRulesList(listRules(rbacOf(''), LAB_USER, 'default'))).toBe([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
      'selfsubjectreviews.authentication.k8s.io        []                  []               [create]',
      'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
      'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]',
      '                                                [/api/*]            []               [get]',
      '                                                [/api]              []               [get]',
      '                                                [/apis/*]           []               [get]',
      '                                                [/apis]             []               [get]',
      '                                                [/healthz]          []               [get]',
      '                                                [/healthz]          []               [get]',
      '                                                [/livez]            []               [get]',
      '                                                [/livez]            []               [get]',
      '                                                [/openapi/*]        []               [get]',
      '                                                [/openapi]          []               [get]',
      '                                                [/readyz]           []               [get]',
      '                                                [/readyz]           []               [get]',
      '                                                [/version/]         []               [get]',
      '                                                [/version/]         []               [get]',
      '                                                [/version]          []               [get]',
      '                                                [/version]          []               [get]',
      '',
    ].join('\n'));
  });

  it('a Role\'s rules in its namespace only; verbs of one resource merged in order; names kept apart', () => {
    const rbac = rbacOf(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: dev}
rules:
- {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}
- {apiGroups: [""], resources: [pods], verbs: [watch, get]}
- {apiGroups: [apps], resources: [deployments/scale], verbs: [patch]}
- {apiGroups: [""], resources: [secrets], verbs: [get], resourceNames: [a, b]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: r}`);
    const jane = impersonate('jane');
    const rows = listRules(rbac, jane, 'dev').rows.filter((r) => r.nonResourceURLs.length === 0).map((r) => `${r.resources} [${r.resourceNames.join(' ')}] [${r.verbs.join(' ')}]`);
    expect(rows).toEqual([
      'selfsubjectreviews.authentication.k8s.io [] [create]',
      'selfsubjectaccessreviews.authorization.k8s.io [] [create]',
      'selfsubjectrulesreviews.authorization.k8s.io [] [create]',
      // Sorted by the String() key, verbs first: `[get list watch get]` < `[get list]` (' ' < ']').
      'pods [] [get list watch get]',
      'pods/log [] [get list]',
      'secrets [a] [get]',
      'secrets [b] [get]',
      'deployments.apps/scale [] [patch]',
    ]);
    expect(listRules(rbac, jane, 'prod').rows.some((r) => r.resources === 'pods')).toBe(false);
  });

  it('--no-headers, and a ServiceAccount', () => {
    const sa = impersonate('system:serviceaccount:dev:robot');
    const text = formatRulesList(listRules(rbacOf(''), sa, 'dev'), { noHeaders: true });
    // Widest cells + 3, at least 6: 45 + 3, `[/.well-known/openid-configuration]` 35 + 3, `[]` → 6.
    expect(text.split('\n')[0]).toBe(`${'selfsubjectreviews.authentication.k8s.io'.padEnd(48)}${'[]'.padEnd(38)}${'[]'.padEnd(6)}[create]`);
    expect(text).toContain('[/.well-known/openid-configuration]');
  });

  it('a missing role is the review\'s evaluationError, not a row', () => {
    const rbac = rbacOf('apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, namespace: dev}\nsubjects: [{kind: User, name: jane}]\nroleRef: {kind: Role, name: gone}');
    const list = listRules(rbac, impersonate('jane'), 'dev');
    expect(list.evaluationError).toBe('role.rbac.authorization.k8s.io "gone" not found');
    expect(list.incomplete).toBe(false);
  });
});

describe('kubectl\'s rule shaping', () => {
  it('BreakdownRule: group × resource × verb (× name), then URL × verb', () => {
    expect(breakdownRule(rule({ apiGroups: ['', 'apps'], resources: ['a'], verbs: ['get', 'list'] })).map(policyRuleString)).toEqual([
      '&PolicyRule{Verbs:[get],APIGroups:[],Resources:[a],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[list],APIGroups:[],Resources:[a],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[get],APIGroups:[apps],Resources:[a],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[list],APIGroups:[apps],Resources:[a],ResourceNames:[],NonResourceURLs:[],}',
    ]);
    expect(breakdownRule(rule({ nonResourceURLs: ['/a', '/b'], verbs: ['get'] })).map((r) => r.nonResourceURLs)).toEqual([['/a'], ['/b']]);
  });

  it('CompactRules merges single-resource rules only', () => {
    const out = compactRules([rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] }), rule({ nonResourceURLs: ['/x'], verbs: ['get'] }), rule({ apiGroups: [''], resources: ['pods'], verbs: ['list'] })]);
    expect(out.map((r) => [r.resources, r.nonResourceURLs, r.verbs])).toEqual([[[], ['/x'], ['get']], [['pods'], [], ['get', 'list']]]);
  });

  it.each([
    { resources: ['pods'], groups: [''], out: 'pods' },
    { resources: ['deployments/scale'], groups: ['apps'], out: 'deployments.apps/scale' },
    { resources: ['*'], groups: ['*'], out: '*.*' },
    { resources: [], groups: [], out: '' },
  ])('CombineResourceGroup($resources, $groups) = "$out"', ({ resources, groups, out }) => expect(combineResourceGroup(resources, groups)).toBe(out));
});
