import type { Cni, Container, ContainerPort, ContainerSecurityContext, EndpointsObject, Labels, Protocol, Service, SourceRef } from '../model/index.js';
import { sub } from '../model/index.js';
import type { PodDraft } from '../normalize/workloads.js';
import { NAME_ALPHABET, suffix } from './hash.js';
import { CONTROL_PLANE, NODES } from './nodes.js';

/**
 * What every kubeadm v1.30 cluster runs before the scenario adds anything (`kubectl get pods -A`
 * on a fresh cluster): CoreDNS (Deployment `coredns`, 2 replicas, labels k8s-app=kube-dns),
 * the control plane's static pods on the control-plane node (etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler, hostNetwork, mirror pods named `<component>-<node>`),
 * kube-proxy (a DaemonSet, one hostNetwork pod per node) and the CNI's own pods. Sources:
 * cmd/kubeadm/app/phases/addons/dns/manifests.go (CoreDNS Deployment and kube-dns Service),
 * cmd/kubeadm/app/phases/addons/proxy/manifests.go (kube-proxy DaemonSet),
 * cmd/kubeadm/app/phases/controlplane/manifests.go and etcd/local.go (static pods), and each CNI's
 * install manifest (calico.yaml, cilium's Helm chart, kube-flannel.yml, kind's kindnet).
 */

/** System objects have no YAML: their source reference points nowhere (Analysis.locate gives null). */
export const SYSTEM_REF: SourceRef = Object.freeze({ file: '', doc: -1, path: Object.freeze([]) });

/** kubeadm's pod-template-hash of the CoreDNS ReplicaSet in v1.30 (`coredns-7db6d8ff4d-xxxxx`). */
export const COREDNS_TEMPLATE_HASH = '7db6d8ff4d';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.1';
const K8S_VERSION = 'v1.30.0';

/** Namespaces of every cluster (kubeadm creates kube-system, kube-public, kube-node-lease); flannel adds its own. */
export function systemNamespaces(cni: Cni): string[] {
  return ['kube-node-lease', 'kube-public', 'kube-system', ...(cni === 'flannel' ? ['kube-flannel'] : [])];
}

interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly ports?: readonly { readonly name: string; readonly port: number; readonly protocol: Protocol }[];
  readonly securityContext?: ContainerSecurityContext;
}

interface PodSpecInput {
  readonly namespace?: string;
  readonly name: string;
  readonly labels: Labels;
  readonly node: string;
  readonly hostNetwork: boolean;
  readonly owner: { readonly kind: string; readonly name: string };
  readonly serviceAccountName?: string;
  readonly containers: readonly ContainerSpec[];
}

function draft(p: PodSpecInput): PodDraft {
  const specRef = sub(SYSTEM_REF, 'spec');
  const containers = p.containers.map((c, i): Container => {
    const ref = sub(SYSTEM_REF, 'spec', 'containers', i);
    const ports: ContainerPort[] = (c.ports ?? []).map((port, j) => ({
      name: port.name, containerPort: port.port, protocol: port.protocol, ref: sub(ref, 'ports', j),
    }));
    return {
      name: c.name, image: c.image, command: [...(c.command ?? [])], args: [...(c.args ?? [])], env: [], ports,
      ...(c.securityContext ? { securityContext: c.securityContext } : {}),
      volumeMounts: [], hostPorts: p.hostNetwork ? ports.map((x) => x.containerPort) : [], kind: 'container', ref,
    };
  });
  return {
    namespace: p.namespace ?? 'kube-system', name: p.name, labels: p.labels, annotations: {},
    containers, initContainers: [], volumes: [], imagePullSecrets: [],
    serviceAccountName: p.serviceAccountName ?? 'default',
    hostNetwork: p.hostNetwork, hostPID: false, hostIPC: false,
    declaredNodeName: p.node, owner: p.owner, system: true, ref: SYSTEM_REF, specRef,
  };
}

/** A DaemonSet's pod on each node: `<name>-<5 random characters>`. */
function perNode(ds: string, make: (name: string, node: string) => PodSpecInput): PodDraft[] {
  return NODES.map((n) => draft(make(`${ds}-${suffix(`${ds}/${n.name}`, 5, NAME_ALPHABET)}`, n.name)));
}

/** A Deployment's pods: `<name>-<pod-template-hash>-<5 random characters>`. */
function replicas(deployment: string, hash: string, count: number, make: (name: string, i: number) => PodSpecInput): PodDraft[] {
  return Array.from({ length: count }, (_, i) => draft(make(`${deployment}-${hash}-${suffix(`${deployment}/${i}`, 5, NAME_ALPHABET)}`, i)));
}

const PRIVILEGED: ContainerSecurityContext = { privileged: true };

/** kubeadm's CoreDNS: 2 replicas, ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP, NET_BIND_SERVICE only. */
function coreDns(): PodDraft[] {
  return replicas('coredns', COREDNS_TEMPLATE_HASH, 2, (name) => ({
    name, node: CONTROL_PLANE, hostNetwork: false, serviceAccountName: 'coredns',
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_TEMPLATE_HASH },
    owner: { kind: 'Deployment', name: 'coredns' },
    containers: [{
      name: 'coredns', image: COREDNS_IMAGE, args: ['-conf', '/etc/coredns/Corefile'],
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }],
      securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
    }],
  }));
}

/** The control plane's static pods (mirror pods are named `<component>-<node>` and owned by the Node). */
function controlPlane(): PodDraft[] {
  const component = (name: string, image: string, command: string[]): PodDraft => draft({
    name: `${name}-${CONTROL_PLANE}`, node: CONTROL_PLANE, hostNetwork: true,
    labels: { component: name, tier: 'control-plane' }, owner: { kind: 'Node', name: CONTROL_PLANE },
    containers: [{ name, image, command }],
  });
  const ip = NODES[0]?.ip ?? '';
  return [
    component('etcd', 'registry.k8s.io/etcd:3.5.12-0', ['etcd', `--advertise-client-urls=https://${ip}:2379`, `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`]),
    component('kube-apiserver', `registry.k8s.io/kube-apiserver:${K8S_VERSION}`, ['kube-apiserver', `--advertise-address=${ip}`, '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/12']),
    component('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${K8S_VERSION}`, ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--service-cluster-ip-range=10.96.0.0/12']),
    component('kube-scheduler', `registry.k8s.io/kube-scheduler:${K8S_VERSION}`, ['kube-scheduler', '--bind-address=127.0.0.1']),
  ];
}

function kubeProxy(): PodDraft[] {
  return perNode('kube-proxy', (name, node) => ({
    name, node, hostNetwork: true, serviceAccountName: 'kube-proxy',
    labels: { 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' }, owner: { kind: 'DaemonSet', name: 'kube-proxy' },
    containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${K8S_VERSION}`, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], securityContext: PRIVILEGED }],
  }));
}

/** The network plugin's own pods, per lab/v1 Cluster spec.cni. */
function cniPods(cni: Cni): PodDraft[] {
  switch (cni) {
    case 'calico':
      return [
        ...perNode('calico-node', (name, node) => ({
          name, node, hostNetwork: true, serviceAccountName: 'calico-node',
          labels: { 'k8s-app': 'calico-node', 'pod-template-generation': '1' }, owner: { kind: 'DaemonSet', name: 'calico-node' },
          containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.27.3', securityContext: PRIVILEGED }],
        })),
        ...replicas('calico-kube-controllers', '5b9b456c66', 1, (name) => ({
          name, node: CONTROL_PLANE, hostNetwork: false, serviceAccountName: 'calico-kube-controllers',
          labels: { 'k8s-app': 'calico-kube-controllers', 'pod-template-hash': '5b9b456c66' }, owner: { kind: 'Deployment', name: 'calico-kube-controllers' },
          containers: [{ name: 'calico-kube-controllers', image: 'docker.io/calico/kube-controllers:v3.27.3' }],
        })),
      ];
    case 'cilium':
      return [
        ...perNode('cilium', (name, node) => ({
          name, node, hostNetwork: true, serviceAccountName: 'cilium',
          labels: { 'k8s-app': 'cilium', 'app.kubernetes.io/name': 'cilium-agent' }, owner: { kind: 'DaemonSet', name: 'cilium' },
          containers: [{ name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.15.6', command: ['cilium-agent'], securityContext: { capabilities: { add: ['CHOWN', 'KILL', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'SYS_MODULE', 'SYS_ADMIN', 'SYS_RESOURCE', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'], drop: ['ALL'] } } }],
        })),
        ...replicas('cilium-operator', '6d9f7c5d8b', 1, (name) => ({
          name, node: CONTROL_PLANE, hostNetwork: true, serviceAccountName: 'cilium-operator',
          labels: { 'io.cilium/app': 'operator', name: 'cilium-operator', 'pod-template-hash': '6d9f7c5d8b' }, owner: { kind: 'Deployment', name: 'cilium-operator' },
          containers: [{ name: 'cilium-operator', image: 'quay.io/cilium/operator-generic:v1.15.6', command: ['cilium-operator-generic'] }],
        })),
      ];
    case 'flannel':
      return perNode('kube-flannel-ds', (name, node) => ({
        namespace: 'kube-flannel', name, node, hostNetwork: true, serviceAccountName: 'flannel',
        labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' }, owner: { kind: 'DaemonSet', name: 'kube-flannel-ds' },
        containers: [{ name: 'kube-flannel', image: 'docker.io/flannel/flannel:v0.25.1', command: ['/opt/bin/flanneld'], args: ['--ip-masq', '--kube-subnet-mgr'], securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: [] } } }],
      }));
    case 'kindnet':
    case 'kindnet-legacy':
      // kind v0.24 ships kindnetd with kube-network-policies (v20240813); before it, v20240202 without.
      return perNode('kindnet', (name, node) => ({
        name, node, hostNetwork: true, serviceAccountName: 'kindnet',
        labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, owner: { kind: 'DaemonSet', name: 'kindnet' },
        containers: [{ name: 'kindnet-cni', image: `docker.io/kindest/kindnetd:${cni === 'kindnet' ? 'v20240813-c6f155d6' : 'v20240202-8f1494ea'}`, securityContext: { capabilities: { add: ['NET_RAW', 'NET_ADMIN'], drop: [] } } }],
      }));
  }
}

/**
 * The implicit pods for this cluster. `hasOwnDns`: the scenario declares its own pods labelled
 * k8s-app=kube-dns in kube-system, so the implicit CoreDNS is left out (theirs back kube-dns).
 */
export function systemPods(cni: Cni, hasOwnDns: boolean): PodDraft[] {
  return [...(hasOwnDns ? [] : coreDns()), ...controlPlane(), ...kubeProxy(), ...cniPods(cni)];
}

/**
 * The Services every cluster has. `default/kubernetes` (10.96.0.1, https 443 → 6443, no selector:
 * the API server keeps its Endpoints pointing at itself, pkg/controlplane/reconcilers) and
 * `kube-system/kube-dns` (10.96.0.10, kubeadm's CoreDNS Service: dns 53/UDP, dns-tcp 53/TCP,
 * metrics 9153/TCP, selector k8s-app=kube-dns). Addresses are the allocator's well-known ones
 * (normalize/service-ips.ts).
 */
const KUBERNETES: Service = {
  namespace: 'default', name: 'kubernetes', type: 'ClusterIP', selector: {}, hasSelector: false,
  ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }],
  clusterIP: '10.96.0.1', clusterIPDeclared: true, labels: { component: 'apiserver', provider: 'kubernetes' },
};
const KUBE_DNS: Service = {
  namespace: 'kube-system', name: 'kube-dns', type: 'ClusterIP', selector: { 'k8s-app': 'kube-dns' }, hasSelector: true,
  ports: [
    { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, targetPort: 9153, protocol: 'TCP' },
  ],
  clusterIP: '10.96.0.10', clusterIPDeclared: true,
  labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
};
export const SYSTEM_SERVICES: readonly Service[] = Object.freeze([KUBERNETES, KUBE_DNS]);

/** The API server's own Endpoints for `default/kubernetes`: the control plane's address, port https 6443. */
const KUBERNETES_EP: EndpointsObject = {
  namespace: 'default', name: 'kubernetes',
  subsets: [{ addresses: [{ ip: NODES[0]?.ip ?? '', nodeName: CONTROL_PLANE }], notReadyAddresses: [], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  ref: SYSTEM_REF,
};
export const KUBERNETES_ENDPOINTS: EndpointsObject = Object.freeze(KUBERNETES_EP);
