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
  const firstPod = firstPodOf(cluster.pods).get(ownerKey(pod));
  return firstPod === undefined || firstPod === pod;
}

/**
 * Each workload's first pod, by owner, once per pod list (a cluster's list is frozen): looking it
 * up pod by pod was quadratic, 10,000 replicas took 20 s (issue 12).
 */
const firstPods = new WeakMap<readonly Pod[], Map<string, Pod>>();

function firstPodOf(pods: readonly Pod[]): Map<string, Pod> {
  let held = firstPods.get(pods);
  if (!held) {
    held = new Map();
    for (const p of pods) {
      if (!p.owner) continue;
      const key = ownerKey(p);
      if (!held.has(key)) held.set(key, p);
    }
    firstPods.set(pods, held);
  }
  return held;
}

function ownerKey(pod: Pod): string {
  return `${pod.namespace}\u0000${pod.owner?.kind ?? ''}\u0000${pod.owner?.name ?? ''}`;
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
