// Implicit objects and lab kinds: every namespace gets kubernetes.io/metadata.name
// (kube-apiserver namespace defaulting, KEP-2161), `default` always exists, a `default`
// ServiceAccount in each namespace (kube-controller-manager serviceaccounts-controller);
// lab/v1 Cluster/Registry/ExternalHost per engine-spec sections 1 and 5.
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';

describe('namespaces and service accounts', () => {
  it('adds default, used and declared namespaces with the name label, sorted', () => {
    const r = run([
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: prod, labels: {env: prod, kubernetes.io/metadata.name: wrong}}',
      pod('a', '', { namespace: 'zeta' }),
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: alpha}',
    ].join('\n---\n'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.namespaces.map((n) => [n.name, n.labels, n.declared])).toEqual([
      ['alpha', { 'kubernetes.io/metadata.name': 'alpha' }, false],
      ['default', { 'kubernetes.io/metadata.name': 'default' }, false],
      ['prod', { env: 'prod', 'kubernetes.io/metadata.name': 'prod' }, true],
      ['zeta', { 'kubernetes.io/metadata.name': 'zeta' }, false],
    ]);
    expect(r.cluster.serviceAccounts.map((s) => `${s.namespace}/${s.name}:${s.declared}`)).toEqual([
      'alpha/default:false', 'default/default:false', 'prod/default:false', 'zeta/default:false',
    ]);
  });

  it('a declared default ServiceAccount replaces the implicit one', () => {
    const r = run('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nimagePullSecrets: [{name: reg}]');
    expect(r.cluster.serviceAccounts).toEqual([expect.objectContaining({ namespace: 'default', name: 'default', imagePullSecrets: ['reg'], declared: true })]);
  });

  it('is frozen', () => {
    const r = run(pod('a'));
    expect(Object.isFrozen(r.full)).toBe(true);
    expect(Object.isFrozen(r.full.pods[0]?.containers[0])).toBe(true);
  });

  it('sorts pods by namespace then name, whatever the file order', () => {
    const r = run({ 'b.yaml': `${pod('b')}\n---\n${pod('a', '', { namespace: 'x' })}`, 'a.yaml': pod('c') });
    expect(r.cluster.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['default/b', 'default/c', 'x/a']);
  });
});

describe('lab kinds', () => {
  it('Cluster defaults (calico, 10.244.0.0/16) without a Cluster object', () => {
    expect(run(pod('a')).cluster.config).toEqual({ cni: 'calico', podCIDR: '10.244.0.0/16' });
  });

  it.each([
    { spec: '{cni: flannel}', config: { cni: 'flannel', podCIDR: '10.244.0.0/16' } },
    { spec: '{podCIDR: 192.168.0.0/24}', config: { cni: 'calico', podCIDR: '192.168.0.0/24' } },
  ])('Cluster $spec', ({ spec, config }) => {
    const r = run(`apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: ${spec}`);
    expect(r.errors).toEqual([]);
    expect(r.cluster.config).toMatchObject(config);
  });

  it.each([
    { yaml: 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {cni: weave}', msg: 'spec.cni: Unsupported value: "weave": supported values: "calico", "cilium", "flannel", "kindnet", "kindnet-legacy"' },
    { yaml: 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: lab}\nspec: {podCIDR: 10.244.0.0}', msg: 'spec.podCIDR: Invalid value: "10.244.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' },
    { yaml: 'apiVersion: lab/v1\nkind: Cluster\nmetadata: {name: a}\n---\napiVersion: lab/v1\nkind: Cluster\nmetadata: {name: b}', msg: 'only one lab/v1 Cluster may be declared; this one is ignored' },
    { yaml: 'apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: h}\nspec: {ip: 300.1.1.1}', msg: 'spec.ip: Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
    { yaml: 'apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: h}\nspec: {ip: 1.2.3.4, ports: [{port: 0}]}', msg: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' },
    { yaml: 'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: r}\nspec: {private: true}', msg: 'spec.server: Required value' },
  ])('refuses $msg', ({ yaml, msg }) => {
    expect(run(yaml).errors.map((e) => e.message)).toContain(msg);
  });

  it('reads ExternalHost and Registry with defaults', () => {
    const r = run([
      'apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: backup, labels: {role: backup}}\nspec: {ip: 203.0.113.10, ports: [{port: 22}, {port: 53, protocol: UDP}]}',
      'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: corp}\nspec:\n  server: myprivateregistry.com:5000\n  credentials: [{username: u, password: p}]\n  images: [{repository: nginx, tags: [alpine], user: "101"}, {repository: app}]',
    ].join('\n---\n'));
    expect(r.errors).toEqual([]);
    expect(r.cluster.externalHosts).toEqual([expect.objectContaining({ name: 'backup', ip: '203.0.113.10', labels: { role: 'backup' }, ports: [{ port: 22, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] })]);
    expect(r.cluster.registries).toEqual([expect.objectContaining({
      name: 'corp', server: 'myprivateregistry.com:5000', private: true, credentials: [{ username: 'u', password: 'p' }],
      images: [{ repository: 'nginx', tags: ['alpine'], user: '101' }, { repository: 'app', tags: ['latest'] }],
    })]);
  });
});
