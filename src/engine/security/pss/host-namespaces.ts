import type { Pod } from '../../model/index.js';
import { sub } from '../../model/index.js';
import type { CheckResult, PssCheck } from './check.js';

/** policy/check_hostNamespaces.go (v1.0+): hostNetwork, hostPID and hostIPC must be unset or false. */
export const hostNamespaces: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  control: 'Host Namespaces',
  versions: [{ minimumVersion: 0, checkPod: hostNamespaces_1_0 }],
};

function hostNamespaces_1_0(pod: Pod): CheckResult | null {
  const fields = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((f) => pod[f]);
  if (fields.length === 0) return null;
  return {
    reason: 'host namespaces',
    detail: fields.map((f) => `${f}=true`).join(', '),
    refs: fields.map((f) => sub(pod.specRef, f)),
  };
}
