import type { Pod } from '../../model/index.js';
import { allContainers, containerField, containers, joinQuote, sortedSet, type CheckResult, type PssCheck } from './check.js';

/**
 * policy/check_procMount.go (v1.0+): procMount must be unset or `Default`. In v0.30.0 this is one
 * Baseline check with ID `procMount` (later releases split it into procMount_baseline and
 * procMount_restricted). Note: a v1.30 API server with the ProcMountType feature gate off (alpha,
 * the default) drops the field before admission (pkg/api/pod dropDisabledFields); the lab keeps it.
 */
export const procMount: PssCheck = {
  id: 'procMount',
  level: 'baseline',
  control: '/proc Mount Type',
  versions: [{ minimumVersion: 0, checkPod: procMount_1_0 }],
};

function procMount_1_0(pod: Pod): CheckResult | null {
  const bad = allContainers(pod).filter((c) => {
    const pm = c.securityContext?.procMount;
    return pm !== undefined && pm !== 'Default';
  });
  if (bad.length === 0) return null;
  return {
    reason: 'procMount',
    detail: `${containers(bad.map((c) => c.name))} must not set securityContext.procMount to ${joinQuote(sortedSet(bad.map((c) => c.securityContext?.procMount ?? '')))}`,
    refs: bad.map((c) => containerField(c, 'procMount')),
  };
}
