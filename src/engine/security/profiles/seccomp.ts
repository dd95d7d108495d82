import type { SeccompReport } from '../../model/index.js';
import type { EffectiveSecurityContext } from '../merge.js';

/** The kubelet's `--seccomp-profile-root` default: `<root-dir>/seccomp` (kubelet options). */
export const SECCOMP_PROFILE_ROOT = '/var/lib/kubelet/seccomp';

/**
 * The seccomp profile a container runs under.
 *
 * The kubelet (pkg/kubelet/kuberuntime/helpers.go getSeccompProfile, v1.30) takes the container's
 * seccompProfile, else the pod's, else — with the SeccompDefault feature off, as on a kubeadm
 * cluster that does not set `seccompDefault: true` in its KubeletConfiguration — Unconfined
 * (fieldSeccompProfile). Localhost becomes the file `filepath.Join(seccompProfileRoot,
 * localhostProfile)`; Localhost with an empty name is the kubelet's error (container creation fails).
 * An unknown type is Unconfined there; validation refuses it before.
 *
 * containerd (internal/cri/server/container_create_linux.go generateSeccompSpecOpts, 1.7) installs
 * nothing for a privileged container, whatever was asked; otherwise RuntimeDefault is its default
 * profile (contrib/seccomp/seccomp_default.go) and Localhost the file. A filter in place is
 * `Seccomp: 2` (SECCOMP_MODE_FILTER) in /proc/PID/status, none is 0.
 */
export function effectiveSeccomp(sc: EffectiveSecurityContext, privileged: boolean): SeccompReport {
  const set = sc.seccompProfile;
  const requested = set?.value.type === 'RuntimeDefault' ? 'RuntimeDefault'
    : set?.value.type === 'Localhost' && (set.value.localhostProfile ?? '') !== '' ? 'Localhost'
      : 'Unconfined';
  const localhostProfile = requested === 'Localhost' ? (set?.value.localhostProfile ?? null) : null;
  const applied = privileged ? 'Unconfined' : requested;
  return {
    requested,
    from: set?.from ?? 'default',
    localhostProfile,
    file: localhostProfile !== null ? joinPath(SECCOMP_PROFILE_ROOT, localhostProfile) : null,
    applied,
    mode: applied === 'Unconfined' ? 0 : 2,
    error: set?.value.type === 'Localhost' && (set.value.localhostProfile ?? '') === ''
      ? 'localhostProfile must be set if seccompProfile type is Localhost.' : null,
  };
}

/** Go's filepath.Join on Linux: join with `/`, then Clean (drop empty and `.` elements, resolve `..`). */
export function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const el of parts.join('/').split('/')) {
    if (el === '' || el === '.') continue;
    if (el === '..') out.pop();
    else out.push(el);
  }
  return `/${out.join('/')}`;
}
