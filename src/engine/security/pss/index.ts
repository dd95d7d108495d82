import type { Pod, PssLevel, PssResult } from '../../model/index.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';
import { appArmor } from './app-armor.js';
import { capabilitiesBaseline } from './capabilities-baseline.js';
import { capabilitiesRestricted } from './capabilities-restricted.js';
import type { PssCheck } from './check.js';
import { hostNamespaces } from './host-namespaces.js';
import { hostPathVolumes } from './host-path-volumes.js';
import { hostPorts } from './host-ports.js';
import { privileged } from './privileged.js';
import { procMount } from './proc-mount.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsUser } from './run-as-user.js';
import { seccompBaseline } from './seccomp-baseline.js';
import { seccompRestricted } from './seccomp-restricted.js';
import { seLinux } from './se-linux.js';
import { sysctls } from './sysctls.js';
import { windowsHostProcess } from './windows-host-process.js';

/**
 * The checks of pod-security-admission's registry at the newest policy version, Baseline first.
 * Not modelled (no such fields in the model yet): hostProbesAndHostLifecycle (1.34, probe and
 * lifecycle `host`), the Windows exemptions (spec.os.name) and the hostUsers: false relaxations.
 */
export const PSS_CHECKS: readonly PssCheck[] = [
  windowsHostProcess, hostNamespaces, privileged, capabilitiesBaseline, hostPathVolumes, hostPorts, appArmor,
  seLinux, procMount, seccompBaseline, sysctls,
  restrictedVolumes, allowPrivilegeEscalation, runAsNonRoot, runAsUser, seccompRestricted, capabilitiesRestricted,
];

/** The strictest level with no violation at or below it, and every violation. */
export function evaluatePss(pod: Pod): PssResult {
  const violations = PSS_CHECKS.flatMap((c) => c.check(pod));
  const level: PssLevel = violations.some((v) => v.level === 'baseline') ? 'privileged'
    : violations.length > 0 ? 'baseline' : 'restricted';
  return { level, violations };
}
