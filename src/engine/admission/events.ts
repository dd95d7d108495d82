import type { FailedCreateEvent } from '../model/index.js';

/**
 * Who creates a workload's pods, and what it records when the API server refuses one. kubeadm runs
 * kube-controller-manager with --use-service-account-credentials=true, so each controller sends
 * its requests as its own ServiceAccount in kube-system (PodSecurity's exemptions.usernames sees
 * these names, not the user who applied the workload).
 */
export interface PodCreator {
  readonly user: string;
  readonly component: string;
  readonly kind: FailedCreateEvent['involvedObject']['kind'];
}

const sa = (name: string) => `system:serviceaccount:kube-system:${name}`;

export const POD_CREATORS: Readonly<Record<string, PodCreator>> = {
  Deployment: { user: sa('replicaset-controller'), component: 'replicaset-controller', kind: 'ReplicaSet' },
  ReplicaSet: { user: sa('replicaset-controller'), component: 'replicaset-controller', kind: 'ReplicaSet' },
  StatefulSet: { user: sa('statefulset-controller'), component: 'statefulset-controller', kind: 'StatefulSet' },
  DaemonSet: { user: sa('daemon-set-controller'), component: 'daemonset-controller', kind: 'DaemonSet' },
  Job: { user: sa('job-controller'), component: 'job-controller', kind: 'Job' },
  CronJob: { user: sa('job-controller'), component: 'job-controller', kind: 'Job' },
};

/**
 * The FailedCreate event of the controller whose pod was refused. ReplicaSet, DaemonSet and Job
 * controllers go through RealPodControl (pkg/controller/controller_utils.go): `Error creating: ERR`.
 * The StatefulSet controller words its own (stateful_pod_control.go recordPodEvent):
 * `create Pod POD in StatefulSet SET failed error: ERR`.
 */
export function failedCreateEvent(ownerKind: string, ownerName: string, podName: string, error: string): FailedCreateEvent | undefined {
  const creator = POD_CREATORS[ownerKind];
  if (!creator) return undefined;
  const via = ownerKind === 'Deployment' || ownerKind === 'CronJob' ? { via: { kind: ownerKind, name: ownerName } as const } : { name: ownerName };
  const message = ownerKind === 'StatefulSet'
    ? `create Pod ${podName} in StatefulSet ${ownerName} failed error: ${error}`
    : `Error creating: ${error}`;
  return { type: 'Warning', reason: 'FailedCreate', involvedObject: { kind: creator.kind, ...via }, component: creator.component, message };
}
