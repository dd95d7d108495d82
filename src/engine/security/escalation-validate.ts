import type { PathSegment, Severity } from '../model/index.js';
import { formatPath } from '../model/index.js';

/**
 * The API server's refusal of a container securityContext that turns privilege escalation off while
 * asking for what implies it (kubernetes v1.30 pkg/apis/core/validation/validation.go,
 * ValidateSecurityContext): with `allowPrivilegeEscalation: false`, `privileged: true` is invalid, and
 * so is every entry of `capabilities.add` that is exactly `CAP_SYS_ADMIN` (the comparison is on the
 * raw string: `SYS_ADMIN` or `cap_sys_admin` pass). Both are field.Invalid on the securityContext
 * itself, one error per offending entry, run after the seccompProfile checks and before the
 * windowsOptions / appArmorProfile ones. The pod-level securityContext has none of these fields.
 */
export const PRIVILEGED_DETAIL = 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true';
export const SYS_ADMIN_DETAIL = 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN';

const CODE = 'security-context-invalid';

/** Where errors go (normalize's Diags); `atKey` points at the key of the path's last segment. */
export interface EscalationErrors {
  add(severity: Severity, code: string, message: string, path: readonly PathSegment[], params?: Record<string, string | number>, atKey?: boolean): void;
}

/**
 * The fields of the internal core.SecurityContext in declaration order (pkg/apis/core/types.go,
 * v1.30), each with its Go pointer type and the key the student writes.
 */
const FIELDS: readonly (readonly [goName: string, goType: string, key: string])[] = [
  ['Capabilities', '*core.Capabilities', 'capabilities'],
  ['Privileged', '*bool', 'privileged'],
  ['SELinuxOptions', '*core.SELinuxOptions', 'seLinuxOptions'],
  ['WindowsOptions', '*core.WindowsSecurityContextOptions', 'windowsOptions'],
  ['RunAsUser', '*int64', 'runAsUser'],
  ['RunAsGroup', '*int64', 'runAsGroup'],
  ['RunAsNonRoot', '*bool', 'runAsNonRoot'],
  ['ReadOnlyRootFilesystem', '*bool', 'readOnlyRootFilesystem'],
  ['AllowPrivilegeEscalation', '*bool', 'allowPrivilegeEscalation'],
  ['ProcMount', '*core.ProcMountType', 'procMount'],
  ['SeccompProfile', '*core.SeccompProfile', 'seccompProfile'],
  ['AppArmorProfile', '*core.AppArmorProfile', 'appArmorProfile'],
];

/**
 * Stand-ins for the heap addresses Go prints. The real ones differ on every request, so no fixed
 * text can match them; these keep the shape (`0xc000…`, one distinct address per field) and make the
 * message the same on every run. Documented in docs/field-error-values.md.
 */
const ADDRESSES: Readonly<Record<string, string>> = {
  Capabilities: '0xc0004a6f00',
  Privileged: '0xc000a8e2e8',
  SELinuxOptions: '0xc0004a6f30',
  WindowsOptions: '0xc0004a6f60',
  RunAsUser: '0xc000a8e2f0',
  RunAsGroup: '0xc000a8e2f8',
  RunAsNonRoot: '0xc000a8e2e9',
  ReadOnlyRootFilesystem: '0xc000a8e2ea',
  AllowPrivilegeEscalation: '0xc000a8e2eb',
  ProcMount: '0xc000a8e300',
  SeccompProfile: '0xc0004a6f90',
  AppArmorProfile: '0xc0004a6fc0',
};

type Rec = Readonly<Record<string, unknown>>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Rec, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/** The student's own value for a key (not an inherited one). */
const own = (o: Rec, k: string): unknown => (has(o, k) ? o[k] : undefined);

/**
 * field.Error prints a pointer value by its element with `%#v`: `core.SecurityContext{…}` whose
 * pointer fields show as `(*T)(nil)` or `(*T)(0x…)`. A field is non-nil when the student wrote it
 * with a non-null value (JSON decoding allocates it; `null` leaves it nil).
 */
export function securityContextLiteral(sc: Rec): string {
  const parts = FIELDS.map(([name, type, key]) => {
    const set = own(sc, key) !== null && own(sc, key) !== undefined;
    return `${name}:(${type})(${set ? ADDRESSES[name] ?? 'nil' : 'nil'})`;
  });
  return `core.SecurityContext{${parts.join(', ')}}`;
}

/**
 * The two rules on a container's securityContext `sc` (as written) at `path`. Both messages name the
 * securityContext, as the API server's do; in the editor the privileged one sits on the
 * `securityContext` key and each CAP_SYS_ADMIN one on its `capabilities.add` entry. The analysis
 * orders diagnostics by position, so this also keeps upstream's order (privileged first) wherever the
 * student wrote the fields, and `kubectl apply` lists the causes in that order.
 */
export function validateEscalationConflict(sc: unknown, path: readonly PathSegment[], out: EscalationErrors): void {
  if (!isRec(sc) || own(sc, 'allowPrivilegeEscalation') !== false) return;
  const field = formatPath(path);
  const value = securityContextLiteral(sc);
  const invalid = (detail: string, at: readonly PathSegment[], atKey: boolean) =>
    out.add('error', CODE, `${field}: Invalid value: ${value}: ${detail}`, at, { field, value, detail }, atKey);
  if (own(sc, 'privileged') === true) invalid(PRIVILEGED_DETAIL, path, true);
  const caps = own(sc, 'capabilities');
  const add = isRec(caps) ? own(caps, 'add') : undefined;
  if (!Array.isArray(add)) return;
  add.forEach((cap, i) => {
    if (cap === 'CAP_SYS_ADMIN') invalid(SYS_ADMIN_DETAIL, [...path, 'capabilities', 'add', i], false);
  });
}
