import type { LevelVersion, PodSecurityLevel, PodSecurityPolicy } from '../model/index.js';
import type { PolicyVersion } from '../security/pss/index.js';
import { goQuote } from '../security/pss/index.js';

/**
 * k8s.io/pod-security-admission api/ (v0.30.0): the namespace labels, level and version parsing
 * (helpers.go ParseLevel, ParseVersion), and PolicyToEvaluate, which reads a namespace's labels over
 * the configuration's defaults.
 */

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
export const ENFORCE_LEVEL_LABEL = `${LABEL_PREFIX}enforce`;
export const ENFORCE_VERSION_LABEL = `${LABEL_PREFIX}enforce-version`;
export const AUDIT_LEVEL_LABEL = `${LABEL_PREFIX}audit`;
export const AUDIT_VERSION_LABEL = `${LABEL_PREFIX}audit-version`;
export const WARN_LEVEL_LABEL = `${LABEL_PREFIX}warn`;
export const WARN_VERSION_LABEL = `${LABEL_PREFIX}warn-version`;

/** Audit annotation keys (constants.go), written with the plugin's `pod-security.kubernetes.io/` prefix. */
export const EXEMPT_ANNOTATION = `${LABEL_PREFIX}exempt`;
export const AUDIT_VIOLATIONS_ANNOTATION = `${LABEL_PREFIX}audit-violations`;
export const ENFORCE_POLICY_ANNOTATION = `${LABEL_PREFIX}enforce-policy`;

export const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];
export const LATEST = 'latest';

export const LEVEL_ERROR = `must be one of ${LEVELS.join(', ')}`;
export const VERSION_ERROR = 'must be "latest" or "v1.x"';

/** ParseLevel: on error the level is restricted (callers decide what to fall back to). */
export function parseLevel(value: string): { level: PodSecurityLevel; error: string | null } {
  const level = LEVELS.find((l) => l === value);
  return level ? { level, error: null } : { level: 'restricted', error: LEVEL_ERROR };
}

const VERSION_RE = /^v1\.([0-9]|[1-9][0-9]*)$/;
/** strconv.Atoi's range on 64-bit platforms. */
const MAX_INT64 = 9223372036854775807n;

/**
 * ParseVersion: `latest` or `v1.N` (no leading zeros); on error `latest`. The version is kept as
 * written, which for a valid one is exactly what Version.String() prints.
 */
export function parseVersion(value: string): { version: string; error: string | null } {
  if (value === LATEST) return { version: LATEST, error: null };
  const m = VERSION_RE.exec(value);
  if (!m || BigInt(m[1] ?? '0') > MAX_INT64) return { version: LATEST, error: VERSION_ERROR };
  return { version: value, error: null };
}

/** The registry's view of a version string: `latest` or the minor number (huge ones are simply newer). */
export function policyVersion(version: string): PolicyVersion {
  if (version === LATEST) return LATEST;
  const minor = Number(version.slice(3));
  return Number.isFinite(minor) ? minor : LATEST;
}

/** LevelVersion.String(): `restricted:latest`, `baseline:v1.25`. */
export function levelVersionString(lv: LevelVersion): string {
  return `${lv.level}:${lv.version}`;
}

/** CompareLevels: -1, 0 or 1 by strictness. */
export function compareLevels(a: PodSecurityLevel, b: PodSecurityLevel): number {
  const rank = (l: PodSecurityLevel) => LEVELS.indexOf(l);
  return Math.sign(rank(a) - rank(b));
}

/** LevelVersion.Equivalent: both privileged, or the same level and version. */
export function equivalent(a: LevelVersion, b: LevelVersion): boolean {
  return (a.level === 'privileged' && b.level === 'privileged') || (a.level === b.level && a.version === b.version);
}

export function policyEquivalent(a: PodSecurityPolicy, b: PodSecurityPolicy): boolean {
  return equivalent(a.enforce, b.enforce) && equivalent(a.audit, b.audit) && equivalent(a.warn, b.warn);
}

export function fullyPrivileged(p: PodSecurityPolicy): boolean {
  return p.enforce.level === 'privileged' && p.audit.level === 'privileged' && p.warn.level === 'privileged';
}

export const PRIVILEGED_LATEST: LevelVersion = Object.freeze({ level: 'privileged', version: LATEST });

/** SetDefaults_PodSecurityDefaults: every mode privileged:latest. */
export const DEFAULT_POLICY: PodSecurityPolicy = Object.freeze({
  enforce: PRIVILEGED_LATEST, audit: PRIVILEGED_LATEST, warn: PRIVILEGED_LATEST,
});

/** A field error as k8s.io/apimachinery field.Error prints it: `path: Invalid value: "v": detail`. */
export interface FieldError {
  readonly field: string;
  readonly value: string;
  readonly detail: string;
  /** `metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of …` */
  readonly message: string;
}

/** field.Invalid for a label, at `metadata.labels[KEY]` (Path.Key prints the key bare in brackets). */
function labelError(label: string, value: string, detail: string): FieldError {
  const field = `metadata.labels[${label}]`;
  return { field, value, detail, message: `${field}: Invalid value: ${goQuote(value)}: ${detail}` };
}

const has = (labels: Readonly<Record<string, string>>, key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);

/**
 * PolicyToEvaluate: the policy for a namespace's labels, falling back to `defaults` for unset
 * labels. A valid policy always comes back: an unparsable enforce level is restricted, unparsable
 * audit and warn levels are privileged (they fail open), an unparsable version is latest; the
 * errors say which labels were bad. Without an explicit warn level, warn follows an explicit
 * enforce level that is stricter (and its version, unless warn-version is set).
 */
export function policyToEvaluate(labels: Readonly<Record<string, string>>, defaults: PodSecurityPolicy = DEFAULT_POLICY): { policy: PodSecurityPolicy; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (Object.keys(labels).length === 0) return { policy: defaults, errors };
  let enforce = defaults.enforce;
  let audit = defaults.audit;
  let warn = defaults.warn;
  let hasEnforceLevel = false;
  let hasWarnLevel = false;
  let hasWarnVersion = false;
  const level = (key: string, failOpen: boolean, set: (l: PodSecurityLevel) => void): boolean => {
    if (!has(labels, key)) return false;
    const value = labels[key] ?? '';
    const r = parseLevel(value);
    set(r.error && failOpen ? 'privileged' : r.level);
    if (r.error) errors.push(labelError(key, value, r.error));
    return r.error === null;
  };
  const version = (key: string, set: (v: string) => void): boolean => {
    if (!has(labels, key)) return false;
    const value = labels[key] ?? '';
    const r = parseVersion(value);
    set(r.version);
    if (r.error) errors.push(labelError(key, value, r.error));
    return true;
  };
  hasEnforceLevel = level(ENFORCE_LEVEL_LABEL, false, (l) => { enforce = { ...enforce, level: l }; });
  version(ENFORCE_VERSION_LABEL, (v) => { enforce = { ...enforce, version: v }; });
  level(AUDIT_LEVEL_LABEL, true, (l) => { audit = { ...audit, level: l }; });
  version(AUDIT_VERSION_LABEL, (v) => { audit = { ...audit, version: v }; });
  hasWarnLevel = has(labels, WARN_LEVEL_LABEL);
  level(WARN_LEVEL_LABEL, true, (l) => { warn = { ...warn, level: l }; });
  hasWarnVersion = version(WARN_VERSION_LABEL, (v) => { warn = { ...warn, version: v }; });

  if (!hasWarnLevel && hasEnforceLevel && compareLevels(enforce.level, warn.level) > 0) {
    warn = { level: enforce.level, version: hasWarnVersion ? warn.version : enforce.version };
  }
  return { policy: { enforce, audit, warn }, errors };
}

/** The `pod-security.kubernetes.io/*` labels of a label map. */
export function podSecurityLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) if (key.startsWith(LABEL_PREFIX)) out[key] = labels[key] ?? '';
  return out;
}
