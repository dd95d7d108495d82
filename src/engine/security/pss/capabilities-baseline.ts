import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, joinQuote, sortedSet, type CheckResult, type PssCheck } from './check.js';

/**
 * policy/check_capabilities_baseline.go (v1.0+): capabilities.add may only name these 13 (the
 * runtime default set minus NET_RAW). The comparison is exact: `chown` or `CAP_CHOWN` is not `CHOWN`.
 */
export const BASELINE_ADDABLE: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP',
  'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const CAPABILITIES_BASELINE_ID = 'capabilities_baseline';

export const capabilitiesBaseline: PssCheck = {
  id: CAPABILITIES_BASELINE_ID,
  level: 'baseline',
  control: 'Capabilities',
  versions: [{ minimumVersion: 0, checkPod: capabilitiesBaseline_1_0 }],
};

function capabilitiesBaseline_1_0(pod: Pod): CheckResult | null {
  const badContainers: string[] = [];
  const nonDefault: string[] = [];
  const refs: SourceRef[] = [];
  for (const c of allContainers(pod)) {
    const caps = c.securityContext?.capabilities;
    if (!caps) continue;
    let valid = true;
    caps.add.forEach((cap, i) => {
      if (BASELINE_ADDABLE.has(cap)) return;
      valid = false;
      nonDefault.push(cap);
      refs.push(containerField(c, 'capabilities', 'add', i));
    });
    if (!valid) badContainers.push(c.name);
  }
  if (badContainers.length === 0) return null;
  return {
    reason: 'non-default capabilities',
    detail: `${containers(badContainers)} must not include ${joinQuote(sortedSet(nonDefault))} in securityContext.capabilities.add`,
    refs,
  };
}
