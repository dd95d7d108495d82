import type { Pod, SourceRef } from '../../model/index.js';
import { CAPABILITIES_BASELINE_ID } from './capabilities-baseline.js';
import { allContainers, containerField, containers, isWindows, joinQuote, sortedSet, type CheckResult, type PssCheck } from './check.js';

/**
 * policy/check_capabilities_restricted.go: drop must contain "ALL" (exactly: the runtime accepts
 * `all`, this check does not) and add may only contain NET_BIND_SERVICE — any other added
 * capability is named here, including those Baseline forbids, because from policy v1.22 this
 * check replaces capabilities_baseline at the Restricted level. From v1.25 Windows pods are exempt.
 */
export const capabilitiesRestricted: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  control: 'Capabilities',
  versions: [
    { minimumVersion: 22, checkPod: capabilitiesRestricted_1_22, overrides: [CAPABILITIES_BASELINE_ID] },
    { minimumVersion: 25, checkPod: (pod) => (isWindows(pod) ? null : capabilitiesRestricted_1_22(pod)), overrides: [CAPABILITIES_BASELINE_ID] },
  ],
};

function capabilitiesRestricted_1_22(pod: Pod): CheckResult | null {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const refs: SourceRef[] = [];
  for (const c of allContainers(pod)) {
    const caps = c.securityContext?.capabilities;
    if (!caps) {
      missingDropAll.push(c.name);
      refs.push(containerField(c, 'capabilities', 'drop'));
      continue;
    }
    if (!caps.drop.includes('ALL')) {
      missingDropAll.push(c.name);
      refs.push(containerField(c, 'capabilities', 'drop'));
    }
    let added = false;
    caps.add.forEach((cap, i) => {
      if (cap === 'NET_BIND_SERVICE') return;
      added = true;
      forbidden.push(cap);
      refs.push(containerField(c, 'capabilities', 'add', i));
    });
    if (added) addingForbidden.push(c.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) details.push(`${containers(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length > 0) {
    details.push(`${containers(addingForbidden)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`);
  }
  if (details.length === 0) return null;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), refs };
}
