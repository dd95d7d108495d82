/**
 * A slow, deliberately naive NetworkPolicy evaluator written straight from engine-spec.md §3
 * (and §1 for the input objects), for tests only (issue 15, "a slow oracle"). It shares nothing
 * with src/engine: the YAML is parsed with the `yaml` package into plain objects, and everything
 * after that — namespaces and their labels, policyTypes defaulting, protocol defaulting, label
 * selectors, CIDR arithmetic (IPv4 and IPv6, with BigInt), named ports, endPort, isolation, the
 * CNI — is done here again, the obvious way: every question walks every policy, every rule, every
 * peer and every port entry. No sets, no caches, no precomputation.
 *
 * Scope: the objects the generators in src/engine/laws/generators.ts write, all valid — Namespace,
 * Pod (with `status.podIP`; pods without one get engine-assigned addresses this oracle cannot know),
 * lab/v1 ExternalHost, networking.k8s.io/v1 NetworkPolicy, lab/v1 Cluster. It does not validate:
 * the property checks that the engine reported no error for the generated input.
 */
import { parseAllDocuments } from 'yaml';

type Json = unknown;
type Labels = Record<string, string>;
type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface OracleEndpoint {
  /** `namespace/name` for a pod, the IP for an external host (the engine's ids). */
  readonly id: string;
  readonly kind: 'pod' | 'external';
  readonly ip: string;
  readonly namespace: string | null;
  readonly labels: Labels;
  readonly hostNetwork: boolean;
  /** Declared container ports (pods) or spec.ports (external hosts); protocol defaulted to TCP. */
  readonly ports: readonly { readonly port: number; readonly protocol: Protocol; readonly name: string | null }[];
}

export interface Oracle {
  readonly endpoints: readonly OracleEndpoint[];
  /** False for a CNI that enforces nothing. */
  readonly enforcing: boolean;
  /** The verdict for from → to on port/protocol; null when it is not reported (self, external → external, unknown id). */
  allowed(from: string, to: string, port: number, protocol: Protocol): boolean | null;
  /** Whether some policy isolates the endpoint in that direction (§3: selects it with the direction in policyTypes). */
  isolated(id: string, direction: 'Ingress' | 'Egress'): boolean;
}

interface Policy {
  readonly namespace: string;
  readonly spec: Record<string, Json>;
}

// ---------------------------------------------------------------------------------------------
// Reading the YAML into plain objects.

function obj(v: Json): Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {};
}
function list(v: Json): Json[] {
  return Array.isArray(v) ? v : [];
}
function labelsOf(v: Json): Labels {
  const out: Labels = {};
  for (const [k, val] of Object.entries(obj(v))) out[k] = String(val);
  return out;
}
/** §3: "Protocol defaults to TCP" (also for container ports and external host ports, §1). */
function protocolOf(v: Json): Protocol {
  return v === 'UDP' || v === 'SCTP' ? v : 'TCP';
}

export function netpolOracle(files: readonly { name: string; text: string }[]): Oracle {
  const objects: Record<string, Json>[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(f.text)) {
      const js = obj(doc.toJS());
      if (typeof js.kind === 'string') objects.push(js);
    }
  }
  const nsOf = (o: Record<string, Json>) => {
    const ns = obj(o.metadata).namespace;
    return typeof ns === 'string' && ns !== '' ? ns : 'default';
  };
  const nameOf = (o: Record<string, Json>) => String(obj(o.metadata).name ?? '');

  // §1: every namespace carries kubernetes.io/metadata.name: <name> (the API server sets it, whatever
  // was written); a namespace used but never declared exists with only that label.
  const declaredNs = new Map<string, Labels>();
  for (const o of objects) if (o.kind === 'Namespace') declaredNs.set(nameOf(o), labelsOf(obj(o.metadata).labels));
  const namespaceLabels = (ns: string): Labels => ({ ...(declaredNs.get(ns) ?? {}), 'kubernetes.io/metadata.name': ns });

  const endpoints: OracleEndpoint[] = [];
  for (const o of objects) {
    if (o.kind !== 'Pod') continue;
    const spec = obj(o.spec);
    const ports = list(spec.containers).flatMap((c) => list(obj(c).ports).map((p) => {
      const port = obj(p);
      return { port: Number(port.containerPort), protocol: protocolOf(port.protocol), name: typeof port.name === 'string' ? port.name : null };
    }));
    endpoints.push({
      id: `${nsOf(o)}/${nameOf(o)}`, kind: 'pod', ip: String(obj(o.status).podIP ?? ''), namespace: nsOf(o),
      labels: labelsOf(obj(o.metadata).labels), hostNetwork: spec.hostNetwork === true, ports,
    });
  }
  for (const o of objects) {
    if (o.kind !== 'ExternalHost') continue;
    const spec = obj(o.spec);
    endpoints.push({
      id: String(spec.ip), kind: 'external', ip: String(spec.ip), namespace: null, labels: {}, hostNetwork: false,
      ports: list(spec.ports).map((p) => ({ port: Number(obj(p).port), protocol: protocolOf(obj(p).protocol), name: null })),
    });
  }
  const policies: Policy[] = objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => ({ namespace: nsOf(o), spec: obj(o.spec) }));

  // §3 "CNI": calico (the default), cilium and kindnet as kind ships it since v0.24 enforce;
  // flannel and the kindnet before v0.24 (its own name, §1: kindnet-legacy) enforce nothing.
  const cluster = objects.find((o) => o.kind === 'Cluster');
  const cni = String(obj(cluster?.spec).cni ?? 'calico');
  const enforcing = cni !== 'flannel' && cni !== 'kindnet-legacy';

  const byId = new Map(endpoints.map((e) => [e.id, e]));

  /** The policies that isolate `e` for `direction` (§3 isolation; hostNetwork lab rule; external hosts never). */
  const isolating = (e: OracleEndpoint, direction: 'Ingress' | 'Egress'): Policy[] => {
    if (e.kind !== 'pod' || e.hostNetwork) return [];
    return policies.filter((p) => p.namespace === e.namespace && selectorMatches(p.spec.podSelector, e.labels) && policyTypes(p.spec).includes(direction));
  };

  /** One direction's verdict: not isolated ⇒ allowed; isolated ⇒ some rule of some isolating policy matches. */
  const directionAllows = (subject: OracleEndpoint, direction: 'Ingress' | 'Egress', remote: OracleEndpoint, dest: OracleEndpoint, port: number, protocol: Protocol): boolean => {
    const pols = isolating(subject, direction);
    if (pols.length === 0) return true;
    for (const p of pols) {
      const rules = list(direction === 'Ingress' ? p.spec.ingress : p.spec.egress);
      for (const r of rules) {
        const rule = obj(r);
        const peers = list(direction === 'Ingress' ? rule.from : rule.to);
        const ports = list(rule.ports);
        // §3: from/to absent or [] ⇒ all peers; ports absent or [] ⇒ all ports and protocols; AND.
        const peerOk = peers.length === 0 || peers.some((peer) => peerMatches(obj(peer), p.namespace, remote, namespaceLabels));
        const portOk = ports.length === 0 || ports.some((entry) => portMatches(obj(entry), dest, port, protocol));
        if (peerOk && portOk) return true;
      }
    }
    return false;
  };

  return {
    endpoints,
    enforcing,
    allowed(from, to, port, protocol) {
      const a = byId.get(from), b = byId.get(to);
      if (!a || !b || a === b) return null; // §3: traffic from a pod to itself is not reported
      if (a.kind === 'external' && b.kind === 'external') return null;
      if (!enforcing) return true;
      // §3: allowed iff A's egress allows it AND B's ingress allows it; named ports resolve on B.
      return directionAllows(a, 'Egress', b, b, port, protocol) && directionAllows(b, 'Ingress', a, b, port, protocol);
    },
    isolated(id, direction) {
      const e = byId.get(id);
      return e !== undefined && isolating(e, direction).length > 0;
    },
  };
}

/** §3 defaulting: absent (or empty) ⇒ [Ingress], plus Egress when spec.egress is non-empty. */
function policyTypes(spec: Record<string, Json>): string[] {
  const written = list(spec.policyTypes);
  if (written.length > 0) return written.map(String);
  return list(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/**
 * §3 "Peers": podSelector alone ⇒ pods of the policy's namespace; namespaceSelector alone ⇒ pods of
 * matching namespaces; both ⇒ both (AND); ipBlock ⇒ the address in cidr and in no except (pod IPs
 * too, lab rule). Selector peers never match a host outside the cluster.
 * hostNetwork pods (§3 lab rule: "policies do not apply to them"), as upstream's most common
 * implementation has it (kubernetes.io "Network Policies", "NetworkPolicy and hostNetwork pods":
 * the plugin "ignores hostNetwork pods when matching podSelector and namespaceSelector. Traffic
 * to/from hostNetwork pods is treated the same as all other traffic to/from the node IP"): never
 * isolated, never matched by a selector peer, matched by ipBlock on their (node) address.
 */
function peerMatches(peer: Record<string, Json>, policyNs: string, remote: OracleEndpoint, nsLabels: (ns: string) => Labels): boolean {
  if (peer.ipBlock !== undefined && peer.ipBlock !== null) {
    const block = obj(peer.ipBlock);
    if (!inCidr(remote.ip, String(block.cidr))) return false;
    return !list(block.except).some((x) => inCidr(remote.ip, String(x)));
  }
  if (remote.kind !== 'pod' || remote.hostNetwork || remote.namespace === null) return false;
  const hasNs = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  const hasPod = peer.podSelector !== undefined && peer.podSelector !== null;
  const nsOk = hasNs ? selectorMatches(peer.namespaceSelector, nsLabels(remote.namespace)) : remote.namespace === policyNs;
  const podOk = hasPod ? selectorMatches(peer.podSelector, remote.labels) : true;
  return nsOk && podOk;
}

/**
 * §3 "Ports": protocol (default TCP) must be equal; no port ⇒ every port of it; a number, or the
 * inclusive range port..endPort; a name resolves against the destination pod's containerPorts with
 * that name and protocol (nothing by that name ⇒ no match; external hosts have no names, nor do
 * hostNetwork pods, which policies see as their node's address).
 */
function portMatches(entry: Record<string, Json>, dest: OracleEndpoint, port: number, protocol: Protocol): boolean {
  const entryProtocol = protocolOf(entry.protocol);
  if (entryProtocol !== protocol) return false;
  const p = entry.port;
  if (p === undefined || p === null) return true;
  if (typeof p === 'string') {
    if (dest.kind !== 'pod' || dest.hostNetwork) return false;
    return dest.ports.some((cp) => cp.name === p && cp.protocol === entryProtocol && cp.port === port);
  }
  const from = Number(p);
  if (entry.endPort !== undefined && entry.endPort !== null) return port >= from && port <= Number(entry.endPort);
  return port === from;
}

/**
 * §3 "Selectors": matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) ANDed; an empty
 * (or absent) selector matches everything; NotIn and DoesNotExist match objects without the key.
 */
export function selectorMatches(selector: Json, labels: Labels): boolean {
  const s = obj(selector);
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  for (const [k, v] of Object.entries(obj(s.matchLabels))) {
    if (!has(k) || labels[k] !== String(v)) return false;
  }
  for (const e of list(s.matchExpressions)) {
    const req = obj(e);
    const key = String(req.key);
    const values = list(req.values).map(String);
    switch (req.operator) {
      case 'In': if (!has(key) || !values.includes(labels[key] as string)) return false; break;
      case 'NotIn': if (has(key) && values.includes(labels[key] as string)) return false; break;
      case 'Exists': if (!has(key)) return false; break;
      case 'DoesNotExist': if (has(key)) return false; break;
      default: return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Addresses as numbers: IPv4 = 32 bits, IPv6 = 128 bits; an address is in a block of its own family
// only. Only the plain text forms the generators write (dotted quads; IPv6 groups with one `::`).

interface Address { readonly bits: 32 | 128; readonly value: bigint }

export function parseAddress(text: string): Address | null {
  if (text.includes(':')) {
    const halves = text.split('::');
    if (halves.length > 2) return null;
    const groups = (h: string | undefined) => (h === undefined || h === '' ? [] : h.split(':'));
    const head = groups(halves[0]), tail = groups(halves[1]);
    const missing = 8 - head.length - tail.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
    const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
    let value = 0n;
    for (const g of all) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      value = (value << 16n) + BigInt(parseInt(g, 16));
    }
    return { bits: 128, value };
  }
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return null;
    value = (value << 8n) + BigInt(Number(p));
  }
  return { bits: 32, value };
}

/** Is `ip` inside `cidr` (network/prefix; host bits of the network are ignored, as Go's ParseCIDR masks them)? */
export function inCidr(ip: string, cidr: string): boolean {
  const [net, prefixText] = cidr.split('/');
  const a = parseAddress(ip), n = parseAddress(net ?? '');
  const prefix = Number(prefixText);
  if (!a || !n || a.bits !== n.bits || !Number.isInteger(prefix) || prefix < 0 || prefix > a.bits) return false;
  const shift = BigInt(a.bits - prefix);
  return a.value >> shift === n.value >> shift;
}
