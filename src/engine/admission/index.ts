/**
 * Pod Security Admission, pure: what the lab's v1.30 API server's PodSecurity plugin
 * (k8s.io/pod-security-admission v0.30.0) answers. `applyAdmission` runs over a whole apply (the
 * analysis pipeline); the other functions answer one request, for the terminal's kubectl.
 */
export { applyAdmission, type Admitted } from './apply.js';
export {
  LAB_USER, admitPod, admitPodController, forbiddenMessage, forbiddenDetail, forbiddenReason,
  type AdmissionNamespace, type AdmitOptions, type ModeVerdict, type PodAdmission,
} from './evaluate.js';
export {
  validateNamespace, evaluatePodsInNamespace, exemptNamespaceWarning, invalidMessage, MAX_PODS_TO_CHECK,
  type NamespaceRequest, type NamespaceVerdict,
} from './namespace.js';
export { failedCreateEvent, POD_CREATORS, type PodCreator } from './events.js';
export { DEFAULT_CONFIG, buildPodSecurityConfig, podSecurityConfigOf, type ConfigError, type DefaultsInput, type ExemptionsInput } from './config.js';
export {
  LABEL_PREFIX, ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL, AUDIT_LEVEL_LABEL, AUDIT_VERSION_LABEL, WARN_LEVEL_LABEL, WARN_VERSION_LABEL,
  AUDIT_VIOLATIONS_ANNOTATION, ENFORCE_POLICY_ANNOTATION, EXEMPT_ANNOTATION, DEFAULT_POLICY,
  parseLevel, parseVersion, policyToEvaluate, levelVersionString, compareLevels, podSecurityLabels, type FieldError,
} from './api.js';
export { asStored } from './apparmor-skew.js';

import type { AdmissionReport } from '../model/index.js';
import { DEFAULT_CONFIG } from './config.js';

/** A report with nothing in it (no namespaces): for builders of Analysis objects that skip the engine. */
export const EMPTY_ADMISSION: AdmissionReport = Object.freeze({ config: DEFAULT_CONFIG, namespaces: [], decisions: [], rejected: [] });
