import type { DirectionExplanation, Explanation } from './network.js';
import type { Protocol } from './objects.js';

/** What the cluster DNS record that answered is. */
export type DnsRecordKind = 'service' | 'headless' | 'endpoint' | 'pod' | 'external-name';

/**
 * The answer a pod gets for an A lookup through its resolv.conf (search list + ndots:5) from
 * CoreDNS. `tried` lists every name queried, in order, up to and including the one that answered.
 */
export type DnsAnswer =
  | {
      readonly status: 'NOERROR';
      /** As typed (lower case). */
      readonly name: string;
      /** The name that answered, without the trailing dot. */
      readonly fqdn: string;
      /** A records, sorted; empty when a CNAME leads outside the cluster (the lab has no internet). */
      readonly addresses: readonly string[];
      /** ExternalName: the CNAME target. */
      readonly cname?: string;
      readonly kind: DnsRecordKind;
      /** `namespace/name` of the Service behind the answer. */
      readonly service?: string;
      readonly tried: readonly string[];
    }
  | {
      readonly status: 'NXDOMAIN';
      readonly name: string;
      readonly tried: readonly string[];
    };

export type ProbeOutcome = 'connected' | 'refused' | 'timeout' | 'nxdomain' | 'dns-timeout';

export type ProbeReason =
  | 'ok'
  /** A NetworkPolicy dropped the packets (client egress or server ingress). */
  | 'policy'
  /** The packets arrived; nothing listens on that port (RST: "Connection refused"). */
  | 'not-listening'
  /** The Service has no ready endpoint for that port: kube-proxy REJECTs at once. */
  | 'no-endpoints'
  /** The ClusterIP has no such port: kube-proxy has no rule, the packets go nowhere. */
  | 'no-service-port'
  | 'nxdomain'
  /** The lookup itself (client → CoreDNS, 53/UDP) was dropped by a NetworkPolicy. */
  | 'dns-policy'
  /** No DNS server answers: the kube-dns Service has no ready endpoint. */
  | 'dns-no-server'
  /** Nothing has that address (the lab has no internet). */
  | 'no-route'
  /** The client pod does not exist or has no address. */
  | 'no-client';

export type ServerKind = 'nginx' | 'httpd' | 'redis' | 'mysql' | 'postgres' | 'generic';

export interface ProbeRequest {
  /** The client pod, `namespace/name`. */
  readonly from: string;
  /** As typed: a name, an FQDN (trailing dot allowed), an IPv4 address, or `localhost`. */
  readonly host: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface ProbeCandidate {
  /** The endpoint pod (`namespace/name`), or the address when no pod has it. */
  readonly id: string;
  readonly ip: string;
  readonly port: number;
  readonly allowed: boolean;
}

/** The service-port trap: the policy admits the Service's port, the pod is reached on the target port. */
export interface ServiceTrap {
  readonly servicePort: number;
  readonly targetPort: number;
  /** `namespace/name` of the policy that admits the Service port. */
  readonly policy: string;
  readonly direction: 'Ingress' | 'Egress';
}

/**
 * The one answer to "does `wget`/`nc`/`curl` from this pod reach that host:port?" (architecture.md
 * practice 13): the DNS flow, the DNAT, the NetworkPolicy verdict and what listens, each step
 * with its data, from the same functions that draw the graph.
 */
export interface ProbeResult {
  readonly request: ProbeRequest;
  readonly outcome: ProbeOutcome;
  readonly reason: ProbeReason;
  /** null when the host is an address (or localhost): no lookup. */
  readonly dns: null | {
    readonly server: string;
    /** The CoreDNS pod the lookup went to (first in name order), null when none is ready. */
    readonly serverPod: string | null;
    readonly allowed: boolean;
    readonly answer: DnsAnswer | null;
    /** client → CoreDNS on 53/UDP, after DNAT. */
    readonly explanation: Explanation | null;
  };
  /** The address connected to (the ClusterIP, a pod IP, …), null when the name did not resolve. */
  readonly address: string | null;
  readonly service: null | { readonly key: string; readonly port: number; readonly targetPort: number; readonly portName?: string };
  /** Where the packets went after DNAT (the chosen endpoint), or the addressed pod/host. */
  readonly endpoint: null | { readonly id: string; readonly ip: string; readonly port: number };
  /** Every ready endpoint of the Service port, each with its own verdict. */
  readonly candidates: readonly ProbeCandidate[];
  /** The NetworkPolicy verdict for the connection (after DNAT), null when none applies (loopback, no route). */
  readonly explanation: Explanation | null;
  /** What listens where the packets arrived (for "nothing listens on 8080; nginx listens on 80"); null when they arrived nowhere. */
  readonly listening: readonly { readonly port: number; readonly protocol: Protocol }[] | null;
  /** What answered (or would have), when known. */
  readonly server: null | { readonly kind: ServerKind; readonly podKey: string | null; readonly container: string | null; readonly image: string | null };
  /** false when the CNI enforces no NetworkPolicy. */
  readonly enforced: boolean;
  readonly serviceTrap?: ServiceTrap;
  /** Through a NodePort: kube-proxy masqueraded the source, the server's ingress saw this node address. */
  readonly masqueradedFrom?: string;
}

export type IcmpOutcome = 'reply' | 'timeout' | 'nxdomain' | 'dns-timeout';

/** `ping`: ICMP echo, judged by the CNI's reading of NetworkPolicy (service/icmp.ts). */
export interface IcmpResult {
  readonly request: { readonly from: string; readonly host: string };
  readonly outcome: IcmpOutcome;
  readonly dns: ProbeResult['dns'];
  readonly address: string | null;
  /** What was judged: the pod (`namespace/name`) that has the address, or the address; null before an address is known. */
  readonly target: string | null;
  /** Why: `ok`, `policy`, `cluster-ip` (a ClusterIP never answers ping under kube-proxy iptables), `no-route`, … */
  readonly reason: 'ok' | 'policy' | 'cluster-ip' | 'no-route' | 'nxdomain' | 'dns-policy' | 'dns-no-server' | 'no-client';
  readonly egress: DirectionExplanation | null;
  readonly ingress: DirectionExplanation | null;
  readonly enforced: boolean;
}
