import type { SourceRef } from './source.js';

export type FieldSource = 'container' | 'pod' | 'image' | 'default';

export interface Identity {
  readonly uid: number;
  readonly gid: number;
  /** The uid's name in the image's /etc/passwd, else null. */
  readonly username: string | null;
  readonly uidFrom: FieldSource;
  readonly gidFrom: FieldSource;
  /** Supplementary groups the process gets (fsGroup, supplementalGroups), sorted, unique. */
  readonly groups: readonly number[];
}

export interface NonRootCheck {
  /** Effective runAsNonRoot, container over pod. */
  readonly required: boolean;
  readonly requiredFrom: 'container' | 'pod' | null;
  readonly ok: boolean;
  /** The kubelet's message (without the `(pod: …, container: …)` suffix), null when ok. */
  readonly message: string | null;
}

export interface CapabilityReport {
  /** Upper case, without `CAP_`, sorted by name. */
  readonly bounding: readonly string[];
  readonly effective: readonly string[];
  /** Compared with the runtime's default set of 14. */
  readonly added: readonly string[];
  readonly dropped: readonly string[];
  readonly privileged: boolean;
  /** Names in add/drop that are not Linux capabilities (as written). */
  readonly unknown: readonly string[];
}

export interface SecurityReport {
  readonly identity: Identity;
  readonly nonRoot: NonRootCheck;
  readonly capabilities: CapabilityReport;
  readonly privileged: boolean;
  readonly allowPrivilegeEscalation: boolean;
  /**
   * The kubelet sets no_new_privs only when allowPrivilegeEscalation is written false
   * (pkg/securitycontext/util.go AddNoNewPrivileges): `NoNewPrivs: 1` in /proc/PID/status.
   */
  readonly noNewPrivs: boolean;
  readonly readOnlyRootFilesystem: boolean;
  readonly seccomp: SeccompReport;
  readonly appArmor: AppArmorReport;
}

export type ProfileType = 'RuntimeDefault' | 'Unconfined' | 'Localhost';

/** The seccomp profile of one container (security/profiles/seccomp.ts). */
export interface SeccompReport {
  /** What the kubelet asks the runtime for: the field's type, else Unconfined (SeccompDefault off). */
  readonly requested: ProfileType;
  /** Which securityContext set it; `default` when neither did. */
  readonly from: 'container' | 'pod' | 'default';
  /** As written, for Localhost; else null. */
  readonly localhostProfile: string | null;
  /** The node file a Localhost profile is read from (`/var/lib/kubelet/seccomp/…`); else null. */
  readonly file: string | null;
  /** What the process runs under: containerd installs no filter for a privileged container. */
  readonly applied: ProfileType;
  /** /proc/PID/status `Seccomp:` — 0 disabled, 2 filter. */
  readonly mode: 0 | 2;
  /**
   * The kubelet's refusal (fieldSeccompProfile) when Localhost names no file — `localhostProfile: ""`
   * passes validation but not the kubelet: the container waits in CreateContainerConfigError.
   */
  readonly error: string | null;
}

/** The AppArmor profile of one container (security/profiles/apparmor.ts). */
export interface AppArmorReport {
  /** The type the kubelet passes on; nothing set is RuntimeDefault (containerd's default). */
  readonly requested: ProfileType;
  /** The container's field, the legacy annotation, the pod's field, or nothing. */
  readonly from: 'container' | 'annotation' | 'pod' | 'default';
  readonly localhostProfile: string | null;
  /** The profile the process is confined by, as /proc/PID/attr/current names it: `cri-containerd.apparmor.d`, `unconfined`, or the Localhost name. */
  readonly applied: string;
}

export type PssLevel = 'privileged' | 'baseline' | 'restricted';

export interface PssViolation {
  /** The lowest level this control belongs to: a baseline violation also fails restricted. */
  readonly level: 'baseline' | 'restricted';
  /** Control name as in the Pod Security Standards page, e.g. `Running as Non-root`. */
  readonly control: string;
  /** pod-security-admission's check id, e.g. `runAsNonRoot`, `capabilities_baseline`. */
  readonly check: string;
  /** `reason (detail)`, exactly as the admission plugin words this check. */
  readonly message: string;
  readonly reason: string;
  readonly detail: string;
  /** The first offending field. */
  readonly ref: SourceRef;
  /** Every offending field, in the order the check visits them. */
  readonly refs: readonly SourceRef[];
}

export interface PssResult {
  /** Strictest level the pod meets (at `latest`, the lab's v1.30 API server's newest policy). */
  readonly level: PssLevel;
  /**
   * What `baseline:latest` finds, then what the checks of `restricted:latest` that Baseline does
   * not have find (admission's check order within each).
   */
  readonly violations: readonly PssViolation[];
}
