import type { Container, Pod, PssViolation, SourceRef } from '../../model/index.js';
import { sub } from '../../model/index.js';

/**
 * One Pod Security Standards control as kubernetes/pod-security-admission implements it
 * (staging/src/k8s.io/pod-security-admission/policy/check_<id>.go), evaluated at the newest
 * policy version. Unlike the admission plugin, which folds a check into one message, each
 * offending field becomes its own violation pointing at that field.
 */
export interface PssCheck {
  readonly id: string;
  readonly level: 'baseline' | 'restricted';
  /** The control's name on the Pod Security Standards page. */
  readonly control: string;
  check(pod: Pod): PssViolation[];
}

/** `reason (detail)`, the shape of the admission plugin's per-check text. */
export function violation(c: PssCheck, reason: string, detail: string, ref: SourceRef): PssViolation {
  return { level: c.level, control: c.control, check: c.id, message: `${reason} (${detail})`, ref };
}

/** The admission plugin's visitor order: init containers, then containers. */
export function allContainers(pod: Pod): readonly Container[] {
  return [...pod.initContainers, ...pod.containers];
}

export const quoted = (name: string): string => `"${name}"`;

export function containerField(c: Container, ...path: (string | number)[]): SourceRef {
  return sub(c.ref, 'securityContext', ...path);
}

export function podField(pod: Pod, ...path: (string | number)[]): SourceRef {
  return sub(pod.specRef, 'securityContext', ...path);
}

/** The pod template's metadata.annotations[key]: the PodSpec's sibling `metadata`. */
export function annotationRef(pod: Pod, key: string): SourceRef {
  const base = pod.specRef.path.slice(0, -1);
  return { file: pod.specRef.file, doc: pod.specRef.doc, path: [...base, 'metadata', 'annotations', key] };
}
