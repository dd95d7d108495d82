import type { Protocol } from './objects.js';

/** A taint as `kubectl describe node` shows it (`key[=value]:Effect`). */
export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A process on the node itself that accepts connections on the node's address. */
export interface NodeListener {
  readonly port: number;
  readonly protocol: Protocol;
  /** The program, as `ss -ltnp` would name it (`sshd`, `kubelet`, `kube-apiserver`). */
  readonly process: string;
}

/**
 * One machine of the lab's kubeadm cluster: what `kubectl get nodes -o wide` and
 * `kubectl describe node` show, and what listens on its address.
 */
export interface NodeInfo {
  readonly name: string;
  /** InternalIP. */
  readonly ip: string;
  /** From the `node-role.kubernetes.io/<role>` labels; empty for a worker (`<none>`). */
  readonly roles: readonly string[];
  /** spec.podCIDR, as kube-controller-manager's node IPAM hands out /24s of the cluster CIDR. */
  readonly podCIDR: string;
  readonly taints: readonly Taint[];
  readonly labels: Readonly<Record<string, string>>;
  readonly kubeletVersion: string;
  readonly containerRuntime: string;
  readonly osImage: string;
  readonly kernelVersion: string;
  readonly architecture: string;
  readonly listening: readonly NodeListener[];
}
