// The clusterrole-aggregation controller's edges (issue 15, written ahead of the rbac mutation run):
// kubernetes pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go syncClusterRole
// — for each selector in order, every other ClusterRole it matches (sorted by name), each rule once
// (ruleExists: equality.Semantic.DeepEqual on the whole PolicyRule), the manifest's rules replaced —
// run again whenever a ClusterRole changes, so chains settle whatever their names' order.
import { describe, expect, it } from 'vitest';
import type { ClusterRole, LabelSelector, RbacRule } from '../model/index.js';
import { aggregateClusterRoles, sameRule } from './aggregate.js';

const rule = (r: Partial<RbacRule>): RbacRule => ({ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: [], nonResourceURLs: [], ...r });
const sel = (matchLabels: Record<string, string>): LabelSelector => ({ matchLabels, matchExpressions: [] });
const role = (name: string, rules: RbacRule[], labels: Record<string, string> = {}, selectors?: LabelSelector[]): ClusterRole => ({
  kind: 'ClusterRole', name, labels, rules, system: false, ...(selectors ? { aggregationRule: { clusterRoleSelectors: selectors } } : {}),
});
const byName = (roles: ClusterRole[], name: string): ClusterRole => {
  const r = roles.find((x) => x.name === name);
  if (!r) throw new Error(`no ${name}`);
  return r;
};

describe('aggregateClusterRoles', () => {
  it('returns every role sorted by name; a role without aggregationRule is left as it is', () => {
    const b = role('b', [rule({})]);
    const out = aggregateClusterRoles([role('c', []), b, role('a', [])]);
    expect(out.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(out[1]).toBe(b);
  });

  it('selectors in order, the roles each matches by name, each role named once, each rule once with its first origin', () => {
    const shared = rule({ verbs: ['list'] });
    const out = aggregateClusterRoles([
      role('agg', [rule({ resources: ['written'] })], {}, [sel({ t: '2' }), sel({ t: '1' })]),
      role('z1', [shared, rule({ resources: ['z1'] })], { t: '1' }),
      role('a1', [rule({ resources: ['a1'] })], { t: '1' }),
      role('m2', [shared, rule({ resources: ['m2'] })], { t: '2', u: 'x' }),
      role('m2b', [rule({ resources: ['m2b'] })], { t: '2' }),
    ]);
    const agg = byName(out, 'agg');
    expect(agg.aggregatedFrom).toEqual(['m2', 'm2b', 'a1', 'z1']);
    expect(agg.rules.map((r) => [r.resources[0], r.verbs[0], r.from])).toEqual([
      ['pods', 'list', 'm2'], ['m2', 'get', 'm2'], ['m2b', 'get', 'm2b'], ['a1', 'get', 'a1'], ['z1', 'get', 'z1'],
    ]);
    expect(agg.writtenRules).toEqual([rule({ resources: ['written'] })]);
  });

  it('a role matched by two selectors is named once and its rules are not repeated', () => {
    const out = aggregateClusterRoles([
      role('agg', [], {}, [sel({ t: '1' }), sel({ u: '1' })]),
      role('both', [rule({})], { t: '1', u: '1' }),
    ]);
    expect(byName(out, 'agg').aggregatedFrom).toEqual(['both']);
    expect(byName(out, 'agg').rules).toHaveLength(1);
  });

  it('never collects itself, even when its own labels match', () => {
    const out = aggregateClusterRoles([role('self', [rule({ resources: ['own'] })], { t: '1' }, [sel({ t: '1' })])]);
    expect(byName(out, 'self')).toMatchObject({ rules: [], aggregatedFrom: [], writtenRules: [rule({ resources: ['own'] })] });
  });

  it('chains settle whatever the names\' order (a ← b ← c ← d)', () => {
    const out = aggregateClusterRoles([
      role('a', [], {}, [sel({ to: 'a' })]),
      role('b', [], { to: 'a' }, [sel({ to: 'b' })]),
      role('c', [], { to: 'b' }, [sel({ to: 'c' })]),
      role('d', [rule({ resources: ['deep'] })], { to: 'c' }),
    ]);
    for (const name of ['a', 'b', 'c']) expect(byName(out, name).rules.map((r) => [r.resources[0], r.from])).toEqual([['deep', 'd']]);
    // writtenRules stays the manifest's, not a later round's.
    expect(byName(out, 'a').writtenRules).toEqual([]);
  });

  it('a longer chain written in reverse name order settles too', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const roles = names.map((n, i) => (i === names.length - 1
      ? role(n, [rule({ resources: ['leaf'] })], { to: names[i - 1] ?? '' })
      : role(n, [], i === 0 ? {} : { to: names[i - 1] ?? '' }, [sel({ to: n })])));
    const out = aggregateClusterRoles(roles);
    expect(byName(out, 'a').rules.map((r) => r.resources[0])).toEqual(['leaf']);
  });

  it('a cycle keeps what it started from and ends', () => {
    const out = aggregateClusterRoles([
      role('x', [], { c: 'y' }, [sel({ c: 'x' })]),
      role('y', [], { c: 'x' }, [sel({ c: 'y' })]),
      role('base', [rule({ resources: ['b'] })], { c: 'x' }),
    ]);
    expect(byName(out, 'x').rules.map((r) => r.resources[0])).toEqual(['b']);
    expect(byName(out, 'y').rules.map((r) => r.resources[0])).toEqual(['b']);
  });

  it('a role that already has a from keeps it when collected again', () => {
    const out = aggregateClusterRoles([
      role('top', [], {}, [sel({ to: 'top' })]),
      role('mid', [], { to: 'top' }, [sel({ to: 'mid' })]),
      role('leaf', [rule({})], { to: 'mid' }),
    ]);
    expect(byName(out, 'top').rules[0]?.from).toBe('leaf');
  });
});

describe('sameRule (DeepEqual on the five lists)', () => {
  const base = rule({});
  it.each<[string, Partial<RbacRule>]>([
    ['verbs', { verbs: ['list'] }],
    ['apiGroups', { apiGroups: ['apps'] }],
    ['resources', { resources: ['services'] }],
    ['resourceNames', { resourceNames: ['web'] }],
    ['nonResourceURLs', { nonResourceURLs: ['/x'] }],
    ['a longer list', { verbs: ['get', 'list'] }],
  ])('%s differ', (_label, change) => {
    expect(sameRule(base, rule(change))).toBe(false);
    expect(sameRule(rule(change), base)).toBe(false);
  });

  it('equal lists, whatever else differs (from); the same elements in another order differ', () => {
    expect(sameRule(base, { ...rule({}), from: 'x' })).toBe(true);
    expect(sameRule(rule({ verbs: ['get', 'list'] }), rule({ verbs: ['get', 'list'] }))).toBe(true);
    expect(sameRule(rule({ verbs: ['get', 'list'] }), rule({ verbs: ['list', 'get'] }))).toBe(false);
  });
});
