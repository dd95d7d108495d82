import type { Labels, Protocol } from './objects.js';
import type { SourceRef } from './source.js';

/** v1 ServiceSpec.type; LoadBalancer gets no external address in the lab (no cloud): it works as NodePort. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  /**
   * Defaulted to `port` when absent, 0 or "" (pkg/apis/core/v1/defaults.go SetDefaults_Service). A
   * string names a container port, resolved per endpoint pod.
   */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
  /** Declared, or allocated (NodePort and LoadBalancer Services). */
  readonly nodePort?: number;
  readonly ref?: SourceRef;
}

/** A v1 Service after defaulting and IP allocation. */
export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  /** spec.selector; `{}` when absent (see hasSelector). */
  readonly selector: Labels;
  /** false: no selector, so the Endpoints/EndpointSlices written for the Service are its endpoints. */
  readonly hasSelector: boolean;
  readonly ports: readonly ServicePort[];
  /** The allocated ClusterIP; `None` for a headless Service; `` for ExternalName. */
  readonly clusterIP: string;
  /** true when spec.clusterIP (or clusterIPs[0]) was written. */
  readonly clusterIPDeclared: boolean;
  /** ExternalName: the CNAME target, without a trailing dot. */
  readonly externalName?: string;
  readonly labels: Labels;
  /** Absent for the implicit `kubernetes` and `kube-dns` Services. */
  readonly ref?: SourceRef;
}

/** One address of a v1 Endpoints subset. */
export interface EndpointsAddress {
  readonly ip: string;
  readonly nodeName?: string;
  readonly hostname?: string;
  /** targetRef `namespace/name` when it names a Pod. */
  readonly pod?: string;
}

export interface EndpointsPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/** A v1 Endpoints object written by the scenario (for a Service without selector). */
export interface EndpointsObject {
  readonly namespace: string;
  readonly name: string;
  readonly subsets: readonly {
    readonly addresses: readonly EndpointsAddress[];
    readonly notReadyAddresses: readonly EndpointsAddress[];
    readonly ports: readonly EndpointsPort[];
  }[];
  readonly ref: SourceRef;
}

/** A discovery.k8s.io/v1 EndpointSlice written by the scenario. */
export interface EndpointSliceObject {
  readonly namespace: string;
  readonly name: string;
  /** The `kubernetes.io/service-name` label: the Service it belongs to. */
  readonly serviceName?: string;
  readonly addressType: 'IPv4' | 'IPv6' | 'FQDN';
  readonly endpoints: readonly {
    readonly addresses: readonly string[];
    /** conditions.ready; absent means ready (discovery/v1 EndpointConditions). */
    readonly ready: boolean;
    readonly hostname?: string;
    readonly nodeName?: string;
    readonly pod?: string;
  }[];
  /** A port without a number (or no ports at all) means "all ports". */
  readonly ports: readonly { readonly name?: string; readonly port?: number; readonly protocol: Protocol }[];
  readonly ref: SourceRef;
}

/** A Service port as reports show it (defaults filled, NodePort allocated). */
export interface ServicePortReport {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly targetPort: number | string;
  readonly nodePort?: number;
}

/** A machine behind a Service, whatever the port: a selected pod, or an address written in Endpoints/EndpointSlices. */
export interface ServiceBackend {
  /** `namespace/name` of the pod, null for an address no pod has (manual Endpoints). */
  readonly pod: string | null;
  readonly ip: string;
  readonly nodeName?: string;
  /** Hostname for DNS (`<hostname>.<service>.<ns>.svc.cluster.local`), when set. */
  readonly hostname?: string;
  /** Ready pods carry traffic and DNS answers; the others are listed (notReadyAddresses) and carry nothing. */
  readonly ready: boolean;
  /** Why a selected pod is not ready: its kubectl STATUS (`ErrImagePull`, `CreateContainerConfigError`). */
  readonly reason?: string;
}

/** One address of one Service port: the backend and the resolved target port. */
export interface EndpointAddress extends ServiceBackend {
  readonly port: number;
}

export interface ServiceReport {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  /** The ClusterIP, `None` (headless) or `` (ExternalName). */
  readonly clusterIP: string;
  readonly headless: boolean;
  readonly externalName?: string;
  /** null: no selector (endpoints come from Endpoints/EndpointSlices written for it). */
  readonly selector: Labels | null;
  readonly labels: Labels;
  readonly ports: readonly ServicePortReport[];
  /** Per Service port: its addresses (selected pods in name order, then hand-written ones); only `ready` ones carry traffic. */
  readonly endpoints: readonly { readonly port: ServicePortReport; readonly addresses: readonly EndpointAddress[] }[];
  /** Every backend whatever the port (headless DNS answers with the ready ones). */
  readonly backends: readonly ServiceBackend[];
  /** The implicit `default/kubernetes` and `kube-system/kube-dns`. */
  readonly system: boolean;
  readonly ref?: SourceRef;
}
