import type { AdmissionReport } from './admission.js';
import type { Diagnostic } from './diagnostic.js';
import type { ImageReport } from './image.js';
import type { NetworkAnalysis } from './network.js';
import type { NodeInfo } from './node.js';
import type { Cluster, Container, NetworkPolicy, Pod } from './objects.js';
import type { ServiceReport } from './service.js';
import type { PodServiceAccount, RbacAnalysis } from './rbac.js';
import type { PssResult, SecurityReport } from './security.js';
import type { SourceFile, SourceRange, SourceRef } from './source.js';

/**
 * `Running` (for an init container: it ran and completed), a kubelet waiting reason, or
 * `PodInitializing`: not started because an earlier init container is stuck.
 */
export type ContainerState = 'Running' | 'CreateContainerConfigError' | 'ErrImagePull' | 'InvalidImageName' | 'PodInitializing';

export interface ContainerReport {
  readonly container: Container;
  readonly image: ImageReport;
  readonly security: SecurityReport;
  readonly state: ContainerState;
  /** null when Running or PodInitializing; the kubelet's or the pull's message otherwise. */
  readonly message: string | null;
}

export interface PodReport {
  readonly key: string; // namespace/name
  readonly pod: Pod;
  readonly containers: readonly ContainerReport[];
  readonly initContainers: readonly ContainerReport[];
  /** What `kubectl get pods` shows in STATUS. */
  readonly status: string;
  readonly ready: string; // e.g. "1/2"
  readonly pss: PssResult;
  /** Its ServiceAccount, whether the token is mounted and where, and who the token is (rbac/tokens.ts). */
  readonly serviceAccount: PodServiceAccount;
}

export interface PolicyReport {
  readonly key: string;
  readonly policy: NetworkPolicy;
  readonly selects: readonly string[];
}

export interface Analysis {
  readonly sources: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly cluster: Cluster;
  readonly pods: readonly PodReport[];
  readonly policies: readonly PolicyReport[];
  readonly network: NetworkAnalysis;
  /**
   * Every Service with its ClusterIP and endpoints: the scenario's, plus the implicit
   * `default/kubernetes` and `kube-system/kube-dns` (system: true). Sorted by namespace, name.
   */
  readonly services: readonly ServiceReport[];
  /** The cluster's nodes (cluster/nodes.ts). */
  readonly nodes: readonly NodeInfo[];
  /**
   * Pod Security Admission over the apply: each namespace's levels, every warn/audit/enforce
   * verdict that found violations, and the pods enforce refused (absent from `pods`, the network
   * and the Services' endpoints).
   */
  readonly admission: AdmissionReport;
  /**
   * Roles, ClusterRoles (aggregation resolved), bindings and ServiceAccounts: the scenario's and the
   * built-in ones of a kubeadm cluster (`system: true`). Ask with rbac/ authorize() and listRules().
   */
  readonly rbac: RbacAnalysis;
  /** Line/column range of a recorded reference; null if the file or node is gone. */
  locate(ref: SourceRef): SourceRange | null;
}
