import type { Analysis, PodReport } from '../../engine/index.js';
import { LAB_CREATED, LAB_NOW } from '../clock.js';
import { hexId } from '../encode.js';

/**
 * The cluster's own clock and the names controllers make up. The scenario's objects were created
 * ten minutes before the lab's "now" (LAB_CREATED); the kubeadm cluster itself (nodes, system
 * pods, the kubernetes Service) twelve days before, as on a practice environment.
 */
export const CLUSTER_CREATED = LAB_NOW - 12 * 24 * 3600 * 1000;

/** When an object was created: system objects with the cluster, everything else ten minutes ago. */
export function createdAt(system: boolean | undefined): number {
  return system ? CLUSTER_CREATED : LAB_CREATED;
}

/** apimachinery pkg/util/duration HumanDuration (kubectl's AGE, LAST SEEN, describe intervals). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const y = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** The age of something created at `ms`, as kubectl prints it. */
export function ageOf(ms: number): string {
  return humanDuration(LAB_NOW - ms);
}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `count` characters of apimachinery's rand alphabet, stable per seed (generated names, hashes). */
export function randomish(seed: string, count: number): string {
  const hex = hexId(seed, count * 2);
  let out = '';
  for (let i = 0; i < count; i++) out += ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % ALPHABET.length];
  return out;
}

/** The ReplicaSet a Deployment made: `<deployment>-<pod-template-hash>`. */
export function replicaSetName(pods: readonly PodReport[], namespace: string, deployment: string): string {
  // System Deployments' pods carry the real hash in their name (`coredns-7db6d8ff4d-xxxxx`).
  const pod = pods.find((p) => p.pod.namespace === namespace && p.pod.owner?.kind === 'Deployment' && p.pod.owner.name === deployment);
  const hash = pod?.pod.labels['pod-template-hash'];
  return `${deployment}-${hash ?? randomish(`rs/${namespace}/${deployment}`, 10)}`;
}

/** A workload the cluster runs without a document: CoreDNS, kube-proxy, the CNI's daemons. */
export interface SystemWorkload {
  readonly kind: 'Deployment' | 'DaemonSet' | 'ReplicaSet';
  readonly namespace: string;
  readonly name: string;
  readonly pods: readonly PodReport[];
  readonly labels: Readonly<Record<string, string>>;
}

export function systemWorkloads(a: Analysis): SystemWorkload[] {
  const out: SystemWorkload[] = [];
  for (const p of a.pods) {
    const owner = p.pod.owner;
    if (!p.pod.system || !owner || (owner.kind !== 'Deployment' && owner.kind !== 'DaemonSet')) continue;
    const existing = out.find((w) => w.kind === owner.kind && w.namespace === p.pod.namespace && w.name === owner.name);
    if (existing) (existing.pods as PodReport[]).push(p);
    else {
      const labels = { ...p.pod.labels };
      delete labels['pod-template-hash'];
      delete labels['pod-template-generation'];
      delete labels['controller-revision-hash'];
      out.push({ kind: owner.kind, namespace: p.pod.namespace, name: owner.name, pods: [p], labels });
    }
  }
  for (const w of [...out]) {
    if (w.kind === 'Deployment') out.push({ kind: 'ReplicaSet', namespace: w.namespace, name: replicaSetName(a.pods, w.namespace, w.name), pods: w.pods, labels: { ...w.pods[0]?.pod.labels } });
  }
  return out;
}
