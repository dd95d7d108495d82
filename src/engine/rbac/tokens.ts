import type { Pod, PodServiceAccount, ServiceAccount } from '../model/index.js';
import { sub } from '../model/index.js';
import { serviceAccountUser } from './subjects.js';

/** DefaultAPITokenMountPath: where the projected token, ca.crt and namespace appear in a container. */
export const SERVICE_ACCOUNT_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The pod's ServiceAccount token as plugin/pkg/admission/serviceaccount/admission.go mounts it:
 * shouldAutomount (the pod's automountServiceAccountToken wins, then the ServiceAccount's, else
 * true); mountServiceAccountToken adds the read-only `kube-api-access-*` volume mount to every init
 * container and container without a volumeMount of its own at the path (such a mount keeps the
 * token out of that container). Ephemeral containers get none.
 */
export function podServiceAccount(pod: Pod, serviceAccounts: readonly ServiceAccount[]): PodServiceAccount {
  const sa: ServiceAccount | undefined = serviceAccounts.find((s) => s.namespace === pod.namespace && s.name === pod.serviceAccountName);
  // The implicit `default` exists in every namespace even if normalize/ has not listed it.
  const exists = sa !== undefined || pod.serviceAccountName === 'default';
  let automount = true;
  let decidedBy: PodServiceAccount['decidedBy'] = 'default';
  let decidedAt;
  if (pod.automountServiceAccountToken !== undefined) {
    automount = pod.automountServiceAccountToken;
    decidedBy = 'pod';
    decidedAt = sub(pod.specRef, 'automountServiceAccountToken');
  } else if (sa?.automountServiceAccountToken !== undefined) {
    automount = sa.automountServiceAccountToken;
    decidedBy = 'serviceAccount';
    if (sa.ref) decidedAt = sub(sa.ref, 'automountServiceAccountToken');
  }
  const mountedIn: string[] = [];
  const shadowedIn: string[] = [];
  if (automount) {
    for (const c of [...pod.initContainers, ...pod.containers]) {
      if (c.kind === 'ephemeralContainer') continue;
      if (c.volumeMounts.some((m) => m.mountPath === SERVICE_ACCOUNT_TOKEN_PATH)) shadowedIn.push(c.name);
      else mountedIn.push(c.name);
    }
  }
  return {
    serviceAccount: pod.serviceAccountName, exists, automount, decidedBy,
    ...(decidedAt ? { decidedAt } : {}),
    mountPath: SERVICE_ACCOUNT_TOKEN_PATH, mountedIn, shadowedIn,
    user: serviceAccountUser(pod.namespace, pod.serviceAccountName),
  };
}
