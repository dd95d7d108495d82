/**
 * Builders of Analysis objects for UI tests (src/ui/**). They do not run the engine: each test
 * states exactly the facts the view should show, so a view test cannot pass because of the
 * engine and cannot fail because another stage is still being written.
 */
import type {
  Analysis, Container, ContainerReport, ContainerState, DirectionExplanation, Endpoint, Explanation,
  ExternalHost, ImageReport, Labels, Namespace, NetworkAnalysis, Pod, PodReport, PortProto, Protocol,
  SecurityReport, SourceRef,
} from '../engine/model/index.js';
import { DEFAULT_CAPABILITIES } from '../engine/security/capabilities/table.js';
import { EMPTY_ADMISSION } from '../engine/admission/index.js';
import { podServiceAccount } from '../engine/rbac/tokens.js';

export const ref = (file: string, ...path: (string | number)[]): SourceRef => ({ file, doc: 0, path });

export function container(name: string, image = 'nginx', over: Partial<Container> = {}): Container {
  return {
    name, image, command: [], args: [], env: [], ports: [], volumeMounts: [], hostPorts: [],
    kind: 'container', ref: ref('pods.yaml', 'spec', 'containers', 0), ...over,
  };
}

export function securityReport(over: Partial<SecurityReport> = {}): SecurityReport {
  return {
    identity: { uid: 0, gid: 0, username: 'root', uidFrom: 'default', gidFrom: 'default', groups: [] },
    nonRoot: { required: false, requiredFrom: null, ok: true, message: null },
    capabilities: {
      bounding: DEFAULT_CAPS, effective: DEFAULT_CAPS, added: [], dropped: [], privileged: false, unknown: [],
    },
    privileged: false, allowPrivilegeEscalation: true, noNewPrivs: false, readOnlyRootFilesystem: false,
    seccomp: { requested: 'Unconfined', from: 'default', localhostProfile: null, file: null, applied: 'Unconfined', mode: 0, error: null },
    appArmor: { requested: 'RuntimeDefault', from: 'default', localhostProfile: null, applied: 'cri-containerd.apparmor.d' },
    ...over,
  };
}

/** The engine's default capability set (sorted, as reports list it): not restated here. */
export const DEFAULT_CAPS: readonly string[] = [...DEFAULT_CAPABILITIES].sort();

export function imageReport(original = 'nginx', over: Partial<ImageReport> = {}): ImageReport {
  return {
    ref: {
      original, reference: `docker.io/library/${original}:latest`, registry: 'docker.io',
      repository: `library/${original}`, tag: 'latest', digest: null, familiar: `${original}:latest`,
    },
    pull: {
      state: 'Pulled', credentials: null, cause: null, message: null, attempts: [{ secret: null, server: null, ok: true }],
      imagePullPolicy: 'Always', secrets: [],
    },
    meta: { passwd: [{ name: 'root', uid: 0, gid: 0 }], source: 'catalogue' },
    source: ref('pods.yaml', 'spec', 'containers', 0, 'image'),
    ...over,
  };
}

export function containerReport(over: Partial<ContainerReport> & { state?: ContainerState } = {}): ContainerReport {
  return {
    container: container('app'), image: imageReport(), security: securityReport(), state: 'Running', message: null,
    ...over,
  };
}

export interface PodSpec {
  /** `namespace/name` */
  readonly key: string;
  readonly labels?: Labels;
  readonly ip?: string;
  readonly hostNetwork?: boolean;
  readonly containers?: readonly ContainerReport[];
  readonly initContainers?: readonly ContainerReport[];
  readonly status?: string;
  /** Ports the pod lists as a destination (portsOf). */
  readonly ports?: readonly PortProto[];
  readonly isolation?: { readonly ingress?: readonly string[]; readonly egress?: readonly string[] };
  readonly pss?: PodReport['pss'];
}

export interface UiScenario {
  readonly namespaces?: readonly { readonly name: string; readonly labels?: Labels }[];
  readonly pods?: readonly PodSpec[];
  readonly externals?: readonly { readonly name: string; readonly ip: string; readonly ports?: readonly PortProto[] }[];
  /** Flows allowed, as `from->to@port/PROTO`; every other flow is denied. */
  readonly allow?: readonly string[];
  readonly enforcing?: boolean;
  /** Every numeric port policies name (added to each destination's ports, and to allPorts). */
  readonly policyPorts?: readonly PortProto[];
  readonly explain?: (from: string, to: string, port: number, protocol: Protocol) => Explanation | null;
}

const split = (key: string): [string, string] => {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
};

const byPort = (a: PortProto, b: PortProto) => a.protocol.localeCompare(b.protocol) || a.port - b.port;

function uniquePorts(list: readonly PortProto[]): PortProto[] {
  const seen = new Map<string, PortProto>();
  for (const p of list) seen.set(`${p.port}/${p.protocol}`, { port: p.port, protocol: p.protocol });
  return [...seen.values()].sort(byPort);
}

export function buildAnalysis(s: UiScenario): Analysis {
  const podSpecs = s.pods ?? [];
  const nsNames = new Set<string>(['default', ...(s.namespaces ?? []).map((n) => n.name), ...podSpecs.map((p) => split(p.key)[0])]);
  const namespaces: Namespace[] = [...nsNames].sort().map((name) => {
    const declared = (s.namespaces ?? []).find((n) => n.name === name);
    return {
      name, declared: declared !== undefined,
      labels: { 'kubernetes.io/metadata.name': name, ...(declared?.labels ?? {}) },
    };
  });
  const pods: PodReport[] = podSpecs.map((p, i) => {
    const [namespace, name] = split(p.key);
    const containers = p.containers ?? [containerReport()];
    const initContainers = p.initContainers ?? [];
    const pod: Pod = {
      namespace, name, labels: p.labels ?? {}, annotations: {}, ip: p.ip ?? `10.244.0.${i + 10}`, ipDeclared: false, nodeName: 'node01',
      hostNetwork: p.hostNetwork ?? false, hostPID: false, hostIPC: false,
      containers: containers.map((c) => c.container), initContainers: initContainers.map((c) => c.container),
      volumes: [], imagePullSecrets: [], serviceAccountName: 'default',
      ref: ref('pods.yaml'), specRef: ref('pods.yaml', 'spec'),
    };
    return {
      key: p.key, pod, containers, initContainers,
      status: p.status ?? containers.find((c) => c.state !== 'Running')?.state ?? 'Running',
      ready: `${containers.filter((c) => c.state === 'Running').length}/${containers.length}`,
      pss: p.pss ?? { level: 'restricted', violations: [] },
      serviceAccount: podServiceAccount(pod, []),
    };
  });
  const externalHosts: ExternalHost[] = (s.externals ?? []).map((e, i) => ({
    name: e.name, ip: e.ip, ports: e.ports ?? [], labels: {}, ref: ref('hosts.yaml', i),
  }));
  const endpoints: Endpoint[] = [
    ...pods.map((p, index): Endpoint => ({ id: p.key, kind: 'pod', ip: p.pod.ip, namespace: p.pod.namespace, name: p.pod.name, index })),
    ...externalHosts.map((e, index): Endpoint => ({ id: e.ip, kind: 'external', ip: e.ip, name: e.name, index })),
  ];
  const allow = new Set(s.allow ?? []);
  const enforcing = s.enforcing ?? true;
  const policyPorts = s.policyPorts ?? [];
  const portsOf = (to: string): PortProto[] => {
    const pod = podSpecs.find((p) => p.key === to);
    const ext = (s.externals ?? []).find((e) => e.ip === to);
    return uniquePorts([...(pod?.ports ?? ext?.ports ?? []), ...policyPorts]);
  };
  const allowed = (from: string, to: string, port: number, protocol: Protocol) =>
    !enforcing || allow.has(`${from}->${to}@${port}/${protocol}`);
  const network: NetworkAnalysis = {
    endpoints, enforcing,
    endpoint: (id) => endpoints.find((e) => e.id === id),
    isolation: (id) => {
      const iso = podSpecs.find((p) => p.key === id)?.isolation;
      return { ingress: iso?.ingress ?? [], egress: iso?.egress ?? [] };
    },
    selectedBy: () => [],
    allowed,
    explain: (from, to, port, protocol) => s.explain?.(from, to, port, protocol)
      ?? explanation({ from, to, port, protocol, allowed: allowed(from, to, port, protocol), enforced: enforcing }),
    explainToAddress: (from, ip, port, protocol) => explanation({ from, to: ip, port, protocol, allowed: allowed(from, ip, port, protocol), enforced: enforcing }),
    explainIngressFromAddress: (ip, to) => directionExplanation({ direction: 'Ingress', subject: to, remote: ip }),
    explainIcmp: (from, to) => ({
      allowed: !enforcing || allow.has(`${from}->${to}@ICMP`), enforced: enforcing,
      egress: directionExplanation({ direction: 'Egress', subject: from }),
      ingress: directionExplanation({ direction: 'Ingress', subject: to }),
    }),
    portsOf,
    allPorts: () => uniquePorts([...podSpecs.flatMap((p) => p.ports ?? []), ...(s.externals ?? []).flatMap((e) => e.ports ?? []), ...policyPorts]),
    connectivity: () => endpoints.flatMap((a) => endpoints
      .filter((b) => b.id !== a.id && !(a.kind === 'external' && b.kind === 'external'))
      .flatMap((b) => portsOf(b.id).map((p) => ({ from: a.id, to: b.id, ...p, allowed: allowed(a.id, b.id, p.port, p.protocol) })))),
  };
  return {
    sources: [], diagnostics: [],
    cluster: {
      config: { cni: enforcing ? 'calico' : 'flannel', podCIDR: '10.244.0.0/16' },
      namespaces, pods: pods.map((p) => p.pod), workloads: [], policies: [], secrets: [], serviceAccounts: [],
      services: [], endpoints: [], endpointSlices: [], externalHosts, registries: [], others: [],
      roles: [], clusterRoles: [], roleBindings: [], clusterRoleBindings: [],
    },
    pods, policies: [], network, services: [], nodes: [],
    rbac: { roles: [], clusterRoles: [], bindings: [], serviceAccounts: [] }, admission: EMPTY_ADMISSION,
    locate: () => null,
  };
}

export function directionExplanation(over: Partial<DirectionExplanation> & Pick<DirectionExplanation, 'direction' | 'subject'>): DirectionExplanation {
  return {
    notApplicable: null, isolated: false, isolatingPolicies: [], allowed: true, allowedBy: [], misses: [], emptyPolicies: [],
    ...over,
  };
}

export function explanation(e: Pick<Explanation, 'from' | 'to' | 'port' | 'protocol' | 'allowed'> & Partial<Explanation>): Explanation {
  return {
    enforced: true,
    egress: directionExplanation({ direction: 'Egress', subject: e.from }),
    ingress: directionExplanation({ direction: 'Ingress', subject: e.to, allowed: e.allowed }),
    ...e,
  };
}
