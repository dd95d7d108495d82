import type { ContainerSecurityContext, PathSegment, PodSecurityContext, SecurityContextFields } from '../model/index.js';
import { validateEscalationConflict } from '../security/escalation-validate.js';
import { validateAppArmorField, validateSeccompField } from '../security/profiles/validate.js';
import type { Diags } from './diag.js';
import { arr, bool, field, isObj, num, str, stringMap, strings } from './values.js';

/**
 * securityContext as data. Field placement (capabilities only on containers, fsGroup only on the
 * pod) is enforced by strict decoding against the field tree, so a misplaced field is an unknown
 * field. IDs are range-checked as pkg/apis/core/validation does (IsValidUserID/IsValidGroupID).
 */
const ID_RANGE = 'must be between 0 and 2147483647, inclusive';

function checkId(v: unknown, path: readonly PathSegment[], diags: Diags): number | undefined {
  const n = num(v);
  if (n === undefined) return undefined;
  if (n < 0 || n > 2147483647) diags.invalid('security-context-invalid', path, n, ID_RANGE);
  return n;
}

function profile(v: unknown): { type: string; localhostProfile?: string } | undefined {
  const type = str(field(v, 'type'));
  if (type === undefined) return undefined;
  const localhostProfile = str(field(v, 'localhostProfile'));
  return localhostProfile !== undefined ? { type, localhostProfile } : { type };
}

function common(sc: unknown, path: readonly PathSegment[], diags: Diags, container = false): SecurityContextFields {
  const out: { -readonly [K in keyof SecurityContextFields]: SecurityContextFields[K] } = {};
  const runAsUser = checkId(field(sc, 'runAsUser'), [...path, 'runAsUser'], diags);
  if (runAsUser !== undefined) out.runAsUser = runAsUser;
  const runAsGroup = checkId(field(sc, 'runAsGroup'), [...path, 'runAsGroup'], diags);
  if (runAsGroup !== undefined) out.runAsGroup = runAsGroup;
  const runAsNonRoot = bool(field(sc, 'runAsNonRoot'));
  if (runAsNonRoot !== undefined) out.runAsNonRoot = runAsNonRoot;
  // The API server's field validation (security/profiles/validate.ts) refuses bad profiles.
  validateSeccompField(field(sc, 'seccompProfile'), [...path, 'seccompProfile'], diags);
  // A container's allowPrivilegeEscalation: false beside privileged or CAP_SYS_ADMIN, in
  // ValidateSecurityContext's order: after seccompProfile, before appArmorProfile.
  if (container) validateEscalationConflict(sc, path, diags);
  validateAppArmorField(field(sc, 'appArmorProfile'), [...path, 'appArmorProfile'], diags);
  const seccomp = profile(field(sc, 'seccompProfile'));
  if (seccomp) out.seccompProfile = seccomp;
  const apparmor = profile(field(sc, 'appArmorProfile'));
  if (apparmor) out.appArmorProfile = apparmor;
  if (isObj(field(sc, 'seLinuxOptions'))) out.seLinuxOptions = stringMap(field(sc, 'seLinuxOptions'));
  const hostProcess = bool(field(field(sc, 'windowsOptions'), 'hostProcess'));
  if (isObj(field(sc, 'windowsOptions'))) out.windowsOptions = hostProcess !== undefined ? { hostProcess } : {};
  return out;
}

export function readPodSecurityContext(sc: unknown, path: readonly PathSegment[], diags: Diags): PodSecurityContext | undefined {
  if (!isObj(sc)) return undefined;
  const out: { -readonly [K in keyof PodSecurityContext]: PodSecurityContext[K] } = common(sc, path, diags);
  const fsGroup = checkId(field(sc, 'fsGroup'), [...path, 'fsGroup'], diags);
  if (fsGroup !== undefined) out.fsGroup = fsGroup;
  if (Array.isArray(field(sc, 'supplementalGroups'))) {
    out.supplementalGroups = arr(field(sc, 'supplementalGroups'))
      .map((g, i) => checkId(g, [...path, 'supplementalGroups', i], diags))
      .filter((g): g is number => g !== undefined);
  }
  if (Array.isArray(field(sc, 'sysctls'))) {
    out.sysctls = arr(field(sc, 'sysctls')).map((s) => ({ name: str(field(s, 'name')) ?? '', value: str(field(s, 'value')) ?? '' }));
  }
  return out;
}

export function readContainerSecurityContext(sc: unknown, path: readonly PathSegment[], diags: Diags): ContainerSecurityContext | undefined {
  if (!isObj(sc)) return undefined;
  const out: { -readonly [K in keyof ContainerSecurityContext]: ContainerSecurityContext[K] } = common(sc, path, diags, true);
  const caps = field(sc, 'capabilities');
  if (isObj(caps)) out.capabilities = { add: strings(field(caps, 'add')), drop: strings(field(caps, 'drop')) };
  for (const key of ['privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem'] as const) {
    const b = bool(field(sc, key));
    if (b !== undefined) out[key] = b;
  }
  const procMount = str(field(sc, 'procMount'));
  if (procMount !== undefined) out.procMount = procMount;
  return out;
}
