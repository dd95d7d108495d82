/**
 * Builders for image-stage tests: the normalized model objects, constructed directly (no YAML).
 * `dockerRegistrySecret` builds what `kubectl create secret docker-registry` stores
 * (kubernetes/kubectl pkg/cmd/create/create_secret_docker.go handleDockerCfgJSONContent):
 * `{"auths":{SERVER:{"username","password","email","auth":base64(user:password)}}}`.
 */
import type {
  Cluster, Container, DockerConfigEntry, Pod, Registry, RegistryImage, Secret, ServiceAccount, SourceRef,
} from '../engine/model/index.js';

const at = (file: string, ...path: (string | number)[]): SourceRef => ({ file, doc: 0, path });

export function container(image: string, over: Partial<Container> = {}): Container {
  return {
    name: 'app', image, command: [], args: [], env: [], ports: [], volumeMounts: [], hostPorts: [],
    kind: 'container', ref: at('pod.yaml', 'spec', 'containers', 0), ...over,
  };
}

export function pod(over: Partial<Pod> & { image?: string } = {}): Pod {
  const { image, ...rest } = over;
  return {
    namespace: 'default', name: 'web', labels: {}, annotations: {}, ip: '10.244.0.10', ipDeclared: false, nodeName: 'node01',
    hostNetwork: false, hostPID: false, hostIPC: false,
    containers: [container(image ?? 'nginx')], initContainers: [], volumes: [], imagePullSecrets: [],
    serviceAccountName: 'default', ref: at('pod.yaml'), specRef: at('pod.yaml', 'spec'), ...rest,
  };
}

export function dockerRegistrySecret(
  name: string,
  o: { server?: string; username: string; password: string; email?: string; namespace?: string },
): Secret {
  // kubectl's default --docker-server.
  const server = o.server ?? 'https://index.docker.io/v1/';
  const auth = btoa(`${o.username}:${o.password}`);
  const json = JSON.stringify({ auths: { [server]: { username: o.username, password: o.password, ...(o.email ? { email: o.email } : {}), auth } } });
  const entry: DockerConfigEntry = {
    server, username: o.username, password: o.password, auth: { username: o.username, password: o.password },
    ...(o.email ? { email: o.email } : {}),
  };
  return {
    namespace: o.namespace ?? 'default', name, type: 'kubernetes.io/dockerconfigjson', keys: ['.dockerconfigjson'],
    data: { '.dockerconfigjson': json }, dockerConfig: [entry], ref: at('secret.yaml'),
  };
}

export function secret(name: string, over: Partial<Secret> = {}): Secret {
  return { namespace: 'default', name, type: 'Opaque', keys: [], data: {}, ref: at('secret.yaml'), ...over };
}

export function registry(server: string, over: Partial<Registry> & { images?: readonly RegistryImage[] } = {}): Registry {
  return { name: server, server, private: true, credentials: [], images: [], ref: at('registry.yaml'), ...over };
}

export function serviceAccount(name: string, imagePullSecrets: readonly string[], namespace = 'default'): ServiceAccount {
  return { namespace, name, imagePullSecrets, declared: true, ref: at('sa.yaml') };
}

export function cluster(over: Partial<Cluster> = {}): Cluster {
  return {
    config: { cni: 'calico', podCIDR: '10.244.0.0/16' },
    namespaces: [], pods: [], workloads: [], policies: [], secrets: [], serviceAccounts: [], services: [], endpoints: [], endpointSlices: [],
    externalHosts: [], registries: [], others: [], ...over,
  };
}

/** The course's private registry: `myprivateregistry.com:5000`, user dock_user / dock_password, holding nginx:alpine. */
export function coursePrivateRegistry(): Registry {
  return registry('myprivateregistry.com:5000', {
    credentials: [{ username: 'dock_user', password: 'dock_password' }],
    images: [{ repository: 'nginx', tags: ['alpine'] }],
  });
}

/** `kubectl create secret docker-registry private-reg-cred --docker-server=... --docker-username=dock_user ...` */
export function coursePullSecret(over: { server?: string; password?: string; namespace?: string; name?: string } = {}): Secret {
  return dockerRegistrySecret(over.name ?? 'private-reg-cred', {
    server: over.server ?? 'myprivateregistry.com:5000',
    username: 'dock_user',
    password: over.password ?? 'dock_password',
    email: 'dock_user@myprivateregistry.com',
    ...(over.namespace ? { namespace: over.namespace } : {}),
  });
}
