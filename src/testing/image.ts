/**
 * Builders for image-stage tests. Each writes a manifest — Pod, Deployment, Secret, ServiceAccount,
 * lab/v1 Registry — with exactly the fields stated, and `normalized()` reads them through the
 * engine's parser and normalizer (testing/manifests.ts): base64 and docker config decoding, the
 * Registry's `private` default, ServiceAccount and pod defaults are all part of every pull verdict.
 * `dockerRegistrySecret` writes what `kubectl create secret docker-registry` stores
 * (kubernetes/kubectl pkg/cmd/create/create_secret_docker.go handleDockerCfgJSONContent):
 * `{"auths":{SERVER:{"username","password","email","auth":base64(user:password)}}}`, base64 in `data`.
 */
import type { Cluster, Pod } from '../engine/model/index.js';
import { load, type Manifest } from './manifests.js';

export type { Manifest } from './manifests.js';

export interface ContainerOptions { readonly name?: string; readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never' }

/** A container as written (name `app` unless given). */
export function container(image: string, over: ContainerOptions = {}): object {
  return { name: over.name ?? 'app', image, ...(over.imagePullPolicy ? { imagePullPolicy: over.imagePullPolicy } : {}) };
}

export interface PodOptions {
  readonly name?: string;
  readonly namespace?: string;
  /** The one container's image (nginx unless given); or `containers`. */
  readonly image?: string;
  readonly containers?: readonly object[];
  readonly imagePullSecrets?: readonly string[];
  readonly serviceAccountName?: string;
}

function podSpec(o: PodOptions): object {
  return {
    ...(o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {}),
    ...(o.imagePullSecrets ? { imagePullSecrets: o.imagePullSecrets.map((name) => ({ name })) } : {}),
    containers: o.containers ?? [container(o.image ?? 'nginx')],
  };
}

/** A Pod manifest `web` in `default` with one nginx container unless stated otherwise. */
export function pod(o: PodOptions = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: o.name ?? 'web', namespace: o.namespace ?? 'default' }, spec: podSpec(o) };
}

/** A Deployment manifest: its pods carry the template's spec and the Deployment as owner. */
export function deployment(name: string, replicas: number, o: PodOptions = {}): Manifest {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: o.namespace ?? 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec(o) } },
  };
}

export interface DockerCredential { readonly server?: string; readonly username: string; readonly password: string; readonly email?: string }

/** The JSON kubectl writes for one credential; `legacy` is the `.dockercfg` form (no `auths` wrapper). */
export function dockerConfigJson(o: DockerCredential, legacy = false): string {
  // kubectl's default --docker-server.
  const server = o.server ?? 'https://index.docker.io/v1/';
  const entry = { username: o.username, password: o.password, ...(o.email ? { email: o.email } : {}), auth: btoa(`${o.username}:${o.password}`) };
  return JSON.stringify(legacy ? { [server]: entry } : { auths: { [server]: entry } });
}

export interface SecretOptions {
  readonly namespace?: string;
  /** Omitted ⇒ not written (the API server's default, Opaque). */
  readonly type?: string;
  /** Plain text; written base64-encoded under `data`, as kubectl does. */
  readonly data?: Readonly<Record<string, string>>;
}

export function secret(name: string, o: SecretOptions = {}): Manifest {
  const data = Object.fromEntries(Object.entries(o.data ?? {}).map(([k, v]) => [k, btoa(v)]));
  return {
    apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: o.namespace ?? 'default' },
    ...(o.type ? { type: o.type } : {}), ...(Object.keys(data).length > 0 ? { data } : {}),
  };
}

/** `kubectl create secret docker-registry NAME --docker-server … --docker-username … --docker-password … [--docker-email …]`. */
export function dockerRegistrySecret(name: string, o: DockerCredential & { namespace?: string }): Manifest {
  return secret(name, {
    type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': dockerConfigJson(o) },
    ...(o.namespace ? { namespace: o.namespace } : {}),
  });
}

/** A legacy `kubernetes.io/dockercfg` secret: key `.dockercfg`, `{SERVER: entry}` (pkg/credentialprovider config.go). */
export function dockerCfgSecret(name: string, o: DockerCredential & { namespace?: string }): Manifest {
  return secret(name, {
    type: 'kubernetes.io/dockercfg', data: { '.dockercfg': dockerConfigJson(o, true) },
    ...(o.namespace ? { namespace: o.namespace } : {}),
  });
}

export interface RegistryOptions {
  /** Omitted ⇒ not written (lab/v1 default: private). */
  readonly private?: boolean;
  readonly credentials?: readonly { readonly username: string; readonly password: string }[];
  /** `tags` omitted ⇒ not written (lab rule: only `latest`). */
  readonly images?: readonly { readonly repository: string; readonly tags?: readonly string[]; readonly user?: string }[];
}

/** A lab/v1 Registry for `server`; its object name is the server with `:` made `-` (a DNS subdomain). */
export function registry(server: string, o: RegistryOptions = {}): Manifest {
  return {
    apiVersion: 'lab/v1', kind: 'Registry', metadata: { name: server.toLowerCase().replace(/[^a-z0-9.-]/g, '-') },
    spec: {
      server,
      ...(o.private !== undefined ? { private: o.private } : {}),
      ...(o.credentials ? { credentials: o.credentials } : {}),
      ...(o.images ? { images: o.images } : {}),
    },
  };
}

export function serviceAccount(name: string, imagePullSecrets: readonly string[], namespace = 'default'): Manifest {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace }, imagePullSecrets: imagePullSecrets.map((n) => ({ name: n })) };
}

/** The manifests of a scenario, by kind. */
export interface Scenario {
  readonly registries?: readonly Manifest[];
  readonly secrets?: readonly Manifest[];
  readonly serviceAccounts?: readonly Manifest[];
  readonly pods?: readonly Manifest[];
}

/** A scenario's manifests (read by `normalized()`). */
export function cluster(s: Scenario = {}): Scenario {
  return s;
}

/**
 * The normalized cluster of a scenario plus `subject` (first in pod.yaml, so its refs are
 * `pod.yaml` document 0), and the pods `subject` became (one for a Pod, the replicas of a
 * Deployment). The cluster includes the implicit system objects, as analyze() hands it to image/.
 */
export function normalized(s: Scenario, subject?: Manifest): { cluster: Cluster; pods: Pod[] } {
  const { full } = load({
    'pod.yaml': [...(subject ? [subject] : []), ...(s.pods ?? [])],
    'secrets.yaml': s.secrets ?? [],
    'serviceaccounts.yaml': s.serviceAccounts ?? [],
    'registries.yaml': s.registries ?? [],
  });
  if (!subject) return { cluster: full, pods: [] };
  const { namespace = 'default', name } = subject.metadata;
  const mine = (p: Pod) => p.namespace === namespace && p.ref.file === 'pod.yaml' && p.ref.doc === 0 && (p.name === name || p.owner?.name === name);
  return { cluster: full, pods: full.pods.filter(mine) };
}

/** The course's private registry: `myprivateregistry.com:5000`, user dock_user / dock_password, holding nginx:alpine. */
export function coursePrivateRegistry(): Manifest {
  return registry('myprivateregistry.com:5000', {
    credentials: [{ username: 'dock_user', password: 'dock_password' }],
    images: [{ repository: 'nginx', tags: ['alpine'] }],
  });
}

/** `kubectl create secret docker-registry private-reg-cred --docker-server=... --docker-username=dock_user ...` */
export function coursePullSecret(over: { server?: string; password?: string; namespace?: string; name?: string } = {}): Manifest {
  return dockerRegistrySecret(over.name ?? 'private-reg-cred', courseCredential(over));
}

/** The course's credential (server, user, password, email) as `--docker-*` flags give it. */
export function courseCredential(over: { server?: string; password?: string; namespace?: string } = {}): DockerCredential & { namespace?: string } {
  return {
    server: over.server ?? 'myprivateregistry.com:5000',
    username: 'dock_user',
    password: over.password ?? 'dock_password',
    email: 'dock_user@myprivateregistry.com',
    ...(over.namespace ? { namespace: over.namespace } : {}),
  };
}
