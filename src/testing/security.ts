/**
 * Builders for security/ tests: Pods, Containers and ImageMeta written directly, so these tests
 * depend neither on normalize/ nor on the image catalogue.
 */
import type {
  Container, ContainerSecurityContext, ImageMeta, PasswdEntry, Pod, PodSecurityContext, SourceRef, Volume,
} from '../engine/model/index.js';

export const FILE = 'pod.yaml';
export const at = (...path: (string | number)[]): SourceRef => ({ file: FILE, doc: 0, path });

export interface ContainerInput {
  readonly name: string;
  readonly image?: string;
  readonly securityContext?: ContainerSecurityContext;
  readonly hostPorts?: readonly number[];
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
  readonly volumes?: readonly { readonly name: string; readonly type: string }[];
  readonly annotations?: Readonly<Record<string, string>>;
  /** Path of the PodSpec; `['spec','template','spec']` for a workload template. */
  readonly specPath?: readonly (string | number)[];
}

function toContainer(input: ContainerInput, kind: Container['kind'], list: string, index: number, spec: readonly (string | number)[]): Container {
  return {
    name: input.name,
    image: input.image ?? 'ubuntu',
    command: [], args: [], env: [], ports: [], volumeMounts: [],
    hostPorts: input.hostPorts ?? [],
    kind,
    ref: at(...spec, list, index),
    ...(input.securityContext ? { securityContext: input.securityContext } : {}),
  };
}

/** A pod whose containers' refs are `spec.containers[i]` / `spec.initContainers[i]`. */
export function pod(input: PodInput = {}): Pod {
  const spec = input.specPath ?? ['spec'];
  const volumes: Volume[] = (input.volumes ?? []).map((v, i) => ({ ...v, ref: at(...spec, 'volumes', i) }));
  return {
    namespace: input.namespace ?? 'default',
    name: input.name ?? 'test-pod',
    labels: {},
    annotations: input.annotations ?? {},
    ip: '10.244.0.10',
    ipDeclared: false,
    nodeName: 'node01',
    hostNetwork: input.hostNetwork ?? false,
    hostPID: input.hostPID ?? false,
    hostIPC: input.hostIPC ?? false,
    containers: (input.containers ?? [{ name: 'app' }]).map((c, i) => toContainer(c, 'container', 'containers', i, spec)),
    initContainers: (input.initContainers ?? []).map((c, i) => toContainer(c, 'initContainer', 'initContainers', i, spec)),
    volumes,
    imagePullSecrets: [],
    serviceAccountName: 'default',
    ref: at(),
    specRef: at(...spec),
    ...(input.securityContext ? { securityContext: input.securityContext } : {}),
  };
}

/** The first container of a pod (throws in tests only, where a missing container is a test bug). */
export function first(p: Pod): Container {
  const c = p.containers[0];
  if (!c) throw new Error('pod has no container');
  return c;
}

export function image(user: string | undefined, passwd: readonly PasswdEntry[] = ROOT_ONLY): ImageMeta {
  return { ...(user !== undefined ? { user } : {}), passwd, source: 'catalogue' };
}

const pw = (name: string, uid: number, gid: number): PasswdEntry => ({ name, uid, gid });

export const ROOT_ONLY: readonly PasswdEntry[] = [pw('root', 0, 0)];

/** ubuntu:24.04 /etc/passwd (no USER): 1000 is `ubuntu`, 1010 is nobody's. */
export const UBUNTU_PASSWD: readonly PasswdEntry[] = [
  pw('root', 0, 0), pw('daemon', 1, 1), pw('bin', 2, 2), pw('sys', 3, 3), pw('sync', 4, 65534), pw('games', 5, 60),
  pw('man', 6, 12), pw('lp', 7, 7), pw('mail', 8, 8), pw('news', 9, 9), pw('uucp', 10, 10), pw('proxy', 13, 13),
  pw('www-data', 33, 33), pw('backup', 34, 34), pw('list', 38, 38), pw('irc', 39, 39), pw('_apt', 42, 65534),
  pw('nobody', 65534, 65534), pw('ubuntu', 1000, 1000),
];
export const UBUNTU = image(undefined, UBUNTU_PASSWD);

/** nginx: no USER (root); the `nginx` user 101:101 exists for the workers. */
export const NGINX_PASSWD: readonly PasswdEntry[] = [pw('root', 0, 0), pw('nobody', 65534, 65534), pw('nginx', 101, 101)];
export const NGINX = image(undefined, NGINX_PASSWD);
/** nginxinc/nginx-unprivileged: USER 101. */
export const NGINX_UNPRIVILEGED = image('101', NGINX_PASSWD);
