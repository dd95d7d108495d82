import type { PathSegment, Severity } from '../../model/index.js';
import { formatPath } from '../../model/index.js';
import { APPARMOR_ANNOTATION_PREFIX } from '../pss/app-armor.js';
import { annotationField } from './apparmor.js';

/**
 * The API server's validation of seccomp and AppArmor settings (kubernetes v1.30
 * pkg/apis/core/validation/validation.go: validateSeccompProfileField, validateSeccompProfileType,
 * validateLocalDescendingPath, ValidateAppArmorProfileField, ValidateAppArmorPodAnnotations,
 * ValidateAppArmorProfileFormat, validateAppArmorAnnotationsAndFieldsMatchOnCreate; warnings from
 * pkg/api/pod/warnings.go), worded as k8s.io/apimachinery field errors print them. normalize/ calls
 * these with its Diags, so a refused object is left out of the analysis as the API server would
 * refuse it.
 */
export interface FieldErrors {
  add(severity: Severity, code: string, message: string, path: readonly PathSegment[], params?: Record<string, string | number>): void;
}

const TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'] as const;
const CODE = 'security-profile-invalid';

/** Go's %q for the strings students write (JSON escapes agree with Go's on printable text). */
const q = (s: string) => JSON.stringify(s);
const has = (o: unknown, k: string): boolean => typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k);
const get = (o: unknown, k: string): unknown => (has(o, k) ? (o as Record<string, unknown>)[k] : undefined);

function error(out: FieldErrors, path: readonly PathSegment[], body: string): void {
  out.add('error', CODE, `${formatPath(path)}: ${body}`, path, { field: formatPath(path) });
}

/** `seccompProfile` at `path` (pod or container securityContext), as written. */
export function validateSeccompField(raw: unknown, path: readonly PathSegment[], out: FieldErrors): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const type = get(raw, 'type');
  const typePath = [...path, 'type'];
  if (type === undefined || type === null || type === '') {
    error(out, typePath, 'Required value: type is required when seccompProfile is set');
  } else if (typeof type === 'string' && !(TYPES as readonly string[]).includes(type)) {
    error(out, typePath, `Unsupported value: ${q(type)}: supported values: ${TYPES.map(q).join(', ')}`);
  }
  const profile = get(raw, 'localhostProfile');
  const profilePath = [...path, 'localhostProfile'];
  if (type === 'Localhost') {
    if (profile === undefined || profile === null) error(out, profilePath, 'Required value: must be set when seccomp type is Localhost');
    else if (typeof profile === 'string') localDescendingPath(profile, profilePath, out);
  } else if (profile !== undefined && profile !== null) {
    // field.Invalid(…, sp, …) prints the *SeccompProfile with %#v: the pointer's address differs
    // on every request; this one stands for it.
    const literal = `core.SeccompProfile{Type:${q(typeof type === 'string' ? type : '')}, LocalhostProfile:(*string)(0xc000a8e2d0)}`;
    error(out, profilePath, `Invalid value: ${literal}: can only be set when seccomp type is Localhost`);
  }
}

/** validateLocalDescendingPath: relative, and no `..` element (one error is enough). */
function localDescendingPath(p: string, path: readonly PathSegment[], out: FieldErrors): void {
  if (p.startsWith('/')) error(out, path, `Invalid value: ${q(p)}: must be a relative path`);
  if (p.split('/').includes('..')) error(out, path, `Invalid value: ${q(p)}: must not contain '..'`);
}

/** `appArmorProfile` at `path` (pod or container securityContext), as written. */
export function validateAppArmorField(raw: unknown, path: readonly PathSegment[], out: FieldErrors): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const type = get(raw, 'type');
  const profile = get(raw, 'localhostProfile');
  const profilePath = [...path, 'localhostProfile'];
  const set = profile !== undefined && profile !== null;
  if (type === 'Localhost') {
    if (!set) error(out, profilePath, 'Required value: must be set when AppArmor type is Localhost');
    else if (typeof profile === 'string') {
      if (profile.trim() !== profile) error(out, profilePath, `Invalid value: ${q(profile)}: must not be padded with whitespace`);
      else if (profile === '') error(out, profilePath, 'Required value: must be set when AppArmor type is Localhost');
    }
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (set && typeof profile === 'string') error(out, profilePath, `Invalid value: ${q(profile)}: can only be set when AppArmor type is Localhost`);
  } else if (type === undefined || type === null || type === '') {
    error(out, [...path, 'type'], 'Required value: type is required when appArmorProfile is set');
  } else if (typeof type === 'string') {
    error(out, [...path, 'type'], `Unsupported value: ${q(type)}: supported values: ${TYPES.map(q).join(', ')}`);
  }
}

interface ContainerView {
  readonly name: string;
  /** `spec.containers[0]` etc. */
  readonly path: readonly PathSegment[];
  readonly appArmorProfile?: { readonly type: string; readonly localhostProfile?: string };
}

/**
 * A Pod's legacy AppArmor annotations: each names a container of the pod and holds a profile
 * (`runtime/default`, `unconfined`, `localhost/NAME`), must agree with that container's field
 * where both are written, and draws the v1.30 deprecation warning. Keys in sorted order (the API
 * server walks a Go map, in no fixed order).
 */
export function validateAppArmorAnnotations(
  annotations: Readonly<Record<string, string>>, containers: readonly ContainerView[],
  podProfile: { readonly type: string; readonly localhostProfile?: string } | undefined, out: FieldErrors,
): void {
  const keys = Object.keys(annotations).filter((k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX)).sort();
  const shown = (k: string) => `metadata.annotations[${k}]`;
  for (const key of keys) {
    const value = annotations[key] ?? '';
    const name = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
    const at = ['metadata', 'annotations', key];
    const add = (body: string) => out.add('error', CODE, `${shown(key)}: ${body}`, at, { field: shown(key) });
    if (!containers.some((c) => c.name === name)) add(`Invalid value: ${q(name)}: container not found`);
    if (value !== '' && value !== 'runtime/default' && value !== 'unconfined' && !value.startsWith('localhost/')) {
      add(`Invalid value: ${q(value)}: invalid AppArmor profile name: ${q(value)}`);
    }
  }
  // validateAppArmorAnnotationsAndFieldsMatchOnCreate runs after PrepareForCreate has filled a
  // container's missing field from its annotation, so only a field written beside a different
  // annotation (or a pod field beside an annotation that gives no field: none, or `localhost/`
  // with no name, which apparmorFieldForAnnotation does not copy) disagrees.
  for (const c of containers) {
    const key = APPARMOR_ANNOTATION_PREFIX + c.name;
    if (!Object.prototype.hasOwnProperty.call(annotations, key)) continue;
    const annotation = annotations[key] ?? '';
    const copied = annotationField(annotation);
    const synced = c.appArmorProfile ?? (differs(copied, podProfile) ? copied : undefined);
    const profile = synced ?? podProfile;
    if (!profile) continue;
    const path = [...c.path, 'securityContext', 'appArmorProfile'];
    const forbid = (leaf: string, what: string) =>
      out.add('error', CODE, `${formatPath([...path, leaf])}: Forbidden: apparmor ${what} in annotation and field must match`, c.appArmorProfile ? [...path, leaf] : ['metadata', 'annotations', key]);
    if (profile.type === 'Unconfined' && annotation !== 'unconfined') forbid('type', 'type');
    else if (profile.type === 'RuntimeDefault' && annotation !== 'runtime/default') forbid('type', 'type');
    else if (profile.type === 'Localhost') {
      if (!annotation.startsWith('localhost/')) forbid('type', 'type');
      else if (profile.localhostProfile === undefined || annotation.slice('localhost/'.length) !== profile.localhostProfile) forbid('localhostProfile', 'profile');
    }
  }
  for (const key of keys) {
    out.add('warning', 'apparmor-annotation-deprecated', `${shown(key)}: deprecated since v1.30; use the "appArmorProfile" field instead`,
      ['metadata', 'annotations', key], { field: shown(key) });
  }
}

function differs(a: { type: string; localhostProfile?: string } | undefined, b: { type: string; localhostProfile?: string } | undefined): boolean {
  if (!a) return false;
  return !b || a.type !== b.type || (a.localhostProfile ?? null) !== (b.localhostProfile ?? null);
}
