import type { Labels, LevelVersion, Pod, PodSecurityConfig, PodSecurityPolicy } from '../model/index.js';
import { evaluatePodSecurity, goCompare, goQuote } from '../security/pss/index.js';
import {
  AUDIT_LEVEL_LABEL, AUDIT_VERSION_LABEL, ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL, WARN_LEVEL_LABEL, WARN_VERSION_LABEL,
  compareLevels, fullyPrivileged, levelVersionString, policyEquivalent, policyToEvaluate, policyVersion, type FieldError,
} from './api.js';
import { DEFAULT_CONFIG } from './config.js';
import { aggregate, forbiddenReason } from './evaluate.js';

/** admission.go ValidateNamespace for a create or an update of a Namespace's labels. */
export interface NamespaceRequest {
  readonly operation: 'create' | 'update';
  readonly name: string;
  readonly labels: Labels;
  /** update: the labels before. */
  readonly oldLabels?: Labels;
}

export interface NamespaceVerdict {
  readonly allowed: boolean;
  /**
   * When refused: apierrors.NewInvalid's message, `Namespace "NAME" is invalid: FIELD ERRORS`
   * (kubectl create prints `The Namespace "NAME" is invalid: …`).
   */
  readonly error?: string;
  /** The causes: `metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted`. */
  readonly errors: readonly FieldError[];
  /** Warning headers (kubectl prints each after `Warning: `). */
  readonly warnings: readonly string[];
  /** The namespace's policy after the request (labels over the configuration's defaults). */
  readonly policy: PodSecurityPolicy;
}

/** admission.go defaultNamespaceMaxPodsToCheck. */
export const MAX_PODS_TO_CHECK = 3000;

/**
 * ValidateNamespace. Create: invalid pod-security labels refuse the namespace; an exempt namespace
 * that sets a non-default policy is warned that it will be ignored. Update: changed invalid labels
 * refuse; then, when the enforce level:version changed to something that is neither privileged
 * nor a relaxation at the same version, the existing pods are checked against the new enforce
 * level and the warnings list them (nothing is evicted). `existingPods`: the namespace's pods now.
 */
export function validateNamespace(req: NamespaceRequest, existingPods: readonly Pod[], options: { readonly config?: PodSecurityConfig } = {}): NamespaceVerdict {
  const config = options.config ?? DEFAULT_CONFIG;
  const { policy, errors } = policyToEvaluate(req.labels, config.defaults);
  const exempt = config.exemptions.namespaces.includes(req.name);
  const refused = (): NamespaceVerdict => ({ allowed: false, error: invalidMessage(req.name, errors), errors, warnings: [], policy });
  const allowed = (warnings: readonly string[] = []): NamespaceVerdict => ({ allowed: true, errors: [], warnings, policy });
  const exemptWarning = () => {
    const w = exemptNamespaceWarning(req.name, policy, req.labels, config.defaults);
    return w === '' ? [] : [w];
  };

  if (req.operation === 'create') {
    if (errors.length > 0) return refused();
    return allowed(exempt ? exemptWarning() : []);
  }
  const old = policyToEvaluate(req.oldLabels ?? {}, config.defaults);
  if (errors.length > 0 && (old.errors.length === 0 || !sameErrors(errors, old.errors))) return refused();
  const next = policy.enforce;
  const prev = old.policy.enforce;
  if (next.level === prev.level && next.version === prev.version) return allowed();
  if (next.level === 'privileged') return allowed();
  if (next.version === prev.version && compareLevels(next.level, prev.level) < 1) return allowed();
  if (exempt) return allowed(exemptWarning());
  return allowed(evaluatePodsInNamespace(req.name, next, existingPods, config));
}

/** apierrors.NewInvalid(Namespace, NAME, errs).Error(). */
export function invalidMessage(name: string, errors: readonly FieldError[]): string {
  return `Namespace ${goQuote(name)} is invalid: ${aggregate(errors.map((e) => e.message))}`;
}

function sameErrors(a: readonly FieldError[], b: readonly FieldError[]): boolean {
  return a.length === b.length && a.every((e, i) => e.message === b[i]?.message);
}

/**
 * EvaluatePodsInNamespace: the pods (one per controller first, runtimeClass-exempt ones skipped,
 * at most MAX_PODS_TO_CHECK) against the new enforce level. Pods failing with the same reasons are
 * grouped under the lexically first name: `NAME: reasons`, `NAME (and 1 other pod): reasons`,
 * `NAME (and N other pods): reasons`, sorted, after the headline
 * `existing pods in namespace "NS" violate the new PodSecurity enforce level "L:V"`.
 * (The one-second deadline of the real check never expires here.)
 */
export function evaluatePodsInNamespace(namespace: string, enforce: LevelVersion, pods: readonly Pod[], config: PodSecurityConfig = DEFAULT_CONFIG): string[] {
  const prioritized = prioritizePods(pods, config);
  const total = prioritized.length;
  const checked = prioritized.slice(0, MAX_PODS_TO_CHECK);
  const groups = new Map<string, { podName: string; count: number }>();
  const order: string[] = [];
  for (const pod of checked) {
    const r = evaluatePodSecurity(pod, enforce.level, policyVersion(enforce.version));
    if (r.length === 0) continue;
    const warning = forbiddenReason(r);
    const g = groups.get(warning);
    if (!g) {
      groups.set(warning, { podName: pod.name, count: 1 });
      order.push(warning);
    } else {
      if (goCompare(pod.name, g.podName) < 0) g.podName = pod.name;
      g.count++;
    }
  }
  const warnings: string[] = [];
  if (checked.length < total) warnings.push(`new PodSecurity enforce level only checked against the first ${checked.length} of ${total} existing pods`);
  if (order.length > 0) warnings.push(`existing pods in namespace ${goQuote(namespace)} violate the new PodSecurity enforce level ${goQuote(levelVersionString(enforce))}`);
  const decorated = order.map((w) => {
    const g = groups.get(w) ?? { podName: '', count: 0 };
    if (g.count === 1) return `${g.podName}: ${w}`;
    if (g.count === 2) return `${g.podName} (and 1 other pod): ${w}`;
    return `${g.podName} (and ${g.count - 1} other pods): ${w}`;
  }).sort(goCompare);
  return [...warnings, ...decorated];
}

/** prioritizePods: runtimeClass-exempt pods dropped; the first pod of each controller, then the rest. */
function prioritizePods(pods: readonly Pod[], config: PodSecurityConfig): Pod[] {
  const first: Pod[] = [];
  const duplicates: Pod[] = [];
  const seen = new Set<string>();
  for (const pod of pods) {
    if (pod.runtimeClassName && config.exemptions.runtimeClasses.includes(pod.runtimeClassName)) continue;
    if (!pod.owner) {
      first.push(pod);
      continue;
    }
    const controller = `${pod.owner.kind}/${pod.owner.name}`;
    if (seen.has(controller)) duplicates.push(pod);
    else {
      seen.add(controller);
      first.push(pod);
    }
  }
  return [...first, ...duplicates];
}

/**
 * exemptNamespaceWarning: for an exempt namespace whose policy is neither fully privileged nor the
 * defaults, `namespace "NS" is exempt from Pod Security, and the policy (enforce=L:V, …) will be
 * ignored`, naming the non-privileged modes that a label sets.
 */
export function exemptNamespaceWarning(name: string, policy: PodSecurityPolicy, labels: Labels, defaults: PodSecurityPolicy): string {
  if (fullyPrivileged(policy) || policyEquivalent(policy, defaults)) return '';
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  const parts: string[] = [];
  if (policy.enforce.level !== 'privileged' && (has(ENFORCE_LEVEL_LABEL) || has(ENFORCE_VERSION_LABEL))) parts.push(`enforce=${levelVersionString(policy.enforce)}`);
  if (policy.audit.level !== 'privileged' && (has(AUDIT_LEVEL_LABEL) || has(AUDIT_VERSION_LABEL))) parts.push(`audit=${levelVersionString(policy.audit)}`);
  if (policy.warn.level !== 'privileged' && (has(WARN_LEVEL_LABEL) || has(WARN_VERSION_LABEL))) parts.push(`warn=${levelVersionString(policy.warn)}`);
  return `namespace ${goQuote(name)} is exempt from Pod Security, and the policy (${parts.join(', ')}) will be ignored`;
}
