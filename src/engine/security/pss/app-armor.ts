import type { PssViolation } from '../../model/index.js';
import { allContainers, annotationRef, containerField, podField, quoted, violation, type PssCheck } from './check.js';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * policy/check_appArmorProfile.go: appArmorProfile.type (pod or container) must be RuntimeDefault
 * or Localhost; the deprecated per-container annotation must be `runtime/default`, `localhost/*`
 * or empty.
 */
export const appArmor: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  control: 'AppArmor',
  check(pod) {
    const out: PssViolation[] = [];
    const reason = 'forbidden AppArmor profile';
    const podType = pod.securityContext?.appArmorProfile?.type;
    if (podType !== undefined && !ALLOWED_TYPES.has(podType)) {
      out.push(violation(this, reason, `pod must not set AppArmor profile type to ${quoted(podType)}`,
        podField(pod, 'appArmorProfile', 'type')));
    }
    for (const c of allContainers(pod)) {
      const t = c.securityContext?.appArmorProfile?.type;
      if (t !== undefined && !ALLOWED_TYPES.has(t)) {
        out.push(violation(this, reason, `container ${quoted(c.name)} must not set AppArmor profile type to ${quoted(t)}`,
          containerField(c, 'appArmorProfile', 'type')));
      }
    }
    for (const [key, value] of Object.entries(pod.annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
      out.push(violation(this, reason, `annotation ${key}=${quoted(value)}`, annotationRef(pod, key)));
    }
    return out;
  },
};
