/**
 * Diagnostics of the image stage. An invalid reference is an error (the kubelet's
 * InvalidImageName; the API server itself accepts the pod). Pull secrets that cannot be used are
 * warnings: the kubelet skips them and tries the pull anyway.
 */
import type { Cluster, Container, PendingDiagnostic, Pod, SourceRef } from '../model/index.js';
import { sub } from '../model/index.js';
import type { CandidateSecret } from './pull/secrets.js';

const objectName = (pod: Pod) => `Pod/${pod.namespace}/${pod.name}`;

export function invalidImageDiagnostic(pod: Pod, container: Container, message: string, error: string): PendingDiagnostic {
  return {
    severity: 'error',
    code: 'image-invalid',
    message,
    ref: sub(container.ref, 'image'),
    params: { image: container.image, error },
    object: objectName(pod),
  };
}

/**
 * Secret warnings concern the pod, not each container, and a workload's replicas share one
 * template: report them once, for the first container of the first pod of the workload.
 */
export function reportsPodWarnings(cluster: Cluster, pod: Pod, container: Container): boolean {
  const first = pod.containers[0] ?? pod.initContainers[0];
  if (first !== container) return false;
  if (!pod.owner) return true;
  const owner = pod.owner;
  const firstPod = cluster.pods.find((p) => p.namespace === pod.namespace && p.owner?.kind === owner.kind && p.owner.name === owner.name);
  return firstPod === undefined || firstPod === pod;
}

export function secretDiagnostics(pod: Pod, candidates: readonly CandidateSecret[]): PendingDiagnostic[] {
  const out: PendingDiagnostic[] = [];
  for (const c of candidates) {
    // A ServiceAccount that is not declared in the YAML has no position: point at the pod's choice of it.
    const ref: SourceRef = c.ref ?? sub(pod.specRef, c.from === 'pod' ? 'imagePullSecrets' : 'serviceAccountName');
    const params = { secret: c.name, namespace: pod.namespace, from: c.from, detail: c.detail ?? '' };
    if (c.status === 'missing') {
      out.push({ severity: 'warning', code: 'pull-secret-missing', ref, params, object: objectName(pod),
        message: `imagePullSecret "${c.name}" does not exist in namespace "${pod.namespace}"; the kubelet skips it and pulls without it` });
    } else if (c.status === 'other-namespace') {
      out.push({ severity: 'warning', code: 'pull-secret-missing', ref, params, object: objectName(pod),
        message: `imagePullSecret "${c.name}" does not exist in namespace "${pod.namespace}" (a secret with that name exists in namespace "${c.detail ?? ''}"; a pod can only use secrets of its own namespace)` });
    } else if (c.status === 'wrong-type') {
      out.push({ severity: 'warning', code: 'pull-secret-wrong-type', ref, params, object: objectName(pod),
        message: `imagePullSecret "${c.name}" has type "${c.detail ?? ''}"; only kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg secrets hold registry credentials` });
    }
  }
  return out;
}
