import { hexId } from '../encode.js';
import { isRecord } from '../objects.js';

/**
 * What the API server stores for a Pod: the object as submitted, defaulted as
 * k8s.io/kubernetes pkg/apis/core/v1/defaults.go (v1.30) SetDefaults_Pod / SetDefaults_PodSpec /
 * SetDefaults_Container / SetDefaults_ContainerPort / SetDefaults_Probe / SetDefaults_*VolumeSource
 * do, then mutated on create by the admission plugins a kubeadm cluster runs: ServiceAccount
 * (serviceAccountName `default`, the `kube-api-access-xxxxx` projected volume and its read-only
 * mount in every container), DefaultTolerationSeconds (not-ready/unreachable NoExecute 300s) and
 * Priority (priority 0, preemptionPolicy PreemptLowerPriority); the scheduler then binds nodeName.
 * Plain JSON in, plain JSON out (v1 field names); the input is not modified.
 */

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The kube-api-access volume's suffix: 5 characters of apimachinery's rand alphabet, stable per pod. */
export function apiAccessVolume(podKey: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const hex = hexId(`kube-api-access/${podKey}`, 10);
  let out = '';
  for (let i = 0; i < 5; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return `kube-api-access-${out}`;
}

/** SetDefaults_Container's pull policy: Always for `:latest` or no tag (and no digest), else IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  const tag = colon < 0 ? '' : last.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: unknown): unknown {
  if (!isRecord(p)) return p;
  const o: Obj = { ...p };
  o['timeoutSeconds'] ??= 1;
  o['periodSeconds'] ??= 10;
  o['successThreshold'] ??= 1;
  o['failureThreshold'] ??= 3;
  if (isRecord(o['httpGet'])) o['httpGet'] = { path: '/', scheme: 'HTTP', ...o['httpGet'] };
  return o;
}

function defaultContainer(c: unknown, hostNetwork: boolean): Obj {
  const o: Obj = { ...rec(c) };
  if (typeof o['image'] === 'string') o['imagePullPolicy'] ??= defaultPullPolicy(o['image']);
  o['terminationMessagePath'] ??= '/dev/termination-log';
  o['terminationMessagePolicy'] ??= 'File';
  o['resources'] ??= {};
  const res = rec(o['resources']);
  if (isRecord(res['limits']) && !isRecord(res['requests'])) o['resources'] = { ...res, requests: { ...res['limits'] } };
  if (Array.isArray(o['ports'])) {
    o['ports'] = o['ports'].map((pv) => {
      const port: Obj = { ...rec(pv) };
      port['protocol'] ??= 'TCP';
      if (hostNetwork) port['hostPort'] ??= port['containerPort'];
      return port;
    });
  }
  if (Array.isArray(o['env'])) {
    o['env'] = o['env'].map((ev) => {
      const e = rec(ev);
      const from = rec(e['valueFrom']);
      if (isRecord(from['fieldRef'])) return { ...e, valueFrom: { ...from, fieldRef: { apiVersion: 'v1', ...from['fieldRef'] } } };
      return e;
    });
  }
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (o[k] !== undefined) o[k] = defaultProbe(o[k]);
  return o;
}

function defaultVolume(v: unknown): Obj {
  const o: Obj = { ...rec(v) };
  const sources = Object.keys(o).filter((k) => k !== 'name');
  if (sources.length === 0) o['emptyDir'] = {};
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (isRecord(o[k])) o[k] = { defaultMode: 420, ...o[k] };
  }
  if (isRecord(o['hostPath'])) o['hostPath'] = { type: '', ...o['hostPath'] };
  if (isRecord(o['downwardAPI'])) {
    const d = rec(o['downwardAPI']);
    if (Array.isArray(d['items'])) o['downwardAPI'] = { ...d, items: d['items'].map((i) => (isRecord(i) && isRecord(i['fieldRef']) ? { ...i, fieldRef: { apiVersion: 'v1', ...i['fieldRef'] } } : i)) };
  }
  return o;
}

/** SetDefaults_PodSpec and friends, without admission (what an update is validated with). */
export function defaultPodSpec(specIn: unknown): Obj {
  const spec: Obj = { ...rec(specIn) };
  const hostNetwork = spec['hostNetwork'] === true;
  spec['dnsPolicy'] ??= 'ClusterFirst';
  spec['restartPolicy'] ??= 'Always';
  spec['securityContext'] ??= {};
  spec['terminationGracePeriodSeconds'] ??= 30;
  spec['schedulerName'] ??= 'default-scheduler';
  spec['enableServiceLinks'] ??= true;
  spec['containers'] = list(spec['containers']).map((c) => defaultContainer(c, hostNetwork));
  if (Array.isArray(spec['initContainers'])) spec['initContainers'] = spec['initContainers'].map((c) => defaultContainer(c, hostNetwork));
  if (Array.isArray(spec['volumes'])) spec['volumes'] = spec['volumes'].map(defaultVolume);
  if (typeof spec['serviceAccountName'] === 'string' && spec['serviceAccount'] === undefined) spec['serviceAccount'] = spec['serviceAccountName'];
  return spec;
}

const TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

/** Defaults plus what admission and the scheduler add to a pod at creation. */
export function admittedPodSpec(specIn: unknown, opts: { podKey: string; nodeName?: string; automount?: boolean }): Obj {
  const spec = defaultPodSpec(specIn);
  spec['serviceAccountName'] ??= 'default';
  spec['serviceAccount'] ??= spec['serviceAccountName'];
  spec['priority'] ??= 0;
  spec['preemptionPolicy'] ??= 'PreemptLowerPriority';
  const tolerations = list(spec['tolerations']).filter(isRecord);
  for (const t of TOLERATIONS) {
    if (!tolerations.some((x) => x['key'] === t.key && (x['effect'] === undefined || x['effect'] === t.effect))) tolerations.push({ ...t });
  }
  spec['tolerations'] = tolerations;
  if (opts.nodeName !== undefined && spec['nodeName'] === undefined) spec['nodeName'] = opts.nodeName;
  const automount = spec['automountServiceAccountToken'] !== false && opts.automount !== false;
  if (automount) {
    const volume = apiAccessVolume(opts.podKey);
    const mount = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume, readOnly: true };
    const addMount = (c: unknown): Obj => {
      const o = rec(c);
      const mounts = list(o['volumeMounts']).filter(isRecord);
      if (mounts.some((m) => m['mountPath'] === mount.mountPath)) return o;
      return { ...o, volumeMounts: [...mounts, { ...mount }] };
    };
    spec['containers'] = list(spec['containers']).map(addMount);
    if (Array.isArray(spec['initContainers'])) spec['initContainers'] = spec['initContainers'].map(addMount);
    const volumes = list(spec['volumes']).filter(isRecord);
    if (!volumes.some((v) => v['name'] === volume)) {
      volumes.push({
        name: volume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      });
    }
    spec['volumes'] = volumes;
  }
  return spec;
}

/** A pod as `kubectl get pod -o yaml` shows its spec: admitted, defaulted. */
export function serverPod(obj: Obj, opts: { podKey: string; nodeName?: string; automount?: boolean }): Obj {
  return { ...obj, spec: admittedPodSpec(obj['spec'], opts) };
}

/**
 * A pod template as stored in a workload: SetDefaults_PodSpec only (enableServiceLinks is
 * SetDefaults_Pod's, so it appears on the pods, not in templates), and the template's
 * ObjectMeta marshals its zero creationTimestamp as null.
 */
export function defaultPodTemplate(templateIn: unknown): Obj {
  const template = rec(templateIn);
  const spec = defaultPodSpec(template['spec']);
  if (rec(template['spec'])['enableServiceLinks'] === undefined) delete spec['enableServiceLinks'];
  return { ...template, metadata: { creationTimestamp: null, ...rec(template['metadata']) }, spec };
}

/** A pod template's spec in a workload as stored (defaults only; admission runs on the pods). */
export function defaultTemplate(obj: Obj): Obj {
  const spec = rec(obj['spec']);
  if (!isRecord(spec['template'])) return obj;
  return { ...obj, spec: { ...spec, template: defaultPodTemplate(spec['template']) } };
}
