import type { Cni } from '../model/index.js';

/**
 * The network plugins a lab/v1 Cluster can name, and whether each enforces NetworkPolicy
 * (engine-spec §3). Calico and Cilium do. kindnet does as kind ships it since v0.24 (kindnetd v1.3+
 * with kube-network-policies, kubernetes-sigs/kind#842); the kindnet of kind before v0.24 does not,
 * so it has its own name. Flannel implements no NetworkPolicy at all. One table: the engine, the
 * UI's picker and banner, lesson checks and the validator read it.
 */
export const CNI_INFO: Readonly<Record<Cni, { readonly enforces: boolean; readonly display: string }>> = {
  calico: { enforces: true, display: 'Calico' },
  cilium: { enforces: true, display: 'Cilium' },
  flannel: { enforces: false, display: 'Flannel' },
  kindnet: { enforces: true, display: 'kindnet' },
  'kindnet-legacy': { enforces: false, display: 'kindnet (before kind v0.24)' },
};

export const CNI_NAMES = Object.keys(CNI_INFO) as readonly Cni[];

export function isCni(value: unknown): value is Cni {
  return typeof value === 'string' && Object.hasOwn(CNI_INFO, value);
}
