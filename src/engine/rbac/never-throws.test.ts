// authorize(), listRules() and the analysis never throw, whatever roles, bindings and requests say
// (architecture.md §2): hostile rule and binding data in manifests, and hostile requests.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { formatRbacDecision } from '../format/rbac.js';
import { formatRulesList } from '../format/rbac-list.js';
import type { AuthorizationRequest } from '../model/index.js';
import { authorize } from './authorize.js';
import { listRules } from './rules-review.js';

const word = fc.oneof(fc.constantFrom('', '*', 'get', 'pods', 'pods/exec', '*/scale', 'apps', '/api/*', '/', 'jane', 'system:authenticated', 'dev', 'Role', 'ClusterRole', 'User', 'Group', 'ServiceAccount', 'view', '__proto__', 'constructor'), fc.string({ maxLength: 6 }));
const scalar = fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null));
const list = fc.oneof(fc.array(word, { maxLength: 3 }), scalar);
const rule = fc.record({ apiGroups: list, resources: list, verbs: list, resourceNames: list, nonResourceURLs: list }, { requiredKeys: [] });
const subject = fc.record({ kind: word, name: word, namespace: word, apiGroup: word }, { requiredKeys: [] });
const labels = fc.dictionary(fc.constantFrom('rbac.authorization.k8s.io/aggregate-to-view', 'a', 'b'), fc.constantFrom('true', 'x'), { maxKeys: 2 });
const selector = fc.record({ matchLabels: labels }, { requiredKeys: [] });
const object = fc.oneof(
  fc.record({ kind: fc.constantFrom('Role', 'ClusterRole'), name: word, namespace: word, labels, rules: fc.oneof(fc.array(rule, { maxLength: 3 }), scalar), aggregationRule: fc.oneof(fc.record({ clusterRoleSelectors: fc.array(selector, { maxLength: 2 }) }), scalar) }, { requiredKeys: ['kind', 'name'] }),
  fc.record({ kind: fc.constantFrom('RoleBinding', 'ClusterRoleBinding'), name: word, namespace: word, roleRef: fc.oneof(fc.record({ kind: word, name: word, apiGroup: word }, { requiredKeys: [] }), scalar), subjects: fc.oneof(fc.array(subject, { maxLength: 3 }), scalar) }, { requiredKeys: ['kind', 'name'] }),
);

const toYaml = (o: Record<string, unknown>): string => {
  const { kind, name, namespace, labels: l, ...rest } = o;
  return stringify({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: name || 'x', ...(namespace !== undefined ? { namespace } : {}), ...(l ? { labels: l } : {}) }, ...rest });
};

const request = fc.record({
  user: fc.oneof(word, scalar), groups: fc.oneof(fc.array(word, { maxLength: 3 }), scalar), verb: fc.oneof(word, scalar),
  resource: fc.oneof(word, scalar), subresource: fc.oneof(word, scalar), apiGroup: fc.oneof(word, scalar), namespace: fc.oneof(word, scalar),
  name: fc.oneof(word, scalar), nonResourceURL: fc.oneof(word, scalar),
}, { requiredKeys: [] });

describe('RBAC never throws', () => {
  it('on hostile roles, bindings and requests', () => {
    fc.assert(fc.property(fc.array(object, { maxLength: 6 }), fc.array(request, { minLength: 1, maxLength: 3 }), (objects, requests) => {
      const a = analyze([{ name: 'r.yaml', text: objects.map((o) => toYaml(o as Record<string, unknown>)).join('---\n') }]);
      expect(a.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
      for (const r of requests) {
        const d = authorize(a.rbac, r as unknown as AuthorizationRequest);
        expect(typeof d.allowed).toBe('boolean');
        formatRbacDecision(d, 'en');
        formatRbacDecision(d, 'ko');
        const user = { name: typeof r.user === 'string' ? r.user : '', groups: Array.isArray(r.groups) ? r.groups : [] };
        formatRulesList(listRules(a.rbac, user, typeof r.namespace === 'string' ? r.namespace : ''));
      }
    }), { numRuns: 150 });
  }, 60_000);
});
