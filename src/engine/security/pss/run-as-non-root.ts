import type { PssViolation } from '../../model/index.js';
import { allContainers, containerField, podField, quoted, violation, type PssCheck } from './check.js';

/**
 * policy/check_runAsNonRoot.go: runAsNonRoot must be true, at pod level or in every container;
 * an explicit false anywhere fails. (Since 1.35 pods with `hostUsers: false` are exempt; the
 * model has no hostUsers.) The admission plugin stops at explicit falses; every offender is
 * reported here.
 */
export const runAsNonRoot: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  control: 'Running as Non-root',
  check(pod) {
    const out: PssViolation[] = [];
    const reason = 'runAsNonRoot != true';
    const podValue = pod.securityContext?.runAsNonRoot;
    if (podValue === false) {
      out.push(violation(this, reason, 'pod must not set securityContext.runAsNonRoot=false', podField(pod, 'runAsNonRoot')));
    }
    for (const c of allContainers(pod)) {
      const v = c.securityContext?.runAsNonRoot;
      if (v === false) {
        out.push(violation(this, reason, `container ${quoted(c.name)} must not set securityContext.runAsNonRoot=false`,
          containerField(c, 'runAsNonRoot')));
      } else if (v === undefined && podValue === undefined) {
        // With the pod's explicit false reported above, fixing the pod fixes these too.
        out.push(violation(this, reason, `pod or container ${quoted(c.name)} must set securityContext.runAsNonRoot=true`,
          containerField(c, 'runAsNonRoot')));
      }
    }
    return out;
  },
};
