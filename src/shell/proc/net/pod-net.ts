import { formatProbe, probe, probeIcmp, resolveName, type Analysis, type PodReport, type ProbeResult } from '../../../engine/index.js';
import type { Ctx } from '../../context.js';
import type { ProbeRecord } from '../../types.js';
import type { Answer, Connect, DnsRecord, Lookup, Net } from './net.js';

/**
 * A pod's view of the network, answered by the engine: `probe` (DNS flow to CoreDNS, DNAT, the
 * NetworkPolicy verdict, what listens) and `resolveName` — the same verdicts that draw the graph
 * (architecture.md practice 13). Each connection a tool tries is recorded for the terminal's
 * "Why?" (ProbeRecord).
 */
export function podNet(ctx: Ctx, pod: PodReport, tool: string): Net {
  const a = ctx.analysis();
  const from = pod.key;
  const ns = pod.pod.namespace;
  const record = (r: ProbeResult, dnsOnly: boolean) => {
    const rec = toRecord(tool, from, r, dnsOnly);
    if (rec) ctx.probes.push(rec);
  };
  /** Can this pod reach the cluster DNS at all (client egress and CoreDNS ingress on 53/UDP)? */
  const dnsReachable = (name: string): ProbeResult | null => {
    const r = probe(a, { from, host: name.endsWith('.') ? name : `${name}.`, port: 53, protocol: 'UDP' });
    return r.dns && (r.dns.serverPod === null || !r.dns.allowed) ? r : null;
  };
  return {
    clientIP: pod.pod.ip,
    search: [`${ns}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'],
    nameserver: '10.96.0.10',
    lookup(host): Lookup {
      const r = probe(a, { from, host, port: 1, protocol: 'TCP' });
      if (!r.dns) return { kind: 'ok', fqdn: host, addresses: [host] };
      // The lookup is itself a flow to CoreDNS (recorded whether it got through or not).
      record(r, true);
      if (r.outcome === 'dns-timeout') return { kind: 'timeout' };
      const answer = r.dns.answer;
      if (!answer || answer.status !== 'NOERROR' || answer.addresses.length === 0) return { kind: 'nxdomain' };
      return { kind: 'ok', fqdn: answer.cname ?? answer.fqdn, addresses: answer.addresses };
    },
    query(name, type): Answer | 'timeout' {
      const blocked = dnsReachable(name);
      if (blocked) { record(blocked, true); return 'timeout'; }
      if (type === 'PTR') return ptr(a, name);
      const answer = resolveName(a, ns, `${name}.`);
      if (answer.status === 'NXDOMAIN') return { rcode: 'NXDOMAIN' };
      const records: DnsRecord[] = [];
      if (answer.cname) records.push({ type: 'CNAME', name: answer.fqdn, target: answer.cname });
      if (type === 'A') for (const address of answer.addresses) records.push({ type: 'A', name: answer.cname ?? answer.fqdn, address });
      return { rcode: 'NOERROR', authoritative: true, records };
    },
    connect(address, port, protocol): Connect {
      const r = probe(a, { from, host: address, port, protocol });
      record(r, false);
      if (r.outcome === 'connected') {
        const s = r.server;
        return {
          kind: 'open',
          server: { kind: s?.kind ?? 'generic', pod: s?.podKey ?? null, container: s?.container ?? null, image: s?.image ?? null, port: r.endpoint?.port ?? port },
        };
      }
      return r.outcome === 'refused' ? { kind: 'refused' } : { kind: 'timeout' };
    },
    ping(address) {
      return probeIcmp(a, { from, host: address }).outcome === 'reply';
    },
  };
}

/** The flow a probe judged, for the terminal's explanation link; null when no policy flow was involved. */
function toRecord(tool: string, from: string, r: ProbeResult, dnsOnly: boolean): ProbeRecord | null {
  const outcome = r.outcome;
  if (dnsOnly || outcome === 'dns-timeout') {
    const dns = r.dns;
    if (!dns?.serverPod) return null;
    // What the lookup itself came to: CoreDNS reached and answered, answered NXDOMAIN, or never reached.
    const looked = !dns.allowed ? 'dns-timeout' : dns.answer?.status === 'NOERROR' ? 'connected' : 'nxdomain';
    return { tool, from, to: dns.serverPod, port: 53, protocol: 'UDP', allowed: dns.allowed, outcome: looked, dns: true, request: requestOf(r), text: textOf(r) };
  }
  if (!r.endpoint || r.request.protocol === 'SCTP') return null;
  return {
    tool, from, to: r.endpoint.id, port: r.endpoint.port, protocol: r.request.protocol, outcome, dns: false,
    allowed: r.explanation ? r.explanation.allowed : r.reason !== 'policy', request: requestOf(r), text: textOf(r),
    ...(r.service ? { service: { key: r.service.key, port: r.service.port } } : {}),
  };
}

function textOf(r: ProbeResult): ProbeRecord['text'] {
  return { en: formatProbe(r, 'en'), ko: formatProbe(r, 'ko') };
}

function requestOf(r: ProbeResult): ProbeRecord['request'] {
  return { host: r.request.host, port: r.request.port, protocol: r.request.protocol === 'UDP' ? 'UDP' : 'TCP' };
}

/** Reverse lookups CoreDNS answers: a ClusterIP → its Service, an endpoint → its record. */
function ptr(a: Analysis, name: string): Answer {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(name);
  if (!m) return { rcode: 'NXDOMAIN' };
  const ip = [m[4], m[3], m[2], m[1]].join('.');
  const svc = a.services.find((s) => s.clusterIP === ip);
  if (svc) return { rcode: 'NOERROR', authoritative: true, records: [{ type: 'PTR', name, target: `${svc.name}.${svc.namespace}.svc.cluster.local` }] };
  for (const s of a.services) {
    for (const e of s.endpoints) {
      if (e.addresses.some((x) => x.ip === ip)) {
        return { rcode: 'NOERROR', authoritative: true, records: [{ type: 'PTR', name, target: `${ip.replace(/\./g, '-')}.${s.name}.${s.namespace}.svc.cluster.local` }] };
      }
    }
  }
  return { rcode: 'NXDOMAIN' };
}
