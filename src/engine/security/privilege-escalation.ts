import type { EffectiveSecurityContext } from './merge.js';

/**
 * Whether the process may gain privileges (setuid binaries, file capabilities): the kubelet sets
 * no_new_privs only when allowPrivilegeEscalation is explicitly false
 * (kubernetes pkg/securitycontext/util.go AddNoNewPrivileges), so unset means true.
 * With privileged: true it is always true: the API server rejects allowPrivilegeEscalation: false
 * next to it (pkg/apis/core/validation ValidateSecurityContext). That validation also rejects
 * `add: [CAP_SYS_ADMIN]` literally — but `add: [SYS_ADMIN]`, the spelling that works, passes, and
 * then no_new_privs is set: so only privileged forces true here.
 */
export function allowsPrivilegeEscalation(sc: EffectiveSecurityContext): boolean {
  if (sc.privileged === true) return true;
  return sc.allowPrivilegeEscalation ?? true;
}
