/**
 * What a network tool in a container asks of the cluster, and what it hears back. The answers
 * come from the engine (`probe`, `resolveName`: the same verdicts that draw the graph); the tools
 * only word them as busybox, curl or glibc would.
 */
export type Lookup =
  | { readonly kind: 'ok'; readonly fqdn: string; readonly addresses: readonly string[] }
  /** No such name (every candidate of the search list answered NXDOMAIN). */
  | { readonly kind: 'nxdomain' }
  /** The cluster DNS did not answer (a NetworkPolicy drops the query). */
  | { readonly kind: 'timeout' };

/** One DNS query as nslookup sends it: a fully qualified name and a type. */
export type Answer =
  | { readonly rcode: 'NOERROR'; readonly authoritative: boolean; readonly records: readonly DnsRecord[] }
  | { readonly rcode: 'NXDOMAIN' };

export type DnsRecord =
  | { readonly type: 'A' | 'AAAA'; readonly name: string; readonly address: string }
  | { readonly type: 'CNAME'; readonly name: string; readonly target: string }
  | { readonly type: 'PTR'; readonly name: string; readonly target: string };

/** What answers on an open port. */
export interface Server {
  readonly kind: 'nginx' | 'httpd' | 'redis' | 'mysql' | 'postgres' | 'generic';
  /** Pod key and container, to record access log lines (null for a host outside the cluster). */
  readonly pod: string | null;
  readonly container: string | null;
  readonly image: string | null;
  readonly port: number;
}

export type Connect =
  | { readonly kind: 'open'; readonly server: Server }
  | { readonly kind: 'refused' }
  /** Packets dropped (a NetworkPolicy, or nobody at that address): the client waits until its timeout. */
  | { readonly kind: 'timeout' };

export interface Net {
  /** The client's own pod IP (what servers log). */
  readonly clientIP: string;
  /** glibc getaddrinfo with the pod's resolv.conf (search list, ndots:5). */
  lookup(host: string): Lookup;
  /** One query to the cluster DNS (nslookup); 'timeout' when the query cannot reach it. */
  query(name: string, type: 'A' | 'AAAA' | 'PTR'): Answer | 'timeout';
  /** The pod's resolv.conf search list. */
  readonly search: readonly string[];
  readonly nameserver: string;
  connect(address: string, port: number, protocol: 'TCP' | 'UDP'): Connect;
  /** ICMP echo: does a reply come back? */
  ping(address: string): boolean;
}

export const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
