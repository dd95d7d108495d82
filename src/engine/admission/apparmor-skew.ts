import type { Container, Pod } from '../model/index.js';
import { APPARMOR_ANNOTATION_PREFIX } from '../security/pss/app-armor.js';

type Profile = { readonly type: string; readonly localhostProfile?: string };

/**
 * The pod as the v1.30 API server stores it before validating admission sees it: the pod
 * strategy's PrepareForCreate runs applyAppArmorVersionSkew (pkg/registry/core/pod/strategy.go,
 * KEP-24 version skew), which, for each container of a non-Windows pod, writes the deprecated
 * `container.apparmor.security.beta.kubernetes.io/NAME` annotation from the container's (else the
 * pod's) appArmorProfile when the annotation is missing, and fills a container's missing
 * appArmorProfile from its annotation when that differs from the pod's. So the PodSecurity AppArmor
 * check names both (`container "app" and annotation must not set AppArmor profile type to …`).
 * Pod templates of controllers are not touched (the strategy is the Pod's).
 */
export function asStored(pod: Pod): Pod {
  if (pod.osName === 'windows') return pod;
  const podProfile = pod.securityContext?.appArmorProfile;
  const anyAppArmor = podProfile !== undefined || Object.keys(pod.annotations).some((k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX)) ||
    [...pod.initContainers, ...pod.containers].some((c) => c.securityContext?.appArmorProfile !== undefined);
  if (!anyAppArmor) return pod;

  const annotations: Record<string, string> = { ...pod.annotations };
  const visit = (c: Container): Container => {
    const key = APPARMOR_ANNOTATION_PREFIX + c.name;
    const has = Object.prototype.hasOwnProperty.call(annotations, key);
    const own = c.securityContext?.appArmorProfile;
    if (!has) {
      const value = own ? annotationFor(own) : podProfile ? annotationFor(podProfile) : '';
      if (value !== '') annotations[key] = value;
      return c;
    }
    if (own) return c;
    const field = fieldFor(annotations[key] ?? '');
    if (!field || sameProfile(field, podProfile)) return c;
    return { ...c, securityContext: { ...c.securityContext, appArmorProfile: field } };
  };
  return { ...pod, initContainers: pod.initContainers.map(visit), containers: pod.containers.map(visit), annotations };
}

/** appArmorAnnotationForField. */
function annotationFor(p: Profile): string {
  if (p.type === 'Unconfined') return 'unconfined';
  if (p.type === 'RuntimeDefault') return 'runtime/default';
  if (p.type === 'Localhost' && p.localhostProfile !== undefined) return `localhost/${p.localhostProfile}`;
  return '';
}

/** apparmorFieldForAnnotation (values that would not validate give no field). */
function fieldFor(annotation: string): Profile | undefined {
  if (annotation === 'unconfined') return { type: 'Unconfined' };
  if (annotation === 'runtime/default') return { type: 'RuntimeDefault' };
  if (annotation.startsWith('localhost/') && annotation.length > 'localhost/'.length) {
    return { type: 'Localhost', localhostProfile: annotation.slice('localhost/'.length) };
  }
  return undefined;
}

function sameProfile(a: Profile, b: Profile | undefined): boolean {
  return b !== undefined && a.type === b.type && (a.localhostProfile ?? null) === (b.localhostProfile ?? null);
}
