/**
 * Builders for security/ tests. `pod()` writes a Pod manifest (or, for a template path, a
 * Deployment) with exactly the fields given and reads it through the engine's parser and normalizer
 * (testing/manifests.ts), so securityContext reading, hostPort defaulting and workload expansion
 * are part of every verdict. Image facts come from the engine's catalogue (image/catalogue), never
 * restated here; `image()` makes a synthetic image for USER/passwd rows.
 */
import type {
  Container, ContainerSecurityContext, ImageMeta, PasswdEntry, Pod, PodSecurityContext, SourceRef, Volume,
} from '../engine/model/index.js';
import { rootOnly } from '../engine/image/catalogue/passwd.js';
import { lookupImage } from '../engine/image/lookup.js';
import { load, type Manifest } from './manifests.js';

export const FILE = 'pod.yaml';
export const at = (...path: (string | number)[]): SourceRef => ({ file: FILE, doc: 0, path });

export interface ContainerInput {
  readonly name: string;
  readonly image?: string;
  readonly securityContext?: ContainerSecurityContext;
  /** Written as `ports: [{containerPort, hostPort}]` (hostPort 0 is the same as unset). */
  readonly hostPorts?: readonly number[];
  /** Written as `ports: [{containerPort}]`, no hostPort (with hostNetwork the API server defaults it). */
  readonly ports?: readonly number[];
}

export interface PodInput {
  readonly name?: string;
  readonly namespace?: string;
  readonly securityContext?: PodSecurityContext;
  readonly containers?: readonly ContainerInput[];
  readonly initContainers?: readonly ContainerInput[];
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  /** `type` is the volume source's key; the source gets the smallest valid body (VOLUME_SOURCES). */
  readonly volumes?: readonly { readonly name: string; readonly type: string }[];
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Path of the PodSpec: `['spec']` (a Pod, the default) or `['spec','template','spec']`, which
   * writes a Deployment named `name` whose one replica is the pod returned.
   */
  readonly specPath?: readonly (string | number)[];
}

/** The smallest body each volume source needs to pass validation. */
const VOLUME_SOURCES: Readonly<Record<string, object>> = {
  hostPath: { path: '/var/run/docker.sock' }, nfs: { server: 'nfs.example.com', path: '/exports' },
  configMap: { name: 'cm' }, secret: { secretName: 's' }, persistentVolumeClaim: { claimName: 'data' },
  csi: { driver: 'csi.example.com' }, projected: { sources: [] }, downwardAPI: { items: [] },
  ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } },
};

function containerManifest(c: ContainerInput): object {
  return {
    name: c.name, image: c.image ?? 'ubuntu',
    ...(c.hostPorts || c.ports ? {
      ports: [...(c.hostPorts ?? []).map((h) => ({ containerPort: h || 80, hostPort: h })), ...(c.ports ?? []).map((containerPort) => ({ containerPort }))],
    } : {}),
    ...(c.securityContext ? { securityContext: c.securityContext } : {}),
  };
}

/** The manifest `pod()` reads: a Pod, or a Deployment when `specPath` is a template's. */
export function podManifest(input: PodInput = {}): Manifest {
  const name = input.name ?? 'test-pod';
  const namespace = input.namespace ?? 'default';
  const spec = {
    ...(input.hostNetwork ? { hostNetwork: true } : {}),
    ...(input.hostPID ? { hostPID: true } : {}),
    ...(input.hostIPC ? { hostIPC: true } : {}),
    ...(input.securityContext ? { securityContext: input.securityContext } : {}),
    ...(input.initContainers ? { initContainers: input.initContainers.map(containerManifest) } : {}),
    containers: (input.containers ?? [{ name: 'app' }]).map(containerManifest),
    ...(input.volumes ? { volumes: input.volumes.map((v) => ({ name: v.name, [v.type]: VOLUME_SOURCES[v.type] ?? {} })) } : {}),
  };
  const annotations = input.annotations ? { annotations: input.annotations } : {};
  const template = input.specPath?.join('.') === 'spec.template.spec';
  if (!template && input.specPath && input.specPath.join('.') !== 'spec') throw new Error(`specPath ${input.specPath.join('.')} not supported`);
  if (!template) return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ...annotations }, spec };
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels, ...annotations }, spec } },
  };
}

/**
 * The Pod normalize/ makes of `podManifest(input)`; refs are in `pod.yaml`, document 0 (so
 * `at('spec','containers',0)` is the first container).
 */
export function pod(input: PodInput = {}): Pod {
  const p = load({ [FILE]: [podManifest(input)] }).scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}

/**
 * A Pod model object written directly, bypassing normalize/: only for properties over values the
 * normalizer would refuse (never-throws feeds the engine anything the model type can hold).
 * Verdict tables use `pod()`.
 */
export function modelPod(input: PodInput = {}): Pod {
  const spec = input.specPath ?? ['spec'];
  const volumes: Volume[] = (input.volumes ?? []).map((v, i) => ({ ...v, ref: at(...spec, 'volumes', i) }));
  const toContainer = (c: ContainerInput, kind: Container['kind'], list: string, index: number): Container => ({
    name: c.name, image: c.image ?? 'ubuntu', command: [], args: [], env: [], ports: [], volumeMounts: [],
    hostPorts: c.hostPorts ?? [], kind, ref: at(...spec, list, index),
    ...(c.securityContext ? { securityContext: c.securityContext } : {}),
  });
  return {
    namespace: input.namespace ?? 'default', name: input.name ?? 'test-pod', labels: {}, annotations: input.annotations ?? {},
    ip: '10.244.0.10', ipDeclared: false, nodeName: 'node01',
    hostNetwork: input.hostNetwork ?? false, hostPID: input.hostPID ?? false, hostIPC: input.hostIPC ?? false,
    containers: (input.containers ?? [{ name: 'app' }]).map((c, i) => toContainer(c, 'container', 'containers', i)),
    initContainers: (input.initContainers ?? []).map((c, i) => toContainer(c, 'initContainer', 'initContainers', i)),
    volumes, imagePullSecrets: [], serviceAccountName: 'default', ref: at(), specRef: at(...spec),
    ...(input.securityContext ? { securityContext: input.securityContext } : {}),
  };
}

/** The first container of a pod (throws in tests only, where a missing container is a test bug). */
export function first(p: Pod): Container {
  const c = p.containers[0];
  if (!c) throw new Error('pod has no container');
  return c;
}

/** A synthetic image: its USER and /etc/passwd (default: what the engine assumes for an unknown image, root only). */
export function image(user: string | undefined, passwd: readonly PasswdEntry[] = ROOT_ONLY): ImageMeta {
  return { ...(user !== undefined ? { user } : {}), passwd, source: 'catalogue' };
}

export const ROOT_ONLY: readonly PasswdEntry[] = rootOnly;

/** What the engine's catalogue knows of an image (its USER and /etc/passwd). */
function catalogued(ref: string): ImageMeta {
  const { meta } = lookupImage(ref);
  if (meta.source !== 'catalogue') throw new Error(`${ref} is not in the image catalogue`);
  return meta;
}

/** ubuntu:24.04 (no USER; 1000 is `ubuntu`, 1010 is nobody's), from the catalogue. */
export const UBUNTU = catalogued('ubuntu:24.04');
export const UBUNTU_PASSWD = UBUNTU.passwd;

/** nginx (no USER, root; `nginx` 101:101 exists for the workers), from the catalogue. */
export const NGINX = catalogued('nginx');
export const NGINX_PASSWD = NGINX.passwd;
/** nginxinc/nginx-unprivileged (USER 101), from the catalogue. */
export const NGINX_UNPRIVILEGED = catalogued('nginxinc/nginx-unprivileged');
