import type { Binding, ClusterRole, RbacAnalysis, Role, RoleInfo } from '../model/index.js';
import { goQuote } from './subjects.js';

/**
 * The rule resolver's lookups (pkg/registry/rbac/validation/rule.go DefaultRuleResolver), shared by
 * authorize() and the rules review: roles by name, bindings in visiting order — every
 * ClusterRoleBinding, then the RoleBindings of one namespace. Upstream lists them from informer
 * caches (no defined order); here ClusterRoleBindings by name, then RoleBindings by name.
 */
export interface RbacIndex {
  readonly clusterRoles: ReadonlyMap<string, ClusterRole>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly clusterBindings: readonly Binding[];
  readonly roleBindingsByNs: ReadonlyMap<string, readonly Binding[]>;
}

const indexes = new WeakMap<RbacAnalysis, RbacIndex>();

export function rbacIndex(rbac: RbacAnalysis): RbacIndex {
  const cached = indexes.get(rbac);
  if (cached) return cached;
  const clusterRoles = new Map<string, ClusterRole>();
  for (const r of rbac.clusterRoles) if (!clusterRoles.has(r.name)) clusterRoles.set(r.name, r);
  const roles = new Map<string, Role>();
  for (const r of rbac.roles) if (!roles.has(`${r.namespace}/${r.name}`)) roles.set(`${r.namespace}/${r.name}`, r);
  const clusterBindings: Binding[] = [];
  const roleBindingsByNs = new Map<string, Binding[]>();
  for (const b of rbac.bindings) {
    if (b.kind === 'ClusterRoleBinding') clusterBindings.push(b);
    else {
      const list = roleBindingsByNs.get(b.namespace) ?? [];
      list.push(b);
      roleBindingsByNs.set(b.namespace, list);
    }
  }
  const index: RbacIndex = { clusterRoles, roles, clusterBindings, roleBindingsByNs };
  indexes.set(rbac, index);
  return index;
}

export type ResolvedRole =
  | { readonly role: Role | ClusterRole; readonly info: RoleInfo }
  | { readonly role: null; readonly info: RoleInfo; readonly error: string };

/**
 * GetRoleReferenceRules: a Role of the binding's namespace, or a ClusterRole. The error is the
 * listers' NotFound: `role.rbac.authorization.k8s.io "NAME" not found`.
 */
export function resolveRole(index: RbacIndex, binding: Binding, namespace: string): ResolvedRole {
  const { kind, name } = binding.roleRef;
  if (kind === 'Role') {
    const role = index.roles.get(`${namespace}/${name}`);
    const info: RoleInfo = { kind, namespace, name, system: role?.system ?? false, ...(role?.ref ? { ref: role.ref } : {}) };
    return role ? { role, info } : { role: null, info, error: `role.rbac.authorization.k8s.io ${goQuote(name)} not found` };
  }
  const role = index.clusterRoles.get(name);
  const info: RoleInfo = { kind: 'ClusterRole', name, system: role?.system ?? false, ...(role?.ref ? { ref: role.ref } : {}) };
  return role ? { role, info } : { role: null, info, error: `clusterrole.rbac.authorization.k8s.io ${goQuote(name)} not found` };
}

/** VisitRulesFor's binding order for a request in `namespace` ('' = cluster scope): [binding, its namespace]. */
export function visitingOrder(index: RbacIndex, namespace: string): [Binding, string][] {
  const out: [Binding, string][] = index.clusterBindings.map((b) => [b, '']);
  if (namespace !== '') for (const b of index.roleBindingsByNs.get(namespace) ?? []) out.push([b, namespace]);
  return out;
}
