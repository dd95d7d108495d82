import type { PodSecurityConfig } from './admission.js';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from './rbac.js';
import type { EndpointSliceObject, EndpointsObject, Service } from './service.js';
import type { SourceRef } from './source.js';

/**
 * The normalized, defaulted cluster: what the engine reasons about. Built once by normalize/
 * from the parsed documents; objects with an error diagnostic are left out (as the API server
 * would refuse them). Everything is plain data, frozen after normalization.
 */

export type Labels = Readonly<Record<string, string>>;
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
/** kindnet: as kind ships it since v0.24 (enforces); kindnet-legacy: before v0.24 (does not). */
export type Cni = 'calico' | 'cilium' | 'flannel' | 'kindnet' | 'kindnet-legacy';
export type Direction = 'Ingress' | 'Egress';

export interface Namespace {
  readonly name: string;
  /** Always contains `kubernetes.io/metadata.name: <name>`. */
  readonly labels: Labels;
  /** false when the namespace exists only because something used it (or it is `default`). */
  readonly declared: boolean;
  /**
   * true for a namespace every kubeadm cluster has (kube-system, kube-public, kube-node-lease, the
   * CNI's) that nothing in the scenario declares or uses: listed by kubectl, left out of reports.
   */
  readonly system?: boolean;
  readonly ref?: SourceRef;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
  readonly ref: SourceRef;
}

export interface Capabilities {
  /** As written (names may be lower case or carry `CAP_`); normalized by security/. */
  readonly add: readonly string[];
  readonly drop: readonly string[];
}

/** The subset of PodSecurityContext/SecurityContext fields the engine reasons about. */
export interface SecurityContextFields {
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly runAsNonRoot?: boolean;
  readonly seccompProfile?: { readonly type: string; readonly localhostProfile?: string };
  readonly seLinuxOptions?: Readonly<Record<string, string>>;
  readonly appArmorProfile?: { readonly type: string; readonly localhostProfile?: string };
  readonly windowsOptions?: { readonly hostProcess?: boolean };
}

export interface PodSecurityContext extends SecurityContextFields {
  readonly fsGroup?: number;
  readonly supplementalGroups?: readonly number[];
  readonly sysctls?: readonly { readonly name: string; readonly value: string }[];
}

export interface ContainerSecurityContext extends SecurityContextFields {
  readonly capabilities?: Capabilities;
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly procMount?: string;
}

export interface Container {
  readonly name: string;
  /** As written; image/ normalizes it. */
  readonly image: string;
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: readonly { readonly name: string; readonly value: string }[];
  readonly ports: readonly ContainerPort[];
  readonly securityContext?: ContainerSecurityContext;
  /** Raw fields Pod Security Standards look at, kept as written. */
  readonly volumeMounts: readonly { readonly name: string; readonly mountPath: string; /** `readOnly: true` as written. */ readonly readOnly?: boolean }[];
  readonly hostPorts: readonly number[];
  readonly kind: 'container' | 'initContainer' | 'ephemeralContainer';
  readonly ref: SourceRef;
}

export interface Volume {
  readonly name: string;
  /** The volume source's key, e.g. `hostPath`, `emptyDir`, `configMap`. */
  readonly type: string;
  readonly ref: SourceRef;
}

export interface Pod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  /** Declared `status.podIP`, or one assigned from the pod CIDR by normalize/. */
  readonly ip: string;
  readonly ipDeclared: boolean;
  readonly hostNetwork: boolean;
  readonly hostPID: boolean;
  readonly hostIPC: boolean;
  /** spec.runtimeClassName as written (PodSecurity exempts the configured RuntimeClasses). */
  readonly runtimeClassName?: string;
  /** spec.os.name as written (`linux`, `windows`): Restricted skips Linux-only checks for Windows pods since policy v1.25. */
  readonly osName?: string;
  readonly containers: readonly Container[];
  readonly initContainers: readonly Container[];
  readonly securityContext?: PodSecurityContext;
  readonly volumes: readonly Volume[];
  readonly imagePullSecrets: readonly string[];
  /** Defaulted to `default`. */
  readonly serviceAccountName: string;
  /** spec.automountServiceAccountToken as written (it wins over the ServiceAccount's). */
  readonly automountServiceAccountToken?: boolean;
  /** The workload that produced the pod, when expanded from a template. */
  readonly owner?: { readonly kind: string; readonly name: string };
  /** The node the pod runs on (cluster/nodes.ts): `spec.nodeName`, else where the lab schedules it. */
  readonly nodeName: string;
  /**
   * true for the pods every kubeadm cluster runs (CoreDNS, the control plane, kube-proxy, the CNI):
   * analysed like any pod, never the subject of a diagnostic, left out of reports.
   */
  readonly system?: boolean;
  /** spec.hostname / spec.subdomain (a StatefulSet sets them to the pod name and spec.serviceName): DNS names. */
  readonly hostname?: string;
  readonly subdomain?: string;
  /** The object (document root) that declared the pod or its workload. */
  readonly ref: SourceRef;
  /** Path of the PodSpec (`spec`, or `spec.template.spec` for workloads). */
  readonly specRef: SourceRef;
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

export type PolicyPeer =
  | {
      readonly kind: 'selector';
      /** undefined: not written (then only the policy's namespace, or all pods of matching namespaces). */
      readonly podSelector?: LabelSelector;
      readonly namespaceSelector?: LabelSelector;
      readonly ref: SourceRef;
    }
  | {
      readonly kind: 'ipBlock';
      readonly cidr: string;
      readonly except: readonly string[];
      readonly ref: SourceRef;
    };

export interface PolicyPort {
  readonly protocol: Protocol;
  /** undefined: every port of the protocol. A string is a named port. */
  readonly port?: number | string;
  readonly endPort?: number;
  readonly ref: SourceRef;
}

export interface PolicyRule {
  /** `from`/`to` absent or empty: every peer, inside the cluster or out. */
  readonly allPeers: boolean;
  readonly peers: readonly PolicyPeer[];
  /** `ports` absent or empty: every port and protocol. */
  readonly allPorts: boolean;
  readonly ports: readonly PolicyPort[];
  readonly ref: SourceRef;
}

export interface NetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** After defaulting: absent ⇒ [Ingress] plus Egress when spec.egress is non-empty. */
  readonly policyTypes: readonly Direction[];
  readonly policyTypesDefaulted: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  readonly ref: SourceRef;
}

export interface DockerConfigEntry {
  /** The key as written, e.g. `myprivateregistry.com:5000` or `https://index.docker.io/v1/`. */
  readonly server: string;
  readonly username?: string;
  readonly password?: string;
  /** Decoded `auth` (user:password), which overrides username/password. */
  readonly auth?: { readonly username: string; readonly password: string };
  readonly email?: string;
}

export interface Secret {
  readonly namespace: string;
  readonly name: string;
  readonly type: string;
  /** Keys of data/stringData (values are not kept, except the docker config below). */
  readonly keys: readonly string[];
  /** Decoded values of data/stringData, for `kubectl get -o yaml` and the terminal. */
  readonly data: Readonly<Record<string, string>>;
  /** Parsed `.dockerconfigjson` / `.dockercfg` entries, in document order. */
  readonly dockerConfig?: readonly DockerConfigEntry[];
  readonly ref: SourceRef;
}

export interface ServiceAccount {
  readonly namespace: string;
  readonly name: string;
  readonly imagePullSecrets: readonly string[];
  /** As written; undefined: not set (pods then mount the token unless they say otherwise). */
  readonly automountServiceAccountToken?: boolean;
  readonly declared: boolean;
  readonly ref?: SourceRef;
}

export interface ExternalHost {
  readonly name: string;
  readonly ip: string;
  readonly ports: readonly { readonly port: number; readonly protocol: Protocol }[];
  readonly labels: Labels;
  readonly ref: SourceRef;
}

export interface RegistryImage {
  readonly repository: string;
  readonly tags: readonly string[];
  /** The image's USER (`1000`, `app`, `1000:1000`), undefined ⇒ root. */
  readonly user?: string;
}

export interface Registry {
  readonly name: string;
  /** Host[:port] as written in images; Docker Hub is `docker.io`. */
  readonly server: string;
  readonly private: boolean;
  readonly credentials: readonly { readonly username: string; readonly password: string }[];
  readonly images: readonly RegistryImage[];
  readonly ref: SourceRef;
}

export interface ClusterConfig {
  readonly cni: Cni;
  readonly podCIDR: string;
  /** `spec.podSecurity`, the PodSecurity admission configuration; absent: the plugin's defaults (model/admission.ts). */
  readonly podSecurity?: PodSecurityConfig;
  readonly ref?: SourceRef;
}

/** An object the engine keeps and lists but does not simulate (ConfigMap, …); RBAC objects are also listed here. */
export interface OtherObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly ref: SourceRef;
}

/** A workload (Deployment, …) as declared, before expansion into pods. */
export interface Workload {
  readonly apiVersion: string;
  readonly kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly replicas: number;
  readonly ref: SourceRef;
  /**
   * The pod its template describes, when it runs none (`replicas: 0`): Pod Security admission
   * judges a workload's template whatever its replicas (pod-security-admission admission.go
   * ValidatePodController). Not a pod of the cluster: no IP, no node.
   */
  readonly template?: Pod;
}

export interface Cluster {
  readonly config: ClusterConfig;
  /** Sorted by name. */
  readonly namespaces: readonly Namespace[];
  /** Sorted by namespace, then name. */
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
  readonly policies: readonly NetworkPolicy[];
  readonly secrets: readonly Secret[];
  readonly serviceAccounts: readonly ServiceAccount[];
  /** The scenario's Services (the implicit `kubernetes` and `kube-dns` are in Analysis.services). */
  readonly services: readonly Service[];
  /** v1 Endpoints and discovery.k8s.io/v1 EndpointSlices written by the scenario (for selector-less Services). */
  readonly endpoints: readonly EndpointsObject[];
  readonly endpointSlices: readonly EndpointSliceObject[];
  readonly externalHosts: readonly ExternalHost[];
  readonly registries: readonly Registry[];
  readonly others: readonly OtherObject[];
  /** The scenario's RBAC objects, validated and defaulted (Analysis.rbac adds the built-in ones). */
  readonly roles: readonly Role[];
  readonly clusterRoles: readonly ClusterRole[];
  readonly roleBindings: readonly RoleBinding[];
  readonly clusterRoleBindings: readonly ClusterRoleBinding[];
}
