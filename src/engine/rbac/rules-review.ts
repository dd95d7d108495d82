import type { RbacAnalysis, RbacRule, UserInfo } from '../model/index.js';
import { aggregateErrors } from './forbidden.js';
import { rbacIndex, resolveRole, visitingOrder } from './resolve.js';
import { appliesTo } from './subjects.js';

/**
 * `kubectl auth can-i --list`: the SelfSubjectRulesReview the API server answers
 * (RBACAuthorizer.RulesFor over DefaultRuleResolver.RulesFor: the rules of every binding that
 * applies, ClusterRoleBindings then the namespace's RoleBindings), then kubectl's own shaping
 * (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go printStatus, pkg/util/rbac/rbac.go):
 * each rule broken down to one group × resource × verb (× name), the single-resource ones
 * compacted back per group/resource/name with their verbs appended in order (duplicates kept, as
 * kubectl shows them), then sorted stably by the generated PolicyRule String()
 * (`&PolicyRule{Verbs:[…],APIGroups:[…],…}`), which orders rows by their verbs first.
 */

/** One row of the table, as kubectl prints it. */
export interface RulesListRow {
  /** describe.CombineResourceGroup: `pods`, `deployments.apps/scale`, `*.*`; '' for a URL row. */
  readonly resources: string;
  readonly nonResourceURLs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly verbs: readonly string[];
  /** The compacted rule the row prints. */
  readonly rule: RbacRule;
}

export interface RulesList {
  readonly rows: readonly RulesListRow[];
  /** Always false for RBAC (only the Node authorizer answers incomplete, for nodes). */
  readonly incomplete: boolean;
  /** The review's evaluationError: the bindings' missing roles (kubectl does not print it). */
  readonly evaluationError: string;
}

/**
 * The rules `subject` holds in `namespace` ('' for the cluster scope only), as `kubectl auth can-i
 * --list [-n NS]` prints them.
 */
export function listRules(rbac: RbacAnalysis, subject: UserInfo, namespace: string): RulesList {
  const { rules, errors } = rulesFor(rbac, subject, namespace);
  const broken: RbacRule[] = [];
  for (const r of rules) broken.push(...breakdownRule(r));
  const compact = compactRules(broken);
  const keyed = compact.map((rule, i) => ({ rule, key: policyRuleString(rule), i }));
  // sort.Stable by the String() key (Go compares bytes; these keys are compared as UTF-16, the same for ASCII).
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return {
    rows: keyed.map(({ rule }) => ({
      resources: combineResourceGroup(rule.resources, rule.apiGroups),
      nonResourceURLs: rule.nonResourceURLs, resourceNames: rule.resourceNames, verbs: rule.verbs, rule,
    })),
    incomplete: false,
    evaluationError: aggregateErrors(errors),
  };
}

/** DefaultRuleResolver.RulesFor: the rules of every applying binding, in visiting order, and the lookup errors. */
export function rulesFor(rbac: RbacAnalysis, user: UserInfo, namespace: string): { rules: RbacRule[]; errors: string[] } {
  const index = rbacIndex(rbac);
  const rules: RbacRule[] = [];
  const errors: string[] = [];
  for (const [b, ns] of visitingOrder(index, namespace)) {
    if (appliesTo(user, b.subjects, ns) < 0) continue;
    const resolved = resolveRole(index, b, ns);
    if (resolved.role) rules.push(...resolved.role.rules);
    else errors.push(resolved.error);
  }
  return { rules, errors };
}

const plain = (r: Partial<RbacRule>): RbacRule => ({
  verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [], nonResourceURLs: r.nonResourceURLs ?? [],
});

/** BreakdownRule: one rule per group × resource × verb (× resource name), then per URL × verb. */
export function breakdownRule(rule: RbacRule): RbacRule[] {
  const out: RbacRule[] = [];
  for (const group of rule.apiGroups) {
    for (const resource of rule.resources) {
      for (const verb of rule.verbs) {
        if (rule.resourceNames.length > 0) {
          for (const name of rule.resourceNames) out.push(plain({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] }));
        } else {
          out.push(plain({ apiGroups: [group], resources: [resource], verbs: [verb] }));
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs) for (const verb of rule.verbs) out.push(plain({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/**
 * CompactRules: rules with one group, one resource, at most one name and nothing else merge their
 * verbs (appended in order); the others stay as they are. Upstream collects the merged ones in a
 * Go map (random order) after the others; the stable sort that follows makes that order irrelevant
 * except between equal keys, which cannot occur among merged rules.
 */
export function compactRules(rules: readonly RbacRule[]): RbacRule[] {
  const compacted: RbacRule[] = [];
  const simple = new Map<string, { apiGroups: string[]; resources: string[]; resourceNames: string[]; verbs: string[] }>();
  for (const r of rules) {
    const simpleKey = isSimple(r);
    if (simpleKey === null) {
      compacted.push(r);
      continue;
    }
    const existing = simple.get(simpleKey);
    if (existing) existing.verbs.push(...r.verbs);
    else simple.set(simpleKey, { apiGroups: [...r.apiGroups], resources: [...r.resources], resourceNames: [...r.resourceNames], verbs: [...r.verbs] });
  }
  for (const s of simple.values()) compacted.push(plain(s));
  return compacted;
}

/** isSimpleResourceRule: the map key, or null. */
function isSimple(r: RbacRule): string | null {
  if (r.resourceNames.length > 1 || r.nonResourceURLs.length > 0) return null;
  if (r.apiGroups.length !== 1 || r.resources.length !== 1) return null;
  return JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
}

/** The generated rbacv1.PolicyRule String(): the sort key of kubectl's SortableRuleSlice. */
export function policyRuleString(r: RbacRule): string {
  const v = (list: readonly string[]) => `[${list.join(' ')}]`;
  return `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;
}

/** describe.CombineResourceGroup: the first resource, `.group` unless core, then `/subresource`. */
export function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  const first = resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let out = slash < 0 ? first : first.slice(0, slash);
  const group = groups[0];
  if (group !== undefined && group !== '') out += `.${group}`;
  if (slash >= 0) out += `/${first.slice(slash + 1)}`;
  return out;
}
