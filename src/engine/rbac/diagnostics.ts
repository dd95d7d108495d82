import type {
  Binding, ClusterRole, Cluster, PendingDiagnostic, RbacAnalysis, RbacRule, Role, SourceRef,
} from '../model/index.js';
import { sub } from '../model/index.js';
import { apiResource, API_RESOURCES, groupsOf, KNOWN_NON_RESOURCE_VERBS, KNOWN_RESOURCE_VERBS } from './resources.js';
import { rbacIndex, resolveRole } from './resolve.js';
import { goQuote } from './subjects.js';

/**
 * Warnings about RBAC objects the API server accepts but that almost certainly do not do what was
 * meant (engine-spec section 2): a binding to a role that does not exist (it grants nothing); a
 * subject ServiceAccount that does not exist; a verb no request uses (`lsit`); a resource the
 * listed API groups do not serve (`pod`, `deployments` in the core group); resourceNames on
 * create/deletecollection (those requests carry no name); an aggregationRule that selects nothing,
 * or next to rules the aggregation controller will overwrite. Only the scenario's objects.
 * Also a pod whose ServiceAccount does not exist: the ServiceAccount admission plugin refuses it
 * (plugin/pkg/admission/serviceaccount/admission.go); the lab still runs it, so this is a warning
 * carrying the API server's text.
 */
export function rbacDiagnostics(cluster: Cluster, rbac: RbacAnalysis): PendingDiagnostic[] {
  const out: PendingDiagnostic[] = [];
  const index = rbacIndex(rbac);
  for (const b of rbac.bindings) if (!b.system) bindingDiagnostics(cluster, index, b, out);
  for (const r of rbac.roles) if (!r.system) rulesDiagnostics(r, r.rules, out);
  for (const r of rbac.clusterRoles) {
    if (r.system) continue;
    if (r.aggregationRule) aggregationDiagnostics(r, out);
    else rulesDiagnostics(r, r.rules, out);
  }
  serviceAccountDiagnostics(cluster, out);
  return out;
}

/**
 * `pods "NAME" is forbidden: error looking up service account NS/SA: serviceaccount "SA" not found`
 * (admission.NewForbidden around the lister's NotFound for api.Resource("serviceaccount")). A
 * workload's pods share one warning on the template.
 */
function serviceAccountDiagnostics(cluster: Cluster, out: PendingDiagnostic[]): void {
  const seen = new Set<string>();
  for (const pod of cluster.pods) {
    if (pod.system || pod.serviceAccountName === 'default') continue;
    if (cluster.serviceAccounts.some((s) => s.namespace === pod.namespace && s.name === pod.serviceAccountName)) continue;
    const key = `${pod.specRef.file}:${pod.specRef.doc}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lookup = `error looking up service account ${pod.namespace}/${pod.serviceAccountName}: serviceaccount ${goQuote(pod.serviceAccountName)} not found`;
    const refused = pod.owner
      ? `the API server refuses the pods ${pod.owner.kind} ${pod.owner.name} creates (${lookup})`
      : `the API server refuses this pod: pods ${goQuote(pod.name)} is forbidden: ${lookup}`;
    out.push({
      severity: 'warning', code: 'serviceaccount-missing',
      message: `serviceAccountName: ServiceAccount ${pod.namespace}/${pod.serviceAccountName} does not exist, so ${refused}`,
      ref: sub(pod.specRef, 'serviceAccountName'),
      params: { namespace: pod.namespace, serviceAccount: pod.serviceAccountName },
      object: pod.owner ? `${pod.owner.kind}/${pod.namespace}/${pod.owner.name}` : `Pod/${pod.namespace}/${pod.name}`,
    });
  }
}

const objectName = (o: Binding | Role | ClusterRole): string =>
  o.kind === 'Role' || o.kind === 'RoleBinding' ? `${o.kind}/${o.namespace}/${o.name}` : `${o.kind}/${o.name}`;

function warn(out: PendingDiagnostic[], o: Binding | Role | ClusterRole, code: string, message: string, ref: SourceRef | undefined, params: Record<string, string | number>): void {
  out.push({ severity: 'warning', code, message, ...(ref ? { ref } : {}), params, object: objectName(o) });
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

function bindingDiagnostics(cluster: Cluster, index: ReturnType<typeof rbacIndex>, b: Binding, out: PendingDiagnostic[]): void {
  const ns = b.kind === 'RoleBinding' ? b.namespace : '';
  const resolved = resolveRole(index, b, ns);
  if (!resolved.role) {
    const where = b.roleRef.kind === 'Role' ? ` in namespace ${ns}` : '';
    warn(out, b, 'rbac-role-missing',
      `roleRef: ${b.roleRef.kind} ${goQuote(b.roleRef.name)} does not exist${where}, so this binding grants nothing (the authorizer reports: ${resolved.error})`,
      b.ref ? sub(b.ref, 'roleRef', 'name') : undefined, { kind: b.roleRef.kind, name: b.roleRef.name, namespace: ns, error: resolved.error });
  }
  b.subjects.forEach((s, i) => {
    if (s.kind !== 'ServiceAccount') return;
    const saNs = s.namespace ? s.namespace : ns;
    if (saNs === '' || SYSTEM_NAMESPACES.has(saNs)) return;
    if (cluster.serviceAccounts.some((sa) => sa.namespace === saNs && sa.name === s.name)) return;
    warn(out, b, 'rbac-subject-missing',
      `subjects[${i}]: ServiceAccount ${saNs}/${s.name} does not exist; the binding applies to it only once it is created`,
      s.ref ? sub(s.ref, 'name') : undefined, { namespace: saNs, name: s.name, index: i });
  });
}

function rulesDiagnostics(o: Role | ClusterRole, rules: readonly RbacRule[], out: PendingDiagnostic[]): void {
  rules.forEach((rule, i) => {
    const at = (...more: (string | number)[]) => (rule.ref ? sub(rule.ref, ...more) : undefined);
    const urlRule = rule.nonResourceURLs.length > 0;
    const known = urlRule ? KNOWN_NON_RESOURCE_VERBS : KNOWN_RESOURCE_VERBS;
    rule.verbs.forEach((verb, j) => {
      if (known.includes(verb)) return;
      const lower = verb.toLowerCase();
      const hint = known.includes(lower) ? ` (verbs are lower case: "${lower}")` : '';
      warn(out, o, 'rbac-verb-unknown', `rules[${i}].verbs[${j}]: ${goQuote(verb)} is not a verb the API server uses, so it matches no request${hint}`,
        at('verbs', j), { verb, rule: i });
    });
    if (urlRule) return;
    if (rule.resourceNames.length > 0) {
      const nameless = rule.verbs.filter((v) => v === 'create' || v === 'deletecollection');
      if (nameless.length > 0) {
        warn(out, o, 'rbac-resource-names-nameless',
          `rules[${i}].resourceNames: ${nameless.join(' and ')} requests carry no object name, so this rule never allows ${nameless.join(' or ')}`,
          at('resourceNames'), { verbs: nameless.join(','), rule: i });
      }
    }
    // Only groups the lab knows completely: a CRD's group may serve anything.
    if (rule.apiGroups.includes('*') || rule.apiGroups.some((g) => !API_RESOURCES.some((r) => r.group === g))) return;
    rule.resources.forEach((resource, j) => {
      const problem = resourceProblem(resource, rule.apiGroups);
      if (problem) warn(out, o, 'rbac-resource-unknown', `rules[${i}].resources[${j}]: ${problem}`, at('resources', j), { resource, rule: i });
    });
  });
}

const groupName = (g: string) => (g === '' ? '"" (core)' : goQuote(g));

/** Why `resource` matches nothing in `groups`, or null when some listed group serves it. */
function resourceProblem(resource: string, groups: readonly string[]): string | null {
  if (resource === '*' || resource.startsWith('*/')) return null;
  const slash = resource.indexOf('/');
  const parent = slash < 0 ? resource : resource.slice(0, slash);
  const subresource = slash < 0 ? '' : resource.slice(slash + 1);
  const served = groups.map((g) => apiResource(g, parent)).find((r) => r !== undefined);
  if (served) {
    if (subresource === '' || subresource === '*' || served.subresources.includes(subresource)) return null;
    const list = served.subresources.length ? served.subresources.join(', ') : 'none';
    return `${parent} has no subresource ${goQuote(subresource)} (its subresources: ${list})`;
  }
  const inGroups = groups.map(groupName).join(', ');
  const elsewhere = groupsOf(parent);
  if (elsewhere.length > 0) {
    return `${goQuote(parent)} is served by API group ${elsewhere.map(groupName).join(' and ')}, not ${inGroups}, so this rule matches no request for it`;
  }
  const lower = parent.toLowerCase();
  const likely = API_RESOURCES.find((r) => r.singular === lower || r.kind.toLowerCase() === lower || r.short.includes(lower) || r.plural === lower);
  const hint = likely ? `; RBAC rules name resources in lower-case plural, like ${goQuote(likely.plural)}${likely.group ? ` (API group ${goQuote(likely.group)})` : ''}` : '';
  return `API group ${inGroups} has no resource ${goQuote(parent)}, so this rule matches no request for it${hint}`;
}

function aggregationDiagnostics(r: ClusterRole, out: PendingDiagnostic[]): void {
  if ((r.aggregatedFrom ?? []).length === 0) {
    warn(out, r, 'rbac-aggregation-empty', 'aggregationRule: no ClusterRole matches its clusterRoleSelectors, so this ClusterRole has no rules',
      r.ref ? sub(r.ref, 'aggregationRule') : undefined, {});
  }
  if ((r.writtenRules ?? []).length > 0) {
    warn(out, r, 'rbac-aggregation-rules-replaced',
      'rules: a ClusterRole with an aggregationRule gets its rules from the aggregation controller, which replaces the rules written here',
      r.ref ? sub(r.ref, 'rules') : undefined, {});
  }
}
