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
 *
 * A Localhost profile with no name (only the annotation `localhost/` can give one) never reaches
 * containerd: the kubelet refuses the pod (kubeletAppArmorRefusal, reported as an error). The
 * report then keeps describing the runtime's default, since no process runs to say otherwise.
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

/**
 * The field the API server copies from a container's annotation when the container has none
 * (kubernetes v1.30 pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew →
 * apparmorFieldForAnnotation): as the kubelet reads it, except that `localhost/` with nothing after
 * the slash gives no field, so the container keeps no profile of its own.
 */
export function annotationField(value: string | undefined): Profile | undefined {
  const profile = annotationProfile(value);
  return profile?.type === 'Localhost' && profile.localhostProfile === '' ? undefined : profile;
}

/** Go's unicode.IsSpace: the Latin-1 spaces (NEL and NBSP among them) and the other White_Space runes. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;

/** Go's %q of a string made of printable ASCII and spaces: the C escapes, then \u for the non-ASCII spaces. */
function goQuote(s: string): string {
  const C: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += C[ch] ?? (cp < 0x20 || cp === 0x7f ? `\\x${cp.toString(16).padStart(2, '0')}`
      : cp > 0x7e && GO_SPACE.test(ch) ? `\\u${cp.toString(16).padStart(4, '0')}` : ch);
  }
  return `"${out}"`;
}

export interface AppArmorRefusal {
  /** The first container (init containers first) whose profile is Localhost without a name. */
  readonly container: Container;
  /** The annotation that gave it. */
  readonly annotation: string;
  /** The kubelet's admission message: the pod's event and, after `Pod was rejected: `, its status message. */
  readonly message: string;
}

/**
 * The kubelet's AppArmor admission (kubernetes v1.30 pkg/security/apparmor/validate.go Validate,
 * pkg/kubelet/lifecycle/handlers.go appArmorAdmitHandler), on a node where AppArmor is enabled.
 * `localhost/` with no name (or only spaces) passes the API server (ValidateAppArmorProfileFormat
 * checks the prefix only, and nothing is copied into a field), but the kubelet refuses the whole
 * pod: phase Failed, reason `AppArmor`, message `Cannot enforce AppArmor: invalid empty AppArmor
 * profile name: %q`, the %q of the *v1.AppArmorProfile being its generated String()
 * (`&AppArmorProfile{Type:Localhost,LocalhostProfile:*NAME,}`, k8s.io/api core/v1 generated.pb.go).
 * Without this check the runtime would strip the prefix and run the container unconfined
 * (kubernetes/kubernetes#108143).
 *
 * The check runs only when AppArmor is "required" (helpers.go isRequired): the pod's field or a
 * container's field (after the API server's copy) is not Unconfined, else the first container
 * annotation the kubelet meets is not `unconfined`. Go walks the annotations map in no fixed order;
 * the lab takes the keys sorted, as validate.ts does. Containers without a field of their own read
 * their annotation (GetProfile), which is where an empty name comes from: a field can never hold
 * one (validation refuses it).
 */
export function kubeletAppArmorRefusal(pod: Pod): AppArmorRefusal | null {
  const podProfile = pod.securityContext?.appArmorProfile;
  const containers = [...pod.initContainers, ...pod.containers];
  const annotation = (c: Container) => pod.annotations[APPARMOR_ANNOTATION_PREFIX + c.name];
  const field = (c: Container): Profile | undefined => {
    if (c.securityContext?.appArmorProfile) return c.securityContext.appArmorProfile;
    const copied = annotationField(annotation(c));
    return copied && (copied.type !== podProfile?.type || (copied.localhostProfile ?? null) !== (podProfile.localhostProfile ?? null)) ? copied : undefined;
  };
  const firstAnnotation = Object.keys(pod.annotations).filter((k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX)).sort()[0];
  // isRequired's first clause, a pod field that is not Unconfined, never decides here: beside such a
  // field an empty `localhost/` is refused by the API server (the container inherits the pod's
  // field, which the annotation contradicts), and a name of spaces is copied into a Localhost field.
  const required = containers.some((c) => { const f = field(c); return f !== undefined && f.type !== 'Unconfined'; })
    || (firstAnnotation !== undefined && pod.annotations[firstAnnotation] !== 'unconfined');
  if (!required) return null;
  for (const c of containers) {
    const profile = field(c) ?? annotationProfile(annotation(c)) ?? podProfile;
    if (profile?.type !== 'Localhost' || (profile.localhostProfile !== undefined && !GO_SPACE.test(profile.localhostProfile))) continue;
    const name = profile.localhostProfile;
    const shown = `&AppArmorProfile{Type:Localhost,LocalhostProfile:${name === undefined ? 'nil' : `*${name}`},}`;
    return { container: c, annotation: APPARMOR_ANNOTATION_PREFIX + c.name, message: `Cannot enforce AppArmor: invalid empty AppArmor profile name: ${goQuote(shown)}` };
  }
  return null;
}
