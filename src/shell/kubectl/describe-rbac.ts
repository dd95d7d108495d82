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
 * (Role: Kind, Name; Subjects: Kind, Name, Namespace). No Namespace line and no events. Also
 * describeServiceAccount.
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

export function describeRbac(ctx: Ctx, item: Item, showEvents = true): string | null {
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
  if (kind === 'ServiceAccount') return describeServiceAccount(item, showEvents);
  return null;
}

/**
 * describe.go describeServiceAccount: Name, Namespace, Labels, Annotations, then the three secret
 * lists under their fixed-width headers in sorted order (`Image pull secrets:`, `Mountable secrets: `,
 * `Tokens:            `), `<none>` when empty, then the events. The lab's v1.30 cluster creates no
 * token Secrets (bound tokens only), so Tokens lists none.
 */
function describeServiceAccount(item: Item, showEvents: boolean): string {
  const names = (v: unknown) => list(v).map((x) => String(x['name'] ?? ''));
  let s = `Name:\t${item.name}\nNamespace:\t${item.namespace ?? ''}\n`;
  s += header(item).split('\n').slice(1).join('\n');
  const types: [string, string[]][] = [
    ['Image pull secrets:', names(item.raw?.['imagePullSecrets'])],
    ['Mountable secrets: ', names(item.raw?.['secrets'])],
    ['Tokens:            ', []],
  ];
  for (const [head, values] of types) {
    if (values.length === 0) s += `${head}\t<none>\n`;
    else values.forEach((n, i) => { s += `${i === 0 ? head : ' '.repeat(19)}\t${n}\n`; });
  }
  if (showEvents) s += 'Events:\t<none>\n';
  return describeText(s);
}
