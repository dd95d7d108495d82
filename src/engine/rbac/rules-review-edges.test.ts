// Edges of kubectl's rule shaping for `kubectl auth can-i --list` (issue 15, written ahead of the rbac
// mutation run): staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go CompactRules/isSimpleResourceRule
// (one group, one resource, at most one name, no URLs; a name keeps rules apart) and BreakdownRule,
// pkg/describe CombineResourceGroup, and RulesFor's bindings (only those whose subject applies).
import { describe, expect, it } from 'vitest';
import type { RbacRule } from '../model/index.js';
import { rbacOf } from '../../testing/rbac.js';
import { breakdownRule, combineResourceGroup, compactRules, listRules, policyRuleString, rulesFor } from './rules-review.js';
import { impersonate } from './subjects.js';

const rule = (r: Partial<RbacRule>): RbacRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });
const shape = (rules: RbacRule[]) => rules.map((r) => [r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs, r.verbs]);

describe('compactRules', () => {
  it('rules that are not simple stay as they are, before the merged ones', () => {
    const twoNames = rule({ apiGroups: [''], resources: ['secrets'], resourceNames: ['a', 'b'], verbs: ['get'] });
    const twoGroups = rule({ apiGroups: ['', 'apps'], resources: ['x'], verbs: ['get'] });
    const twoResources = rule({ apiGroups: [''], resources: ['pods', 'services'], verbs: ['get'] });
    const urlToo = rule({ apiGroups: [''], resources: ['pods'], nonResourceURLs: ['/x'], verbs: ['get'] });
    const simple = rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] });
    const out = compactRules([simple, twoNames, twoGroups, twoResources, urlToo]);
    expect(out.slice(0, 4)).toEqual([twoNames, twoGroups, twoResources, urlToo]);
    expect(shape(out.slice(4))).toEqual([[[''], ['pods'], [], [], ['get']]]);
  });

  it('a name keeps a rule apart from the nameless one and from other names; the same name merges', () => {
    const out = compactRules([
      rule({ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }),
      rule({ apiGroups: [''], resources: ['secrets'], resourceNames: ['a'], verbs: ['get'] }),
      rule({ apiGroups: [''], resources: ['secrets'], resourceNames: ['b'], verbs: ['get'] }),
      rule({ apiGroups: [''], resources: ['secrets'], resourceNames: ['a'], verbs: ['list'] }),
      rule({ apiGroups: ['apps'], resources: ['secrets'], verbs: ['watch'] }),
      rule({ apiGroups: [''], resources: ['secrets'], verbs: ['watch'] }),
    ]);
    expect(shape(out)).toEqual([
      [[''], ['secrets'], [], [], ['get', 'watch']],
      [[''], ['secrets'], ['a'], [], ['get', 'list']],
      [[''], ['secrets'], ['b'], [], ['get']],
      [['apps'], ['secrets'], [], [], ['watch']],
    ]);
  });

  it('merging copies: the input rules are not changed', () => {
    const first = rule({ apiGroups: [''], resources: ['pods'], verbs: ['get'] });
    compactRules([first, rule({ apiGroups: [''], resources: ['pods'], verbs: ['list'] })]);
    expect(first.verbs).toEqual(['get']);
  });
});

describe('breakdownRule', () => {
  it('names multiply the rows; a rule with resources and URLs gives both', () => {
    expect(breakdownRule(rule({ apiGroups: [''], resources: ['secrets'], resourceNames: ['a', 'b'], verbs: ['get', 'list'] })).map((r) => `${r.verbs[0]}:${r.resourceNames[0]}`))
      .toEqual(['get:a', 'get:b', 'list:a', 'list:b']);
    expect(breakdownRule(rule({ apiGroups: [''], resources: ['pods'], nonResourceURLs: ['/x'], verbs: ['get'] })).map(policyRuleString)).toEqual([
      '&PolicyRule{Verbs:[get],APIGroups:[],Resources:[pods],ResourceNames:[],NonResourceURLs:[],}',
      '&PolicyRule{Verbs:[get],APIGroups:[],Resources:[],ResourceNames:[],NonResourceURLs:[/x],}',
    ]);
  });
});

describe('combineResourceGroup', () => {
  it.each([
    { resources: ['pods/log'], groups: [''], out: 'pods/log' },
    { resources: ['pods/log', 'x'], groups: [], out: 'pods/log' },
    { resources: ['scale'], groups: ['apps', 'x'], out: 'scale.apps' },
    { resources: ['a/b/c'], groups: ['g'], out: 'a.g/b/c' },
  ])('$resources, $groups → $out', ({ resources, groups, out }) => expect(combineResourceGroup(resources, groups)).toBe(out));
});

describe('rulesFor and the listed order', () => {
  const rbac = rbacOf(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: dev}
rules:
- {apiGroups: [""], resources: [pods], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: r}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: bob, namespace: dev}
subjects: [{kind: User, name: bob}]
roleRef: {kind: Role, name: gone}`);

  it('only the bindings whose subject applies give rules or errors', () => {
    const jane = rulesFor(rbac, impersonate('jane'), 'dev');
    expect(jane.errors).toEqual([]);
    expect(jane.rules.filter((r) => r.resources.includes('pods'))).toHaveLength(1);
    expect(rulesFor(rbac, impersonate('bob'), 'dev').errors).toEqual(['role.rbac.authorization.k8s.io "gone" not found']);
    expect(rulesFor(rbac, impersonate('jane'), '').rules.some((r) => r.resources.includes('pods'))).toBe(false);
  });

  it('rows with equal keys keep their order (sort.Stable), each row\'s cells from its rule', () => {
    const rows = listRules(rbac, impersonate('jane'), 'dev').rows;
    const keys = rows.map((r) => policyRuleString(r.rule));
    expect(keys).toEqual([...keys].sort());
    const healthz = rows.filter((r) => r.nonResourceURLs[0] === '/healthz');
    expect(healthz).toHaveLength(2);
    const pods = rows.find((r) => r.resources === 'pods');
    expect(pods && [pods.verbs, pods.resourceNames, pods.nonResourceURLs]).toEqual([['get'], [], []]);
  });
});
