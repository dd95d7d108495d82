import type {
  Binding, Cluster, ClusterRoleBinding, PendingDiagnostic, Pod, RbacAnalysis, RoleBinding, ServiceAccountReport,
} from '../model/index.js';
import { aggregateClusterRoles } from './aggregate.js';
import { BOOTSTRAP_CLUSTER_ROLE_BINDINGS, BOOTSTRAP_CLUSTER_ROLES, BOOTSTRAP_ROLE_BINDINGS, BOOTSTRAP_ROLES } from './bootstrap.js';
import { rbacDiagnostics } from './diagnostics.js';
import { serviceAccountUser } from './subjects.js';

export { authorize, isAllowed, describeGrant, ruleChecks } from './authorize.js';
export { forbiddenMessage, attributesMessage } from './forbidden.js';
export { listRules, rulesFor, type RulesList, type RulesListRow } from './rules-review.js';
export {
  API_RESOURCES, apiResource, resolveCanIResource, canIWarnings, KNOWN_RESOURCE_VERBS, KNOWN_NON_RESOURCE_VERBS,
  type ApiResource, type CanIResource,
} from './resources.js';
export {
  LAB_USER, impersonate, serviceAccountUser, serviceAccountUsername, serviceAccountGroups, splitServiceAccountUsername,
  AUTHENTICATED_GROUP, UNAUTHENTICATED_GROUP, PRIVILEGED_GROUP,
} from './subjects.js';
export { podServiceAccount, SERVICE_ACCOUNT_TOKEN_PATH } from './tokens.js';
export { verbMatches, apiGroupMatches, resourceMatches, resourceNameMatches, nonResourceURLMatches, ruleAllows, ruleMisses } from './match.js';

/**
 * Analysis.rbac: the cluster's RBAC objects — the built-in ones of a kubeadm cluster
 * (bootstrap.ts, `system: true`) and the scenario's, which replace a built-in object of the same
 * kind and name as `kubectl apply` would — with ClusterRole aggregation resolved, and every
 * ServiceAccount with its identity and pods. Plain data (it travels to the UI as is).
 */
export function buildRbac(cluster: Cluster, pods: readonly Pod[] = cluster.pods): { rbac: RbacAnalysis; diagnostics: PendingDiagnostic[] } {
  const declaredRoles = new Set(cluster.roles.map((r) => `${r.namespace}/${r.name}`));
  const declaredClusterRoles = new Set(cluster.clusterRoles.map((r) => r.name));
  const declaredBindings = new Set(cluster.roleBindings.map((b) => `${b.namespace}/${b.name}`));
  const declaredClusterBindings = new Set(cluster.clusterRoleBindings.map((b) => b.name));

  const roles = [...BOOTSTRAP_ROLES.filter((r) => !declaredRoles.has(`${r.namespace}/${r.name}`)), ...cluster.roles].sort(byNsName);
  const clusterRoles = aggregateClusterRoles([...BOOTSTRAP_CLUSTER_ROLES.filter((r) => !declaredClusterRoles.has(r.name)), ...cluster.clusterRoles]);
  const clusterBindings: ClusterRoleBinding[] = [...BOOTSTRAP_CLUSTER_ROLE_BINDINGS.filter((b) => !declaredClusterBindings.has(b.name)), ...cluster.clusterRoleBindings]
    .sort((a, b) => cmp(a.name, b.name));
  const roleBindings: RoleBinding[] = [...BOOTSTRAP_ROLE_BINDINGS.filter((b) => !declaredBindings.has(`${b.namespace}/${b.name}`)), ...cluster.roleBindings].sort(byNsName);
  const bindings: Binding[] = [...clusterBindings, ...roleBindings];

  const podsBySa = new Map<string, string[]>();
  for (const p of pods) {
    const key = `${p.namespace}/${p.serviceAccountName}`;
    const list = podsBySa.get(key) ?? [];
    list.push(`${p.namespace}/${p.name}`);
    podsBySa.set(key, list);
  }
  const serviceAccounts: ServiceAccountReport[] = cluster.serviceAccounts.map((sa) => ({
    namespace: sa.namespace, name: sa.name,
    user: serviceAccountUser(sa.namespace, sa.name),
    ...(sa.automountServiceAccountToken !== undefined ? { automountServiceAccountToken: sa.automountServiceAccountToken } : {}),
    declared: sa.declared,
    pods: podsBySa.get(`${sa.namespace}/${sa.name}`) ?? [],
    ...(sa.ref ? { ref: sa.ref } : {}),
  })).sort(byNsName);

  const rbac: RbacAnalysis = { roles, clusterRoles, bindings, serviceAccounts };
  return { rbac, diagnostics: rbacDiagnostics(cluster, rbac) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNsName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name);
