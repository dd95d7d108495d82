import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, podField, type CheckResult, type PssCheck } from './check.js';

/** policy/check_windowsHostProcess.go (v1.0+): windowsOptions.hostProcess must not be true (pod or container). */
export const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  control: 'HostProcess',
  versions: [{ minimumVersion: 0, checkPod: windowsHostProcess_1_0 }],
};

function windowsHostProcess_1_0(pod: Pod): CheckResult | null {
  const bad = allContainers(pod).filter((c) => c.securityContext?.windowsOptions?.hostProcess === true);
  const setters: string[] = [];
  const refs: SourceRef[] = [];
  if (pod.securityContext?.windowsOptions?.hostProcess === true) {
    setters.push('pod');
    refs.push(podField(pod, 'windowsOptions', 'hostProcess'));
  }
  if (bad.length > 0) {
    setters.push(containers(bad.map((c) => c.name)));
    refs.push(...bad.map((c) => containerField(c, 'windowsOptions', 'hostProcess')));
  }
  if (setters.length === 0) return null;
  return { reason: 'hostProcess', detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, refs };
}
