import fc from 'fast-check';

/** Small vocabularies so that random policies often select and match the random pods. */
const namespaces = ['x', 'y', 'z'] as const;
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
