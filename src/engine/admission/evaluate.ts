import type {
  AdmissionMode, AdmissionViolation, ExemptionReason, Labels, LevelVersion, Pod, PodSecurityConfig, PodSecurityPolicy,
} from '../model/index.js';
import { formatPath } from '../model/index.js';
import { evaluatePodSecurity, goQuote, type CheckOutcome } from '../security/pss/index.js';
import {
  AUDIT_VIOLATIONS_ANNOTATION, ENFORCE_POLICY_ANNOTATION, EXEMPT_ANNOTATION, LABEL_PREFIX, PRIVILEGED_LATEST, fullyPrivileged, levelVersionString,
  policyToEvaluate, policyVersion, type FieldError,
} from './api.js';
import { DEFAULT_CONFIG } from './config.js';
import { asStored } from './apparmor-skew.js';

/**
 * admission/admission.go (v0.30.0): ValidatePod, ValidatePodController and EvaluatePod, for one
 * request, without I/O: the caller passes the namespace as it is at that moment.
 */

/** The user kubeadm's admin.conf authenticates as: who sends the lab's `kubectl apply`. */
export const LAB_USER = 'kubernetes-admin';

export interface AdmissionNamespace {
  readonly name: string;
  readonly labels: Labels;
}

export interface AdmitOptions {
  /** The plugin's configuration; default: none given (privileged:latest everywhere, no exemptions). */
  readonly config?: PodSecurityConfig;
  /** The requesting user (exemptions.usernames); default LAB_USER. */
  readonly user?: string;
}

/** What one mode found, when it found something. */
export interface ModeVerdict {
  readonly mode: AdmissionMode;
  readonly level: LevelVersion['level'];
  readonly version: string;
  readonly violations: readonly AdmissionViolation[];
  /** enforce: the Forbidden error's message; warn: the warning; audit: the annotation's value. */
  readonly message: string;
}

export interface PodAdmission {
  readonly allowed: boolean;
  readonly exempt?: ExemptionReason;
  /** The namespace's policy (labels over defaults) and the label errors PolicyToEvaluate found. */
  readonly policy: PodSecurityPolicy;
  readonly policyErrors: readonly FieldError[];
  /** When refused: `pods "NAME" is forbidden: violates PodSecurity "L:V": reason (detail), …` */
  readonly error?: string;
  /** Warning headers (kubectl prints each as `Warning: …`); none when refused. */
  readonly warnings: readonly string[];
  /** The audit annotations, keys with the plugin's `pod-security.kubernetes.io/` prefix. */
  readonly auditAnnotations: Readonly<Record<string, string>>;
  /** enforce (when refused), audit and warn verdicts that found violations, in that order. */
  readonly verdicts: readonly ModeVerdict[];
}

/**
 * ValidatePod for a create: exempt namespace, then exempt user, then a fully privileged namespace
 * (with valid labels) is allowed at once; otherwise EvaluatePod with enforce. The pod is taken as
 * the API server has it after PrepareForCreate (the v1.30 AppArmor annotation/field sync).
 */
export function admitPod(pod: Pod, namespace: AdmissionNamespace, options: AdmitOptions = {}): PodAdmission {
  const config = options.config ?? DEFAULT_CONFIG;
  return admitPodWithPolicy(pod, namespace.name, policyToEvaluate(namespace.labels, config.defaults), config, options.user ?? LAB_USER);
}

/** The namespace's policy, as PolicyToEvaluate gave it. */
export interface NamespacePolicy {
  readonly policy: PodSecurityPolicy;
  readonly errors: readonly FieldError[];
}

/** admitPod with the namespace's policy already read (a whole apply reads it once per namespace). */
export function admitPodWithPolicy(pod: Pod, namespace: string, { policy, errors }: NamespacePolicy, config: PodSecurityConfig, user: string): PodAdmission {
  const early = shortCircuit(namespace, user, config, policy, errors);
  if (early) return early;
  if (errors.length === 0 && fullyPrivileged(policy)) {
    return { allowed: true, policy, policyErrors: errors, warnings: [], verdicts: [], auditAnnotations: { [ENFORCE_POLICY_ANNOTATION]: levelVersionString(PRIVILEGED_LATEST) } };
  }
  return evaluatePod(asStored(pod), policy, errors, config, true);
}

/**
 * ValidatePodController for a create of a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or
 * CronJob: the same exemptions; skipped when warn and audit are both privileged (with valid
 * labels); otherwise EvaluatePod of the pod template without enforce — a controller is never
 * refused, it only warns and audits. `template` is a pod made from the template (its metadata
 * and spec; the name is not used).
 */
export function admitPodController(template: Pod, namespace: AdmissionNamespace, options: AdmitOptions = {}): PodAdmission {
  const config = options.config ?? DEFAULT_CONFIG;
  return admitPodControllerWithPolicy(template, namespace.name, policyToEvaluate(namespace.labels, config.defaults), config, options.user ?? LAB_USER);
}

/** admitPodController with the namespace's policy already read. */
export function admitPodControllerWithPolicy(template: Pod, namespace: string, { policy, errors }: NamespacePolicy, config: PodSecurityConfig, user: string): PodAdmission {
  const early = shortCircuit(namespace, user, config, policy, errors);
  if (early) return early;
  if (errors.length === 0 && policy.warn.level === 'privileged' && policy.audit.level === 'privileged') {
    return { allowed: true, policy, policyErrors: errors, warnings: [], verdicts: [], auditAnnotations: {} };
  }
  return evaluatePod(template, policy, errors, config, false);
}

function shortCircuit(namespace: string, user: string, config: PodSecurityConfig, policy: PodSecurityPolicy, errors: readonly FieldError[]): PodAdmission | null {
  const exempt = (reason: ExemptionReason): PodAdmission =>
    ({ allowed: true, exempt: reason, policy, policyErrors: errors, warnings: [], verdicts: [], auditAnnotations: { [EXEMPT_ANNOTATION]: reason } });
  if (namespace !== '' && config.exemptions.namespaces.includes(namespace)) return exempt('namespace');
  if (user !== '' && config.exemptions.usernames.includes(user)) return exempt('user');
  return null;
}

/**
 * EvaluatePod: an exempt runtimeClass is allowed; enforce (when asked) refuses with
 * `violates PodSecurity "L:V": …`; audit annotates `would violate PodSecurity …`; warn adds the
 * same as a warning, only to a request that is not refused. Each level:version is evaluated once.
 */
function evaluatePod(pod: Pod, policy: PodSecurityPolicy, errors: readonly FieldError[], config: PodSecurityConfig, enforce: boolean): PodAdmission {
  if (pod.runtimeClassName !== undefined && pod.runtimeClassName !== '' && config.exemptions.runtimeClasses.includes(pod.runtimeClassName)) {
    return { allowed: true, exempt: 'runtimeClass', policy, policyErrors: errors, warnings: [], verdicts: [], auditAnnotations: { [EXEMPT_ANNOTATION]: 'runtimeClass' } };
  }
  const annotations: Record<string, string> = {};
  if (errors.length > 0) annotations[`${LABEL_PREFIX}error`] = `Failed to parse policy: ${aggregate(errors.map((e) => e.message))}`;
  const cache = new Map<string, CheckOutcome[]>();
  const results = (lv: LevelVersion): CheckOutcome[] => {
    const key = levelVersionString(lv);
    let r = cache.get(key);
    if (!r) {
      r = evaluatePodSecurity(pod, lv.level, policyVersion(lv.version));
      cache.set(key, r);
    }
    return r;
  };
  const verdicts: ModeVerdict[] = [];
  let error: string | undefined;
  if (enforce) {
    annotations[ENFORCE_POLICY_ANNOTATION] = levelVersionString(policy.enforce);
    const r = results(policy.enforce);
    if (r.length > 0) {
      error = forbiddenMessage(pod.name, policy.enforce, r);
      verdicts.push(verdict('enforce', policy.enforce, r, error));
    }
  }
  const audit = results(policy.audit);
  if (audit.length > 0) {
    const text = `would violate PodSecurity ${goQuote(levelVersionString(policy.audit))}: ${forbiddenDetail(audit)}`;
    annotations[AUDIT_VIOLATIONS_ANNOTATION] = text;
    verdicts.push(verdict('audit', policy.audit, audit, text));
  }
  const warnings: string[] = [];
  if (error === undefined) {
    const warn = results(policy.warn);
    if (warn.length > 0) {
      const text = `would violate PodSecurity ${goQuote(levelVersionString(policy.warn))}: ${forbiddenDetail(warn)}`;
      warnings.push(text);
      verdicts.push(verdict('warn', policy.warn, warn, text));
    }
  }
  return {
    allowed: error === undefined, policy, policyErrors: errors,
    ...(error !== undefined ? { error } : {}),
    warnings, auditAnnotations: annotations, verdicts,
  };
}

function verdict(mode: AdmissionMode, lv: LevelVersion, outcomes: readonly CheckOutcome[], message: string): ModeVerdict {
  return { mode, level: lv.level, version: lv.version, violations: outcomes.map(toViolation), message };
}

export function toViolation(o: CheckOutcome): AdmissionViolation {
  return { check: o.check.id, reason: o.reason, detail: o.detail, paths: o.refs.map((r) => formatPath(r.path)), refs: o.refs };
}

/** AggregateCheckResult.ForbiddenDetail: `reason (detail), reason (detail)` (no parentheses for an empty detail). */
export function forbiddenDetail(outcomes: readonly { readonly reason: string; readonly detail: string }[]): string {
  return outcomes.map((o) => (o.detail === '' ? o.reason || UNKNOWN_REASON : `${o.reason || UNKNOWN_REASON} (${o.detail})`)).join(', ');
}

/** AggregateCheckResult.ForbiddenReason: `reason, reason` (what the namespace check lists per pod). */
export function forbiddenReason(outcomes: readonly { readonly reason: string }[]): string {
  return outcomes.map((o) => o.reason || UNKNOWN_REASON).join(', ');
}

const UNKNOWN_REASON = 'unknown forbidden reason';

/**
 * forbiddenResponse: apierrors.NewForbidden(pods, NAME, `violates PodSecurity "L:V": DETAIL`), whose
 * message is `pods "NAME" is forbidden: …`. For a pod a controller creates, NAME is the generated
 * name (the API server fills in generateName before validating admission).
 */
export function forbiddenMessage(podName: string, lv: LevelVersion, outcomes: readonly { readonly reason: string; readonly detail: string }[]): string {
  return `pods ${goQuote(podName)} is forbidden: violates PodSecurity ${goQuote(levelVersionString(lv))}: ${forbiddenDetail(outcomes)}`;
}

/** k8s.io/apimachinery errors.NewAggregate(...).Error(): one message bare, several in brackets (duplicates once). */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0] ?? '';
  return `[${unique.join(', ')}]`;
}
