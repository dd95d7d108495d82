/**
 * The Kubernetes kinds the lab simulates, as one type: scripts/gen-schema.mjs feeds this to
 * ts-json-schema-generator to produce kubernetes.schema.json (editor, `kubectl explain`) and the
 * engine's compact field tree (src/engine/normalize/fields.json). Types only; nothing imports it at
 * run time. Keys are `apiVersion/kind` as written in manifests.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Endpoints, Namespace, Pod, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { EndpointPort as DiscoveryEndpointPort, EndpointSlice as DiscoveryEndpointSlice } from 'kubernetes-types/discovery/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';

/**
 * EndpointPort represents a Port used by an EndpointSlice. (discovery/v1 EndpointPort, renamed here
 * because core/v1 has a type of the same name and the schema names definitions by type name.)
 */
export type EndpointSlicePort = Pick<DiscoveryEndpointPort, 'appProtocol' | 'name' | 'port' | 'protocol'>;

/**
 * EndpointSlice represents a subset of the endpoints that implement a service. For a given service
 * there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce
 * the full set of endpoints.
 */
export interface EndpointSlice extends Omit<DiscoveryEndpointSlice, 'ports'> {
  /**
   * ports specifies the list of network ports exposed by each endpoint in this slice. Each port
   * must have a unique name. When ports is empty, it indicates that there are no defined ports.
   * When a port is defined with a nil port value, it indicates "all ports". Each slice may include
   * a maximum of 100 ports.
   */
  ports?: EndpointSlicePort[];
}

export interface KubernetesKinds {
  'v1/Namespace': Namespace;
  'v1/Pod': Pod;
  'v1/Secret': Secret;
  'v1/ServiceAccount': ServiceAccount;
  'v1/Service': Service;
  'v1/Endpoints': Endpoints;
  'discovery.k8s.io/v1/EndpointSlice': EndpointSlice;
  'v1/ConfigMap': ConfigMap;
  'apps/v1/Deployment': Deployment;
  'apps/v1/ReplicaSet': ReplicaSet;
  'apps/v1/StatefulSet': StatefulSet;
  'apps/v1/DaemonSet': DaemonSet;
  'batch/v1/Job': Job;
  'batch/v1/CronJob': CronJob;
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy;
  'rbac.authorization.k8s.io/v1/Role': Role;
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole;
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding;
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding;
}
