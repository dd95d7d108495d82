import type { NodeInfo, NodeListener } from '../model/index.js';
import { fnv1a } from './hash.js';

/**
 * The lab's cluster: three kubeadm nodes as the CKA/CKS practice labs have them (a control plane
 * and two workers on a private /24), Kubernetes v1.30.0 on Ubuntu 22.04 with containerd 1.7.
 * kubeadm taints the control plane `node-role.kubernetes.io/control-plane:NoSchedule` and labels
 * it `node-role.kubernetes.io/control-plane` plus `node.kubernetes.io/exclude-from-external-load-balancers`
 * (kubernetes/kubernetes cmd/kubeadm/app/phases/markcontrolplane). Each node gets a /24 of the
 * cluster CIDR 10.244.0.0/16 in join order (kube-controller-manager --allocate-node-cidrs,
 * --node-cidr-mask-size 24).
 */

/** What listens on every node's own address: sshd, the kubelet API (10250) and kube-proxy's healthz (10256). */
const NODE_LISTENERS: readonly NodeListener[] = [
  { port: 22, protocol: 'TCP', process: 'sshd' },
  { port: 10250, protocol: 'TCP', process: 'kubelet' },
  { port: 10256, protocol: 'TCP', process: 'kube-proxy' },
];

/**
 * The control plane's static pods listen on the node address too: the API server on 6443 and etcd
 * on 2379/2380 (kubeadm's --advertise-address / --listen-client-urls). kube-controller-manager
 * (10257) and kube-scheduler (10259) bind 127.0.0.1 only, so they are not reachable from pods.
 */
const CONTROL_PLANE_LISTENERS: readonly NodeListener[] = [
  { port: 2379, protocol: 'TCP', process: 'etcd' },
  { port: 2380, protocol: 'TCP', process: 'etcd' },
  { port: 6443, protocol: 'TCP', process: 'kube-apiserver' },
];

const COMMON = {
  kubeletVersion: 'v1.30.0',
  containerRuntime: 'containerd://1.7.13',
  osImage: 'Ubuntu 22.04.4 LTS',
  kernelVersion: '5.15.0-105-generic',
  architecture: 'amd64',
} as const;

function labels(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...extra,
  };
}

export const CONTROL_PLANE = 'controlplane';

export const NODES: readonly NodeInfo[] = Object.freeze(([
  {
    name: CONTROL_PLANE, ip: '192.168.121.10', roles: ['control-plane'], podCIDR: '10.244.0.0/24',
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    labels: labels(CONTROL_PLANE, { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' }),
    ...COMMON, listening: [...NODE_LISTENERS, ...CONTROL_PLANE_LISTENERS].sort((a, b) => a.port - b.port),
  },
  { name: 'node01', ip: '192.168.121.11', roles: [], podCIDR: '10.244.1.0/24', taints: [], labels: labels('node01'), ...COMMON, listening: NODE_LISTENERS },
  { name: 'node02', ip: '192.168.121.12', roles: [], podCIDR: '10.244.2.0/24', taints: [], labels: labels('node02'), ...COMMON, listening: NODE_LISTENERS },
] satisfies NodeInfo[]).map((n): NodeInfo => Object.freeze(n)));

/** The workers: where the scheduler puts pods that do not tolerate the control-plane taint. */
const WORKERS = NODES.filter((n) => n.taints.length === 0);

export function nodeByName(name: string): NodeInfo | undefined {
  return NODES.find((n) => n.name === name);
}

export function nodeByIP(ip: string): NodeInfo | undefined {
  return NODES.find((n) => n.ip === ip);
}

/**
 * Lab rule for the scheduler: a pod naming an existing node in `spec.nodeName` runs there (the
 * scheduler is bypassed, taints included); every other pod goes to a worker chosen by a hash of
 * `namespace/name`, so it never moves when unrelated objects change.
 */
export function scheduleNode(namespace: string, name: string, nodeName?: string): string {
  if (nodeName !== undefined && nodeByName(nodeName)) return nodeName;
  const worker = WORKERS[fnv1a(`${namespace}/${name}`) % WORKERS.length];
  return worker?.name ?? CONTROL_PLANE;
}
