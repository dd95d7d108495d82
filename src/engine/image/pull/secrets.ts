/**
 * Which pull secrets a container's pull may use. The pod's `imagePullSecrets`, or, only when it
 * lists none, its ServiceAccount's (the ServiceAccount admission plugin copies them into the pod).
 * The kubelet reads each from the pod's namespace; a missing one is skipped with the event
 * "Unable to retrieve some image pull secrets (...); attempting to pull the image may not succeed."
 * Only `kubernetes.io/dockerconfigjson` (`.dockerconfigjson`) and `kubernetes.io/dockercfg`
 * (`.dockercfg`) secrets contribute credentials (pkg/credentialprovider/secrets/secrets.go).
 */
import type { Cluster, DockerConfigEntry, Pod, SourceRef } from '../../model/index.js';
import { sub } from '../../model/index.js';

export const dockerSecretTypes: readonly string[] = ['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg'];

export type SecretStatus = 'used' | 'no-match' | 'missing' | 'wrong-type' | 'other-namespace';

export interface CandidateSecret {
  readonly name: string;
  readonly from: 'pod' | 'serviceAccount';
  /** Where the name is written (the pod's or the ServiceAccount's list), when known. */
  readonly ref?: SourceRef;
  /** Before the pull: usable (`no-match` until its credentials match), or why not. */
  readonly status: SecretStatus;
  readonly entries: readonly DockerConfigEntry[];
  /** For `wrong-type`: the secret's type. For `other-namespace`: the namespaces that have it. */
  readonly detail?: string;
}

export function candidateSecrets(cluster: Cluster, pod: Pod): CandidateSecret[] {
  let names: readonly string[] = pod.imagePullSecrets;
  let from: 'pod' | 'serviceAccount' = 'pod';
  let listRef: SourceRef | undefined = sub(pod.specRef, 'imagePullSecrets');
  if (names.length === 0) {
    const sa = cluster.serviceAccounts.find((s) => s.namespace === pod.namespace && s.name === pod.serviceAccountName);
    names = sa?.imagePullSecrets ?? [];
    from = 'serviceAccount';
    listRef = sa?.ref ? sub(sa.ref, 'imagePullSecrets') : undefined;
  }
  return names.map((name, i) => {
    const ref = listRef ? sub(listRef, i) : undefined;
    const base = { name, from, ...(ref ? { ref } : {}) };
    const secret = cluster.secrets.find((s) => s.namespace === pod.namespace && s.name === name);
    if (!secret) {
      const elsewhere = cluster.secrets
        .filter((s) => s.name === name && dockerSecretTypes.includes(s.type))
        .map((s) => s.namespace);
      return elsewhere.length > 0
        ? { ...base, status: 'other-namespace', entries: [], detail: elsewhere.join(', ') }
        : { ...base, status: 'missing', entries: [] };
    }
    if (!dockerSecretTypes.includes(secret.type)) return { ...base, status: 'wrong-type', entries: [], detail: secret.type };
    return { ...base, status: 'no-match', entries: secret.dockerConfig ?? [] };
  });
}
