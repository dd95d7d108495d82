import type { PssViolation } from '../../model/index.js';
import { allContainers, containerField, quoted, violation, type PssCheck } from './check.js';

/**
 * policy/check_capabilities_baseline.go: capabilities.add may only name these 13 (the runtime
 * default minus NET_RAW). The comparison is exact: `chown` or `CAP_CHOWN` is not `CHOWN`.
 */
export const BASELINE_ADDABLE: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP',
  'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const capabilitiesBaseline: PssCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  control: 'Capabilities',
  check(pod) {
    const out: PssViolation[] = [];
    for (const c of allContainers(pod)) {
      (c.securityContext?.capabilities?.add ?? []).forEach((cap, i) => {
        if (BASELINE_ADDABLE.has(cap)) return;
        out.push(violation(this, 'non-default capabilities',
          `container ${quoted(c.name)} must not include ${quoted(cap)} in securityContext.capabilities.add`,
          containerField(c, 'capabilities', 'add', i)));
      });
    }
    return out;
  },
};
