import type { PssViolation } from '../../model/index.js';
import { allContainers, containerField, podField, quoted, violation, type PssCheck } from './check.js';

/** policy/check_windowsHostProcess.go: windowsOptions.hostProcess must not be true (pod or container). */
export const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  control: 'HostProcess',
  check(pod) {
    const out: PssViolation[] = [];
    const detail = (who: string) => `${who} must not set securityContext.windowsOptions.hostProcess=true`;
    if (pod.securityContext?.windowsOptions?.hostProcess === true) {
      out.push(violation(this, 'hostProcess', detail('pod'), podField(pod, 'windowsOptions', 'hostProcess')));
    }
    for (const c of allContainers(pod)) {
      if (c.securityContext?.windowsOptions?.hostProcess === true) {
        out.push(violation(this, 'hostProcess', detail(`container ${quoted(c.name)}`), containerField(c, 'windowsOptions', 'hostProcess')));
      }
    }
    return out;
  },
};
