import type { Binding, ClusterRole, LabelSelector, RbacRule, Role, SourceRef, Subject } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { createdAt } from './cluster.js';
import type { Item } from './items.js';
import type { ResourceType } from './resources.js';

/**
 * Roles, ClusterRoles, RoleBindings and ClusterRoleBindings as the API lists them: the engine's
 * RBAC (Analysis.rbac) — kubeadm v1.30's built-in objects (the bootstrap policy, with the
 * aggregated admin/edit/view rules the clusterrole-aggregation controller wrote) and the
 * scenario's, which replace a built-in one of the same name. A built-in object is shown as the
 * API server stores it: the bootstrap policy's objects carry the `kubernetes.io/bootstrapping:
 * rbac-defaults` label and the `rbac.authorization.kubernetes.io/autoupdate: "true"` annotation
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy addDefaultMetadata); kubeadm's own have neither.
 */
const RBAC_GROUP = 'rbac.authorization.k8s.io';

const rule = (r: RbacRule): Record<string, unknown> => ({
  ...(r.apiGroups.length || r.resources.length ? { apiGroups: [...r.apiGroups] } : {}),
  ...(r.nonResourceURLs.length ? { nonResourceURLs: [...r.nonResourceURLs] } : {}),
  ...(r.resourceNames.length ? { resourceNames: [...r.resourceNames] } : {}),
  ...(r.resources.length ? { resources: [...r.resources] } : {}),
  verbs: [...r.verbs],
});

const subject = (s: Subject): Record<string, unknown> => ({
  ...(s.kind !== 'ServiceAccount' ? { apiGroup: s.apiGroup || RBAC_GROUP } : {}), kind: s.kind, name: s.name, ...(s.namespace !== undefined ? { namespace: s.namespace } : {}),
});

const selector = (s: LabelSelector): Record<string, unknown> => ({
  ...(s.matchExpressions?.length ? { matchExpressions: s.matchExpressions.map((e) => ({ ...e })) } : {}),
  ...(s.matchLabels && Object.keys(s.matchLabels).length ? { matchLabels: { ...s.matchLabels } } : {}),
});

function metadata(o: { name: string; labels: Readonly<Record<string, string>>; system: boolean }, namespace?: string): Record<string, unknown> {
  const bootstrap = o.labels['kubernetes.io/bootstrapping'] === 'rbac-defaults';
  return {
    ...(o.system && bootstrap ? { annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } } : {}),
    ...(Object.keys(o.labels).length ? { labels: { ...o.labels } } : {}),
    name: o.name, ...(namespace !== undefined ? { namespace } : {}),
  };
}

/** The object as stored, for a built-in RBAC object (a scenario's keeps its own document). */
function rawOf(o: Role | ClusterRole | Binding): Record<string, unknown> {
  const apiVersion = `${RBAC_GROUP}/v1`;
  if (o.kind === 'Role') return { apiVersion, kind: 'Role', metadata: metadata(o, o.namespace), rules: o.rules.map(rule) };
  if (o.kind === 'ClusterRole') {
    return {
      ...(o.aggregationRule ? { aggregationRule: { clusterRoleSelectors: o.aggregationRule.clusterRoleSelectors.map(selector) } } : {}),
      apiVersion, kind: 'ClusterRole', metadata: metadata(o), rules: o.rules.map(rule),
    };
  }
  const roleRef = { apiGroup: RBAC_GROUP, kind: o.roleRef.kind, name: o.roleRef.name };
  const subjects = o.subjects.length ? { subjects: o.subjects.map(subject) } : {};
  return o.kind === 'RoleBinding'
    ? { apiVersion, kind: 'RoleBinding', metadata: metadata(o, o.namespace), roleRef, ...subjects }
    : { apiVersion, kind: 'ClusterRoleBinding', metadata: metadata(o), roleRef, ...subjects };
}

export function rbacItems(ctx: Ctx, type: ResourceType, namespace: string | null): Item[] {
  const rbac = ctx.analysis().rbac;
  const inNs = (ns: string) => namespace === null || ns === namespace;
  const item = (o: Role | ClusterRole | Binding, ns: string | undefined): Item => {
    const ref: SourceRef | undefined = o.ref && o.ref.doc >= 0 ? o.ref : undefined;
    const raw = ref ? ctx.docAt(ref)?.value : undefined;
    return {
      type, name: o.name, namespace: ns, labels: o.labels, ref, raw: raw ?? rawOf(o), created: createdAt(o.system),
      ...(o.system ? { system: true } : {}),
    };
  };
  switch (type.kind) {
    case 'Role': return rbac.roles.filter((r) => inNs(r.namespace)).map((r) => item(r, r.namespace));
    case 'ClusterRole': return rbac.clusterRoles.map((r) => item(r, undefined));
    case 'RoleBinding': return rbac.bindings.flatMap((b) => (b.kind === 'RoleBinding' && inNs(b.namespace) ? [item(b, b.namespace)] : []));
    case 'ClusterRoleBinding': return rbac.bindings.flatMap((b) => (b.kind === 'ClusterRoleBinding' ? [item(b, undefined)] : []));
    default: return [];
  }
}
