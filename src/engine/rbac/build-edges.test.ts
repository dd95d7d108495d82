// Analysis.rbac as buildRbac assembles it (issue 15, written ahead of the rbac mutation run): a
// scenario object replaces the built-in one of the same kind, namespace and name only (kubectl apply
// addresses objects by them), every list sorted (ClusterRoleBindings by name, namespaced objects by
// namespace then name), and each ServiceAccount with its pods and its own automount setting.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { rbacOf } from '../../testing/rbac.js';

const ROLE = (ns: string, name: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ${name}, namespace: ${ns}}\nrules:\n- {apiGroups: [""], resources: [pods], verbs: [get]}\n---\n`;
const ROLE_BINDING = (ns: string, name: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: ${ns}}\nsubjects: [{kind: User, name: jane}]\nroleRef: {kind: ClusterRole, name: view}\n---\n`;
const CLUSTER_BINDING = (name: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ${name}}\nsubjects: [{kind: User, name: jane}]\nroleRef: {kind: ClusterRole, name: view}\n---\n`;

describe('built-in objects replaced by the scenario\'s', () => {
  it('a Role replaces the built-in one of its namespace and name only', () => {
    const rbac = rbacOf(ROLE('kube-system', 'kube-proxy') + ROLE('dev', 'extension-apiserver-authentication-reader'));
    const proxies = rbac.roles.filter((r) => r.name === 'kube-proxy');
    expect(proxies.map((r) => [r.namespace, r.system])).toEqual([['kube-system', false]]);
    const readers = rbac.roles.filter((r) => r.name === 'extension-apiserver-authentication-reader');
    expect(readers.map((r) => [r.namespace, r.system])).toEqual([['dev', false], ['kube-system', true]]);
  });

  it('a RoleBinding replaces the built-in one of its namespace and name only', () => {
    const rbac = rbacOf(ROLE_BINDING('kube-system', 'kube-proxy') + ROLE_BINDING('dev', 'kubeadm:kubelet-config'));
    const named = (n: string) => rbac.bindings.filter((b) => b.name === n).map((b) => [b.kind === 'RoleBinding' ? b.namespace : '', b.system]);
    expect(named('kube-proxy')).toEqual([['kube-system', false]]);
    expect(named('kubeadm:kubelet-config')).toEqual([['dev', false], ['kube-system', true]]);
  });

  it('a ClusterRoleBinding replaces the built-in one of its name', () => {
    const rbac = rbacOf(CLUSTER_BINDING('system:discovery'));
    expect(rbac.bindings.filter((b) => b.name === 'system:discovery').map((b) => [b.kind, b.system, b.roleRef.name])).toEqual([['ClusterRoleBinding', false, 'view']]);
  });
});

describe('order', () => {
  it('ClusterRoleBindings by name first, then RoleBindings by namespace and name; Roles by namespace and name', () => {
    const rbac = rbacOf(CLUSTER_BINDING('zz') + CLUSTER_BINDING('aa') + ROLE_BINDING('b-ns', 'a') + ROLE_BINDING('a-ns', 'z') + ROLE_BINDING('a-ns', 'b') +
      ROLE('b-ns', 'a') + ROLE('a-ns', 'z') + ROLE('a-ns', 'b'));
    const kinds = rbac.bindings.map((b) => b.kind);
    expect(kinds.lastIndexOf('ClusterRoleBinding')).toBeLessThan(kinds.indexOf('RoleBinding'));
    const clusterNames = rbac.bindings.filter((b) => b.kind === 'ClusterRoleBinding').map((b) => b.name);
    expect(clusterNames).toEqual([...clusterNames].sort());
    expect(clusterNames).toContain('aa');
    const mine = (list: readonly { namespace?: string; name: string; system: boolean }[]) => list.filter((x) => !x.system).map((x) => `${x.namespace ?? ''}/${x.name}`);
    expect(mine(rbac.bindings.filter((b) => b.kind === 'RoleBinding'))).toEqual(['a-ns/b', 'a-ns/z', 'b-ns/a']);
    expect(mine(rbac.roles)).toEqual(['a-ns/b', 'a-ns/z', 'b-ns/a']);
    const keys = rbac.roles.map((r) => [r.namespace, r.name] as const);
    expect(keys).toEqual([...keys].sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : 1) : x[0] < y[0] ? -1 : 1)));
  });
});

describe('ServiceAccounts', () => {
  const SA = (ns: string, name: string, more = '') => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: ${ns}}\n${more}---\n`;
  const POD = (ns: string, name: string, sa: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  serviceAccountName: ${sa}\n  containers: [{name: c, image: nginx}]\n---\n`;

  it('sorted by namespace then name, each with its own pods; automountServiceAccountToken only when written', () => {
    const a = analyze([{
      name: 's.yaml',
      text: SA('b-ns', 'robot', 'automountServiceAccountToken: true\n') + SA('a-ns', 'zed') + SA('a-ns', 'robot') +
        POD('a-ns', 'p2', 'robot') + POD('a-ns', 'p1', 'robot') + POD('b-ns', 'p3', 'robot'),
    }]);
    const mine = a.rbac.serviceAccounts.filter((s) => s.declared);
    expect(mine.map((s) => `${s.namespace}/${s.name}`)).toEqual(['a-ns/robot', 'a-ns/zed', 'b-ns/robot']);
    expect(mine.map((s) => s.pods)).toEqual([['a-ns/p1', 'a-ns/p2'], [], ['b-ns/p3']]);
    expect(mine.map((s) => 'automountServiceAccountToken' in s)).toEqual([false, false, true]);
    expect(mine[2]?.automountServiceAccountToken).toBe(true);
    expect(mine.every((s) => s.ref !== undefined)).toBe(true);
    const keys = a.rbac.serviceAccounts.map((s) => `${s.namespace}\u0000${s.name}`);
    expect(keys).toEqual([...keys].sort());
  });
});
