// The implicit objects of a kubeadm v1.30 cluster (`kubectl get pods -A` on a fresh cluster):
// cmd/kubeadm/app/phases/addons/dns/manifests.go (Deployment coredns, 2 replicas, k8s-app=kube-dns,
// ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP), addons/proxy (DaemonSet kube-proxy,
// hostNetwork), controlplane/manifests.go + etcd/local.go (static pods, hostNetwork, mirror pods
// named <component>-<node>); the CNI's manifest (calico-node + calico-kube-controllers; cilium +
// cilium-operator; kube-flannel-ds in namespace kube-flannel; kindnet).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { pod, run } from '../../testing/normalize.js';
import { NODES } from './nodes.js';

const cni = (name: string) => `{apiVersion: lab/v1, kind: Cluster, metadata: {name: lab}, spec: {cni: ${name}}}`;
const keys = (yaml: string) => run(yaml).full.pods.filter((p) => p.system).map((p) => `${p.namespace}/${p.name}`);
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';

describe('system pods', () => {
  it('calico (the default): CoreDNS, the control plane, kube-proxy and calico on every node', () => {
    const k = keys(pod('a'));
    const pattern = (s: string) => new RegExp(`^kube-system/${s}$`);
    expect(k.filter((x) => pattern(`coredns-7db6d8ff4d-${SUFFIX}`).test(x))).toHaveLength(2);
    expect(k.filter((x) => pattern(`kube-proxy-${SUFFIX}`).test(x))).toHaveLength(3);
    expect(k.filter((x) => pattern(`calico-node-${SUFFIX}`).test(x))).toHaveLength(3);
    expect(k.filter((x) => pattern(`calico-kube-controllers-[a-z0-9]{10}-${SUFFIX}`).test(x))).toHaveLength(1);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(k).toContain(`kube-system/${c}-controlplane`);
    expect(k).toHaveLength(13);
  });

  it.each([
    ['cilium', /^kube-system\/cilium-[a-z0-9]{5}$/, 3, /^kube-system\/cilium-operator-/],
    ['flannel', /^kube-flannel\/kube-flannel-ds-[a-z0-9]{5}$/, 3, null],
    ['kindnet', /^kube-system\/kindnet-[a-z0-9]{5}$/, 3, null],
  ] as const)('%s brings its own pods instead of calico', (name, perNode, count, operator) => {
    const k = keys(cni(name));
    expect(k.filter((x) => perNode.test(x))).toHaveLength(count);
    if (operator) expect(k.some((x) => operator.test(x))).toBe(true);
    expect(k.some((x) => x.includes('calico'))).toBe(false);
  });

  it('places and addresses them as kubeadm does', () => {
    const pods = run(pod('a')).full.pods.filter((p) => p.system);
    const byName = (prefix: string) => pods.filter((p) => p.name.startsWith(prefix));
    for (const p of byName('coredns-')) {
      expect(p).toMatchObject({ nodeName: 'controlplane', hostNetwork: false, labels: { 'k8s-app': 'kube-dns' } });
      expect(p.containers[0]?.image).toBe('registry.k8s.io/coredns/coredns:v1.11.1');
      expect(p.containers[0]?.ports.map((x) => `${x.name}:${x.containerPort}/${x.protocol}`)).toEqual(['dns:53/UDP', 'dns-tcp:53/TCP', 'metrics:9153/TCP']);
      expect(p.ip).toMatch(/^10\.244\./);
    }
    expect(byName('etcd-')[0]).toMatchObject({ hostNetwork: true, nodeName: 'controlplane', ip: '192.168.121.10' });
    expect(byName('kube-proxy-').map((p) => [p.nodeName, p.ip]).sort()).toEqual(NODES.map((n) => [n.name, n.ip]));
  });

  it('are analysed like any pod: Running, pulled, with no diagnostic, even behind a private registry', () => {
    const privateRegistries = [
      '{apiVersion: lab/v1, kind: Registry, metadata: {name: k8s}, spec: {server: registry.k8s.io, images: []}}',
      '{apiVersion: lab/v1, kind: Registry, metadata: {name: hub}, spec: {server: docker.io, images: []}}',
    ].join('\n---\n');
    const a = analyze([{ name: 'r.yaml', text: privateRegistries }]);
    const system = a.pods.filter((p) => p.pod.system);
    expect(system).toHaveLength(13);
    for (const p of system) expect([p.key, p.status, p.ready]).toEqual([p.key, 'Running', '1/1']);
    expect(a.diagnostics).toEqual([]);
  });

  it('a scenario that brings its own kube-dns pods gets no implicit CoreDNS', () => {
    const own = pod('my-dns', '', { namespace: 'kube-system', labels: '{k8s-app: kube-dns}' });
    expect(keys(own).some((k) => k.includes('coredns'))).toBe(false);
    // A pod of the same name as a system pod: the scenario's wins, silently.
    const r = run(pod('etcd-controlplane', '', { namespace: 'kube-system' }));
    expect(r.diagnostics).toEqual([]);
    expect(r.full.pods.filter((p) => p.name === 'etcd-controlplane').map((p) => p.system ?? false)).toEqual([false]);
  });

  it('never move a scenario pod and never warn, even in a pod CIDR they exhaust', () => {
    const tiny = '{apiVersion: lab/v1, kind: Cluster, metadata: {name: lab}, spec: {podCIDR: 10.9.0.0/29}}';
    const r = run([tiny, ...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => pod(n))].join('\n---\n'));
    expect(r.cluster.pods.map((p) => p.ip).sort()).toEqual(['10.9.0.1', '10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.0.5', '10.9.0.6']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('system namespaces', () => {
  it('exist, marked system, unless the scenario declares or uses them', () => {
    const r = run(`${pod('a', '', { namespace: 'kube-public' })}`);
    expect(r.full.namespaces.map((n) => [n.name, n.declared, n.system ?? false])).toEqual([
      ['default', false, false], ['kube-node-lease', false, true], ['kube-public', false, false], ['kube-system', false, true],
    ]);
    expect(run(cni('flannel')).full.namespaces.map((n) => n.name)).toContain('kube-flannel');
    for (const n of run(pod('a')).full.namespaces) expect(n.labels['kubernetes.io/metadata.name']).toBe(n.name);
  });
});

describe('system pods in the network', () => {
  const text = [
    pod('client', '', { namespace: 'app', labels: '{app: client}' }),
    `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: dns-only, namespace: app}, spec: {podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]}}`,
  ].join('\n---\n');

  it('CoreDNS pods are endpoints: the usual DNS egress rule selects them, and nothing else', () => {
    const a = analyze([{ name: 'p.yaml', text }]);
    const dns = a.network.endpoints.filter((e) => e.system && e.name.startsWith('coredns-'));
    expect(dns).toHaveLength(2);
    for (const d of dns) {
      expect(a.network.allowed('app/client', d.id, 53, 'UDP')).toBe(true);
      expect(a.network.allowed('app/client', d.id, 9153, 'TCP')).toBe(false);
    }
    const proxy = a.network.endpoints.find((e) => e.name.startsWith('kube-proxy-'));
    expect(proxy && a.network.allowed('app/client', proxy.id, 53, 'UDP')).toBe(false);
    expect(a.diagnostics).toEqual([]);
  });

  it('connectivity() and allPorts() are about the scenario only', () => {
    const a = analyze([{ name: 'p.yaml', text }]);
    expect(a.network.connectivity().some((c) => c.from.startsWith('kube-') || c.to.startsWith('kube-'))).toBe(false);
    expect(a.network.allPorts().some((p) => p.port === 9153)).toBe(false);
  });
});
