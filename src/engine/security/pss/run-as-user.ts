import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, podField, type CheckResult, type PssCheck } from './check.js';

/** policy/check_runAsUser.go (v1.23+): runAsUser must not be 0, at pod or container level (unset is fine). */
export const runAsUser: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  control: 'Running as Non-root user',
  versions: [{ minimumVersion: 23, checkPod: runAsUser_1_23 }],
};

function runAsUser_1_23(pod: Pod): CheckResult | null {
  const badSetters: string[] = [];
  const refs: SourceRef[] = [];
  if (pod.securityContext?.runAsUser === 0) {
    badSetters.push('pod');
    refs.push(podField(pod, 'runAsUser'));
  }
  const bad = allContainers(pod).filter((c) => c.securityContext?.runAsUser === 0);
  if (bad.length > 0) {
    badSetters.push(containers(bad.map((c) => c.name)));
    refs.push(...bad.map((c) => containerField(c, 'runAsUser')));
  }
  if (badSetters.length === 0) return null;
  return { reason: 'runAsUser=0', detail: `${badSetters.join(' and ')} must not set runAsUser=0`, refs };
}
