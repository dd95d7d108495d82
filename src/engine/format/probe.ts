import type { IcmpResult, ProbeResult, ServiceTrap } from '../model/index.js';
import { formatDirection, formatExplanation, type FormatOptions, type Locale } from './explanation.js';
import { probeEn, probeKo, type ProbeText } from './probe-text.js';

const text = (locale: Locale): ProbeText => (locale === 'ko' ? probeKo : probeEn);

/** The service-port trap in one sentence ("the Service forwards 8080 to pod port 80; policy X allows 8080, not 80"). */
export function formatServiceTrap(trap: ServiceTrap, locale: Locale): string {
  return text(locale).trap(String(trap.servicePort), String(trap.targetPort), trap.policy);
}

/**
 * A whole probe, step by step, as the one plain-text rendering (terminal hint, explanation panel,
 * CLI): the lookup, the Service's translation and its endpoints, the trap when it applies, the
 * NetworkPolicy explanation of the flow that was judged, and one result line last.
 */
export function formatProbe(r: ProbeResult, locale: Locale, options: FormatOptions = {}): string {
  const t = text(locale);
  const q = r.request;
  const lines: string[] = [`${q.from} → ${q.host}:${q.port}/${q.protocol}`];
  if (r.reason === 'no-client') return [...lines, t.noClient(q.from)].join('\n');
  lines.push(...dnsLines(t, r, locale, options));
  const portText = `${q.port}/${q.protocol}`;
  if (r.masqueradedFrom !== undefined && r.service) lines.push(t.nodePort(r.address ?? '', portText, r.service.key, r.masqueradedFrom));
  if (r.service) {
    const svc = r.service;
    if (r.reason === 'no-service-port') lines.push(t.serviceNoPort(svc.key, portText, r.address ?? ''));
    else if (r.reason === 'no-endpoints') lines.push(t.serviceNoEndpoints(svc.key, portText));
    else if (r.endpoint) {
      const ready = r.candidates.length;
      const where = locale === 'ko' ? `${r.endpoint.id}(${r.endpoint.ip}:${r.endpoint.port})` : `${r.endpoint.id} at ${r.endpoint.ip}:${r.endpoint.port}`;
      lines.push(t.serviceLine(svc.key, portText, String(svc.targetPort), ready, where));
      if (r.candidates.some((c) => !c.allowed) && r.candidates.some((c) => c.allowed)) {
        lines.push(t.endpoints(r.candidates.map((c) => `${c.id} ${c.ip}:${c.port} ${c.allowed ? t.allowed : t.denied}`).join(', ')));
      }
    }
  }
  if (r.serviceTrap) lines.push(formatServiceTrap(r.serviceTrap, locale));
  if (r.explanation) lines.push('', formatExplanation(r.explanation, locale, options));
  lines.push('', resultLine(t, r));
  return lines.join('\n');
}

function dnsLines(t: ProbeText, r: ProbeResult, locale: Locale, options: FormatOptions): string[] {
  const dns = r.dns;
  if (!dns) return [];
  const host = r.request.host;
  if (dns.serverPod === null) return [t.dnsNoServer(dns.server)];
  if (!dns.allowed) return [t.dnsBlocked(dns.server, dns.serverPod), ...(dns.explanation ? ['', formatExplanation(dns.explanation, locale, options)] : [])];
  const a = dns.answer;
  if (!a) return [];
  if (a.status === 'NXDOMAIN') return [t.dnsNxdomain(host, a.tried.join(', ') || host)];
  if (a.addresses.length === 0 && a.cname) return [t.dnsCname(host, a.cname)];
  return [t.dnsAnswer(host, a.fqdn, a.addresses.join(', '), dns.server, dns.serverPod)];
}

function resultLine(t: ProbeText, r: ProbeResult): string {
  const at = r.endpoint ? `${r.endpoint.ip}:${r.endpoint.port}/${r.request.protocol}` : `${r.address ?? r.request.host}:${r.request.port}/${r.request.protocol}`;
  const svc = r.service?.key ?? '';
  const portText = `${r.request.port}/${r.request.protocol}`;
  switch (r.reason) {
    case 'ok': {
      const s = r.server;
      if (s && s.podKey) return t.connected(t.inPod(t.server[s.kind], s.podKey), at);
      return t.connectedAddress(at);
    }
    case 'not-listening': {
      const listening = (r.listening ?? []).map((l) => `${l.port}/${l.protocol}`);
      return listening.length > 0 ? t.refused(at, listening.join(', ')) : t.refusedNothing(at);
    }
    case 'no-endpoints': return t.refusedNoEndpoints(svc, portText);
    case 'policy': return t.timeoutPolicy;
    case 'no-service-port': return t.timeoutNoPort(svc, portText, r.address ?? '');
    case 'no-route': return t.timeoutNoRoute(r.address ?? r.request.host);
    case 'nxdomain': return t.nxdomain;
    case 'dns-policy': return t.dnsTimeout;
    case 'dns-no-server': return t.dnsFailed;
    case 'no-client': return t.noClient(r.request.from);
  }
}

/** `ping`: the lookup, each direction's verdict for ICMP, one result line. */
export function formatIcmp(r: IcmpResult, locale: Locale, options: FormatOptions = {}): string {
  const t = text(locale);
  const lines: string[] = [`${r.request.from} → ${r.request.host} ICMP`];
  if (r.reason === 'no-client') return [...lines, t.noClient(r.request.from)].join('\n');
  lines.push(...dnsLines(t, { ...asProbe(r) }, locale, options));
  const to = r.address ?? r.request.host;
  const target = r.target ?? to;
  if (r.egress && r.ingress && r.enforced) {
    lines.push('', ...formatDirection(r.egress, r.request.from, target, locale, options), ...formatDirection(r.ingress, target, r.request.from, locale, options));
  }
  lines.push('', icmpResult(t, r, to));
  return lines.join('\n');
}

function icmpResult(t: ProbeText, r: IcmpResult, address: string): string {
  switch (r.reason) {
    case 'ok': return t.icmpReply(address);
    case 'cluster-ip': return t.icmpClusterIP(address);
    case 'policy': return t.icmpPolicy;
    case 'no-route': return t.icmpNoRoute(address);
    case 'nxdomain': return t.nxdomain;
    case 'dns-policy': return t.dnsTimeout;
    case 'dns-no-server': return t.dnsFailed;
    case 'no-client': return t.noClient(r.request.from);
  }
}

/** The DNS part of a ping result in the shape dnsLines reads. */
function asProbe(r: IcmpResult): ProbeResult {
  return {
    request: { from: r.request.from, host: r.request.host, port: 0, protocol: 'TCP' }, outcome: 'timeout', reason: 'ok', dns: r.dns,
    address: r.address, service: null, endpoint: null, candidates: [], explanation: null, listening: null, server: null, enforced: r.enforced,
  };
}
