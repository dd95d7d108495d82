/**
 * Builders for NetworkPolicy tests: Cluster objects as normalize/ would hand them over
 * (namespaces carry kubernetes.io/metadata.name, policies are defaulted, protocols filled).
 */
import type {
  Cluster, Cni, ContainerPort, Direction, ExternalHost, LabelSelector, LabelSelectorRequirement, Labels, Namespace,
  NetworkPolicy, PathSegment, Pod, PolicyPeer, PolicyPort, PolicyRule, Protocol, SourceRef,
} from '../engine/model/index.js';
import { compileNetwork, type CompiledNetwork } from '../engine/netpol/index.js';

let docCounter = 0;
export function ref(path: PathSegment[] = [], file = 'test.yaml', doc = 0): SourceRef {
  return { file, doc, path };
}
const sub = (r: SourceRef, ...more: PathSegment[]): SourceRef => ({ ...r, path: [...r.path, ...more] });

export function sel(matchLabels: Record<string, string> = {}, matchExpressions: LabelSelectorRequirement[] = []): LabelSelector {
  return { matchLabels, matchExpressions };
}
export function expr(key: string, operator: LabelSelectorRequirement['operator'], values: string[] = []): LabelSelectorRequirement {
  return { key, operator, values };
}

export function namespace(name: string, labels: Labels = {}): Namespace {
  return { name, labels: { ...labels, 'kubernetes.io/metadata.name': name }, declared: true, ref: ref([], `${name}.yaml`) };
}

export interface PortSpec { readonly port: number; readonly protocol?: Protocol; readonly name?: string }
export interface PodSpec {
  readonly labels?: Labels;
  readonly ip?: string;
  readonly ports?: readonly PortSpec[];
  readonly hostNetwork?: boolean;
}

/** `pod('x/a', {...})`; without an ip, cluster() assigns one from 10.244.0.0/16. */
export function pod(id: string, spec: PodSpec = {}): Pod {
  const [ns = 'default', name = id] = id.includes('/') ? id.split('/') : ['default', id];
  const r = ref([], 'pods.yaml', docCounter++);
  const ports: ContainerPort[] = (spec.ports ?? []).map((p, i) => ({
    ...(p.name !== undefined ? { name: p.name } : {}),
    containerPort: p.port, protocol: p.protocol ?? 'TCP', ref: sub(r, 'spec', 'containers', 0, 'ports', i),
  }));
  return {
    namespace: ns, name, labels: spec.labels ?? {}, annotations: {}, ip: spec.ip ?? '', ipDeclared: spec.ip !== undefined, nodeName: 'node01',
    hostNetwork: spec.hostNetwork ?? false, hostPID: false, hostIPC: false,
    containers: [{
      name: 'main', image: 'nginx', command: [], args: [], env: [], ports, volumeMounts: [], hostPorts: [],
      kind: 'container', ref: sub(r, 'spec', 'containers', 0),
    }],
    initContainers: [], volumes: [], imagePullSecrets: [], serviceAccountName: 'default',
    ref: r, specRef: sub(r, 'spec'),
  };
}

/**
 * One of kubeadm's CoreDNS pods as cluster/system.ts adds it: kube-system, k8s-app=kube-dns,
 * ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP, marked system.
 */
export function coreDnsPod(ip = '10.244.0.53'): Pod {
  const p = pod('kube-system/coredns-7db6d8ff4d-abcde', {
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '7db6d8ff4d' }, ip,
    ports: [{ port: 53, protocol: 'UDP', name: 'dns' }, { port: 53, protocol: 'TCP', name: 'dns-tcp' }, { port: 9153, name: 'metrics' }],
  });
  return { ...p, ipDeclared: false, nodeName: 'controlplane', system: true };
}

export function extHost(ip: string, ports: readonly PortSpec[] = [], name = `host-${ip}`): ExternalHost {
  return { name, ip, ports: ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' })), labels: {}, ref: ref([], 'hosts.yaml') };
}

export type PeerSpec =
  | { readonly pods?: LabelSelector; readonly namespaces?: LabelSelector }
  | { readonly cidr: string; readonly except?: readonly string[] };
export interface PolicyPortSpec { readonly port?: number | string; readonly endPort?: number; readonly protocol?: Protocol }
/** `peers` undefined ⇒ from/to absent (all peers); `ports` undefined ⇒ all ports. */
export interface RuleSpec { readonly peers?: readonly PeerSpec[]; readonly ports?: readonly PolicyPortSpec[] }
export interface PolicySpec {
  readonly podSelector?: LabelSelector;
  readonly policyTypes?: readonly Direction[];
  readonly ingress?: readonly RuleSpec[];
  readonly egress?: readonly RuleSpec[];
}

/** A defaulted policy: policyTypes absent ⇒ [Ingress] plus Egress when egress rules exist (pkg/apis/networking). */
export function policy(id: string, spec: PolicySpec = {}): NetworkPolicy {
  const [ns = 'default', name = id] = id.includes('/') ? id.split('/') : ['default', id];
  const r = ref([], 'policies.yaml', docCounter++);
  const rules = (dir: 'ingress' | 'egress', list: readonly RuleSpec[]): PolicyRule[] => list.map((rule, i) => {
    const rr = sub(r, 'spec', dir, i);
    const peerKey = dir === 'ingress' ? 'from' : 'to';
    const peers: PolicyPeer[] = (rule.peers ?? []).map((p, j) => {
      const pr = sub(rr, peerKey, j);
      if ('cidr' in p) return { kind: 'ipBlock', cidr: p.cidr, except: p.except ?? [], ref: pr };
      return {
        kind: 'selector', ref: pr,
        ...(p.pods ? { podSelector: p.pods } : {}),
        ...(p.namespaces ? { namespaceSelector: p.namespaces } : {}),
      };
    });
    const ports: PolicyPort[] = (rule.ports ?? []).map((p, k) => ({
      protocol: p.protocol ?? 'TCP', ref: sub(rr, 'ports', k),
      ...(p.port !== undefined ? { port: p.port } : {}),
      ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
    }));
    return { allPeers: peers.length === 0, peers, allPorts: ports.length === 0, ports, ref: rr };
  });
  const egress = spec.egress ?? [];
  const policyTypes: Direction[] = spec.policyTypes ? [...spec.policyTypes] : egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    namespace: ns, name, podSelector: spec.podSelector ?? sel(), policyTypes, policyTypesDefaulted: spec.policyTypes === undefined,
    ingress: rules('ingress', spec.ingress ?? []), egress: rules('egress', egress), ref: r,
  };
}

export interface ClusterSpec {
  readonly namespaces?: readonly Namespace[];
  readonly pods?: readonly Pod[];
  readonly policies?: readonly NetworkPolicy[];
  readonly externalHosts?: readonly ExternalHost[];
  readonly cni?: Cni;
}

/** Adds implicit namespaces (and `default`), sorts as normalize/ does, assigns missing pod IPs. */
export function cluster(spec: ClusterSpec): Cluster {
  const nsMap = new Map<string, Namespace>();
  for (const n of spec.namespaces ?? []) nsMap.set(n.name, n);
  const implicit = (name: string) => {
    if (!nsMap.has(name)) nsMap.set(name, { name, labels: { 'kubernetes.io/metadata.name': name }, declared: false });
  };
  implicit('default');
  for (const p of spec.pods ?? []) implicit(p.namespace);
  for (const p of spec.policies ?? []) implicit(p.namespace);
  const pods = [...(spec.pods ?? [])]
    .sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name))
    .map((p, i) => (p.ip !== '' ? p : { ...p, ip: `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}` }));
  return {
    config: { cni: spec.cni ?? 'calico', podCIDR: '10.244.0.0/16', ...(spec.cni ? { ref: ref(['spec', 'cni'], 'cluster.yaml') } : {}) },
    namespaces: [...nsMap.values()].sort((a, b) => cmp(a.name, b.name)),
    pods, workloads: [], policies: [...(spec.policies ?? [])], secrets: [], serviceAccounts: [], services: [], endpoints: [], endpointSlices: [],
    externalHosts: [...(spec.externalHosts ?? [])], registries: [], others: [],
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The upstream e2e model (kubernetes/kubernetes test/e2e/network/netpol/model.go): namespaces
 * x, y, z; pods a, b, c labelled `pod: <name>`; one container per port and protocol serving 80
 * and 81 on TCP, UDP and SCTP, each port named `serve-<port>-<proto>`.
 */
export const E2E_PODS = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'] as const;
export function e2eCluster(policies: readonly NetworkPolicy[], extra: { podLabels?: Record<string, Labels>; nsLabels?: Record<string, Labels> } = {}): Cluster {
  const ports: PortSpec[] = [];
  for (const port of [80, 81]) {
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as const) ports.push({ port, protocol, name: `serve-${port}-${protocol.toLowerCase()}` });
  }
  return cluster({
    namespaces: ['x', 'y', 'z'].map((n) => namespace(n, extra.nsLabels?.[n] ?? {})),
    pods: E2E_PODS.map((id) => pod(id, { labels: { pod: id.slice(2), ...(extra.podLabels?.[id] ?? {}) }, ports })),
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
 * A large synthetic cluster, the same shape as scripts/bench.ts builds from YAML, but as a
 * Cluster so compile time can be measured without parsing: `pods` pods over `namespaces`
 * namespaces, `policies` policies each with a podSelector peer, a namespace+pod peer, an
 * ipBlock with except, a numeric and a named port, and an egress rule.
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
export function e2eGen(id: string, podSelector: LabelSelector, spec: { ingress?: RuleSpec[]; egress?: RuleSpec[] }): NetworkPolicy {
  const policyTypes: Direction[] = [];
  if (spec.ingress) policyTypes.push('Ingress');
  if (spec.egress) policyTypes.push('Egress');
  return policy(id, { podSelector, policyTypes, ...spec });
}
export const e2eFrom = (...peers: PeerSpec[]): RuleSpec => ({ peers });
