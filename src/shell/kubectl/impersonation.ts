import { LAB_USER_INFO, authorize, impersonate, type AuthorizationRequest, type UserInfo } from '../../engine/index.js';
import type { Ctx } from '../context.js';

/**
 * Who the lab's kubectl authenticates as for the command running: kubeadm's `kubernetes-admin`
 * (admin.conf's client certificate, group kubeadm:cluster-admins, bound to cluster-admin), or
 * the user the global flags `--as USER [--as-group G]…` impersonate. The API server's
 * impersonation filter (apiserver pkg/endpoints/filters/impersonation.go, through the engine's
 * impersonate()) gives a ServiceAccount username its groups and everyone system:authenticated;
 * the lab user may impersonate anyone (cluster-admin holds `impersonate` on users and groups).
 */
const current = new WeakMap<Ctx, UserInfo>();

export function requestUser(ctx: Ctx): UserInfo {
  return current.get(ctx) ?? LAB_USER_INFO;
}

/** Whether the command runs impersonated (the lab user is cluster-admin: no check needed otherwise). */
export function impersonating(ctx: Ctx): boolean {
  return current.has(ctx);
}

/** Runs `fn` as the impersonated user (or as the lab user when `as` is undefined). */
export function withImpersonation<T>(ctx: Ctx, as: string | undefined, groups: readonly string[], fn: () => T): T {
  if (as === undefined) return fn();
  const saved = current.get(ctx);
  current.set(ctx, impersonate(as, groups));
  try {
    return fn();
  } finally {
    if (saved) current.set(ctx, saved);
    else current.delete(ctx);
  }
}

/** The RBAC authorizer's answer for the running command's user: null (allowed) or the API server's Forbidden message. */
export function forbidden(ctx: Ctx, req: Omit<AuthorizationRequest, 'user' | 'groups'>): string | null {
  const user = requestUser(ctx);
  const d = authorize(ctx.analysis().rbac, { ...req, user: user.name, groups: user.groups });
  return d.allowed ? null : d.forbidden;
}
