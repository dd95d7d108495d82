import type { SourceRef } from './source.js';

/**
 * Pod Security Admission as the lab's v1.30 API server runs it (k8s.io/pod-security-admission
 * v0.30.0, the in-tree `PodSecurity` plugin): plain data, built by engine/admission.
 */

/** api/constants.go Level. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** api/helpers.go LevelVersion: `version` is `latest` or `v1.N`, as its String() prints it. */
export interface LevelVersion {
  readonly level: PodSecurityLevel;
  readonly version: string;
}

/** api/helpers.go Policy: one level and version per mode. */
export interface PodSecurityPolicy {
  readonly enforce: LevelVersion;
  readonly audit: LevelVersion;
  readonly warn: LevelVersion;
}

/**
 * The PodSecurity plugin's configuration (admission/api/v1 PodSecurityConfiguration), from the
 * lab/v1 Cluster's `spec.podSecurity`. Without one, the plugin's own defaults (admission/api/load
 * LoadFromData(nil) + v1 SetDefaults_PodSecurityDefaults): privileged:latest for every mode and no
 * exemptions — which is what a kubeadm cluster runs (kubeadm passes no --admission-control-config-file).
 */
export interface PodSecurityConfig {
  readonly defaults: PodSecurityPolicy;
  readonly exemptions: {
    readonly usernames: readonly string[];
    readonly runtimeClasses: readonly string[];
    readonly namespaces: readonly string[];
  };
}

export type AdmissionMode = 'enforce' | 'warn' | 'audit';

/** Why a request is let through without evaluation (the `pod-security.kubernetes.io/exempt` audit annotation). */
export type ExemptionReason = 'namespace' | 'user' | 'runtimeClass';

/** One failed check: upstream's CheckResult, and the fields that made it fail. */
export interface AdmissionViolation {
  /** The check's ID (policy/check_*.go), e.g. `allowPrivilegeEscalation`. */
  readonly check: string;
  readonly reason: string;
  readonly detail: string;
  /** The offending fields, as `spec.containers[0].securityContext.privileged`. */
  readonly paths: readonly string[];
  readonly refs: readonly SourceRef[];
}

/**
 * One mode's verdict on one admission request that found violations (requests a mode allows are
 * not listed). `allowed` is whether the request itself was admitted: an enforce decision is always
 * `allowed: false`; warn and audit decisions admit (unless enforce refused the same request).
 */
export interface AdmissionDecision {
  /** The request's object: `Pod/NS/NAME`, or the controller (`Deployment/NS/NAME`) for its template. */
  readonly object: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** For a pod a controller creates: the controller (`Deployment/NS/NAME`, `StatefulSet/NS/NAME`, …). */
  readonly owner?: string;
  /** The document the request came from (a workload's pods point at the workload). */
  readonly ref: SourceRef;
  readonly mode: AdmissionMode;
  readonly allowed: boolean;
  readonly level: PodSecurityLevel;
  readonly version: string;
  /** Who sent the request: the lab user, or the controller's ServiceAccount for a workload's pods. */
  readonly user: string;
  readonly violations: readonly AdmissionViolation[];
  /**
   * The API server's text: enforce `pods "NAME" is forbidden: violates PodSecurity "L:V": …`;
   * warn `would violate PodSecurity "L:V": …` (kubectl prints it after `Warning: `); audit the value
   * of the `pod-security.kubernetes.io/audit-violations` audit annotation.
   */
  readonly message: string;
}

/** The event a controller records when the API server refuses one of its pods. */
export interface FailedCreateEvent {
  readonly type: 'Warning';
  readonly reason: 'FailedCreate';
  /**
   * The object the event is about: the controller that creates the pods. A Deployment's pods are
   * created by its ReplicaSet and a CronJob's by its Job, whose names their controllers choose:
   * `name` is then absent and `via` names the scenario's object.
   */
  readonly involvedObject: {
    readonly kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job';
    readonly name?: string;
    readonly via?: { readonly kind: 'Deployment' | 'CronJob'; readonly name: string };
  };
  /** `replicaset-controller`, `statefulset-controller`, `daemonset-controller`, `job-controller`. */
  readonly component: string;
  /** `Error creating: pods "NAME" is forbidden: …` (StatefulSet: `create Pod NAME in StatefulSet SET failed error: …`). */
  readonly message: string;
}

/** A pod the enforce level refused: it does not exist anywhere in the analysis. */
export interface RejectedPod {
  readonly key: string; // namespace/name
  readonly namespace: string;
  readonly name: string;
  readonly owner?: { readonly kind: string; readonly name: string };
  readonly ref: SourceRef;
  readonly level: PodSecurityLevel;
  readonly version: string;
  /** `pods "NAME" is forbidden: violates PodSecurity "L:V": reason (detail), …` */
  readonly message: string;
  /** For a workload's pod: what its controller records. */
  readonly event?: FailedCreateEvent;
}

export interface NamespaceAdmission {
  readonly name: string;
  /** The policy in force after the apply: labels over the configuration's defaults (api PolicyToEvaluate). */
  readonly enforce: LevelVersion;
  readonly warn: LevelVersion;
  readonly audit: LevelVersion;
  /** The `pod-security.kubernetes.io/*` labels as written. */
  readonly labels: Readonly<Record<string, string>>;
  /** Listed in the configuration's exemptions.namespaces: its pods are never evaluated. */
  readonly exempt: boolean;
  /**
   * Warnings the API server returned for the Namespace document (kubectl prints each after
   * `Warning: `): existing pods that violate a new enforce level, or the exemption notice.
   */
  readonly warnings: readonly string[];
  readonly system?: boolean;
  readonly ref?: SourceRef;
}

export interface AdmissionReport {
  readonly config: PodSecurityConfig;
  /** Every namespace, sorted by name. */
  readonly namespaces: readonly NamespaceAdmission[];
  /** In apply order. */
  readonly decisions: readonly AdmissionDecision[];
  /** In apply order. */
  readonly rejected: readonly RejectedPod[];
}
