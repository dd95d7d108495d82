import type { Analysis, Explanation, PodReport, ProbeOutcome, ProbeReason, ProbeResult, Protocol } from '../model/index.js';
import { nodeByIP } from '../cluster/nodes.js';
import { formatIP, parseIP } from '../net/index.js';
import { listensOn, nodeListeners, podListeners, type Listener } from './listen.js';

/** The part of a probe after the address is known and any DNAT is done. */
export interface Reach {
  readonly outcome: ProbeOutcome;
  readonly reason: ProbeReason;
  readonly endpoint: ProbeResult['endpoint'];
  readonly explanation: Explanation | null;
  readonly server: ProbeResult['server'];
  readonly listening: ProbeResult['listening'];
}

/** `localhost` and IP literals as typed (normalized), or null for a name that needs DNS. */
export function literalAddress(host: string): string | null {
  if (host === 'localhost' || host === 'localhost.') return '127.0.0.1';
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const ip = parseIP(bare);
  return ip ? formatIP(ip) : null;
}

function isLoopback(ip: string): boolean {
  const parsed = parseIP(ip);
  if (!parsed) return false;
  if (parsed.family === 4) return parsed.bytes[0] === 127;
  return parsed.bytes.every((b, i) => (i === 15 ? b === 1 : b === 0));
}

/**
 * Connects from the client pod to an address, after DNAT, as the packets would go:
 * - loopback and the pod's own IP never leave the pod: no policy, only what listens in it;
 * - another pod: the NetworkPolicy verdict (client egress AND server ingress, CNI-aware), then its listeners;
 * - an ExternalHost: the client's egress, then its declared ports;
 * - a node: egress judged as toward any address outside the cluster (ipBlock rules), then what
 *   listens on the node (its processes and its hostNetwork pods);
 * - anything else: egress, then nothing answers (the lab has no internet): a timeout.
 * Dropped packets are a timeout; nothing listening is "Connection refused" (the kernel's RST).
 */
export function reachAddress(analysis: Analysis, client: PodReport, ip: string, port: number, protocol: Protocol): Reach {
  const network = analysis.network;
  const endpoint = { id: ip, ip, port };
  const own = !client.pod.hostNetwork && ip === client.pod.ip;
  if (isLoopback(ip) || own) {
    const listeners = client.pod.hostNetwork ? nodeListenersOf(analysis, client.pod.nodeName) : podListeners(client);
    return listen(listeners, port, protocol, { ...endpoint, id: client.key }, null, client.key);
  }

  const target = analysis.pods.find((p) => !p.pod.hostNetwork && p.pod.ip === ip);
  if (target) {
    const explanation = network.explain(client.key, target.key, port, protocol);
    const at = { ...endpoint, id: target.key };
    if (!network.allowed(client.key, target.key, port, protocol)) return dropped(at, explanation);
    return listen(podListeners(target), port, protocol, at, explanation, target.key);
  }

  const host = analysis.cluster.externalHosts.find((h) => h.ip === ip);
  if (host && network.endpoint(ip)) {
    const explanation = network.explain(client.key, ip, port, protocol);
    if (!network.allowed(client.key, ip, port, protocol)) return dropped(endpoint, explanation);
    const listeners = host.ports.map((p): Listener => ({ ...p, kind: 'generic', pod: null, container: null, image: null }));
    return listen(listeners, port, protocol, endpoint, explanation, null);
  }

  const explanation = network.explainToAddress(client.key, ip, port, protocol);
  if (explanation && !explanation.allowed) return dropped(endpoint, explanation);
  const node = nodeByIP(ip);
  if (node) return listen(nodeListeners(node, analysis.pods), port, protocol, endpoint, explanation, null);
  return { outcome: 'timeout', reason: 'no-route', endpoint, explanation, server: null, listening: null };
}

function nodeListenersOf(analysis: Analysis, nodeName: string): Listener[] {
  const node = analysis.nodes.find((n) => n.name === nodeName);
  return node ? nodeListeners(node, analysis.pods) : [];
}

function dropped(endpoint: NonNullable<ProbeResult['endpoint']>, explanation: Explanation | null): Reach {
  return { outcome: 'timeout', reason: 'policy', endpoint, explanation, server: null, listening: null };
}

function listen(
  listeners: readonly Listener[], port: number, protocol: Protocol, endpoint: NonNullable<ProbeResult['endpoint']>,
  explanation: Explanation | null, podKey: string | null,
): Reach {
  const listening = listeners.map((l) => ({ port: l.port, protocol: l.protocol }));
  const listener = listensOn(listeners, port, protocol);
  if (!listener) {
    return {
      outcome: 'refused', reason: 'not-listening', endpoint, explanation, listening,
      server: podKey === null ? null : { kind: 'generic', podKey, container: null, image: null },
    };
  }
  return {
    outcome: 'connected', reason: 'ok', endpoint, explanation, listening,
    server: { kind: listener.kind, podKey: listener.pod, container: listener.container, image: listener.image },
  };
}
