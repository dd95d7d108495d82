import type { PssViolation } from '../../model/index.js';
import { allContainers, containerField, podField, quoted, violation, type PssCheck } from './check.js';

/** policy/check_runAsUser.go: runAsUser must not be 0 (unset is fine). */
export const runAsUser: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  control: 'Running as Non-root user',
  check(pod) {
    const out: PssViolation[] = [];
    if (pod.securityContext?.runAsUser === 0) {
      out.push(violation(this, 'runAsUser=0', 'pod must not set runAsUser=0', podField(pod, 'runAsUser')));
    }
    for (const c of allContainers(pod)) {
      if (c.securityContext?.runAsUser === 0) {
        out.push(violation(this, 'runAsUser=0', `container ${quoted(c.name)} must not set runAsUser=0`, containerField(c, 'runAsUser')));
      }
    }
    return out;
  },
};
