import type { Pod } from '../../model/index.js';
import { allContainers, containerField, containers, type CheckResult, type PssCheck } from './check.js';

/** policy/check_privileged.go (v1.0+): no container may set securityContext.privileged=true. */
export const privileged: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  control: 'Privileged Containers',
  versions: [{ minimumVersion: 0, checkPod: privileged_1_0 }],
};

function privileged_1_0(pod: Pod): CheckResult | null {
  const bad = allContainers(pod).filter((c) => c.securityContext?.privileged === true);
  if (bad.length === 0) return null;
  return {
    reason: 'privileged',
    detail: `${containers(bad.map((c) => c.name))} must not set securityContext.privileged=true`,
    refs: bad.map((c) => containerField(c, 'privileged')),
  };
}
