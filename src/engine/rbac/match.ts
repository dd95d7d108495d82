import type { AuthorizationRequest, RbacRule, RbacRuleMiss } from '../model/index.js';

/**
 * The matching rules of kubernetes pkg/apis/rbac/v1/evaluation_helpers.go, one function each, and
 * plugin/pkg/auth/authorizer/rbac/rbac.go RuleAllows, which ANDs them. Exact string comparison
 * everywhere (no case folding, no plural/singular guessing): `pod` never matches a request for
 * `pods`.
 */

/** VerbMatches: a verb of the rule is `*` or the requested verb. */
export function verbMatches(rule: RbacRule, verb: string): boolean {
  for (const v of rule.verbs) if (v === '*' || v === verb) return true;
  return false;
}

/** APIGroupMatches: a group of the rule is `*` or the requested group ('' is the core group). */
export function apiGroupMatches(rule: RbacRule, group: string): boolean {
  for (const g of rule.apiGroups) if (g === '*' || g === group) return true;
  return false;
}

/**
 * ResourceMatches: a resource of the rule is `*`, or equals `resource/subresource` (the combined
 * resource), or — only when a subresource is asked for — is `*` + `/subresource` (star, slash, subresource). `pods` does not
 * match `pods/exec`; `*` matches everything, subresources included.
 */
export function resourceMatches(rule: RbacRule, combinedResource: string, subresource: string): boolean {
  for (const r of rule.resources) {
    if (r === '*') return true;
    if (r === combinedResource) return true;
    if (subresource.length === 0) continue;
    if (r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)) return true;
  }
  return false;
}

/** ResourceNameMatches: no resourceNames means any name; otherwise the requested name must be listed. */
export function resourceNameMatches(rule: RbacRule, name: string): boolean {
  if (rule.resourceNames.length === 0) return true;
  for (const n of rule.resourceNames) if (n === name) return true;
  return false;
}

/**
 * NonResourceURLMatches: a URL of the rule is `*`, equals the path, or ends in `*` and the path
 * starts with it without its trailing stars (strings.TrimRight: `/api/*` covers `/api/` and
 * `/api/v1`, not `/api`).
 */
export function nonResourceURLMatches(rule: RbacRule, path: string): boolean {
  for (const u of rule.nonResourceURLs) {
    if (u === '*') return true;
    if (u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** A request is about a resource unless it names a non-resource URL. */
export function isResourceRequest(req: AuthorizationRequest): boolean {
  return req.nonResourceURL === undefined;
}

/** `pods/exec` for a subresource request, else the resource (rbac.go RuleAllows). */
export function combinedResource(req: AuthorizationRequest): string {
  const resource = req.resource ?? '';
  return req.subresource ? `${resource}/${req.subresource}` : resource;
}

/** rbac.go RuleAllows. */
export function ruleAllows(req: AuthorizationRequest, rule: RbacRule): boolean {
  if (isResourceRequest(req)) {
    return verbMatches(rule, req.verb) && apiGroupMatches(rule, req.apiGroup ?? '') &&
      resourceMatches(rule, combinedResource(req), req.subresource ?? '') && resourceNameMatches(rule, req.name ?? '');
  }
  return verbMatches(rule, req.verb) && nonResourceURLMatches(rule, req.nonResourceURL ?? '');
}

/**
 * Every check of RuleAllows that fails, in its order (verb, group, resource, name; or verb, URL).
 * Empty exactly when ruleAllows is true. A rule of the other sort (URLs for a resource request, or
 * resources for a URL) is one miss of its own instead of a list of empty lists.
 */
export function ruleMisses(req: AuthorizationRequest, rule: RbacRule): RbacRuleMiss[] {
  const out: RbacRuleMiss[] = [];
  if (!verbMatches(rule, req.verb)) out.push({ reason: 'verb', wanted: req.verb, listed: rule.verbs });
  if (isResourceRequest(req)) {
    if (rule.apiGroups.length === 0 && rule.resources.length === 0 && rule.nonResourceURLs.length > 0) {
      out.push({ reason: 'url-rule', wanted: combinedResource(req), listed: rule.nonResourceURLs });
      return out;
    }
    const group = req.apiGroup ?? '';
    if (!apiGroupMatches(rule, group)) out.push({ reason: 'apiGroup', wanted: group, listed: rule.apiGroups });
    const combined = combinedResource(req);
    const sub = req.subresource ?? '';
    if (!resourceMatches(rule, combined, sub)) {
      const parentOnly = sub !== '' && rule.resources.includes(req.resource ?? '');
      out.push({ reason: 'resource', wanted: combined, listed: rule.resources, ...(parentOnly ? { hint: 'parent-only' as const } : {}) });
    }
    const name = req.name ?? '';
    if (!resourceNameMatches(rule, name)) {
      out.push({ reason: 'resourceName', wanted: name, listed: rule.resourceNames, ...(name === '' ? { hint: 'no-name' as const } : {}) });
    }
    return out;
  }
  const path = req.nonResourceURL ?? '';
  if (rule.nonResourceURLs.length === 0 && rule.resources.length > 0) {
    out.push({ reason: 'resource-rule', wanted: path, listed: rule.resources });
    return out;
  }
  if (!nonResourceURLMatches(rule, path)) out.push({ reason: 'nonResourceURL', wanted: path, listed: rule.nonResourceURLs });
  return out;
}
