import type {
  AdmissionReport, AdmissionViolation, LevelVersion, NamespaceAdmission, RejectedPod, SourceRef,
} from '../../engine/model/index.js';

/**
 * What the Pod Security panel shows, read from the engine's admission report (nothing is
 * re-derived): each namespace's levels and, for a pod the enforce level refused, the fields each
 * violated check names, with the YAML ref to reveal.
 */

/** `restricted:latest`, as the API server names a level in its messages. */
export const levelText = (lv: LevelVersion): string => `${lv.level}:${lv.version}`;

export type NamespaceLevels =
  | { readonly name: string; readonly exempt: true }
  | { readonly name: string; readonly exempt: false; readonly enforce: string; readonly warn: string; readonly audit: string };

export function namespaceLevels(ns: NamespaceAdmission): NamespaceLevels {
  if (ns.exempt) return { name: ns.name, exempt: true };
  return { name: ns.name, exempt: false, enforce: levelText(ns.enforce), warn: levelText(ns.warn), audit: levelText(ns.audit) };
}

/**
 * The namespaces worth a line: the scenario's own, and a built-in one only when something sets its
 * policy (a label, an exemption).
 */
export function shownNamespaces(report: AdmissionReport): NamespaceLevels[] {
  return report.namespaces
    .filter((ns) => !ns.system || ns.exempt || Object.keys(ns.labels).length > 0)
    .map(namespaceLevels);
}

/** One offending field: its API path (`spec.containers[0].securityContext.privileged`) and where it is written. */
export interface FieldToChange {
  readonly path: string;
  readonly ref: SourceRef;
}

export interface CheckToFix {
  readonly check: string;
  readonly reason: string;
  readonly detail: string;
  /** Empty when the check names no field the pod wrote (the field is missing): reveal the pod. */
  readonly fields: readonly FieldToChange[];
}

export interface RefusedPodFixes {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly level: string;
  readonly message: string;
  readonly ref: SourceRef;
  readonly checks: readonly CheckToFix[];
}

function checkToFix(v: AdmissionViolation, pod: SourceRef): CheckToFix {
  const fields = v.paths.map((path, i) => ({ path, ref: v.refs[i] ?? pod }));
  return { check: v.check, reason: v.reason, detail: v.detail, fields };
}

/** Each refused pod with its enforce decision's violations, in apply order. */
export function refusedPodFixes(report: AdmissionReport): RefusedPodFixes[] {
  const enforced = new Map<string, AdmissionReport['decisions'][number]>();
  for (const d of report.decisions) {
    if (d.mode === 'enforce' && !d.allowed && d.kind === 'Pod') enforced.set(`${d.namespace}/${d.name}`, d);
  }
  return report.rejected.map((p: RejectedPod) => ({
    key: p.key, namespace: p.namespace, name: p.name, level: `${p.level}:${p.version}`, message: p.message, ref: p.ref,
    checks: (enforced.get(p.key)?.violations ?? []).map((v) => checkToFix(v, p.ref)),
  }));
}

/** How many refused pods the panel details; the rest are counted (a big scenario stays readable). */
export const MAX_REFUSED_SHOWN = 20;

export function refusedShown(all: readonly RefusedPodFixes[]): { shown: readonly RefusedPodFixes[]; more: number } {
  return { shown: all.slice(0, MAX_REFUSED_SHOWN), more: Math.max(0, all.length - MAX_REFUSED_SHOWN) };
}
