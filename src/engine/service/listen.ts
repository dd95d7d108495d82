import type { NodeInfo, PodReport, Protocol, ServerKind } from '../model/index.js';
import { knownServer } from '../image/catalogue/servers.js';

/** A socket that accepts connections in a pod (or on a node). */
export interface Listener {
  readonly port: number;
  readonly protocol: Protocol;
  readonly kind: ServerKind;
  /** The pod that listens (`namespace/name`); null for a node's own processes. */
  readonly pod: string | null;
  /** The container that listens; null for a node's own processes. */
  readonly container: string | null;
  readonly image: string | null;
  /** The process, for node listeners (`sshd`, `kubelet`). */
  readonly process?: string;
}

/**
 * What listens in a pod: each running container's server. A known image whose entrypoint runs
 * unchanged (no `command`/`args` override) listens where its server binds (image/catalogue/servers.ts),
 * whatever `containerPort` says: containerPort is informational (docs "Pod": "Not specifying a port
 * here DOES NOT prevent that port from being exposed"; declaring one does not open it either).
 * Any other container (unknown images, base images, an overridden command) is taken to serve its
 * declared containerPorts (lab rule: a declared port means the command serves it). A container that
 * is not running (ErrImagePull, CreateContainerConfigError, waiting behind an init container)
 * listens on nothing; init containers have completed.
 */
export function podListeners(report: PodReport): Listener[] {
  const out: Listener[] = [];
  for (const c of report.containers) {
    if (c.state !== 'Running') continue;
    const image = c.image.ref?.familiar ?? c.container.image;
    const overridden = c.container.command.length > 0 || c.container.args.length > 0;
    const known = overridden ? null : knownServer(c.image.ref);
    if (known) {
      for (const p of known.ports) out.push({ ...p, kind: known.kind, pod: report.key, container: c.container.name, image });
    } else {
      for (const p of c.container.ports) out.push({ port: p.containerPort, protocol: p.protocol, kind: 'generic', pod: report.key, container: c.container.name, image });
    }
  }
  return out;
}

/** What listens on a node's own address: its processes, plus the hostNetwork pods running on it. */
export function nodeListeners(node: NodeInfo, pods: readonly PodReport[]): Listener[] {
  const own = node.listening.map((l): Listener => ({ port: l.port, protocol: l.protocol, kind: 'generic', pod: null, container: null, image: null, process: l.process }));
  const hosted = pods.filter((p) => p.pod.hostNetwork && p.pod.nodeName === node.name).flatMap(podListeners);
  return [...own, ...hosted];
}

export function listensOn(listeners: readonly Listener[], port: number, protocol: Protocol): Listener | undefined {
  return listeners.find((l) => l.port === port && l.protocol === protocol);
}
