import type { PssViolation } from '../../model/index.js';
import { allContainers, containerField, podField, quoted, violation, type PssCheck } from './check.js';

export const VALID_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);

/** policy/check_seccompProfile_baseline.go (1.19+): a seccompProfile that is set must not be Unconfined. */
export const seccompBaseline: PssCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  control: 'Seccomp',
  check(pod) {
    const out: PssViolation[] = [];
    const podType = pod.securityContext?.seccompProfile?.type;
    if (podType !== undefined && !VALID_SECCOMP.has(podType)) {
      out.push(violation(this, 'seccompProfile', `pod must not set securityContext.seccompProfile.type to ${quoted(podType)}`,
        podField(pod, 'seccompProfile', 'type')));
    }
    for (const c of allContainers(pod)) {
      const t = c.securityContext?.seccompProfile?.type;
      if (t !== undefined && !VALID_SECCOMP.has(t)) {
        out.push(violation(this, 'seccompProfile',
          `container ${quoted(c.name)} must not set securityContext.seccompProfile.type to ${quoted(t)}`,
          containerField(c, 'seccompProfile', 'type')));
      }
    }
    return out;
  },
};
