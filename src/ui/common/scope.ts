import type { Analysis, Endpoint, PodReport } from '../../engine/index.js';

/**
 * The scenario's own objects. Every cluster also runs system pods (CoreDNS, the control plane,
 * kube-proxy, the CNI's agents in kube-system): the terminal lists them (`kubectl get pods -A`)
 * and DNS goes through them, but the graph, matrix and counts show what the student wrote.
 */
export function scenarioPods(analysis: Analysis): readonly PodReport[] {
  return analysis.pods.filter((p) => p.pod.system !== true);
}

export function isSystemEndpoint(analysis: Analysis, e: Endpoint): boolean {
  return e.kind === 'pod' && analysis.cluster.pods[e.index]?.system === true;
}

export function scenarioEndpoints(analysis: Analysis): readonly Endpoint[] {
  return analysis.network.endpoints.filter((e) => !isSystemEndpoint(analysis, e));
}
