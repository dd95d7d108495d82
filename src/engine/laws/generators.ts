import fc from 'fast-check';
import { stringify } from 'yaml';

/** Small vocabularies so that random policies often select and match the random pods. */
// Not `y`: like n, yes and on it is a boolean to the API server's YAML 1.1 decoding, and the
// namespace, its pods and its policies were silently refused.
const namespaces = ['x', 'w', 'z'] as const;
const labelKeys = ['app', 'tier'] as const;
const labelValues = ['a', 'b', 'c'] as const;
const ports = [80, 81, 443] as const;

const labels = fc.dictionary(fc.constantFrom(...labelKeys), fc.constantFrom(...labelValues), { maxKeys: 2 });

const selector = fc.oneof(
  fc.constant('{}'),
  labels.map((l) => `{matchLabels: ${JSON.stringify(l)}}`),
  fc.record({ key: fc.constantFrom(...labelKeys), op: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), v: fc.constantFrom(...labelValues) })
    .map(({ key, op, v }) => `{matchExpressions: [{key: ${key}, operator: ${op}${op === 'In' || op === 'NotIn' ? `, values: [${v}]` : ''}}]}`),
);

const peer = fc.oneof(
  selector.map((s) => `{podSelector: ${s}}`),
  selector.map((s) => `{namespaceSelector: ${s}}`),
  fc.tuple(selector, selector).map(([p, n]) => `{podSelector: ${p}, namespaceSelector: ${n}}`),
  fc.constantFrom('{ipBlock: {cidr: 10.244.0.0/16}}', '{ipBlock: {cidr: 0.0.0.0/0, except: [10.244.0.0/17]}}', '{ipBlock: {cidr: 192.168.5.10/32}}'),
);

const portEntry = fc.oneof(
  fc.constantFrom(...ports).map((p) => `{port: ${p}}`),
  fc.constantFrom(...ports).map((p) => `{port: ${p}, protocol: UDP}`),
  fc.constant('{port: 80, endPort: 443}'),
  fc.constant('{port: http}'),
);

const rule = fc.record({
  peers: fc.option(fc.array(peer, { maxLength: 3 }), { nil: undefined }),
  ports: fc.option(fc.array(portEntry, { maxLength: 2 }), { nil: undefined }),
}).map(({ peers, ports: p }, ) => ({ peers, ports: p }));

const ruleText = (dir: 'from' | 'to') => rule.map(({ peers, ports: p }) => {
  const parts: string[] = [];
  if (peers !== undefined) parts.push(`${dir}: [${peers.join(', ')}]`);
  if (p !== undefined) parts.push(`ports: [${p.join(', ')}]`);
  return `{${parts.join(', ')}}`;
});

let policyCounter = 0;
/** A random NetworkPolicy document (one-line flow YAML). */
export const policyDoc = fc.record({
  ns: fc.constantFrom(...namespaces),
  podSelector: selector,
  types: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.option(fc.array(ruleText('from'), { maxLength: 2 }), { nil: undefined }),
  egress: fc.option(fc.array(ruleText('to'), { maxLength: 2 }), { nil: undefined }),
}).map((p) => {
  const spec: string[] = [`podSelector: ${p.podSelector}`];
  if (p.types) spec.push(`policyTypes: [${p.types.join(', ')}]`);
  if (p.ingress) spec.push(`ingress: [${p.ingress.join(', ')}]`);
  if (p.egress) spec.push(`egress: [${p.egress.join(', ')}]`);
  policyCounter += 1;
  return `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: p${policyCounter}, namespace: ${p.ns}}, spec: {${spec.join(', ')}}}`;
});

/** The fixed pods and namespaces the random policies act on. */
export function baseScenario(): string {
  const docs: string[] = [];
  for (const ns of namespaces) {
    docs.push(`{apiVersion: v1, kind: Namespace, metadata: {name: ${ns}, labels: {tier: ${ns === 'x' ? 'a' : 'b'}}}}`);
    labelValues.forEach((v, i) => {
      docs.push(`{apiVersion: v1, kind: Pod, metadata: {name: ${v}, namespace: ${ns}, labels: {app: ${v}${i === 0 ? ', tier: c' : ''}}}, ` +
        `spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80, name: http}, {containerPort: 81}, {containerPort: 80, protocol: UDP}]}]}}`);
    });
  }
  docs.push('{apiVersion: lab/v1, kind: ExternalHost, metadata: {name: backup}, spec: {ip: 192.168.5.10, ports: [{port: 443, protocol: TCP}]}}');
  return docs.join('\n---\n') + '\n';
}

export const documents = (texts: readonly string[]) => texts.join('\n---\n') + '\n';

// ---------------------------------------------------------------------------------------------
// Whole clusters as YAML texts, for the agreement and oracle properties (issue 15). Everything an
// engine-spec §3 verdict depends on varies: namespaces declared with labels or implicit, pod labels,
// IPv4 and IPv6 pod IPs, hostNetwork pods, containers with named ports under several protocols,
// external hosts, Services with numeric and named targetPorts, policies in several namespaces with
// matchLabels and matchExpressions selectors, every policyTypes form, `[]`/absent/`{}` rules,
// ipBlocks with several excepts (both families), ports with protocols, endPort and names, and the
// CNI. Every generated object is valid (the API server would accept it): the properties check that.

// Not x/y/z: `y` (like n, yes, on) is a boolean to the API server's YAML 1.1 decoding.
const CLUSTER_NAMESPACES = ['front', 'back', 'ops', 'default'] as const;
const POD_LABEL_KEYS = ['app', 'tier', 'env'] as const;
const LABEL_VALUES = ['a', 'b', 'c'] as const;
const NS_LABEL_KEYS = ['team', 'env'] as const;
const PORT_NUMBERS = [53, 80, 81, 443, 8080, 9000] as const;
const PORT_NAMES = ['http', 'dns', 'metrics'] as const;
/** Names some policies use that no pod declares. */
const POLICY_PORT_NAMES = [...PORT_NAMES, 'grpc'] as const;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const RANGES = [[53, 80], [80, 443], [8000, 9000], [443, 443], [81, 8080]] as const;
const POD_IPS = ['10.244.1.5', '10.244.1.6', '10.244.1.20', '10.244.2.7', '10.244.3.9', '10.1.2.3', 'fd00::5', 'fd00::6', 'fd00::1:7', 'fd00:0:0:1::9'] as const;
/**
 * hostNetwork pods are pinned to a worker (spec.nodeName) and carry its address as their podIP,
 * as the kubelet reports it (cluster/nodes.ts: node01 192.168.121.11, node02 .12); two may share one.
 */
const NODE_IPS = ['192.168.121.11', '192.168.121.12'] as const;
const NODE_NAMES: Readonly<Record<string, string>> = { '192.168.121.11': 'node01', '192.168.121.12': 'node02' };
const EXTERNAL_IPS = ['203.0.113.7', '203.0.113.20', '198.51.100.1', '2001:db8::7'] as const;
/** Blocks and, for each, excepts that are strict subsets of it (as ValidateIPBlock demands). */
const IP_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  '10.244.0.0/16': ['10.244.1.0/24', '10.244.1.0/28', '10.244.2.0/24', '10.244.1.5/32', '10.244.3.0/24'],
  '10.244.1.0/24': ['10.244.1.0/28', '10.244.1.5/32', '10.244.1.16/28'],
  '10.0.0.0/8': ['10.244.0.0/16', '10.1.0.0/16', '10.244.1.0/24'],
  '0.0.0.0/0': ['10.0.0.0/8', '10.244.0.0/16', '203.0.113.0/24', '192.168.121.0/24'],
  '203.0.113.0/24': ['203.0.113.0/28', '203.0.113.7/32'],
  '192.168.121.0/24': ['192.168.121.11/32'],
  '10.244.1.5/32': [],
  '::/0': ['fd00::/8', '2001:db8::/32', 'fd00::/64'],
  'fd00::/8': ['fd00::/64', 'fd00::4/126', 'fd00:0:0:1::/64'],
  'fd00::/64': ['fd00::4/126', 'fd00::1:0/112'],
  '2001:db8::/32': ['2001:db8::/64'],
  'fd00::5/128': [],
};

type Obj = Record<string, unknown>;

const expression = (keys: readonly string[], values: readonly string[]) => fc.oneof(
  fc.record({
    key: fc.constantFrom(...keys), operator: fc.constantFrom('In', 'NotIn'),
    values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

/** A LabelSelector: `{}`, matchLabels, matchExpressions, or both (ANDed); mostly small, so that it often matches. */
const labelSelector = (keys: readonly string[], values: readonly string[]): fc.Arbitrary<Obj> => {
  const matchLabels = (max: number) => fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { minKeys: 1, maxKeys: max });
  const matchExpressions = fc.array(expression(keys, values), { minLength: 1, maxLength: 2 });
  return fc.oneof(
    { arbitrary: fc.constant({}), weight: 2 },
    { arbitrary: matchLabels(1).map((m) => ({ matchLabels: m })), weight: 3 },
    { arbitrary: matchExpressions.map((e) => ({ matchExpressions: e })), weight: 2 },
    { arbitrary: fc.tuple(matchLabels(2), matchExpressions).map(([m, e]) => ({ matchLabels: m, matchExpressions: e })), weight: 1 },
  );
};

const podSelector = labelSelector(POD_LABEL_KEYS, LABEL_VALUES);
const namespaceSelector = labelSelector([...NS_LABEL_KEYS, 'kubernetes.io/metadata.name'], [...LABEL_VALUES, ...CLUSTER_NAMESPACES]);

const ipBlock = fc.constantFrom(...Object.keys(IP_BLOCKS)).chain((cidr) =>
  fc.subarray([...(IP_BLOCKS[cidr] ?? [])], { maxLength: Math.min(3, IP_BLOCKS[cidr]?.length ?? 0) }).map((except) => ({ ipBlock: except.length > 0 ? { cidr, except } : { cidr } })));

const policyPeer: fc.Arbitrary<Obj> = fc.oneof(
  podSelector.map((s) => ({ podSelector: s })),
  namespaceSelector.map((s) => ({ namespaceSelector: s })),
  fc.tuple(podSelector, namespaceSelector).map(([p, n]) => ({ podSelector: p, namespaceSelector: n })),
  ipBlock,
);

const protocolField = fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined });
const policyPort: fc.Arbitrary<Obj> = fc.oneof(
  { arbitrary: fc.record({ port: fc.constantFrom(...PORT_NUMBERS), protocol: protocolField }), weight: 2 },
  { arbitrary: fc.record({ protocol: fc.constantFrom(...PROTOCOLS) }), weight: 1 },
  { arbitrary: fc.record({ range: fc.constantFrom(...RANGES), protocol: protocolField }).map(({ range, protocol }) => ({ port: range[0], endPort: range[1], protocol })), weight: 2 },
  { arbitrary: fc.record({ port: fc.constantFrom(...POLICY_PORT_NAMES), protocol: protocolField }), weight: 3 },
).map(compact);

/** A rule: `{}`, or peers and/or ports, each absent, `[]` or a list. */
const policyRule = (peersKey: 'from' | 'to'): fc.Arbitrary<Obj> => fc.record({
  peers: fc.option(fc.array(policyPeer, { maxLength: 3 }), { nil: undefined, freq: 3 }),
  ports: fc.option(fc.array(policyPort, { maxLength: 3 }), { nil: undefined, freq: 3 }),
}).map(({ peers, ports }) => compact({ [peersKey]: peers, ports }));

const policyTypes = fc.constantFrom(undefined, [], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']);

const networkPolicy = fc.record({
  ns: fc.constantFrom(...CLUSTER_NAMESPACES),
  podSelector: fc.oneof(fc.constant({}), podSelector),
  policyTypes,
  ingress: fc.option(fc.array(policyRule('from'), { maxLength: 3 }), { nil: undefined }),
  egress: fc.option(fc.array(policyRule('to'), { maxLength: 3 }), { nil: undefined }),
});

const containerPort = fc.record({
  containerPort: fc.constantFrom(...PORT_NUMBERS),
  protocol: protocolField,
  name: fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }),
});

const podShape = fc.record({
  ns: fc.constantFrom(...CLUSTER_NAMESPACES),
  labels: fc.dictionary(fc.constantFrom(...POD_LABEL_KEYS), fc.constantFrom(...LABEL_VALUES), { maxKeys: 3 }),
  containers: fc.array(fc.array(containerPort, { maxLength: 3 }), { minLength: 1, maxLength: 2 }),
  nginx: fc.boolean(),
});

const serviceShape = fc.record({
  selector: fc.dictionary(fc.constantFrom(...POD_LABEL_KEYS), fc.constantFrom(...LABEL_VALUES), { minKeys: 1, maxKeys: 1 }),
  ports: fc.uniqueArray(fc.record({
    port: fc.constantFrom(80, 8080, 5353),
    protocol: protocolField,
    targetPort: fc.option(fc.oneof(fc.constantFrom(...PORT_NUMBERS), fc.constantFrom(...PORT_NAMES)), { nil: undefined }),
  }), { minLength: 1, maxLength: 2, selector: (p) => `${p.port}/${p.protocol ?? 'TCP'}` }),
});

/**
 * A declared namespace's labels (undefined: not declared). Sometimes a wrong
 * `kubernetes.io/metadata.name`, which the API server overwrites with the name (engine-spec §1).
 */
const namespaceLabels = fc.option(fc.tuple(
  fc.dictionary(fc.constantFrom(...NS_LABEL_KEYS), fc.constantFrom(...LABEL_VALUES), { maxKeys: 2 }),
  fc.option(fc.constantFrom(...CLUSTER_NAMESPACES), { nil: undefined, freq: 5 }),
).map(([labels, written]) => (written === undefined ? labels : { ...labels, 'kubernetes.io/metadata.name': written })), { nil: undefined });

const externalHost = fc.array(fc.record({ port: fc.constantFrom(...PORT_NUMBERS), protocol: protocolField }), { minLength: 1, maxLength: 2 });

/** A port/protocol no declaration need mention, asked about besides each destination's own. */
export const extraFlow = fc.record({
  port: fc.oneof(fc.constantFrom(...PORT_NUMBERS, 82, 444, 8500, 53), fc.integer({ min: 1, max: 65535 })),
  protocol: fc.constantFrom(...PROTOCOLS),
});

export interface GeneratedCluster {
  readonly files: { name: string; text: string }[];
  /** Ports/protocols to ask about besides each destination's declared ports. */
  readonly extra: { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[];
}

/** A random valid cluster (namespaces, pods, external hosts, Services, policies, CNI) as YAML files. */
export function clusterFiles(options: { services?: boolean; maxPods?: number; maxPolicies?: number } = {}): fc.Arbitrary<GeneratedCluster> {
  const maxPods = options.maxPods ?? 6;
  return fc.record({
    // Declared with labels (maybe none), or only implied by the objects in them.
    namespaces: fc.record({ front: namespaceLabels, back: namespaceLabels, ops: namespaceLabels }),
    pods: fc.array(podShape, { minLength: 1, maxLength: maxPods }),
    podIPs: fc.shuffledSubarray([...POD_IPS], { minLength: maxPods, maxLength: maxPods }),
    hostNetwork: fc.array(fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.constantFrom(...NODE_IPS), weight: 1 }), { minLength: maxPods, maxLength: maxPods }),
    externals: fc.shuffledSubarray([...EXTERNAL_IPS], { maxLength: 2 }).chain((ips) =>
      fc.tuple(...ips.map((ip) => externalHost.map((ports) => ({ ip, ports }))))),
    services: fc.array(serviceShape, { maxLength: options.services === false ? 0 : 2 }),
    policies: fc.array(networkPolicy, { maxLength: options.maxPolicies ?? 5 }),
    cni: fc.constantFrom(undefined, undefined, undefined, 'calico', 'cilium', 'flannel', 'kindnet', 'kindnet-legacy'),
    split: fc.nat(),
    extra: fc.array(extraFlow, { maxLength: 3 }),
  }).map((g) => {
    const docs: Obj[] = [];
    for (const [name, labels] of Object.entries(g.namespaces)) {
      if (labels !== undefined) docs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: compact({ name, labels: nonEmpty(labels) }) });
    }
    const pods: { ns: string; name: string }[] = [];
    g.pods.forEach((p, i) => {
      const hostIP = g.hostNetwork[i] ?? null;
      const ip = hostIP ?? g.podIPs[i] ?? '';
      const usedNames = new Set<string>();
      const usedPorts = new Set<string>();
      const containers = p.containers.map((ports, c) => {
        const mine = new Set<string>();
        const list = ports.flatMap((cp) => {
          const proto = cp.protocol ?? 'TCP';
          if (usedPorts.has(`${cp.containerPort}/${proto}`)) return [];
          usedPorts.add(`${cp.containerPort}/${proto}`);
          // Names: unique in a container (validation), and one number per name and protocol in the pod.
          const name = cp.name !== undefined && !mine.has(cp.name) && !usedNames.has(`${cp.name}/${proto}`) ? cp.name : undefined;
          if (name !== undefined) { mine.add(name); usedNames.add(`${name}/${proto}`); }
          return [compact({ containerPort: cp.containerPort, protocol: cp.protocol, name })];
        });
        // busybox with a command serves exactly its declared ports (service/listen.ts); nginx serves 80.
        const image = p.nginx && c === 0 ? { image: 'nginx' } : { image: 'busybox', command: ['sleep', '3600'] };
        return compact({ name: `c${c}`, ...image, ports: list.length > 0 ? list : undefined });
      });
      const name = `p${i}`;
      pods.push({ ns: p.ns, name });
      docs.push({
        apiVersion: 'v1', kind: 'Pod', metadata: compact({ name, namespace: p.ns, labels: nonEmpty(p.labels) }),
        spec: compact({ hostNetwork: hostIP !== null ? true : undefined, nodeName: hostIP !== null ? NODE_NAMES[hostIP] : undefined, containers }),
        status: { podIP: ip },
      });
    });
    g.externals.forEach(({ ip, ports }, i) => {
      docs.push({ apiVersion: 'lab/v1', kind: 'ExternalHost', metadata: { name: `ext${i}` }, spec: { ip, ports: ports.map(compact) } });
    });
    g.services.forEach((s, i) => {
      const ns = pods[i % pods.length]?.ns ?? 'default';
      const many = s.ports.length > 1;
      docs.push({
        apiVersion: 'v1', kind: 'Service', metadata: { name: `svc${i}`, namespace: ns },
        spec: { selector: s.selector, ports: s.ports.map((p, k) => compact({ name: many ? `p${k}` : undefined, ...p })) },
      });
    });
    g.policies.forEach((p, i) => {
      docs.push({
        apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `np${i}`, namespace: p.ns },
        spec: compact({ podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }),
      });
    });
    if (g.cni !== undefined) docs.push({ apiVersion: 'lab/v1', kind: 'Cluster', metadata: { name: 'lab' }, spec: { cni: g.cni } });
    const texts = docs.map((d) => stringify(d).trimEnd());
    const cut = texts.length > 1 ? g.split % texts.length : 0;
    const files = cut === 0
      ? [{ name: 'cluster.yaml', text: texts.join('\n---\n') + '\n' }]
      : [{ name: 'a.yaml', text: texts.slice(0, cut).join('\n---\n') + '\n' }, { name: 'b.yaml', text: texts.slice(cut).join('\n---\n') + '\n' }];
    return { files, extra: g.extra };
  });
}

/** Leaves out undefined fields (YAML would write them as null, which the API server reads differently). */
function compact(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function nonEmpty(labels: Readonly<Record<string, string>>): Readonly<Record<string, string>> | undefined {
  return Object.keys(labels).length > 0 ? labels : undefined;
}
