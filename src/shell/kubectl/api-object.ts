import type { PodReport } from '../../engine/index.js';
import { LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import { hexId } from '../encode.js';
import { isRecord } from '../objects.js';
import { CLUSTER_CREATED, replicaSetName, revisionsOf } from './cluster.js';
import { admittedPodSpec, defaultTemplate } from './defaults.js';
import type { Item } from './items.js';
import { endpointSubsets, slicePorts } from './printers.js';
import { apiVersionOf, resourceByKind } from './resources.js';

const apiVersionOfKind = (kind: string): string => {
  const t = resourceByKind(kind);
  return t ? apiVersionOf(t) : 'v1';
};

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The annotation kubectl apply (and create --save-config) keeps on the object
 * (k8s.io/kubectl pkg/util/apply.go GetModifiedConfiguration): the applied object with its own
 * annotations map (this one removed, so `"annotations":{}` when there were none) and the
 * namespace the builder set, encoded as JSON with sorted keys and a trailing newline.
 */
function lastAppliedAnnotation(ctx: Ctx, item: Item): string | undefined {
  const raw = ctx.runtime.applied[`${item.type.kind}/${item.namespace ?? ''}/${item.name}`];
  return raw ? lastAppliedOf(rec(JSON.parse(raw)), item.namespace) : undefined;
}

/** The last-applied-configuration value for an object applied in `namespace` (undefined: cluster-scoped). */
export function lastAppliedOf(obj: Record<string, unknown>, namespace: string | undefined): string {
  const meta = { ...rec(obj['metadata']) };
  const annotations = { ...rec(meta['annotations']) };
  delete annotations[LAST_APPLIED];
  meta['annotations'] = annotations;
  if (namespace !== undefined) meta['namespace'] = namespace;
  return `${JSON.stringify(sortKeys({ ...obj, metadata: meta }))}\n`;
}

/** A stable UUID (v4 layout) per object. */
export function uidOf(seed: string): string {
  const h = hexId(`uid/${seed}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function resourceVersion(seed: string): string {
  return String(1000 + (parseInt(hexId(`rv/${seed}`, 8), 16) % 90000));
}

function podStatus(p: PodReport, created: number): Record<string, unknown> {
  const running = p.status === 'Running';
  const start = rfc3339(created);
  const ready = p.containers.every((c) => c.state === 'Running') && p.initContainers.every((c) => c.state === 'Running');
  const state = (c: PodReport['containers'][number]) => (c.state === 'Running'
    ? { running: { startedAt: rfc3339(created + 5000) } }
    : { waiting: { ...(c.message ? { message: c.message } : {}), reason: c.state } });
  const status = (c: PodReport['containers'][number]) => ({
    containerID: c.state === 'Running' ? `containerd://${hexId(`${p.key}/${c.container.name}`)}` : undefined,
    image: c.image.ref?.reference ?? c.container.image,
    imageID: c.state === 'Running' && c.image.ref ? `${c.image.ref.registry}/${c.image.ref.repository}@sha256:${hexId(c.image.ref.reference)}` : '',
    lastState: {},
    name: c.container.name,
    ready: c.state === 'Running',
    restartCount: 0,
    started: c.state === 'Running',
    state: state(c),
  });
  const node = p.pod.nodeName;
  const cond = (type: string, ok: boolean) => ({ lastProbeTime: null, lastTransitionTime: start, status: ok ? 'True' : 'False', type });
  return {
    conditions: [cond('PodReadyToStartContainers', true), cond('Initialized', p.initContainers.every((c) => c.state === 'Running')), cond('Ready', ready), cond('ContainersReady', ready), cond('PodScheduled', true)],
    containerStatuses: p.containers.map(status),
    ...(p.initContainers.length ? { initContainerStatuses: p.initContainers.map(status) } : {}),
    hostIP: hostIp(p, node),
    hostIPs: [{ ip: hostIp(p, node) }],
    phase: running ? 'Running' : 'Pending',
    podIP: p.pod.ip,
    podIPs: [{ ip: p.pod.ip }],
    qosClass: 'BestEffort',
    startTime: start,
  };
}

let nodeIps: ReadonlyMap<string, string> = new Map();
function hostIp(p: PodReport, node: string): string {
  return nodeIps.get(node) ?? (p.pod.hostNetwork ? p.pod.ip : '');
}

/**
 * The object as the API server returns it (`kubectl get -o yaml|json`, jsonpath, custom-columns):
 * what was written, plus metadata the server sets, the defaulted and admitted spec, and a status
 * from the engine's verdict. Objects without a document (workload pods, the cluster's own) are
 * built from the engine's model.
 */
export function apiObject(item: Item, ctx: Ctx): Record<string, unknown> {
  nodeIps = new Map(ctx.analysis().nodes.map((n) => [n.name, n.ip]));
  const type = item.type;
  const seed = `${type.kind}/${item.namespace ?? ''}/${item.name}`;
  const base: Record<string, unknown> = item.raw ? structuredClone(item.raw) : { apiVersion: apiVersionOf(type), kind: type.kind, metadata: { name: item.name } };
  const meta: Record<string, unknown> = { ...rec(base['metadata']) };
  base['metadata'] = meta;
  if (item.namespace !== undefined) meta['namespace'] = item.namespace;
  if (Object.keys(item.labels).length && !isRecord(meta['labels'])) meta['labels'] = { ...item.labels };
  meta['creationTimestamp'] = rfc3339(item.created);
  meta['resourceVersion'] = resourceVersion(seed);
  meta['uid'] = uidOf(seed);
  const lastApplied = lastAppliedAnnotation(ctx, item);
  if (lastApplied !== undefined) meta['annotations'] = { ...rec(meta['annotations']), [LAST_APPLIED]: lastApplied };
  if (item.pod) {
    const p = item.pod;
    if (!item.raw) {
      base['spec'] = {
        containers: p.pod.containers.map((c) => ({
          name: c.name, image: c.image,
          ...(c.command.length ? { command: [...c.command] } : {}), ...(c.args.length ? { args: [...c.args] } : {}),
          ...(c.ports.length ? { ports: c.ports.map((pt) => ({ containerPort: pt.containerPort, ...(pt.name ? { name: pt.name } : {}), protocol: pt.protocol })) } : {}),
          ...(c.env.length ? { env: c.env.map((e) => ({ name: e.name, value: e.value })) } : {}),
        })),
        ...(p.pod.hostNetwork ? { hostNetwork: true } : {}),
        ...(p.pod.serviceAccountName !== 'default' ? { serviceAccountName: p.pod.serviceAccountName } : {}),
      };
      if (p.pod.owner) {
        const kind = p.pod.owner.kind === 'Deployment' ? 'ReplicaSet' : p.pod.owner.kind;
        meta['ownerReferences'] = [{ apiVersion: kind === 'Node' ? 'v1' : 'apps/v1', blockOwnerDeletion: true, controller: true, kind, name: p.pod.owner.name, uid: uidOf(`${kind}/${p.pod.namespace}/${p.pod.owner.name}`) }];
      }
    }
    base['spec'] = admittedPodSpec(base['spec'], { podKey: p.key, nodeName: p.pod.nodeName });
    base['status'] = podStatus(p, item.created);
  } else if (item.node) {
    const n = item.node;
    base['metadata'] = { ...meta, annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' }, labels: { ...n.labels } };
    base['spec'] = { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR], ...(n.taints.length ? { taints: n.taints.map((t) => ({ effect: t.effect, key: t.key, ...(t.value ? { value: t.value } : {}) })) } : {}) };
    base['status'] = {
      addresses: [{ address: n.ip, type: 'InternalIP' }, { address: n.name, type: 'Hostname' }],
      allocatable: { cpu: '2', 'ephemeral-storage': '19586931083', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3903356Ki', pods: '110' },
      capacity: { cpu: '2', 'ephemeral-storage': '20134592Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005756Ki', pods: '110' },
      conditions: [{ lastHeartbeatTime: rfc3339(LAB_NOW - 115000), lastTransitionTime: rfc3339(CLUSTER_CREATED + 73000), message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' }],
      nodeInfo: { architecture: n.architecture, containerRuntimeVersion: n.containerRuntime, kernelVersion: n.kernelVersion, kubeProxyVersion: n.kubeletVersion, kubeletVersion: n.kubeletVersion, operatingSystem: 'linux', osImage: n.osImage },
    };
  } else if (item.event) {
    const e = item.event;
    return sortKeys({
      apiVersion: 'v1', count: e.count, firstTimestamp: rfc3339(e.first), involvedObject: { apiVersion: apiVersionOfKind(e.object.kind), kind: e.object.kind, name: e.object.name, namespace: e.object.namespace, ...(e.object.fieldPath ? { fieldPath: e.object.fieldPath } : {}) },
      kind: 'Event', lastTimestamp: rfc3339(e.last), message: e.message, metadata: { creationTimestamp: rfc3339(e.first), name: e.name, namespace: e.namespace, resourceVersion: resourceVersion(e.name), uid: uidOf(e.name) },
      reason: e.reason, reportingComponent: e.component, reportingInstance: e.host, source: { component: e.component, ...(e.host && e.component === 'kubelet' ? { host: e.host } : {}) }, type: e.type,
    }) as Record<string, unknown>;
  } else if (item.service && type.kind === 'Service') {
    const s = item.service;
    const spec = rec(base['spec']);
    base['spec'] = {
      ...spec,
      ...(s.clusterIP !== '' ? { clusterIP: s.clusterIP, clusterIPs: [s.clusterIP] } : {}),
      ...(s.type !== 'ExternalName' ? { internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } : {}),
      ...(s.type === 'NodePort' || s.type === 'LoadBalancer' ? { externalTrafficPolicy: 'Cluster' } : {}),
      ...(s.ports.length ? { ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), ...(p.nodePort ? { nodePort: p.nodePort } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort })) } : {}),
      ...(s.selector ? { selector: { ...s.selector } } : {}),
      sessionAffinity: typeof spec['sessionAffinity'] === 'string' ? spec['sessionAffinity'] : 'None',
      type: s.type,
    };
    base['status'] = { loadBalancer: {} };
  } else if (item.service && type.kind === 'Endpoints') {
    const subsets = endpointSubsets(item.service).map((ss) => ({
      ...(ss.addresses.length ? { addresses: ss.addresses.map((a) => ({ ip: a.ip, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ...(a.pod ? { targetRef: { kind: 'Pod', name: a.pod.split('/')[1], namespace: a.pod.split('/')[0] } } : {}) })) } : {}),
      ...(ss.notReady.length ? { notReadyAddresses: ss.notReady.map((a) => ({ ip: a.ip, ...(a.nodeName ? { nodeName: a.nodeName } : {}) })) } : {}),
      ...(ss.ports.length ? { ports: ss.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })) } : {}),
    }));
    if (subsets.length) base['subsets'] = subsets;
  } else if (item.service && type.kind === 'EndpointSlice') {
    const s = item.service;
    base['addressType'] = 'IPv4';
    base['endpoints'] = s.backends.map((b) => ({ addresses: [b.ip], conditions: { ready: b.ready, serving: b.ready, terminating: false }, ...(b.nodeName ? { nodeName: b.nodeName } : {}), ...(b.pod ? { targetRef: { kind: 'Pod', name: b.pod.split('/')[1], namespace: b.pod.split('/')[0] } } : {}) }));
    base['ports'] = slicePorts(s).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol }));
  } else if (type.kind === 'Namespace') {
    // The API server labels every namespace with its name and gives it the kubernetes finalizer.
    meta['labels'] = { ...rec(meta['labels']), 'kubernetes.io/metadata.name': item.name };
    base['spec'] = { finalizers: ['kubernetes'] };
    base['status'] = { phase: 'Active' };
  } else if (item.raw && type.kind === 'NetworkPolicy') {
    // SetDefaults_NetworkPolicy (pkg/apis/networking/v1/defaults.go): no policyTypes ⇒ [Ingress],
    // plus Egress when spec.egress is non-empty; stored so, as get -o yaml shows it.
    const spec = rec(base['spec']);
    const policy = ctx.analysis().policies.find((x) => x.key === `${item.namespace ?? ''}/${item.name}`);
    if (policy && !(Array.isArray(spec['policyTypes']) && spec['policyTypes'].length > 0)) base['spec'] = { ...spec, policyTypes: [...policy.policy.policyTypes] };
  } else if (item.raw && type.kind === 'Deployment') {
    return sortKeys(serverDeployment(ctx, item, defaultTemplate(base))) as Record<string, unknown>;
  } else if (item.raw && type.kind === 'ReplicaSet') {
    return sortKeys(serverReplicaSet(item, defaultTemplate(base))) as Record<string, unknown>;
  } else if (item.raw && ['StatefulSet', 'DaemonSet', 'Job'].includes(type.kind)) {
    return sortKeys(defaultTemplate(base)) as Record<string, unknown>;
  }
  return sortKeys(base) as Record<string, unknown>;
}

const readyPods = (item: Item) => (item.pods ?? []).filter((p) => p.containers.every((c) => c.state === 'Running') && p.initContainers.every((c) => c.state === 'Running')).length;

/**
 * A Deployment as the API server and its controller keep it: SetDefaults_Deployment
 * (progressDeadlineSeconds 600, revisionHistoryLimit 10, RollingUpdate 25%/25%), the revision
 * annotation, a generation per revision, and the status the controller writes (conditions with
 * the deployment controller's reasons and messages, pkg/controller/deployment/sync.go).
 */
function serverDeployment(ctx: Ctx, item: Item, obj: Record<string, unknown>): Record<string, unknown> {
  const meta = rec(obj['metadata']);
  const spec = rec(obj['spec']);
  const revs = revisionsOf(ctx, 'Deployment', item.namespace ?? 'default', item.name);
  const revision = revs[revs.length - 1]?.revision ?? 1;
  const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
  const strategy = rec(spec['strategy']);
  const type = typeof strategy['type'] === 'string' ? strategy['type'] : 'RollingUpdate';
  const ru = rec(strategy['rollingUpdate']);
  const pods = item.pods ?? [];
  const ready = readyPods(item);
  const ok = ready >= replicas;
  const at = rfc3339(item.created);
  const rs = replicaSetName(ctx, item.namespace ?? 'default', item.name);
  const cond = (t: string, status: boolean, reason: string, message: string) => ({ lastTransitionTime: at, lastUpdateTime: at, message, reason, status: status ? 'True' : 'False', type: t });
  return {
    ...obj,
    metadata: { ...meta, annotations: { ...rec(meta['annotations']), 'deployment.kubernetes.io/revision': String(revision) }, generation: revision },
    spec: {
      ...spec,
      progressDeadlineSeconds: spec['progressDeadlineSeconds'] ?? 600,
      replicas,
      revisionHistoryLimit: spec['revisionHistoryLimit'] ?? 10,
      strategy: type === 'RollingUpdate' ? { rollingUpdate: { maxSurge: ru['maxSurge'] ?? '25%', maxUnavailable: ru['maxUnavailable'] ?? '25%' }, type } : { type },
    },
    status: {
      ...(ready ? { availableReplicas: ready } : {}),
      conditions: ok
        ? [cond('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.'), cond('Progressing', true, 'NewReplicaSetAvailable', `ReplicaSet "${rs}" has successfully progressed.`)]
        : [cond('Available', false, 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'), cond('Progressing', true, 'ReplicaSetUpdated', `ReplicaSet "${rs}" is progressing.`)],
      observedGeneration: revision,
      ...(ready ? { readyReplicas: ready } : {}),
      ...(pods.length ? { replicas: pods.length, updatedReplicas: pods.length } : {}),
      ...(pods.length - ready > 0 ? { unavailableReplicas: pods.length - ready } : {}),
    },
  };
}

/** A Deployment's ReplicaSet (items.ts writes its object): the status its controller reports. */
function serverReplicaSet(item: Item, obj: Record<string, unknown>): Record<string, unknown> {
  const pods = item.pods ?? [];
  const ready = readyPods(item);
  return {
    ...obj,
    metadata: { ...rec(obj['metadata']), generation: 1 },
    status: { ...(ready ? { availableReplicas: ready } : {}), ...(pods.length ? { fullyLabeledReplicas: pods.length } : {}), observedGeneration: 1, ...(ready ? { readyReplicas: ready } : {}), replicas: pods.length },
  };
}

/** sigs.k8s.io/yaml goes through JSON maps: kubectl's -o yaml has every mapping's keys sorted. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isRecord(v)) return Object.fromEntries(Object.keys(v).filter((k) => v[k] !== undefined).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** The List kubectl wraps several objects in for -o yaml/json/jsonpath. */
export function apiList(items: Record<string, unknown>[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
