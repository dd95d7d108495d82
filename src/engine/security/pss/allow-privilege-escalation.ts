import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, isWindows, type CheckResult, type PssCheck } from './check.js';

/**
 * policy/check_allowPrivilegeEscalation.go: every container must set
 * securityContext.allowPrivilegeEscalation=false (unset counts as true). From policy v1.8 (the
 * field's release); from v1.25 Windows pods (spec.os.name) are exempt.
 */
export const allowPrivilegeEscalation: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  control: 'Privilege Escalation',
  versions: [
    { minimumVersion: 8, checkPod: allowPrivilegeEscalation_1_8 },
    { minimumVersion: 25, checkPod: (pod) => (isWindows(pod) ? null : allowPrivilegeEscalation_1_8(pod)) },
  ],
};

function allowPrivilegeEscalation_1_8(pod: Pod): CheckResult | null {
  const bad: string[] = [];
  const refs: SourceRef[] = [];
  for (const c of allContainers(pod)) {
    if (c.securityContext?.allowPrivilegeEscalation !== false) {
      bad.push(c.name);
      refs.push(containerField(c, 'allowPrivilegeEscalation'));
    }
  }
  if (bad.length === 0) return null;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containers(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    refs,
  };
}
