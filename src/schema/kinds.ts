/**
 * The Kubernetes kinds the lab simulates, as one type: scripts/gen-schema.mjs feeds this to
 * ts-json-schema-generator to produce kubernetes.schema.json (editor, `kubectl explain`) and the
 * engine's compact field tree (src/engine/normalize/fields.json). Types only; nothing imports it at
 * run time. Keys are `apiVersion/kind` as written in manifests.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Namespace, Pod, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';

export interface KubernetesKinds {
  'v1/Namespace': Namespace;
  'v1/Pod': Pod;
  'v1/Secret': Secret;
  'v1/ServiceAccount': ServiceAccount;
  'v1/Service': Service;
  'v1/ConfigMap': ConfigMap;
  'apps/v1/Deployment': Deployment;
  'apps/v1/ReplicaSet': ReplicaSet;
  'apps/v1/StatefulSet': StatefulSet;
  'apps/v1/DaemonSet': DaemonSet;
  'batch/v1/Job': Job;
  'batch/v1/CronJob': CronJob;
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy;
}
