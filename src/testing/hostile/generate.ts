// Big hostile inputs, generated in memory (issue 12): the many-policies cliff, the 70,000-pod
// paste and YAML nested deeper than anyone writes. Used by bounds.test.ts and scripts/hostile-big.ts.

/**
 * `pods` pods in one namespace and `policies` NetworkPolicies over them, each selecting a few pods
 * by label with one ingress and one egress rule (a podSelector peer, a namespaceSelector peer, an
 * ipBlock; numeric and named ports): the shape issue 12 measured at 1,000 / 2,000 / 4,000 / 20,000.
 */
export function manyPolicies(policies: number, pods = 20): string {
  const docs: string[] = ['{apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {team: shop}}}'];
  for (let i = 0; i < pods; i++) {
    docs.push(`{apiVersion: v1, kind: Pod, metadata: {name: p${i}, namespace: shop, labels: {app: a${i % 10}, tier: t${i % 3}}}, ` +
      `spec: {containers: [{name: c, image: nginx, ports: [{containerPort: ${8000 + (i % 5)}, name: http}]}]}}`);
  }
  for (let k = 0; k < policies; k++) {
    docs.push(`{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: np${k}, namespace: shop}, spec: {` +
      `podSelector: {matchLabels: {app: a${k % 10}}}, policyTypes: [Ingress, Egress], ` +
      `ingress: [{from: [{podSelector: {matchLabels: {tier: t${k % 3}}}}, {namespaceSelector: {matchLabels: {team: shop}}}, ` +
      `{ipBlock: {cidr: 10.${k % 250}.0.0/16}}], ports: [{port: ${1000 + (k % 3000)}}, {port: http}]}], ` +
      `egress: [{to: [{podSelector: {matchLabels: {app: a${(k + 1) % 10}}}}], ports: [{port: ${1000 + (k % 3000)}, protocol: TCP}]}]}}`);
  }
  return docs.join('\n---\n') + '\n';
}

/** `pods` pods over `namespaces` namespaces, block YAML as pasted from `kubectl get -o yaml` (~150 bytes a pod). */
export function manyPods(pods: number, namespaces = 50): string {
  const parts: string[] = [];
  for (let i = 0; i < pods; i++) {
    parts.push(`apiVersion: v1
kind: Pod
metadata:
  name: pod-${i}
  namespace: ns-${i % namespaces}
  labels: {app: a${i % 17}}
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports: [{containerPort: 80}]
`);
  }
  return parts.join('---\n');
}

/** One document nested `depth` levels deep, as flow sequences (`[[[…]]]`) or block mappings. */
export function deepNesting(depth: number, style: 'flow' | 'block' = 'flow'): string {
  if (style === 'flow') return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {x: ${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: deep}', 'data:'];
  for (let d = 1; d <= depth; d++) lines.push(`${' '.repeat(d)}k${d}:`);
  lines.push(`${' '.repeat(depth + 1)}leaf`);
  return lines.join('\n') + '\n';
}

/** Deployment `d<i>` of 50 replicas (the replicas cap) in one of four namespaces; `podSpec` adds fields to its pods' spec (flow style). */
export function replicaDeployment(i: number, podSpec = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: d${i}, namespace: ns${i % 4}}
spec:
  replicas: 50
  selector: {matchLabels: {app: d${i}}}
  template:
    metadata: {labels: {app: d${i}}}
    spec: {${podSpec}containers: [{name: c, image: nginx:1.27}]}
`;
}
