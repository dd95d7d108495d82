import type { Analysis, DnsAnswer, DnsRecordKind, ServiceReport } from '../model/index.js';
import { parseIP } from '../net/index.js';

/** kubeadm's cluster domain (KubeletConfiguration clusterDomain). */
export const CLUSTER_DOMAIN = 'cluster.local';
/** The kube-dns Service's address: every pod's resolv.conf `nameserver`. */
export const CLUSTER_DNS_IP = '10.96.0.10';
/**
 * plugin/backend_lookup.go maxCnameChainLength (10 since coredns v1.12.1, #7153): a CNAME is added
 * and followed while `len(previousRecords) > maxCnameChainLength` is false, so a chain holds at most
 * 11 CNAMEs. `depth` below is the number of CNAMEs before the one being followed.
 */
const MAX_CNAME_CHAIN = 10;

type Found = { readonly addresses: readonly string[]; readonly kind: DnsRecordKind; readonly service?: string; readonly cname?: string };

/**
 * The kubelet writes each pod's resolv.conf as `nameserver 10.96.0.10`,
 * `search <ns>.svc.cluster.local svc.cluster.local cluster.local`, `options ndots:5` (docs "DNS for
 * Services and Pods"; pkg/kubelet/network/dns). The resolver (glibc res_search, musl alike) tries a
 * name with fewer than ndots dots through the search list first, then as is; a name with at least
 * ndots dots as is first; a name ending in a dot only as is.
 */
export function searchList(clientNamespace: string, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const search = [`${clientNamespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN].map((d) => `${name}.${d}`);
  const dots = name.split('.').length - 1;
  return dots >= 5 ? [name, ...search] : [...search, name];
}

/** A host name as resolvers accept it: letters, digits, `-`, `_`, dot-separated non-empty labels of at most 63. */
function validName(name: string): boolean {
  const base = name.endsWith('.') ? name.slice(0, -1) : name;
  if (base === '' || base.length > 253) return false;
  return base.split('.').every((l) => l.length > 0 && l.length <= 63 && /^[a-z0-9_-]+$/.test(l));
}

/**
 * Cluster DNS, as CoreDNS's kubernetes plugin answers an A query (plugin/kubernetes kubernetes.go
 * findServices/findPods, parse.go parseRequest) behind the pod's search list. Pure lookup: whether
 * the query reaches CoreDNS at all is the probe's business (service/probe.ts).
 * - `svc.ns.svc.cluster.local` → the ClusterIP (even with no endpoints);
 * - headless → the ready endpoints' IPs (several A records, sorted); none ready → NXDOMAIN;
 * - `<hostname or a-b-c-d>.svc.ns.svc.cluster.local` → that ready endpoint;
 * - ExternalName → CNAME; a target inside cluster.local is followed, one outside is not answered
 *   (the lab has no internet: no addresses); an ExternalName holding an IP gets no record;
 * - `a-b-c-d.ns.pod.cluster.local` → a.b.c.d (kubeadm's Corefile has `pods insecure`: no check
 *   that the pod exists), when the namespace exists;
 * - anything else, including names outside cluster.local (no internet), is NXDOMAIN.
 */
export function resolveName(analysis: Analysis, clientNamespace: string, name: string): DnsAnswer {
  const typed = typeof name === 'string' ? name.trim().toLowerCase() : '';
  if (!validName(typed)) return { status: 'NXDOMAIN', name: typed, tried: [] };
  const tried: string[] = [];
  for (const fqdn of searchList(clientNamespace, typed)) {
    tried.push(fqdn);
    const found = lookup(analysis, fqdn, 0);
    if (found) return { status: 'NOERROR', name: typed, fqdn, ...found, tried };
  }
  return { status: 'NXDOMAIN', name: typed, tried };
}

function lookup(analysis: Analysis, fqdn: string, depth: number): Found | null {
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return null;
  const labels = fqdn.slice(0, -suffix.length).split('.');
  const type = labels.pop();
  const namespace = labels.pop();
  // `ns.svc.cluster.local` and the apex answer NODATA: no address, the search goes on.
  if ((type !== 'svc' && type !== 'pod') || namespace === undefined || labels.length === 0 || labels.length > 2) return null;
  if (!analysis.cluster.namespaces.some((n) => n.name === namespace)) return null;
  if (type === 'pod') return labels.length === 1 ? podRecord(labels[0] ?? '') : null;

  const [first = '', second] = labels;
  const serviceName = second ?? first;
  const svc = analysis.services.find((s) => s.namespace === namespace && s.name === serviceName);
  if (!svc) return null;
  if (second !== undefined) return endpointRecord(svc, first);
  if (svc.type === 'ExternalName') return externalName(analysis, svc, depth);
  if (svc.headless) {
    const ips = readyIPs(svc);
    return ips.length > 0 ? { addresses: ips, kind: 'headless', service: svc.key } : null;
  }
  return { addresses: [svc.clusterIP], kind: 'service', service: svc.key };
}

/** `pods insecure`: `1-2-3-4` is 1.2.3.4 (exactly three dashes, none doubled), whether a pod has it or not. */
function podRecord(label: string): Found | null {
  if ((label.match(/-/g) ?? []).length !== 3 || label.includes('--')) return null;
  const ip = label.replaceAll('-', '.');
  const parsed = parseIP(ip);
  return parsed && parsed.family === 4 ? { addresses: [ip], kind: 'pod' } : null;
}

/** An endpoint's DNS label is its hostname, else its dashed IP (plugin/kubernetes endpointHostname). */
function endpointRecord(svc: ServiceReport, label: string): Found | null {
  if (svc.type === 'ExternalName') return null;
  const ips = svc.backends.filter((b) => b.ready && (b.hostname ?? b.ip.replaceAll('.', '-')) === label).map((b) => b.ip);
  return ips.length > 0 ? { addresses: unique(ips), kind: 'endpoint', service: svc.key } : null;
}

function externalName(analysis: Analysis, svc: ServiceReport, depth: number): Found | null {
  const target = svc.externalName ?? '';
  // plugin/kubernetes findServices: an ExternalName is answered only when it is a name (HostType CNAME).
  if (target === '' || parseIP(target)) return null;
  const base = { kind: 'external-name' as const, service: svc.key, cname: target };
  if (target.endsWith(`.${CLUSTER_DOMAIN}`) && depth <= MAX_CNAME_CHAIN) {
    const next = lookup(analysis, target, depth + 1);
    // Inside the zone CoreDNS follows the CNAME; a dead end gives no record at all.
    return next && next.addresses.length > 0 ? { ...base, addresses: next.addresses } : null;
  }
  // Outside the zone CoreDNS asks upstream, and the lab has no internet: the CNAME leads nowhere.
  return { ...base, addresses: [] };
}

function readyIPs(svc: ServiceReport): string[] {
  return unique(svc.backends.filter((b) => b.ready).map((b) => b.ip));
}

function unique(ips: readonly string[]): string[] {
  return [...new Set(ips)].sort(compareIPs);
}

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
