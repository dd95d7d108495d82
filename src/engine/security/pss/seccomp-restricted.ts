import { allContainers, containerField, quoted, violation, type PssCheck } from './check.js';
import { VALID_SECCOMP } from './seccomp-baseline.js';

/**
 * policy/check_seccompProfile_restricted.go: every container needs RuntimeDefault or Localhost,
 * its own or the pod's. A value that is set but invalid (Unconfined) is already a Baseline
 * violation (seccompProfile_baseline, which this check replaces), so here only the containers
 * left without a valid profile are reported.
 */
export const seccompRestricted: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  control: 'Seccomp',
  check(pod) {
    const podType = pod.securityContext?.seccompProfile?.type;
    const podValid = podType !== undefined && VALID_SECCOMP.has(podType);
    return allContainers(pod).filter((c) => c.securityContext?.seccompProfile === undefined && !podValid).map((c) =>
      violation(this, 'seccompProfile',
        `pod or container ${quoted(c.name)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
        containerField(c, 'seccompProfile', 'type')));
  },
};
