// Tests for the survivors of the rbac run (match, forbidden, rules-review, authorize; issue 15):
// kubernetes pkg/apis/rbac/v1/evaluation_helpers.go ResourceMatches (`*/sub` needs the exact
// length, the prefix and the suffix, and only for a subresource request) and NonResourceURLMatches
// (strings.TrimRight strips trailing stars only); ruleMisses' sort of a rule; kubectl
// pkg/util/rbac CompactRules' ResourceNameExist and describe.CombineResourceGroup; the authorizer's
// superuser answer and describer (pkg/kubeapiserver/authorizer, rule.go).
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest, RbacRule } from '../model/index.js';
import { rbacOf } from '../../testing/rbac.js';
import { authorize, describeGrant } from './authorize.js';
import { combinedResource, nonResourceURLMatches, resourceMatches, ruleMisses } from './match.js';
import { breakdownRule, combineResourceGroup, compactRules } from './rules-review.js';

const rule = (r: Partial<RbacRule>): RbacRule => ({ verbs: ['get'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });
const req = (r: Partial<AuthorizationRequest>): AuthorizationRequest => ({ user: 'jane', groups: [], verb: 'get', resource: 'pods', apiGroup: '', ...r });

describe('ResourceMatches: `*/sub`', () => {
  it.each([
    { resources: ['*/'], combined: 'pods', sub: '', ok: false },
    { resources: ['deployments/scale'], combined: 'replicasets/scale', sub: 'scale', ok: false },
    { resources: ['x/scale'], combined: 'deployments/scale', sub: 'scale', ok: false },
    { resources: ['*/xscale'], combined: 'deployments/scale', sub: 'scale', ok: false },
    { resources: ['*/scale'], combined: 'deployments/scale', sub: 'scale', ok: true },
  ])('$resources vs $combined → $ok', ({ resources, combined, sub, ok }) => expect(resourceMatches(rule({ resources }), combined, sub)).toBe(ok));
});

describe('NonResourceURLMatches: only trailing stars are trimmed', () => {
  it.each([
    { urls: ['/a*/*'], path: '/a*/x', ok: true },
    { urls: ['/a*/*'], path: '/a/x', ok: false },
  ])('$urls vs $path → $ok', ({ urls, path, ok }) => expect(nonResourceURLMatches(rule({ nonResourceURLs: urls }), path)).toBe(ok));
});

describe('ruleMisses: what sort of rule', () => {
  it('a rule with resources and URLs is judged as a resource rule for a resource request, as a URL rule for a URL', () => {
    const mixed = rule({ apiGroups: [''], resources: ['pods'], nonResourceURLs: ['/x'] });
    expect(ruleMisses(req({}), mixed)).toEqual([]);
    expect(ruleMisses(req({ nonResourceURL: '/x' }), mixed)).toEqual([]);
  });

  it('URLs with only groups, or only resources, is still a resource rule', () => {
    expect(ruleMisses(req({}), rule({ apiGroups: [''], nonResourceURLs: ['/x'] })).map((m) => m.reason)).toEqual(['resource']);
    expect(ruleMisses(req({}), rule({ resources: ['pods'], nonResourceURLs: ['/x'] })).map((m) => m.reason)).toEqual(['apiGroup']);
  });

  it('an empty rule: a resource request misses group and resource; a URL request misses the URL', () => {
    expect(ruleMisses(req({}), rule({})).map((m) => m.reason)).toEqual(['apiGroup', 'resource']);
    expect(ruleMisses(req({ nonResourceURL: '/x' }), rule({})).map((m) => m.reason)).toEqual(['nonResourceURL']);
  });

  it('no parent-only hint without a subresource', () => {
    expect(ruleMisses(req({}), rule({ apiGroups: [''], resources: ['services'] }))).toEqual([{ reason: 'resource', wanted: 'pods', listed: ['services'] }]);
  });

  it('a request without resource or group reads them as empty', () => {
    const bare: AuthorizationRequest = { user: 'jane', groups: [], verb: 'get', subresource: 'log' };
    expect(combinedResource(bare)).toBe('/log');
    expect(ruleMisses(bare, rule({ apiGroups: ['apps'], resources: ['pods'] }))).toEqual([
      { reason: 'apiGroup', wanted: '', listed: ['apps'] },
      { reason: 'resource', wanted: '/log', listed: ['pods'] },
    ]);
  });
});

describe('kubectl\'s rule shaping', () => {
  it('a named rule keeps its group when broken down', () => {
    expect(breakdownRule(rule({ apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['a'] })).map((r) => [r.apiGroups, r.resources, r.resourceNames, r.verbs]))
      .toEqual([[['apps'], ['deployments'], ['a'], ['get']]]);
  });

  it('an empty name is a name: kept apart from the nameless rule (ResourceNameExist)', () => {
    const out = compactRules([rule({ apiGroups: [''], resources: ['pods'], resourceNames: [''] }), rule({ apiGroups: [''], resources: ['pods'], verbs: ['list'] })]);
    expect(out.map((r) => [r.resourceNames, r.verbs])).toEqual([[[''], ['get']], [[], ['list']]]);
  });

  it('CombineResourceGroup splits at the first slash, also at position 0', () => {
    expect(combineResourceGroup(['/x'], [''])).toBe('/x');
    expect(combineResourceGroup(['/x'], ['g'])).toBe('.g/x');
  });
});

describe('the superuser answer', () => {
  it('system:masters: nothing applying or skipped, no authorizer reason; its describer names the group', () => {
    const d = authorize(rbacOf(''), { user: 'root', groups: ['system:masters'], verb: 'get', resource: 'pods', apiGroup: '' });
    expect([d.allowed, d.reason.applying, d.reason.notApplying, d.authorizerReason, d.forbidden]).toEqual([true, [], [], '', null]);
    expect(describeGrant({ kind: 'superuser', group: 'system:masters' })).toBe('group "system:masters"');
  });

  it('a request without a namespace has no namespace key; groups that are not a list become none', () => {
    const d = authorize(rbacOf(''), { user: 'jane', groups: 'x' as unknown as string[], verb: 'get', resource: 'nodes', apiGroup: '' });
    expect(d.reason.request).toEqual({ user: 'jane', groups: [], verb: 'get', resource: 'nodes', apiGroup: '' });
  });
});
