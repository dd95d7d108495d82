// kubectl auth can-i --list sorts the compacted rules by their PolicyRule String() (staging/src/k8s.io/kubectl
// pkg/cmd/auth/cani.go printStatus: sort.Stable(SortableRuleSlice)), whatever order the role wrote them in
// (issue 15: rules-review.ts 47:46 survived the rbac run, every test's rules being in key order already).
import { describe, expect, it } from 'vitest';
import { rbacOf } from '../../testing/rbac.js';
import { listRules } from './rules-review.js';
import { impersonate } from './subjects.js';

describe('listRules order', () => {
  it('rows follow the String() key (verbs first), not the order written', () => {
    const rbac = rbacOf(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: dev}
rules:
- {apiGroups: [""], resources: [services], verbs: [watch]}
- {apiGroups: [""], resources: [configmaps], verbs: [list]}
- {apiGroups: [""], resources: [pods], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: r}`);
    const rows = listRules(rbac, impersonate('jane'), 'dev').rows.map((r) => r.resources).filter((r) => ['services', 'configmaps', 'pods'].includes(r));
    expect(rows).toEqual(['pods', 'configmaps', 'services']);
  });

  it('a long list too (V8 sorts up to 64 rows by insertion, asking with the later row first; longer ones by merging)', () => {
    const names = Array.from({ length: 150 }, (_, i) => `r${String(i).padStart(3, '0')}`);
    // Written in a scrambled order (i × 37 mod 150), so TimSort finds no long run to reverse.
    const rules = names.map((_, i) => names[(i * 37) % names.length] ?? '').map((n) => `- {apiGroups: [""], resources: [${n}], verbs: [get]}`).join('\n');
    const rbac = rbacOf(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: dev}
rules:
${rules}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: r}`);
    const rows = listRules(rbac, impersonate('jane'), 'dev').rows.map((r) => r.resources).filter((r) => /^r\d{3}$/.test(r));
    expect(rows).toEqual(names);
  });
});
