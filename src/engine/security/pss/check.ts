import type { Container, Pod, SourceRef } from '../../model/index.js';
import { sub } from '../../model/index.js';

/**
 * One Pod Security Standards check as the lab's v1.30 API server runs it: k8s.io/pod-security-admission
 * v0.30.0, policy/check_<id>.go (read at tag v0.30.0 of kubernetes/pod-security-admission). Each
 * `versions` entry is one of upstream's VersionedCheck: the CheckPod function that applies from
 * `minimumVersion` (the N of policy version v1.N) until the next entry's.
 */
export interface PssCheck {
  /** Upstream's CheckID. */
  readonly id: string;
  readonly level: 'baseline' | 'restricted';
  /** The control's name on the Pod Security Standards page. */
  readonly control: string;
  readonly versions: readonly VersionedCheck[];
}

export interface VersionedCheck {
  /** The minor version N of the first policy version `v1.N` this function applies to. */
  readonly minimumVersion: number;
  readonly checkPod: CheckPodFn;
  /** Baseline checks this (Restricted) check replaces at these versions (OverrideCheckIDs). */
  readonly overrides?: readonly string[];
}

/** null: allowed. Otherwise upstream's ForbiddenReason and ForbiddenDetail, and where. */
export type CheckPodFn = (pod: Pod) => CheckResult | null;

export interface CheckResult {
  readonly reason: string;
  readonly detail: string;
  /** The offending fields, in the order the check visits them (never part of upstream's text). */
  readonly refs: readonly SourceRef[];
}

/** policy/visitor.go visitContainers: init containers, then containers (ephemeral ones never exist on create). */
export function allContainers(pod: Pod): readonly Container[] {
  return pod.initContainers.length === 0 ? pod.containers : [...pod.initContainers, ...pod.containers];
}

/** policy/helpers.go joinQuote: `"a", "b"` — plain quotes, no escaping. */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** policy/helpers.go pluralize. */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** Go's string order (bytes of UTF-8 = code points), as sort.Strings and sets.String.List use it. */
export function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** sets.NewString(items...).List(): unique and sorted. */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(goCompare);
}

/** Go's %q (strconv.Quote) of a string: printable characters kept, the rest escaped as Go does. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp < 0x80 && cp >= 0x20 && cp !== 0x7f) out += ch;
    else if (cp < 0x80) out += ESCAPES[ch] ?? `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols (and ASCII space, handled above). */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

export function containerField(c: Container, ...path: (string | number)[]): SourceRef {
  return sub(c.ref, 'securityContext', ...path);
}

export function podField(pod: Pod, ...path: (string | number)[]): SourceRef {
  return sub(pod.specRef, 'securityContext', ...path);
}

/** The pod's (or template's) metadata.annotations[key]: the PodSpec's sibling `metadata`. */
export function annotationRef(pod: Pod, key: string): SourceRef {
  const base = pod.specRef.path.slice(0, -1);
  return { file: pod.specRef.file, doc: pod.specRef.doc, path: [...base, 'metadata', 'annotations', key] };
}

/** `container "a"` / `containers "a", "b"`, the subject most checks start with. */
export function containers(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/** Windows pods skip the Linux-only Restricted checks from policy v1.25 (pod.spec.os.name). */
export function isWindows(pod: Pod): boolean {
  return pod.osName === 'windows';
}
