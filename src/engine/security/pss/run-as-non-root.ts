import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, podField, type CheckResult, type PssCheck } from './check.js';

/**
 * policy/check_runAsNonRoot.go (v1.0+): runAsNonRoot must be true, at pod level or in every
 * container. Explicit falses are reported first (and alone); only then the containers that set
 * nothing without a pod-level true. (The user-namespace relaxation needs the
 * UserNamespacesPodSecurityStandards gate, off by default in v1.30.)
 */
export const runAsNonRoot: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  control: 'Running as Non-root',
  versions: [{ minimumVersion: 0, checkPod: runAsNonRoot_1_0 }],
};

function runAsNonRoot_1_0(pod: Pod): CheckResult | null {
  const badSetters: string[] = [];
  const explicitRefs: SourceRef[] = [];
  let podRunAsNonRoot = false;
  const podValue = pod.securityContext?.runAsNonRoot;
  if (podValue === false) {
    badSetters.push('pod');
    explicitRefs.push(podField(pod, 'runAsNonRoot'));
  } else if (podValue === true) podRunAsNonRoot = true;

  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitRefs: SourceRef[] = [];
  for (const c of allContainers(pod)) {
    const v = c.securityContext?.runAsNonRoot;
    if (v !== undefined) {
      if (!v) {
        explicitlyBad.push(c.name);
        explicitRefs.push(containerField(c, 'runAsNonRoot'));
      }
    } else if (!podRunAsNonRoot) {
      implicitlyBad.push(c.name);
      implicitRefs.push(containerField(c, 'runAsNonRoot'));
    }
  }
  if (explicitlyBad.length > 0) badSetters.push(containers(explicitlyBad));
  if (badSetters.length > 0) {
    return {
      reason: 'runAsNonRoot != true',
      detail: `${badSetters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
      refs: explicitRefs,
    };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason: 'runAsNonRoot != true',
      detail: `pod or ${containers(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
      refs: implicitRefs,
    };
  }
  return null;
}
