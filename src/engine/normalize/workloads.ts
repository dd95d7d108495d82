import type { Labels, PathSegment, Pod, SourceRef, Workload } from '../model/index.js';
import { sub } from '../model/index.js';
import { isEmptySelector, matchesSelector } from '../selectors/index.js';
import { GoLiteral, type Diags } from './diag.js';
import { checkLabels } from './labels.js';
import { readPodSpec, type PodSpecFields } from './pod-spec.js';
import { readSelector } from './selector.js';
import { field, num, str, stringMap } from './values.js';

export type WorkloadKind = Workload['kind'];
export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** A pod to be: everything but its IP, which pod-ips.ts assigns once all pods are known. */
export interface PodDraft extends PodSpecFields {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly declaredIP?: string;
  readonly owner?: { readonly kind: string; readonly name: string };
  /** The implicit pods of every cluster (cluster/system.ts). */
  readonly system?: boolean;
  readonly ref: SourceRef;
  readonly specRef: SourceRef;
}

/** Where the pod template sits; CronJob nests it in the Job template. */
function templatePath(kind: WorkloadKind): PathSegment[] {
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

/**
 * A workload and the pods it would run (lab rule: named `<name>-0`, `<name>-1`, … instead of the
 * controllers' random suffixes, so lessons can name them). replicas defaults to 1; DaemonSet (one
 * node), Job and CronJob (one run) give one pod. apps/v1 kinds need a selector that matches the
 * template's labels (pkg/apis/apps/validation).
 */
export function readWorkload(value: unknown, kind: WorkloadKind, apiVersion: string, namespace: string, name: string, root: SourceRef, diags: Diags): { workload: Workload; pods: PodDraft[] } {
  const tPath = templatePath(kind);
  let template: unknown = value;
  for (const seg of tPath) template = field(template, String(seg));
  const templateLabels = stringMap(field(field(template, 'metadata'), 'labels'));
  checkLabels(field(field(template, 'metadata'), 'labels'), [...tPath, 'metadata', 'labels'], diags);

  let replicas = 1;
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet') {
    const r = num(field(field(value, 'spec'), 'replicas'));
    if (r !== undefined) {
      if (r < 0) diags.invalid('workload-invalid', ['spec', 'replicas'], r, 'must be greater than or equal to 0');
      replicas = Math.max(0, r);
    }
  }
  if (kind !== 'Job' && kind !== 'CronJob') {
    const selectorValue = field(field(value, 'spec'), 'selector');
    if (selectorValue === undefined || selectorValue === null) {
      diags.required('workload-invalid', ['spec', 'selector']);
    } else {
      const selector = readSelector(selectorValue, ['spec', 'selector'], diags);
      if (isEmptySelector(selector)) {
        // ReplicaSet reuses the Deployment wording upstream (pkg/apis/apps/validation ValidateReplicaSetSpec).
        const noun = kind === 'ReplicaSet' ? 'deployment' : kind.toLowerCase();
        diags.invalid('workload-invalid', ['spec', 'selector'], goSelector(selectorValue), `empty selector is invalid for ${noun}`);
      } else if (!matchesSelector(selector, templateLabels)) {
        diags.invalid('workload-invalid', [...tPath, 'metadata', 'labels'], goMap(templateLabels), '`selector` does not match template `labels`');
      }
    }
  }

  const specPath = [...tPath, 'spec'];
  const spec = readPodSpec(field(template, 'spec'), specPath, root, diags);
  const annotations = stringMap(field(field(template, 'metadata'), 'annotations'));
  // The StatefulSet controller gives each pod its own name as hostname and spec.serviceName as
  // subdomain (pkg/controller/statefulset stateful_set_utils.go updateIdentity): the pod's DNS name
  // under the governing headless Service.
  const serviceName = kind === 'StatefulSet' ? str(field(field(value, 'spec'), 'serviceName')) : undefined;
  const draft = (i: number): PodDraft => {
    const podName = `${name}-${i}`;
    return {
      ...spec, namespace, name: podName, labels: templateLabels, annotations,
      ...(kind === 'StatefulSet' ? { hostname: podName, ...(serviceName ? { subdomain: serviceName } : {}) } : {}),
      owner: { kind, name }, ref: root, specRef: sub(root, ...specPath),
    };
  };
  const pods: PodDraft[] = [];
  for (let i = 0; i < replicas && i < MAX_REPLICAS; i++) pods.push(draft(i));
  if (replicas > MAX_REPLICAS) {
    diags.warn('replicas-capped', `spec.replicas ${replicas} is more than the lab simulates; only ${MAX_REPLICAS} pods are created`, ['spec', 'replicas'], { replicas, max: MAX_REPLICAS });
  }
  const workload: Workload = {
    apiVersion, kind, namespace, name,
    labels: stringMap(field(field(value, 'metadata'), 'labels')),
    replicas: kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet' ? replicas : 1,
    ref: root,
    ...(pods.length === 0 ? { template: templatePod(draft(0)) } : {}),
  };
  return { workload, pods };
}

/** A workload's template as a pod no one runs (Workload.template): no IP, no node. */
function templatePod(d: PodDraft): Pod {
  const { declaredIP: _ip, declaredNodeName: _node, ...rest } = d;
  return { ...rest, nodeName: '', ip: '', ipDeclared: false };
}

/** Lab limit so a typo like `replicas: 100000` cannot freeze the page. */
const MAX_REPLICAS = 50;

/** Go's %#v of the *metav1.LabelSelector upstream prints for an empty selector. */
function goSelector(value: unknown): GoLiteral {
  const present = (k: string) => Array.isArray(field(value, k)) || (typeof field(value, k) === 'object' && field(value, k) !== null);
  const ml = present('matchLabels') ? 'map[string]string{}' : 'map[string]string(nil)';
  const me = present('matchExpressions') ? '[]v1.LabelSelectorRequirement{}' : '[]v1.LabelSelectorRequirement(nil)';
  return new GoLiteral(`&v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`);
}

/** Go's %v of a map[string]string, as upstream prints the template labels. */
function goMap(labels: Labels): GoLiteral {
  const body = Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(', ');
  return new GoLiteral(`map[string]string{${body}}`);
}
