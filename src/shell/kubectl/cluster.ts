import type { Analysis, PodReport } from '../../engine/index.js';
import { LAB_CREATED, LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import type { RolloutRevision } from '../types.js';
import { hexId } from '../encode.js';
import { isRecord } from '../objects.js';

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

const sorted = (x: unknown): unknown => {
  if (Array.isArray(x)) return x.map(sorted);
  if (isRecord(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted(x[k])]));
  return x;
};

/**
 * The pod-template-hash label (controller.ComputeHash: an FNV-32a of the template, printed in
 * decimal and mapped through rand.SafeEncodeString): the same template, the same hash; its
 * characters come from the ten the decimal digits map to (`7db6d8ff4d`).
 */
export function podTemplateHash(template: unknown): string {
  const n = parseInt(hexId(`pod-template-hash/${JSON.stringify(sorted(template ?? {}))}`, 8), 16) >>> 0;
  return [...String(n)].map((ch) => ALPHABET[ch.charCodeAt(0) % ALPHABET.length]).join('');
}

/** The pod template of a Deployment declared in a document (undefined: none, or a system one). */
export function deploymentTemplate(ctx: Ctx, namespace: string, deployment: string): Record<string, unknown> | undefined {
  const w = ctx.analysis().cluster.workloads.find((x) => x.kind === 'Deployment' && x.namespace === namespace && x.name === deployment);
  const value = w ? ctx.docAt(w.ref)?.value : undefined;
  const spec = isRecord(value) ? value['spec'] : undefined;
  const template = isRecord(spec) ? spec['template'] : undefined;
  return isRecord(template) ? template : undefined;
}

/** Where the runtime keeps a workload's revisions (kubectl/rollout.ts syncRollouts). */
export const rolloutKey = (kind: string, ns: string, name: string): string => (kind === 'Deployment' ? `${ns}/${name}` : `${kind}/${ns}/${name}`);

/** A workload's revisions, oldest first (empty for a workload without a document). */
export function revisionsOf(ctx: Ctx, kind: string, namespace: string, name: string): readonly RolloutRevision[] {
  return [...(ctx.runtime.rollouts?.[rolloutKey(kind, namespace, name)] ?? [])].sort((a, b) => a.revision - b.revision);
}

/** The ReplicaSet a Deployment made for its current template: `<deployment>-<pod-template-hash>`. */
export function replicaSetName(ctx: Ctx, namespace: string, deployment: string): string {
  const template = deploymentTemplate(ctx, namespace, deployment);
  if (template) return `${deployment}-${podTemplateHash(template)}`;
  return rsNameFromPods(ctx.analysis().pods, namespace, deployment);
}

function rsNameFromPods(pods: readonly PodReport[], namespace: string, deployment: string): string {
  // System Deployments' pods carry the real hash in their name (`coredns-7db6d8ff4d-xxxxx`).
  const pod = pods.find((p) => p.pod.namespace === namespace && p.pod.owner?.kind === 'Deployment' && p.pod.owner.name === deployment);
  const hash = pod?.pod.labels['pod-template-hash'];
  return `${deployment}-${hash ?? podTemplateHash(`${namespace}/${deployment}`)}`;
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
    if (w.kind === 'Deployment') out.push({ kind: 'ReplicaSet', namespace: w.namespace, name: rsNameFromPods(a.pods, w.namespace, w.name), pods: w.pods, labels: { ...w.pods[0]?.pod.labels } });
  }
  return out;
}
