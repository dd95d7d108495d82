import type {
  AuthorizationRequest, Binding, BindingCheck, BindingInfo, BindingSkip, RbacAnalysis, RbacDecision, RbacGrant,
  RbacRule, RbacRuleCheck, UserInfo,
} from '../model/index.js';
import { forbiddenMessage, aggregateErrors } from './forbidden.js';
import { combinedResource, isResourceRequest, ruleAllows, ruleMisses } from './match.js';
import { rbacIndex, resolveRole, visitingOrder } from './resolve.js';
import { appliesTo, describeSubject, goQuote, PRIVILEGED_GROUP } from './subjects.js';

/**
 * The answer of the lab's API server (kubeadm: --authorization-mode=Node,RBAC) to one request, with
 * why. First the privileged-group authorizer (pkg/kubeapiserver/authorizer/config.go: members of
 * system:masters may do anything); the Node authorizer has no opinion on anyone but nodes (not
 * simulated); then RBACAuthorizer.Authorize (plugin/pkg/auth/authorizer/rbac/rbac.go) over
 * DefaultRuleResolver.VisitRulesFor (pkg/registry/rbac/validation/rule.go): every
 * ClusterRoleBinding, then — for a namespaced request only — the RoleBindings of that namespace;
 * for each binding with a subject that applies, the rules of its role in order; the first rule
 * that allows ends the walk. A binding whose role does not exist grants nothing; its lookup error
 * becomes the denial's reason. Never throws.
 */
export function authorize(rbac: RbacAnalysis, request: AuthorizationRequest): RbacDecision {
  const req = normalizeRequest(request);
  const user: UserInfo = { name: req.user, groups: req.groups };
  if (user.groups.includes(PRIVILEGED_GROUP)) {
    const allowedBy: RbacGrant = { kind: 'superuser', group: PRIVILEGED_GROUP };
    return { allowed: true, reason: { request: req, allowedBy, applying: [], notApplying: [] }, authorizerReason: '', forbidden: null };
  }
  const index = rbacIndex(rbac);
  const namespace = req.namespace ?? '';
  const applying: BindingCheck[] = [];
  const visited = new Set<Binding>();
  const errors: string[] = [];

  const visit = (binding: Binding, bindingNamespace: string): RbacGrant | null => {
    const subjectIndex = appliesTo(user, binding.subjects, bindingNamespace);
    if (subjectIndex < 0) return null;
    visited.add(binding);
    const subject = binding.subjects[subjectIndex];
    if (!subject) return null;
    const info = bindingInfo(binding);
    const resolved = resolveRole(index, binding, bindingNamespace);
    if (!resolved.role) {
      errors.push(resolved.error);
      applying.push({ binding: info, subjectIndex, subject, role: resolved.info, roleFound: false, error: resolved.error, rules: [] });
      return null;
    }
    const checks: RbacRuleCheck[] = [];
    let grant: RbacGrant | null = null;
    resolved.role.rules.forEach((rule, i) => {
      if (grant) return;
      const misses = ruleMisses(req, rule);
      const allows = ruleAllows(req, rule);
      checks.push({ index: i, rule, allows, misses });
      if (allows) grant = { kind: 'rule', binding: info, subjectIndex, subject, role: resolved.info, ruleIndex: i, rule };
    });
    applying.push({ binding: info, subjectIndex, subject, role: resolved.info, roleFound: true, rules: checks });
    return grant;
  };

  let grant: RbacGrant | null = null;
  for (const [b, ns] of visitingOrder(index, namespace)) {
    grant = visit(b, ns);
    if (grant) break;
  }

  if (grant) {
    return { allowed: true, reason: { request: req, allowedBy: grant, applying, notApplying: [] }, authorizerReason: `RBAC: allowed by ${describeGrant(grant)}`, forbidden: null };
  }
  const notApplying: BindingSkip[] = [];
  for (const b of rbac.bindings) {
    if (visited.has(b)) continue;
    notApplying.push(skip(user, b, namespace));
  }
  const authorizerReason = errors.length > 0 ? `RBAC: ${aggregateErrors(errors)}` : '';
  return {
    allowed: false,
    reason: { request: req, allowedBy: null, applying, notApplying },
    authorizerReason,
    forbidden: forbiddenMessage(req, authorizerReason),
  };
}

/** Whether the request is allowed (the same walk, without the explanation's cost mattering). */
export function isAllowed(rbac: RbacAnalysis, request: AuthorizationRequest): boolean {
  return authorize(rbac, request).allowed;
}

/** Plain strings and arrays only: whatever the caller passed (a UI, a hostile test) is made safe to read. */
function normalizeRequest(r: AuthorizationRequest): AuthorizationRequest {
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  const groups = Array.isArray(r.groups) ? r.groups.filter((g): g is string => typeof g === 'string') : [];
  const base = { user: s(r.user), groups, verb: s(r.verb) };
  if (typeof r.nonResourceURL === 'string') return { ...base, nonResourceURL: r.nonResourceURL };
  return {
    ...base,
    resource: s(r.resource),
    apiGroup: s(r.apiGroup),
    ...(s(r.subresource) !== '' ? { subresource: s(r.subresource) } : {}),
    ...(s(r.namespace) !== '' ? { namespace: s(r.namespace) } : {}),
    ...(s(r.name) !== '' ? { name: s(r.name) } : {}),
  };
}

export function bindingInfo(b: Binding): BindingInfo {
  return {
    kind: b.kind, name: b.name, roleRef: b.roleRef, system: b.system,
    ...(b.kind === 'RoleBinding' ? { namespace: b.namespace } : {}),
    ...(b.ref ? { ref: b.ref } : {}),
  };
}

/**
 * The authorizer's source describer (rule.go clusterRoleBindingDescriber / roleBindingDescriber):
 * `ClusterRoleBinding "NAME" of ClusterRole "ROLE" to Group "G"`,
 * `RoleBinding "NAME/NS" of Role "ROLE" to User "U"`.
 */
export function describeGrant(grant: RbacGrant): string {
  if (grant.kind === 'superuser') return `group ${goQuote(grant.group)}`;
  const b = grant.binding;
  if (b.kind === 'ClusterRoleBinding') {
    return `ClusterRoleBinding ${goQuote(b.name)} of ${b.roleRef.kind} ${goQuote(b.roleRef.name)} to ${describeSubject(grant.subject, '')}`;
  }
  const ns = b.namespace ?? '';
  return `RoleBinding ${goQuote(`${b.name}/${ns}`)} of ${b.roleRef.kind} ${goQuote(b.roleRef.name)} to ${describeSubject(grant.subject, ns)}`;
}

/** Why a binding the walk never consulted does not apply. */
function skip(user: UserInfo, b: Binding, namespace: string): BindingSkip {
  const info = bindingInfo(b);
  if (b.kind === 'ClusterRoleBinding') return { binding: info, why: 'subject', subjects: b.subjects };
  // A RoleBinding: would its subjects include the user (in its own namespace)?
  if (appliesTo(user, b.subjects, b.namespace) < 0) return { binding: info, why: 'subject', subjects: b.subjects };
  return { binding: info, why: namespace === '' ? 'cluster-scope' : 'namespace', subjects: b.subjects };
}

/** The rules a request is compared with, for callers that show a role (UI): kept here so matching has one home. */
export function ruleChecks(request: AuthorizationRequest, rules: readonly RbacRule[]): RbacRuleCheck[] {
  const req = normalizeRequest(request);
  return rules.map((rule, index) => ({ index, rule, allows: ruleAllows(req, rule), misses: ruleMisses(req, rule) }));
}

export { combinedResource, isResourceRequest };
