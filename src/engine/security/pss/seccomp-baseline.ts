import type { Pod, SourceRef } from '../../model/index.js';
import {
  allContainers, annotationRef, containerField, containers, goQuote, joinQuote, pluralize, podField, sortedSet,
  type CheckResult, type PssCheck,
} from './check.js';

export const VALID_SECCOMP: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
export const SECCOMP_BASELINE_ID = 'seccompProfile_baseline';
const ANNOTATION_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const ANNOTATION_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/**
 * policy/check_seccompProfile_baseline.go: a seccomp profile that is set must not be Unconfined.
 * Policy v1.0–v1.18 read the alpha annotations (allowed: runtime/default, docker/default,
 * localhost/*); from v1.19 the securityContext.seccompProfile fields.
 */
export const seccompBaseline: PssCheck = {
  id: SECCOMP_BASELINE_ID,
  level: 'baseline',
  control: 'Seccomp',
  versions: [
    { minimumVersion: 0, checkPod: seccompProfileBaseline_1_0 },
    { minimumVersion: 19, checkPod: seccompProfileBaseline_1_19 },
  ],
};

function validAnnotation(v: string): boolean {
  return v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
}

function seccompProfileBaseline_1_0(pod: Pod): CheckResult | null {
  const forbidden = new Map<string, SourceRef>();
  const check = (key: string) => {
    const value = Object.prototype.hasOwnProperty.call(pod.annotations, key) ? pod.annotations[key] : undefined;
    if (value !== undefined && !validAnnotation(value)) forbidden.set(`${key}=${goQuote(value)}`, annotationRef(pod, key));
  };
  check(ANNOTATION_POD);
  for (const c of allContainers(pod)) check(ANNOTATION_CONTAINER_PREFIX + c.name);
  if (forbidden.size === 0) return null;
  const list = sortedSet(forbidden.keys());
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`,
    refs: list.map((k) => forbidden.get(k) as SourceRef),
  };
}

function seccompProfileBaseline_1_19(pod: Pod): CheckResult | null {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const refs: SourceRef[] = [];
  const podType = pod.securityContext?.seccompProfile?.type;
  if (podType !== undefined && !VALID_SECCOMP.has(podType)) {
    badSetters.push('pod');
    badValues.push(podType);
    refs.push(podField(pod, 'seccompProfile', 'type'));
  }
  const bad: string[] = [];
  for (const c of allContainers(pod)) {
    const t = c.securityContext?.seccompProfile?.type;
    if (t !== undefined && !VALID_SECCOMP.has(t)) {
      bad.push(c.name);
      badValues.push(t);
      refs.push(containerField(c, 'seccompProfile', 'type'));
    }
  }
  if (bad.length > 0) badSetters.push(containers(bad));
  if (badSetters.length === 0) return null;
  return {
    reason: 'seccompProfile',
    detail: `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
    refs,
  };
}
