import type { Analysis, PodReport } from '../engine/index.js';

/** The scenario's pods: the implicit system pods (CoreDNS, control plane, kube-proxy, CNI) left out. */
export function scenarioPods(a: Analysis): PodReport[] {
  return a.pods.filter((p) => !p.pod.system);
}
