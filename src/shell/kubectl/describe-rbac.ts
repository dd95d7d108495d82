import { listRules, type RbacAnalysis, type RbacRule } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { annotationLines, describeText, labelLines } from './describe-util.js';
import type { Item } from './items.js';

/**
 * kubectl v1.30 pkg/describe/describe.go describeRole / describeClusterRole (Name, Labels,
 * Annotations, then PolicyRule: the rules broken down, compacted and sorted as `auth can-i --list`
 * does them — rbac.BreakdownRule, CompactRules, SortableRuleSlice — one row per rule with
 * CombineResourceGroup and Go's %v lists) and describeRoleBinding / describeClusterRoleBinding
 * (Role: Kind, Name; Subjects: Kind, Name, Namespace). No Namespace line and no events.
 */
const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/**
 * The PolicyRule rows of a role's rules: the engine's SelfSubjectRulesReview shaping (listRules)
 * run over a one-binding RBAC holding only this role, so the rows are exactly kubectl's.
 */
function ruleRows(ctx: Ctx, item: Item): string[][] {
  const rbac = ctx.analysis().rbac;
  const found = item.type.kind === 'Role'
    ? rbac.roles.find((r) => r.namespace === item.namespace && r.name === item.name)
    : rbac.clusterRoles.find((r) => r.name === item.name);
  const rules: readonly RbacRule[] = found?.rules ?? [];
  const apiGroup = 'rbac.authorization.k8s.io';
  const only: RbacAnalysis = {
    roles: [{ kind: 'Role', namespace: 'describe', name: 'describe', labels: {}, rules, system: false }],
    clusterRoles: [],
    bindings: [{ kind: 'RoleBinding', namespace: 'describe', name: 'describe', labels: {}, roleRef: { apiGroup, kind: 'Role', name: 'describe' }, subjects: [{ kind: 'User', name: 'describe', apiGroup }], system: false }],
    serviceAccounts: [],
  };
  const v = (xs: readonly string[]) => `[${xs.join(' ')}]`;
  return listRules(only, { name: 'describe', groups: [] }, 'describe').rows.map((r) => [r.resources, v(r.nonResourceURLs), v(r.resourceNames), v(r.verbs)]);
}

function header(item: Item): string {
  const meta = rec(item.raw?.['metadata']);
  return `Name:\t${item.name}\n${labelLines('Labels', item.labels)}${annotationLines('Annotations', rec(meta['annotations']))}`;
}

export function describeRbac(ctx: Ctx, item: Item): string | null {
  const kind = item.type.kind;
  if (kind === 'Role' || kind === 'ClusterRole') {
    let s = header(item);
    s += 'PolicyRule:\n  Resources\tNon-Resource URLs\tResource Names\tVerbs\n  ---------\t-----------------\t--------------\t-----\n';
    for (const row of ruleRows(ctx, item)) s += `  ${row.join('\t')}\n`;
    return describeText(s);
  }
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const ref = rec(item.raw?.['roleRef']);
    let s = header(item);
    s += `Role:\n  Kind:\t${String(ref['kind'] ?? '')}\n  Name:\t${String(ref['name'] ?? '')}\n`;
    s += 'Subjects:\n  Kind\tName\tNamespace\n  ----\t----\t---------\n';
    for (const sub of list(item.raw?.['subjects'])) s += `  ${String(sub['kind'] ?? '')}\t${String(sub['name'] ?? '')}\t${typeof sub['namespace'] === 'string' ? sub['namespace'] : ''}\n`;
    return describeText(s);
  }
  return null;
}
