/**
 * Builders for NetworkPolicy tests. They write manifests — Namespaces, Pods, NetworkPolicies,
 * lab/v1 ExternalHost and Cluster objects, only the fields the call states — and `cluster()` reads
 * them through the engine's parser and normalizer (testing/manifests.ts). Nothing is defaulted
 * here: an omitted `protocol`, `policyTypes`, `from`/`to`, `ports` or pod IP is what normalize/
 * makes of it, so every verdict table also tests defaulting.
 */
import type { Cluster, Direction, Labels, PolicyPeer, PolicyPort, Protocol, Cni } from '../engine/model/index.js';
import { compileNetwork, type CompiledNetwork } from '../engine/netpol/index.js';
import { load, splitId, type Manifest } from './manifests.js';

export type { Manifest } from './manifests.js';

/** A LabelSelector as written: only the parts given (`sel()` is `{}`, which selects everything). */
export interface SelectorSpec {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly ExprSpec[];
}
export interface ExprSpec { readonly key: string; readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; readonly values?: readonly string[] }

export function sel(matchLabels: Record<string, string> = {}, matchExpressions: readonly ExprSpec[] = []): SelectorSpec {
  return {
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
  };
}
export function expr(key: string, operator: ExprSpec['operator'], values: readonly string[] = []): ExprSpec {
  return { key, operator, ...(values.length > 0 ? { values } : {}) };
}

/** A Namespace; the API server adds `kubernetes.io/metadata.name` (normalize/ does). */
export function namespace(name: string, labels: Labels = {}): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(Object.keys(labels).length > 0 ? { labels } : {}) } };
}

/** A container port as written: `protocol` omitted unless given (normalize/ defaults it to TCP). */
export interface PortSpec { readonly port: number; readonly protocol?: Protocol; readonly name?: string }
export interface ContainerSpec { readonly name: string; readonly ports?: readonly PortSpec[] }
export interface PodSpec {
  readonly labels?: Labels;
  /** Written as `status.podIP` (lab rule: pins the address); without it normalize/ assigns one from the pod CIDR. */
  readonly ip?: string;
  /** Ports of the one container `main`; or `containers` for several. */
  readonly ports?: readonly PortSpec[];
  readonly containers?: readonly ContainerSpec[];
  readonly hostNetwork?: boolean;
}

const containerPort = (p: PortSpec) => ({
  ...(p.name !== undefined ? { name: p.name } : {}), containerPort: p.port, ...(p.protocol !== undefined ? { protocol: p.protocol } : {}),
});

/** `pod('x/a', {...})` (namespace `default` without a slash): a Pod manifest with nginx containers. */
export function pod(id: string, spec: PodSpec = {}): Manifest {
  const [namespace, name] = splitId(id);
  const containers = spec.containers ?? [{ name: 'main', ...(spec.ports ? { ports: spec.ports } : {}) }];
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace, ...(spec.labels && Object.keys(spec.labels).length > 0 ? { labels: spec.labels } : {}) },
    spec: {
      ...(spec.hostNetwork ? { hostNetwork: true } : {}),
      containers: containers.map((c) => ({ name: c.name, image: 'nginx', ...(c.ports && c.ports.length > 0 ? { ports: c.ports.map(containerPort) } : {}) })),
    },
    ...(spec.ip !== undefined ? { status: { podIP: spec.ip } } : {}),
  };
}

/**
 * A CoreDNS pod as kubeadm's Deployment makes it (cluster/system.ts): kube-system,
 * k8s-app=kube-dns, ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153 (TCP by default), at a fixed
 * address. Declared by the scenario, it replaces the implicit CoreDNS pods (normalize/assemble.ts),
 * so the test knows the one DNS address.
 */
export function coreDnsPod(ip = '10.244.0.53'): Manifest {
  return pod('kube-system/coredns-7db6d8ff4d-abcde', {
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7db6d8ff4d' }, ip,
    ports: [{ port: 53, protocol: 'UDP', name: 'dns' }, { port: 53, protocol: 'TCP', name: 'dns-tcp' }, { port: 9153, name: 'metrics' }],
  });
}

/** A lab/v1 ExternalHost (protocol omitted unless given: normalize/ defaults it to TCP). */
export function extHost(ip: string, ports: readonly PortSpec[] = [], name = `host-${ip.replace(/:/g, '-')}`): Manifest {
  return {
    apiVersion: 'lab/v1', kind: 'ExternalHost', metadata: { name },
    spec: { ip, ...(ports.length > 0 ? { ports: ports.map((p) => ({ port: p.port, ...(p.protocol !== undefined ? { protocol: p.protocol } : {}) })) } : {}) },
  };
}

export type PeerSpec =
  | { readonly pods?: SelectorSpec; readonly namespaces?: SelectorSpec }
  | { readonly cidr: string; readonly except?: readonly string[] };
/** A NetworkPolicyPort as written: `protocol` omitted unless given (normalize/ defaults it to TCP). */
export interface PolicyPortSpec { readonly port?: number | string; readonly endPort?: number; readonly protocol?: Protocol }
/** `peers` undefined ⇒ from/to absent (all peers); `ports` undefined ⇒ absent (all ports). */
export interface RuleSpec { readonly peers?: readonly PeerSpec[]; readonly ports?: readonly PolicyPortSpec[] }
export interface PolicySpec {
  /** Omitted ⇒ not written: an absent podSelector is the empty one (every pod of the namespace). */
  readonly podSelector?: SelectorSpec;
  /** Omitted ⇒ not written: normalize/ defaults it ([Ingress], plus Egress when egress rules exist). */
  readonly policyTypes?: readonly Direction[];
  /** Omitted ⇒ not written; `[]` ⇒ `ingress: []`. */
  readonly ingress?: readonly RuleSpec[];
  readonly egress?: readonly RuleSpec[];
}

function peerManifest(p: PeerSpec): object {
  if ('cidr' in p) return { ipBlock: { cidr: p.cidr, ...(p.except ? { except: p.except } : {}) } };
  return { ...(p.pods ? { podSelector: p.pods } : {}), ...(p.namespaces ? { namespaceSelector: p.namespaces } : {}) };
}
function portManifest(p: PolicyPortSpec): object {
  return {
    ...(p.protocol !== undefined ? { protocol: p.protocol } : {}),
    ...(p.port !== undefined ? { port: p.port } : {}),
    ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
  };
}
function ruleManifest(rule: RuleSpec, peersKey: 'from' | 'to'): object {
  return {
    ...(rule.peers ? { [peersKey]: rule.peers.map(peerManifest) } : {}),
    ...(rule.ports ? { ports: rule.ports.map(portManifest) } : {}),
  };
}

/** A NetworkPolicy manifest `policy('ns/name', {...})`, exactly the fields given. */
export function policy(id: string, spec: PolicySpec = {}): Manifest {
  const [namespace, name] = splitId(id);
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace },
    spec: {
      ...(spec.podSelector ? { podSelector: spec.podSelector } : {}),
      ...(spec.policyTypes ? { policyTypes: spec.policyTypes } : {}),
      ...(spec.ingress ? { ingress: spec.ingress.map((r) => ruleManifest(r, 'from')) } : {}),
      ...(spec.egress ? { egress: spec.egress.map((r) => ruleManifest(r, 'to')) } : {}),
    },
  };
}

export interface ClusterSpec {
  readonly namespaces?: readonly Manifest[];
  readonly pods?: readonly Manifest[];
  readonly policies?: readonly Manifest[];
  readonly externalHosts?: readonly Manifest[];
  /** Written as a lab/v1 Cluster object; omitted ⇒ normalize/'s default (calico). */
  readonly cni?: Cni;
}

/**
 * The normalized Cluster of the manifests (files cluster.yaml, namespaces.yaml, pods.yaml,
 * policies.yaml, hosts.yaml, one document per object in the order given), without the implicit
 * system pods and namespaces so tables see only their own endpoints. Throws when normalize/
 * rejects an object.
 */
export function cluster(spec: ClusterSpec): Cluster {
  return load({
    'cluster.yaml': spec.cni ? [{ apiVersion: 'lab/v1', kind: 'Cluster', metadata: { name: 'lab' }, spec: { cni: spec.cni } }] : [],
    'namespaces.yaml': spec.namespaces ?? [],
    'pods.yaml': spec.pods ?? [],
    'policies.yaml': spec.policies ?? [],
    'hosts.yaml': spec.externalHosts ?? [],
  }).scenario;
}

/** One peer as normalize/ reads it (inside an ingress rule of a policy in `namespace`). */
export function normalizedPeer(peer: PeerSpec, namespace = 'default'): PolicyPeer {
  const p = cluster({ policies: [policy(`${namespace}/p`, { ingress: [{ peers: [peer] }] })] }).policies[0]?.ingress[0]?.peers[0];
  if (!p) throw new Error('peer not normalized');
  return p;
}

/** One policy port as normalize/ reads it. */
export function normalizedPort(port: PolicyPortSpec): PolicyPort {
  const p = cluster({ policies: [policy('p', { ingress: [{ ports: [port] }] })] }).policies[0]?.ingress[0]?.ports[0];
  if (!p) throw new Error('port not normalized');
  return p;
}

/**
 * The upstream e2e model (kubernetes/kubernetes test/e2e/network/netpol/model.go): namespaces
 * x, y, z; pods a, b, c labelled `pod: <name>`; one container per port and protocol serving 80
 * and 81 on TCP, UDP and SCTP, each port named `serve-<port>-<proto>`.
 */
export const E2E_PODS = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'] as const;
export function e2eCluster(policies: readonly Manifest[], extra: { podLabels?: Record<string, Labels>; nsLabels?: Record<string, Labels> } = {}): Cluster {
  const containers: ContainerSpec[] = [];
  for (const port of [80, 81]) {
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) {
      const proto = protocol.toLowerCase();
      containers.push({ name: `cont-${port}-${proto}`, ports: [{ port, protocol, name: `serve-${port}-${proto}` }] });
    }
  }
  return cluster({
    namespaces: ['x', 'y', 'z'].map((n) => namespace(n, extra.nsLabels?.[n] ?? {})),
    pods: E2E_PODS.map((id) => pod(id, { labels: { pod: id.slice(2), ...(extra.podLabels?.[id] ?? {}) }, containers })),
    policies,
  });
}

/** A pod-matching pattern as upstream's `Peer`: an empty field matches everything. */
export interface PeerPattern { readonly ns?: string; readonly pod?: string }

/**
 * The expected truth table of upstream reachability.go: starts all-true (or all-false);
 * loopback (a pod to itself) is ignored when comparing, as upstream's ignoreLoopback does.
 */
export class Reachability {
  private readonly expected = new Map<string, boolean>();
  constructor(readonly pods: readonly string[] = E2E_PODS, initial = true) {
    for (const f of pods) for (const t of pods) this.expected.set(`${f}>${t}`, initial);
  }
  expect(from: string, to: string, connected: boolean): this {
    this.expected.set(`${from}>${to}`, connected);
    return this;
  }
  expectAllIngress(to: string, connected: boolean): this {
    for (const f of this.pods) this.expect(f, to, connected);
    return this;
  }
  expectAllEgress(from: string, connected: boolean): this {
    for (const t of this.pods) this.expect(from, t, connected);
    return this;
  }
  expectPeer(from: PeerPattern, to: PeerPattern, connected: boolean): this {
    const m = (p: PeerPattern, id: string) => (p.ns === undefined || id.startsWith(`${p.ns}/`)) && (p.pod === undefined || id.endsWith(`/${p.pod}`));
    for (const f of this.pods) if (m(from, f)) for (const t of this.pods) if (m(to, t)) this.expect(f, t, connected);
    return this;
  }
  /** Pairs where `observe` disagrees, as `from>to: expected X`, loopback skipped. */
  diff(observe: (from: string, to: string) => boolean): string[] {
    const out: string[] = [];
    for (const f of this.pods) {
      for (const t of this.pods) {
        if (f === t) continue;
        const want = this.expected.get(`${f}>${t}`) ?? false;
        if (observe(f, t) !== want) out.push(`${f} -> ${t}: expected ${want ? 'allowed' : 'denied'}`);
      }
    }
    return out;
  }
}

/**
 * Compares a truth table with what the compiled network answers through each of its four
 * paths (single query, bit matrix, connectivity list, explanation); every list must be empty.
 */
export function observeAll(c: Cluster, port: number, protocol: Protocol, reach: Reachability): Record<'allowed' | 'matrix' | 'connectivity' | 'explain', string[]> {
  const network = compileNetwork(c).network as CompiledNetwork;
  const m = network.matrix(port, protocol);
  const idx = new Map(m.ids.map((id, i) => [id, i]));
  const conn = new Map(network.connectivity().map((e) => [`${e.from}>${e.to}>${e.protocol}/${e.port}`, e.allowed]));
  return {
    allowed: reach.diff((f, t) => network.allowed(f, t, port, protocol)),
    matrix: reach.diff((f, t) => m.rows[idx.get(f) ?? -1]?.has(idx.get(t) ?? -1) ?? false),
    connectivity: reach.diff((f, t) => conn.get(`${f}>${t}>${protocol}/${port}`) ?? false),
    explain: reach.diff((f, t) => network.explain(f, t, port, protocol)?.allowed ?? false),
  };
}
export const NO_DIFF = { allowed: [], matrix: [], connectivity: [], explain: [] };

/**
 * A large synthetic cluster, the same shape as scripts/bench.ts builds: `pods` pods over `namespaces`
 * namespaces, `policies` policies each with a podSelector peer, a namespace+pod peer, an
 * ipBlock with except, a numeric and a named port, and an egress rule. Read through normalize/ like
 * every builder here; the test times compilation only.
 */
export function scaleCluster(pods: number, namespaces: number, policies: number): Cluster {
  const nss = Array.from({ length: namespaces }, (_, n) => namespace(`ns${n}`, { team: `t${n % 7}`, env: n % 2 ? 'prod' : 'dev' }));
  const ps = Array.from({ length: pods }, (_, i) => pod(`ns${i % namespaces}/p${i}`, {
    labels: { app: `a${i % 23}`, tier: `t${i % 3}` }, ports: [{ port: 80, name: 'http' }],
  }));
  const pols = Array.from({ length: policies }, (_, k) => {
    const peers: PeerSpec[] = [
      { pods: sel({ tier: `t${k % 3}` }) },
      { namespaces: sel({ team: `t${k % 7}` }), pods: sel({}, [expr('app', 'In', [`a${k % 23}`, `a${(k + 1) % 23}`])]) },
      { cidr: '10.244.0.0/16', except: [`10.244.${k % 200}.0/24`] },
    ];
    return policy(`ns${k % namespaces}/np${k}`, {
      podSelector: sel({ app: `a${k % 23}` }), policyTypes: ['Ingress', 'Egress'],
      ingress: [{ peers, ports: [{ port: 80 }, { port: 'http' }] }],
      egress: [{ peers: [peers[k % 3] as PeerSpec] }],
    });
  });
  return cluster({ namespaces: nss, pods: ps, policies: pols });
}

/** Upstream's GenNetworkPolicyWithNameAndPodSelector + SetSpecIngressRules / SetSpecEgressRules (test_helper.go):
 * each Set… call adds its direction to policyTypes. */
export function e2eGen(id: string, podSelector: SelectorSpec, spec: { ingress?: RuleSpec[]; egress?: RuleSpec[] }): Manifest {
  const policyTypes: Direction[] = [];
  if (spec.ingress) policyTypes.push('Ingress');
  if (spec.egress) policyTypes.push('Egress');
  // With neither, upstream writes no policyTypes and the API server defaults them.
  return policy(id, { podSelector, ...(policyTypes.length > 0 ? { policyTypes } : {}), ...spec });
}
export const e2eFrom = (...peers: PeerSpec[]): RuleSpec => ({ peers });
