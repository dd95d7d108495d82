import type { Pod, PodSecurityLevel, PssLevel, PssResult, PssViolation } from '../../model/index.js';
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
import { CheckRegistry, type CheckOutcome, type PolicyVersion } from './registry.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsUser } from './run-as-user.js';
import { seccompBaseline } from './seccomp-baseline.js';
import { seccompRestricted } from './seccomp-restricted.js';
import { seLinux } from './se-linux.js';
import { sysctls } from './sysctls.js';
import { windowsHostProcess } from './windows-host-process.js';

export type { CheckOutcome, PolicyVersion } from './registry.js';
export type { PssCheck } from './check.js';
export { goCompare, goQuote } from './check.js';

/**
 * policy.DefaultChecks() of k8s.io/pod-security-admission v0.30.0, the PodSecurity plugin of the
 * lab's v1.30 API server (the list order does not matter: the registry orders by ID). Not in that
 * release: hostProbesAndHostLifecycle (v1.34), procMount's Baseline/Restricted split and the
 * hostUsers relaxations (v1.35), `image` volumes (v1.33), container_engine_t (v1.31), newer sysctls.
 */
export const PSS_CHECKS: readonly PssCheck[] = [
  windowsHostProcess, hostNamespaces, privileged, capabilitiesBaseline, hostPathVolumes, hostPorts, appArmor,
  seLinux, procMount, seccompBaseline, sysctls,
  restrictedVolumes, allowPrivilegeEscalation, runAsNonRoot, runAsUser, seccompRestricted, capabilitiesRestricted,
];

/** The one evaluator (policy.NewEvaluator(policy.DefaultChecks())). */
export const PSS_REGISTRY = new CheckRegistry(PSS_CHECKS);

/** The failed checks of a pod (or pod template) at a level and policy version, in upstream's order. */
export function evaluatePodSecurity(pod: Pod, level: PodSecurityLevel, version: PolicyVersion): CheckOutcome[] {
  return PSS_REGISTRY.evaluate(level, version, pod);
}

/**
 * The strictest level the pod meets at `latest`, and every violation: Baseline's failed checks,
 * then the failed checks Restricted adds (its own; the Baseline checks it keeps already passed).
 */
export function evaluatePss(pod: Pod): PssResult {
  const baseline = PSS_REGISTRY.evaluate('baseline', 'latest', pod);
  const restrictedOnly = PSS_REGISTRY.evaluate('restricted', 'latest', pod, 'restricted');
  const violations = [...baseline, ...restrictedOnly].map((o) => toViolation(o, pod));
  const level: PssLevel = baseline.length > 0 ? 'privileged' : restrictedOnly.length > 0 ? 'baseline' : 'restricted';
  return { level, violations };
}

function toViolation(o: CheckOutcome, pod: Pod): PssViolation {
  return {
    level: o.check.level, control: o.check.control, check: o.check.id,
    message: o.detail === '' ? o.reason : `${o.reason} (${o.detail})`,
    reason: o.reason, detail: o.detail,
    ref: o.refs[0] ?? pod.specRef,
    refs: o.refs,
  };
}
