// One table per matching rule of kubernetes pkg/apis/rbac/v1/evaluation_helpers.go (VerbMatches,
// APIGroupMatches, ResourceMatches with subresources and `*/sub`, ResourceNameMatches,
// NonResourceURLMatches with a trailing `*`), then plugin/pkg/auth/authorizer/rbac/rbac.go
// RuleAllows, which ANDs them over the combined `resource/subresource`, and the misses the
// explanation reports.
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest, RbacRule } from '../model/index.js';
import { apiGroupMatches, nonResourceURLMatches, resourceMatches, resourceNameMatches, ruleAllows, ruleMisses, verbMatches } from './match.js';

const rule = (r: Partial<RbacRule>): RbacRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });

describe('VerbMatches', () => {
  it.each([
    { verbs: ['get', 'list'], verb: 'list', ok: true },
    { verbs: ['*'], verb: 'impersonate', ok: true },
    { verbs: ['get'], verb: 'list', ok: false },
    // Exact strings: no case folding.
    { verbs: ['GET'], verb: 'get', ok: false },
    { verbs: [], verb: 'get', ok: false },
  ])('$verbs vs $verb → $ok', ({ verbs, verb, ok }) => expect(verbMatches(rule({ verbs }), verb)).toBe(ok));
});

describe('APIGroupMatches', () => {
  it.each([
    { groups: [''], group: '', ok: true },
    { groups: ['*'], group: 'apps', ok: true },
    { groups: [''], group: 'apps', ok: false },
    { groups: ['apps', 'extensions'], group: 'extensions', ok: true },
    // The group is compared whole; a version never appears in it.
    { groups: ['apps/v1'], group: 'apps', ok: false },
  ])('$groups vs "$group" → $ok', ({ groups, group, ok }) => expect(apiGroupMatches(rule({ apiGroups: groups }), group)).toBe(ok));
});

describe('ResourceMatches (combined resource, subresource)', () => {
  it.each([
    { resources: ['pods'], combined: 'pods', sub: '', ok: true },
    { resources: ['*'], combined: 'pods/exec', sub: 'exec', ok: true },
    // A rule for the parent does not cover its subresources…
    { resources: ['pods'], combined: 'pods/exec', sub: 'exec', ok: false },
    { resources: ['pods/exec'], combined: 'pods/exec', sub: 'exec', ok: true },
    // …and a subresource entry does not cover the parent.
    { resources: ['pods/log'], combined: 'pods', sub: '', ok: false },
    // `*/scale` matches any resource's scale subresource, only for a subresource request.
    { resources: ['*/scale'], combined: 'deployments/scale', sub: 'scale', ok: true },
    { resources: ['*/scale'], combined: 'deployments', sub: '', ok: false },
    { resources: ['*/scale'], combined: 'deployments/status', sub: 'status', ok: false },
    // The length check: `*/ale` is not `*/scale`.
    { resources: ['*/ale'], combined: 'deployments/scale', sub: 'scale', ok: false },
    { resources: ['pods/*'], combined: 'pods/exec', sub: 'exec', ok: false },
    { resources: ['pod'], combined: 'pods', sub: '', ok: false },
  ])('$resources vs $combined → $ok', ({ resources, combined, sub, ok }) => expect(resourceMatches(rule({ resources }), combined, sub)).toBe(ok));
});

describe('ResourceNameMatches', () => {
  it.each([
    { names: [], name: '', ok: true },
    { names: [], name: 'web', ok: true },
    { names: ['web'], name: 'web', ok: true },
    { names: ['web'], name: 'db', ok: false },
    // A list, create or watch-all request has no name: a rule with names never allows it.
    { names: ['web'], name: '', ok: false },
  ])('$names vs "$name" → $ok', ({ names, name, ok }) => expect(resourceNameMatches(rule({ resourceNames: names }), name)).toBe(ok));
});

describe('NonResourceURLMatches', () => {
  it.each([
    { urls: ['*'], path: '/anything', ok: true },
    { urls: ['/healthz'], path: '/healthz', ok: true },
    { urls: ['/healthz'], path: '/healthz/etcd', ok: false },
    { urls: ['/healthz/*'], path: '/healthz/etcd', ok: true },
    // strings.TrimRight(url, "*"): `/api/*` needs the slash, `/api*` does not.
    { urls: ['/api/*'], path: '/api', ok: false },
    { urls: ['/api/*'], path: '/api/', ok: true },
    { urls: ['/api*'], path: '/apis', ok: true },
    { urls: ['/api/**'], path: '/api/v1', ok: true },
  ])('$urls vs $path → $ok', ({ urls, path, ok }) => expect(nonResourceURLMatches(rule({ nonResourceURLs: urls }), path)).toBe(ok));
});

const req = (r: Partial<AuthorizationRequest>): AuthorizationRequest => ({ user: 'jane', groups: [], verb: 'get', resource: 'pods', apiGroup: '', ...r });

describe('RuleAllows', () => {
  const podReader = rule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] });
  it.each([
    { r: req({}), ok: true },
    { r: req({ verb: 'delete' }), ok: false },
    { r: req({ apiGroup: 'apps' }), ok: false },
    { r: req({ subresource: 'log' }), ok: false },
    { r: req({ name: 'web' }), ok: true },
    // A URL request is judged on verbs and URLs only.
    { r: req({ nonResourceURL: '/healthz' }), ok: false },
  ])('pod-reader, $r → $ok', ({ r, ok }) => expect(ruleAllows(r, podReader)).toBe(ok));

  it('a URL rule allows a URL request and no resource request', () => {
    const urlRule = rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] });
    expect(ruleAllows(req({ nonResourceURL: '/healthz' }), urlRule)).toBe(true);
    expect(ruleAllows(req({}), urlRule)).toBe(false);
  });
});

describe('ruleMisses: every failed check, in RuleAllows order', () => {
  it('verb, group, resource and name', () => {
    const r = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['web'] });
    expect(ruleMisses(req({ verb: 'create', apiGroup: 'apps', resource: 'deployments', name: 'db' }), r).map((m) => m.reason))
      .toEqual(['verb', 'apiGroup', 'resource', 'resourceName']);
  });

  it('names the parent-only mistake and the request without a name', () => {
    const r = rule({ verbs: ['create'], apiGroups: [''], resources: ['pods'], resourceNames: ['web'] });
    expect(ruleMisses(req({ verb: 'create', subresource: 'exec', name: 'web' }), r)).toEqual([
      { reason: 'resource', wanted: 'pods/exec', listed: ['pods'], hint: 'parent-only' },
    ]);
    expect(ruleMisses(req({ verb: 'create' }), r)).toEqual([{ reason: 'resourceName', wanted: '', listed: ['web'], hint: 'no-name' }]);
  });

  it('a rule of the other sort is one miss', () => {
    expect(ruleMisses(req({}), rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] })).map((m) => m.reason)).toEqual(['url-rule']);
    expect(ruleMisses(req({ nonResourceURL: '/metrics' }), rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] })).map((m) => m.reason)).toEqual(['resource-rule']);
    expect(ruleMisses(req({ verb: 'post', nonResourceURL: '/metrics' }), rule({ verbs: ['get'], nonResourceURLs: ['/healthz'] })).map((m) => m.reason)).toEqual(['verb', 'nonResourceURL']);
  });

  it('is empty exactly when the rule allows', () => {
    const rules = [rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }), rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }), rule({ verbs: ['get'], nonResourceURLs: ['/api/*'] })];
    const reqs = [req({}), req({ subresource: 'log' }), req({ nonResourceURL: '/api/v1' }), req({ verb: 'list', apiGroup: 'apps', resource: 'deployments' })];
    for (const r of rules) for (const q of reqs) expect(ruleMisses(q, r).length === 0).toBe(ruleAllows(q, r));
  });
});
