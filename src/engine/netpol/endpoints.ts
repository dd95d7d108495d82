import type { Cluster, Endpoint, Labels, Protocol } from '../model/index.js';
import { parseIP, type IP } from '../net/index.js';

/** A declared port of an endpoint: a containerPort (maybe named) or an ExternalHost port. */
export interface DeclaredPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/** Everything policy matching needs to know about one endpoint, resolved once. */
export interface EndpointInfo {
  readonly endpoint: Endpoint;
  readonly isPod: boolean;
  /** Pod labels; `{}` for external hosts (selectors never match them anyway). */
  readonly labels: Labels;
  /** Labels of the pod's namespace; null for external hosts. */
  readonly nsLabels: Labels | null;
  /** null when the address does not parse (normalize/ reports that); then no ipBlock matches. */
  readonly ip: IP | null;
  /** Lab rule: policies never isolate a hostNetwork pod. */
  readonly hostNetwork: boolean;
  readonly ports: readonly DeclaredPort[];
}

/**
 * Pods first (cluster order: namespace, name), then external hosts. An external host whose IP
 * repeats an earlier endpoint's id is dropped: ids must be unique.
 */
export function buildEndpoints(cluster: Cluster): EndpointInfo[] {
  const nsLabels = new Map(cluster.namespaces.map((n) => [n.name, n.labels]));
  const out: EndpointInfo[] = [];
  const seen = new Set<string>();
  cluster.pods.forEach((pod, index) => {
    const id = `${pod.namespace}/${pod.name}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({
      endpoint: { id, kind: 'pod', ip: pod.ip, namespace: pod.namespace, name: pod.name, index, ...(pod.system ? { system: true } : {}) },
      isPod: true,
      labels: pod.labels,
      // A namespace that normalize/ did not list still has its immutable name label.
      nsLabels: nsLabels.get(pod.namespace) ?? { 'kubernetes.io/metadata.name': pod.namespace },
      ip: parseIP(pod.ip),
      hostNetwork: pod.hostNetwork,
      ports: pod.containers.flatMap((c) => c.ports.map((p) => ({
        ...(p.name !== undefined ? { name: p.name } : {}), port: p.containerPort, protocol: p.protocol,
      }))),
    });
  });
  cluster.externalHosts.forEach((host, index) => {
    if (seen.has(host.ip)) return;
    seen.add(host.ip);
    out.push({
      endpoint: { id: host.ip, kind: 'external', ip: host.ip, name: host.name, index },
      isPod: false, labels: {}, nsLabels: null, ip: parseIP(host.ip), hostNetwork: false,
      ports: host.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
    });
  });
  return out;
}
