// The RBAC view's model on the real engine: every cell is the authorizer's answer
// (plugin/pkg/auth/authorizer/rbac, pinned in src/engine/rbac) and its explanation that answer's reason.
import { describe, expect, it } from 'vitest';
import { analyze, formatRbacDecision } from '../../engine/index.js';
import {
  accessGrid, decideCell, explainDecision, firstNamespace, GRID_ROWS, GRID_VERBS, hasScenarioRbac, knownSubjects, LAB_SUBJECT, viewNamespaces,
  type SubjectOption,
} from './model.js';

const TEXT = `apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: prod}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: dev}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-reads, namespace: dev}
subjects:
- {kind: User, name: jane}
- {kind: ServiceAccount, name: robot}
roleRef: {kind: Role, name: pod-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-view, namespace: prod}
subjects: [{kind: User, name: jane}]
roleRef: {kind: Role, name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-view}
subjects: [{kind: Group, name: ops}]
roleRef: {kind: ClusterRole, name: view}
`;
const a = analyze([{ name: 'rbac.yaml', text: TEXT }]);
const subjects = knownSubjects(a.rbac);
const by = (id: string): SubjectOption => {
  const s = subjects.find((o) => o.id === id);
  if (!s) throw new Error(`no subject ${id}`);
  return s;
};
const row = (id: string) => {
  const r = GRID_ROWS.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
const line = (ref: { file: string; doc: number; path: readonly (string | number)[] } | undefined) => (ref ? a.locate(ref)?.line : undefined);

describe('subjects and namespaces', () => {
  it('the lab user first, then the subjects the scenario binds and its ServiceAccounts; built-in bindings left out', () => {
    expect(subjects.map((s) => s.id)).toEqual(['lab', 'User:jane', 'Group:ops', 'ServiceAccount:dev/robot', 'ServiceAccount:prod/builder']);
    expect(subjects[0]).toBe(LAB_SUBJECT);
    expect(LAB_SUBJECT.user).toEqual({ name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] });
    // As --as and a token would authenticate.
    expect(by('User:jane').user).toEqual({ name: 'jane', groups: ['system:authenticated'] });
    expect(by('ServiceAccount:dev/robot').user).toEqual({
      name: 'system:serviceaccount:dev:robot', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'],
    });
  });

  it('shown only when the scenario has RBAC of its own', () => {
    expect(hasScenarioRbac(a.rbac)).toBe(true);
    const plain = analyze([{ name: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n' }]);
    expect(hasScenarioRbac(plain.rbac)).toBe(false);
    expect(knownSubjects(plain.rbac)).toEqual([LAB_SUBJECT]);
  });

  it('the scenario\'s namespaces; a subject opens on the namespace of its first RoleBinding', () => {
    const names = viewNamespaces(a.cluster.namespaces, a.rbac);
    expect(names).toEqual(['default', 'dev', 'prod']);
    expect(firstNamespace(by('User:jane'), a.rbac, names)).toBe('dev');
    expect(firstNamespace(by('ServiceAccount:prod/builder'), a.rbac, names)).toBe('prod');
    expect(firstNamespace(by('Group:ops'), a.rbac, names)).toBe('default');
  });
});

describe('the grid', () => {
  it('jane in dev: get, list and watch pods, nothing else; verbs a row never uses are null', () => {
    const grid = accessGrid(a.rbac, by('User:jane'), 'dev');
    expect(grid.map((l) => l.row.id)).toEqual(GRID_ROWS.map((r) => r.id));
    expect(grid[0]?.cells).toEqual([true, true, true, false, false, false, false]);
    expect(grid.find((l) => l.row.id === 'pods/log')?.cells).toEqual([false, null, null, null, null, null, null]);
    expect(grid.find((l) => l.row.id === 'pods/exec')?.cells).toEqual([null, null, null, false, null, null, null]);
    expect(grid.slice(3).every((l) => l.cells.every((c) => c === false))).toBe(true);
  });

  it('each cell is authorize(): the group through its ClusterRoleBinding to view, the lab user everywhere', () => {
    const ops = accessGrid(a.rbac, by('Group:ops'), 'prod');
    expect(ops.find((l) => l.row.id === 'secrets')?.cells).toEqual([false, false, false, false, false, false, false]); // view never reads secrets
    expect(ops.find((l) => l.row.id === 'deployments.apps')?.cells.slice(0, 4)).toEqual([true, true, true, false]);
    expect(accessGrid(a.rbac, LAB_SUBJECT, 'prod').every((l) => l.cells.every((c) => c !== false))).toBe(true);
    expect(accessGrid(a.rbac, by('User:jane'), 'prod').every((l) => l.cells.every((c) => c !== true))).toBe(true);
    expect(GRID_VERBS).toEqual(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']);
  });
});

describe('the explanation of a cell', () => {
  it('allowed: the binding, the role and the rule, each with its YAML line', () => {
    const e = explainDecision(decideCell(a.rbac, by('User:jane'), 'dev', row('pods'), 'list'));
    expect(e.kind).toBe('allowed');
    if (e.kind !== 'allowed') return;
    expect([e.binding.label, e.role.label, e.subject, e.rule.number]).toEqual(['RoleBinding dev/jane-reads', 'Role dev/pod-reader', 'User jane', 1]);
    expect([line(e.binding.ref), line(e.role.ref), line(e.rule.ref)]).toEqual([21, 13, 17]);
  });

  it('the lab user: a built-in binding, no YAML to show', () => {
    const e = explainDecision(decideCell(a.rbac, LAB_SUBJECT, 'dev', row('secrets'), 'delete'));
    expect(e).toMatchObject({ kind: 'allowed', binding: { label: 'ClusterRoleBinding kubeadm:cluster-admins' }, role: { label: 'ClusterRole cluster-admin' } });
    if (e.kind === 'allowed') expect(e.binding.ref).toBeUndefined();
  });

  it('denied in prod: each applying binding and why it grants nothing, why the others missed, the API server\'s answer', () => {
    const d = decideCell(a.rbac, by('User:jane'), 'prod', row('pods'), 'list');
    const e = explainDecision(d);
    expect(e.kind).toBe('denied');
    if (e.kind !== 'denied') return;
    const prod = e.applying.find((l) => l.binding.label === 'RoleBinding prod/jane-view');
    expect(prod).toMatchObject({ role: { label: 'Role prod/view' }, subject: 'User jane', state: 'missing', rules: [] });
    expect(line(prod?.binding.ref)).toBe(29);
    // Built-in bindings to system:authenticated apply too; their built-in roles allow no pods.
    expect(e.applying.filter((l) => l.state === 'builtIn').map((l) => l.binding.label)).toContain('ClusterRoleBinding system:basic-user');
    expect(e.notApplying).toEqual([
      { binding: { label: 'ClusterRoleBinding ops-view', ref: expect.anything() }, role: 'ClusterRole view', why: 'subject', subjects: 'Group ops', namespace: '' },
      { binding: { label: 'RoleBinding dev/jane-reads', ref: expect.anything() }, role: 'Role dev/pod-reader', why: 'namespace', subjects: 'User jane, ServiceAccount dev/robot', namespace: 'dev' },
    ]);
    expect(e.builtInSkipped).toBe(d.reason.notApplying.length - 2);
    expect(e.builtInSkipped).toBeGreaterThan(5);
    expect(e.forbidden).toBe('pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "view" not found');
  });

  it('denied by the rules: each rule with what it missed, in the order the engine\'s text gives them', () => {
    const d = decideCell(a.rbac, by('User:jane'), 'dev', row('pods/exec'), 'create');
    const e = explainDecision(d);
    if (e.kind !== 'denied') throw new Error('expected a denial');
    const dev = e.applying.find((l) => l.binding.label === 'RoleBinding dev/jane-reads');
    expect(dev?.state).toBe('rules');
    expect(dev?.rules.map((r) => [r.number, line(r.ref), r.misses.map((m) => `${m.reason}:${m.wanted}${m.hint ? `:${m.hint}` : ''}`)])).toEqual([
      [1, 17, ['verb:create', 'resource:pods/exec:parent-only']],
    ]);
    // The same facts as the engine's one text rendering.
    expect(formatRbacDecision(d, 'en')).toContain('    - rules[0]: verbs [get, list, watch] do not include create; resources [pods] do not include pods/exec');
  });
});
