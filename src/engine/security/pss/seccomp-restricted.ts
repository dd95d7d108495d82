import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, isWindows, joinQuote, podField, sortedSet, type CheckResult, type PssCheck } from './check.js';
import { SECCOMP_BASELINE_ID, VALID_SECCOMP } from './seccomp-baseline.js';

/**
 * policy/check_seccompProfile_restricted.go (v1.19+, replacing seccompProfile_baseline at the
 * Restricted level): every container needs RuntimeDefault or Localhost, its own or the pod's.
 * Explicit bad values are reported first (and alone), then the containers left without a profile.
 * From v1.25 Windows pods are exempt.
 */
export const seccompRestricted: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  control: 'Seccomp',
  versions: [
    { minimumVersion: 19, checkPod: seccompProfileRestricted_1_19, overrides: [SECCOMP_BASELINE_ID] },
    { minimumVersion: 25, checkPod: (pod) => (isWindows(pod) ? null : seccompProfileRestricted_1_19(pod)), overrides: [SECCOMP_BASELINE_ID] },
  ],
};

function seccompProfileRestricted_1_19(pod: Pod): CheckResult | null {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const explicitRefs: SourceRef[] = [];
  let podSeccompSet = false;
  const podType = pod.securityContext?.seccompProfile?.type;
  if (podType !== undefined) {
    if (!VALID_SECCOMP.has(podType)) {
      badSetters.push('pod');
      badValues.push(podType);
      explicitRefs.push(podField(pod, 'seccompProfile', 'type'));
    } else podSeccompSet = true;
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitRefs: SourceRef[] = [];
  for (const c of allContainers(pod)) {
    const t = c.securityContext?.seccompProfile?.type;
    if (t !== undefined) {
      if (!VALID_SECCOMP.has(t)) {
        explicitlyBad.push(c.name);
        badValues.push(t);
        explicitRefs.push(containerField(c, 'seccompProfile', 'type'));
      }
    } else if (!podSeccompSet) {
      implicitlyBad.push(c.name);
      implicitRefs.push(containerField(c, 'seccompProfile', 'type'));
    }
  }
  if (explicitlyBad.length > 0) badSetters.push(containers(explicitlyBad));
  if (badSetters.length > 0) {
    return {
      reason: 'seccompProfile',
      detail: `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
      refs: explicitRefs,
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason: 'seccompProfile',
      detail: `pod or ${containers(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      refs: implicitRefs,
    };
  }
  return null;
}
