import type { Pod, SourceRef } from '../../model/index.js';
import {
  allContainers, annotationRef, containerField, containers, goCompare, goQuote, joinQuote, pluralize, podField, sortedSet,
  type CheckResult, type PssCheck,
} from './check.js';

const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * policy/check_appArmorProfile.go (v1.0+): appArmorProfile.type (pod or container) must be
 * RuntimeDefault or Localhost; the deprecated per-container annotation must be `runtime/default`,
 * `localhost/*` or empty. One result names every setter ("pod and container "a" and annotations")
 * and every bad value: the types (sorted), then the annotations as `key="value"` (sorted).
 */
export const appArmor: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  control: 'AppArmor',
  versions: [{ minimumVersion: 0, checkPod: appArmorProfile_1_0 }],
};

function appArmorProfile_1_0(pod: Pod): CheckResult | null {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const refs: SourceRef[] = [];
  const podProfile = pod.securityContext?.appArmorProfile;
  if (podProfile !== undefined && !ALLOWED_TYPES.has(podProfile.type)) {
    badSetters.push('pod');
    badValues.push(podProfile.type);
    refs.push(podField(pod, 'appArmorProfile', 'type'));
  }
  const badContainers: string[] = [];
  for (const c of allContainers(pod)) {
    const profile = c.securityContext?.appArmorProfile;
    if (profile !== undefined && !ALLOWED_TYPES.has(profile.type)) {
      badContainers.push(c.name);
      badValues.push(profile.type);
      refs.push(containerField(c, 'appArmorProfile', 'type'));
    }
  }
  if (badContainers.length > 0) badSetters.push(containers(badContainers));

  const forbidden: { text: string; key: string }[] = [];
  for (const [key, value] of Object.entries(pod.annotations)) {
    if (key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAnnotationValue(value)) {
      forbidden.push({ text: `${key}=${goQuote(value)}`, key });
    }
  }
  const badValueList = sortedSet(badValues);
  if (forbidden.length > 0) {
    forbidden.sort((a, b) => goCompare(a.text, b.text));
    badValueList.push(...forbidden.map((f) => f.text));
    refs.push(...forbidden.map((f) => annotationRef(pod, f.key)));
    badSetters.push(pluralize('annotation', 'annotations', forbidden.length));
  }
  if (badSetters.length === 0) return null;
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', badValueList.length),
    detail: `${badSetters.join(' and ')} must not set AppArmor profile type to ${joinQuote(badValueList)}`,
    refs,
  };
}

function allowedAnnotationValue(profile: string): boolean {
  return profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/');
}
