// assemble edges: every namespace an object uses exists, labelled kubernetes.io/metadata.name with
// its own name (the API server sets it, overriding what was written: NamespaceDefaultLabelName,
// GA in v1.22); each namespace has a `default` ServiceAccount (the ServiceAccount controller);
// a workload pod named like a declared pod is a duplicate; the implicit CoreDNS pods give way to
// the scenario's own kube-dns pods; lists are sorted whatever the file order.
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';

const doc = (kind: string, apiVersion: string, ns: string, body = '') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x, namespace: ${ns}}\n${body}`;

describe('assemble edges', () => {
  it('each namespaced kind makes its namespace exist; a Namespace in others does not count twice', () => {
    const r = run([
      doc('Secret', 'v1', 'n-secret'),
      doc('ServiceAccount', 'v1', 'n-sa'),
      doc('Service', 'v1', 'n-svc', 'spec: {ports: [{port: 80}]}'),
      doc('Endpoints', 'v1', 'n-ep'),
      doc('EndpointSlice', 'discovery.k8s.io/v1', 'n-eps', 'addressType: IPv4\nendpoints: []'),
      doc('Role', 'rbac.authorization.k8s.io/v1', 'n-role'),
      doc('RoleBinding', 'rbac.authorization.k8s.io/v1', 'n-rb', 'roleRef: {kind: Role, name: r}'),
      doc('NetworkPolicy', 'networking.k8s.io/v1', 'n-np', 'spec: {podSelector: {}}'),
      doc('Deployment', 'apps/v1', 'n-dep', 'spec: {replicas: 0, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}}'),
      doc('ConfigMap', 'v1', 'n-other'),
    ].join('\n---\n'));
    expect(r.errors).toEqual([]);
    const names = r.cluster.namespaces.map((n) => n.name);
    for (const ns of ['default', 'n-secret', 'n-sa', 'n-svc', 'n-ep', 'n-eps', 'n-role', 'n-rb', 'n-np', 'n-dep', 'n-other']) expect(names).toContain(ns);
    expect(r.cluster.namespaces.every((n) => n.labels['kubernetes.io/metadata.name'] === n.name)).toBe(true);
    expect(r.cluster.namespaces.find((n) => n.name === 'n-dep')).toMatchObject({ declared: false });
  });

  it('a declared namespace keeps its labels but its name label is its own', () => {
    const r = run('apiVersion: v1\nkind: Namespace\nmetadata: {name: prod, labels: {kubernetes.io/metadata.name: other, env: prod}}');
    expect(r.cluster.namespaces.find((n) => n.name === 'prod')).toEqual(expect.objectContaining({ declared: true, labels: { 'kubernetes.io/metadata.name': 'prod', env: 'prod' } }));
  });

  it('a declared non-default ServiceAccount does not replace the implicit default one', () => {
    const r = run('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: ci}');
    expect(r.cluster.serviceAccounts.filter((s) => s.namespace === 'ci').map((s) => [s.name, s.declared])).toEqual([['default', false], ['robot', true]]);
  });

  it('a workload pod named like a declared pod is a duplicate naming both makers', () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}}';
    const r = run(`${pod('web-0')}\n---\n${dep}`);
    expect(r.errors.map((e) => e.message)).toEqual(['pods "web-0" already exists (a Pod object and Deployment web both make pod default/web-0)']);
  });

  it('the scenario\'s own kube-dns pods replace CoreDNS; a pod named like a system pod replaces it', () => {
    const own = run(pod('my-dns', '', { namespace: 'kube-system', labels: '{k8s-app: kube-dns}' }));
    expect(own.full.pods.filter((p) => p.labels['k8s-app'] === 'kube-dns').map((p) => p.name)).toEqual(['my-dns']);
    const none = run(pod('a'));
    const coredns = none.full.pods.filter((p) => p.labels['k8s-app'] === 'kube-dns').map((p) => p.name);
    expect(coredns.length).toBe(2);
    const clash = run(pod(coredns[0] ?? '', '', { namespace: 'kube-system' }));
    expect(clash.full.pods.filter((p) => p.name === coredns[0]).map((p) => p.containers[0]?.image)).toEqual(['nginx']);
  });

  it('others sort by kind, then namespace, then name; lab kinds and cluster RBAC by name', () => {
    const cm = (name: string, ns: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}`;
    const r = run([cm('b', 'x'), cm('a', 'zz'), cm('c', 'x'), 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: z, namespace: a}\nspec: {}',
      'apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: zz}\nspec: {ip: 1.1.1.1}', 'apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: aa}\nspec: {ip: 1.1.1.2}',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: zz}', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: aa}'].join('\n---\n'));
    expect(r.cluster.others.filter((o) => o.kind !== 'ClusterRole').map((o) => `${o.kind}/${o.namespace}/${o.name}`)).toEqual(['ConfigMap/x/b', 'ConfigMap/x/c', 'ConfigMap/zz/a', 'PodDisruptionBudget/a/z']);
    expect(r.cluster.externalHosts.map((h) => h.name)).toEqual(['aa', 'zz']);
    expect(r.cluster.clusterRoles.map((c) => c.name)).toEqual(['aa', 'zz']);
  });
});
