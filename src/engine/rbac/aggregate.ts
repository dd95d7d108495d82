import type { ClusterRole, RbacRule } from '../model/index.js';
import { matchesSelector } from '../selectors/index.js';

/**
 * The clusterrole-aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole
 * with an aggregationRule gets, for each of its clusterRoleSelectors in order, the rules of every
 * other ClusterRole the selector matches (sorted by name), each rule once (ruleExists: equal
 * lists); the rules written in its manifest are replaced. The controller syncs again whenever any
 * ClusterRole changes, so aggregations of aggregations settle (view → edit → admin); this runs
 * the syncs in name order until nothing changes. A cycle keeps what it started from, as the real
 * controller would; the round limit only guards against pathological input.
 */
export function aggregateClusterRoles(roles: readonly ClusterRole[]): ClusterRole[] {
  const current = new Map<string, ClusterRole>();
  const sorted = [...roles].sort((a, b) => cmp(a.name, b.name));
  for (const r of sorted) current.set(r.name, r);
  const aggregated = sorted.filter((r) => r.aggregationRule !== undefined);
  const rounds = aggregated.length + 2;
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const target of aggregated) {
      const now = current.get(target.name) ?? target;
      const { rules, from } = collect(now, [...current.values()]);
      if (!sameRules(rules, now.rules)) changed = true;
      current.set(target.name, {
        ...now, rules, aggregatedFrom: from,
        ...(now.writtenRules === undefined ? { writtenRules: target.rules } : {}),
      });
    }
    if (!changed) break;
  }
  return sorted.map((r) => current.get(r.name) ?? r);
}

function collect(target: ClusterRole, all: readonly ClusterRole[]): { rules: RbacRule[]; from: string[] } {
  const rules: RbacRule[] = [];
  const from: string[] = [];
  for (const selector of target.aggregationRule?.clusterRoleSelectors ?? []) {
    for (const role of all) {
      if (role.name === target.name || !matchesSelector(selector, role.labels)) continue;
      if (!from.includes(role.name)) from.push(role.name);
      for (const rule of role.rules) {
        if (rules.some((r) => sameRule(r, rule))) continue;
        // The copy remembers where it was written; a rule collected twice over keeps its first origin.
        rules.push(rule.from !== undefined ? rule : { ...rule, from: role.name });
      }
    }
  }
  return { rules, from };
}

/** equality.Semantic.DeepEqual on PolicyRule: the five lists, element by element (nil and empty are equal). */
export function sameRule(a: RbacRule, b: RbacRule): boolean {
  return sameList(a.verbs, b.verbs) && sameList(a.apiGroups, b.apiGroups) && sameList(a.resources, b.resources) &&
    sameList(a.resourceNames, b.resourceNames) && sameList(a.nonResourceURLs, b.nonResourceURLs);
}

function sameRules(a: readonly RbacRule[], b: readonly RbacRule[]): boolean {
  return a.length === b.length && a.every((r, i) => {
    const other = b[i];
    return other !== undefined && sameRule(r, other);
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
