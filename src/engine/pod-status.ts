import type { ContainerReport } from './model/index.js';

/**
 * The kubelet starts init containers one at a time and the app containers only after all of them
 * have completed (pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions).
 * Behind the first stuck init container every later init container and every app container is
 * Waiting with reason PodInitializing, no message, and its image not pulled yet
 * (pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses).
 */
export function gateOnInit(
  init: readonly ContainerReport[],
  containers: readonly ContainerReport[],
): { init: ContainerReport[]; containers: ContainerReport[] } {
  const stuck = init.findIndex((c) => c.state !== 'Running');
  if (stuck < 0) return { init: [...init], containers: [...containers] };
  const wait = (c: ContainerReport): ContainerReport => ({ ...c, state: 'PodInitializing', message: null });
  return { init: init.map((c, i) => (i > stuck ? wait(c) : c)), containers: containers.map(wait) };
}

/**
 * kubectl's STATUS column (kubernetes/kubectl printPod): `Init:<reason>` of the first init
 * container that has not completed; else the waiting reason of the first app container that
 * has one; else Running.
 */
export function podStatus(containers: readonly ContainerReport[], init: readonly ContainerReport[]): string {
  const stuckInit = init.find((c) => c.state !== 'Running');
  if (stuckInit) return `Init:${stuckInit.state}`;
  const waiting = containers.find((c) => c.state !== 'Running');
  return waiting ? waiting.state : 'Running';
}

/** kubectl's READY column: ready app containers over app containers (init containers never count). */
export function podReady(containers: readonly ContainerReport[]): string {
  return `${containers.filter((c) => c.state === 'Running').length}/${containers.length}`;
}
