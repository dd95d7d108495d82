import type { PssViolation } from '../../model/index.js';
import { BASELINE_ADDABLE } from './capabilities-baseline.js';
import { allContainers, containerField, quoted, violation, type PssCheck } from './check.js';

/**
 * policy/check_capabilities_restricted.go: drop must contain exactly "ALL" (case-sensitive — the
 * runtime accepts `all`, this check does not) and add may only contain NET_BIND_SERVICE. It
 * replaces capabilities_baseline, so adds that Baseline already forbids are not repeated here.
 */
export const capabilitiesRestricted: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  control: 'Capabilities',
  check(pod) {
    const out: PssViolation[] = [];
    const reason = 'unrestricted capabilities';
    for (const c of allContainers(pod)) {
      const caps = c.securityContext?.capabilities;
      if (!caps || !caps.drop.includes('ALL')) {
        out.push(violation(this, reason, `container ${quoted(c.name)} must set securityContext.capabilities.drop=["ALL"]`,
          containerField(c, 'capabilities', 'drop')));
      }
      (caps?.add ?? []).forEach((cap, i) => {
        if (cap === 'NET_BIND_SERVICE' || !BASELINE_ADDABLE.has(cap)) return;
        out.push(violation(this, reason, `container ${quoted(c.name)} must not include ${quoted(cap)} in securityContext.capabilities.add`,
          containerField(c, 'capabilities', 'add', i)));
      });
    }
    return out;
  },
};
