import { authorize, impersonate, serviceAccountUser, type UserInfo } from '../../engine/index.js';
import type { CheckContext, CheckOutcome, RbacCheck, RbacSubject } from '../model.js';

/**
 * RBAC checks: the engine's authorizer (engine/rbac authorize, the API server's RBACAuthorizer over
 * the kubeadm bootstrap policy and the student's objects) answers on the live state, so a binding
 * deleted after a `can-i` that said yes no longer passes.
 */

/** The user the API server sees for the subject, as `kubectl --as` / `--as-group` would send it. */
export function subjectUser(subject: RbacSubject): UserInfo {
  switch (subject.kind) {
    case 'User': return impersonate(subject.name);
    // A member of the group: kubectl needs --as with --as-group; the name is no one's.
    case 'Group': return impersonate('', [subject.name]);
    case 'ServiceAccount': return serviceAccountUser(subject.namespace, subject.name);
  }
}

/** `User jane`, `Group ops`, `ServiceAccount dev/robot`. */
export function subjectText(subject: RbacSubject): string {
  return subject.kind === 'ServiceAccount' ? `ServiceAccount ${subject.namespace}/${subject.name}` : `${subject.kind} ${subject.name}`;
}

export function checkRbac(check: RbacCheck, ctx: CheckContext): CheckOutcome {
  const user = subjectUser(check.subject);
  const decision = authorize(ctx.analysis.rbac, {
    user: user.name, groups: user.groups, verb: check.verb, resource: check.resource, apiGroup: check.apiGroup,
    ...(check.subresource !== undefined ? { subresource: check.subresource } : {}),
    ...(check.namespace !== undefined ? { namespace: check.namespace } : {}),
    ...(check.name !== undefined ? { name: check.name } : {}),
  });
  if (decision.allowed === check.allowed) return { passed: true, why: [] };
  const resource = `${check.resource}${check.apiGroup ? `.${check.apiGroup}` : ''}${check.subresource ? `/${check.subresource}` : ''}${check.name ? ` "${check.name}"` : ''}`;
  const where = check.namespace !== undefined ? `in namespace ${check.namespace}` : 'at the cluster scope';
  const what = `${subjectText(check.subject)} ${check.allowed ? 'may not' : 'may'} ${check.verb} ${resource} ${where}`;
  return { passed: false, why: [decision.authorizerReason ? `${what} (${decision.authorizerReason})` : what] };
}
