import type { Analysis, EndpointAddress, Explanation, Protocol, ServiceReport, ServiceTrap } from '../engine/index.js';
import { formatExplanation } from '../engine/format/explanation.js';
import { formatServiceTrap } from '../engine/format/probe.js';
import { serviceTrap } from '../engine/service/trap.js';

/** One endpoint of the Service port, judged after DNAT: the pod (or address) on its target port. */
interface EndpointVerdict {
  readonly id: string;
  readonly ip: string;
  readonly port: number;
  readonly allowed: boolean;
  readonly explanation: Explanation | null;
  readonly serviceTrap?: ServiceTrap;
}

export interface ServiceExplanation {
  readonly service: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** null when the Service has no such port. */
  readonly targetPort: number | string | null;
  readonly endpoints: readonly EndpointVerdict[];
}

/**
 * `kslab explain --to ns/svc`: the Service port named by --port, expanded to its ready endpoints,
 * each judged as kube-proxy delivers it (the pod and its target port), with the service-port trap
 * named where it applies. The same data the probe uses (service/probe.ts), for every endpoint.
 */
export function explainService(a: Analysis, from: string, svc: ServiceReport, port: number, protocol: Protocol): ServiceExplanation {
  const sp = svc.endpoints.find((e) => e.port.port === port && e.port.protocol === protocol);
  const base = { service: svc.key, clusterIP: svc.clusterIP, port, protocol };
  if (!sp) return { ...base, targetPort: null, endpoints: [] };
  const ready = sp.addresses.filter((x) => x.ready).sort((x, y) => cmp(x.pod ?? x.ip, y.pod ?? y.ip));
  return { ...base, targetPort: sp.port.targetPort, endpoints: ready.map((e) => verdict(a, from, e, port, protocol)) };
}

function verdict(a: Analysis, from: string, e: EndpointAddress, servicePort: number, protocol: Protocol): EndpointVerdict {
  const net = a.network;
  const target = e.pod ?? a.pods.find((p) => !p.pod.hostNetwork && p.pod.ip === e.ip)?.key ?? (net.endpoint(e.ip) ? e.ip : null);
  const explanation = target !== null ? net.explain(from, target, e.port, protocol) : net.explainToAddress(from, e.ip, e.port, protocol);
  const allowed = explanation?.allowed ?? true;
  const trap = !allowed && target !== null ? serviceTrap(net, from, target, servicePort, e.port, protocol) : undefined;
  return { id: target ?? e.ip, ip: e.ip, port: e.port, allowed, explanation, ...(trap ? { serviceTrap: trap } : {}) };
}

/** The text: the Service line, each endpoint's explanation, the trap sentence when it applies. */
export function formatServiceExplanation(x: ServiceExplanation, svc: ServiceReport, locate: Parameters<typeof formatExplanation>[2]): string {
  const portText = `${x.port}/${x.protocol}`;
  if (x.targetPort === null) {
    const ports = svc.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'none';
    return `Service ${x.service} (${x.clusterIP || svc.type}) has no port ${portText} (its ports: ${ports}): kube-proxy has no rule for it, so connections to it time out.\n`;
  }
  const lines = [`Service ${x.service} (ClusterIP ${x.clusterIP}): ${portText} → target port ${x.targetPort} on ${x.endpoints.length} ready endpoint${x.endpoints.length === 1 ? '' : 's'}.`];
  if (x.endpoints.length === 0) {
    lines.push('It has no ready endpoint: kube-proxy rejects connections at once (Connection refused).');
    return lines.join('\n') + '\n';
  }
  const allowed = x.endpoints.filter((e) => e.allowed).length;
  lines.push(`${allowed} of ${x.endpoints.length} endpoint${x.endpoints.length === 1 ? '' : 's'} allowed (kube-proxy picks one at random per connection).`);
  for (const e of x.endpoints) {
    lines.push('', `Endpoint ${e.id} (${e.ip}:${e.port}):`);
    if (e.serviceTrap) lines.push(formatServiceTrap(e.serviceTrap, 'en'));
    lines.push('', e.explanation ? formatExplanation(e.explanation, 'en', locate) : 'Same pod: traffic to itself is never filtered.');
  }
  return lines.join('\n') + '\n';
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
