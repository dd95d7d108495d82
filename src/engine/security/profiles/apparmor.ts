import type { AppArmorReport, Container, Pod } from '../../model/index.js';
import { APPARMOR_ANNOTATION_PREFIX } from '../pss/app-armor.js';

type Profile = { readonly type: string; readonly localhostProfile?: string };

/** containerd's default AppArmor profile name (internal/cri/server: appArmorDefaultProfileName). */
export const CONTAINERD_APPARMOR_PROFILE = 'cri-containerd.apparmor.d';

/**
 * The AppArmor profile a container runs under, on an AppArmor-enabled node (the lab's Ubuntu
 * nodes).
 *
 * The kubelet (pkg/security/apparmor/helpers.go GetProfile, v1.30) takes the container's
 * appArmorProfile, else the legacy annotation `container.apparmor.security.beta.kubernetes.io/NAME`
 * (getProfileFromPodAnnotations: `runtime/default`, `unconfined`, `localhost/NAME`; anything else
 * is ignored), else the pod's appArmorProfile; nothing set means the runtime decides.
 *
 * containerd (generateApparmorSpecOpts, 1.7): nothing set is RuntimeDefault "based on
 * kubernetes#51746"; RuntimeDefault loads `cri-containerd.apparmor.d`, except for a privileged
 * container, which stays unconfined; Unconfined sets nothing; Localhost applies the named profile
 * — privileged or not — if the kernel has it loaded (else the container fails with
 * `apparmor profile not found NAME`; the lab assumes it is loaded).
 */
export function effectiveAppArmor(pod: Pod, container: Container, privileged: boolean): AppArmorReport {
  const own = container.securityContext?.appArmorProfile;
  const fromAnnotation = annotationProfile(pod.annotations[APPARMOR_ANNOTATION_PREFIX + container.name]);
  const podProfile = pod.securityContext?.appArmorProfile;
  const [profile, from]: [Profile | undefined, AppArmorReport['from']] = own ? [own, 'container']
    : fromAnnotation ? [fromAnnotation, 'annotation']
      : podProfile ? [podProfile, 'pod'] : [undefined, 'default'];

  const requested = profile === undefined ? 'RuntimeDefault'
    : profile.type === 'Localhost' && (profile.localhostProfile ?? '') !== '' ? 'Localhost'
      : profile.type === 'Unconfined' ? 'Unconfined' : 'RuntimeDefault';
  const localhostProfile = requested === 'Localhost' ? (profile?.localhostProfile ?? null) : null;
  const applied = requested === 'Localhost' ? (localhostProfile ?? '')
    : requested === 'Unconfined' || privileged ? 'unconfined' : CONTAINERD_APPARMOR_PROFILE;
  return { requested, from, localhostProfile, applied };
}

/** The annotation's value as the kubelet reads it (getProfileFromPodAnnotations); undefined when absent or not a profile. */
export function annotationProfile(value: string | undefined): Profile | undefined {
  if (value === undefined) return undefined;
  if (value === 'runtime/default') return { type: 'RuntimeDefault' };
  if (value === 'unconfined') return { type: 'Unconfined' };
  if (value.startsWith('localhost/')) return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) };
  return undefined;
}

/** What `cat /proc/PID/attr/current` prints for that profile (AppArmor's getprocattr: `NAME (MODE)`, or `unconfined`). */
export function attrCurrent(report: AppArmorReport): string {
  return report.applied === 'unconfined' ? 'unconfined\n' : `${report.applied} (enforce)\n`;
}
