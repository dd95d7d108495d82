import type { PendingDiagnostic, Service, ServicePort } from '../model/index.js';
import { fnv1a } from '../cluster/hash.js';
import { parseIP } from '../net/index.js';
import { Diags } from './diag.js';
import { goStrings } from './service.js';

/**
 * ClusterIPs and NodePorts, as the API server allocates them on create
 * (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator), with kubeadm's
 * defaults: --service-cluster-ip-range 10.96.0.0/12, --service-node-port-range 30000-32767.
 *
 * Both ranges are split in two bands (KEP-3070, KEP-3668): the lower "static" band is meant for
 * addresses people write themselves, dynamic allocation takes the upper band first. ipallocator
 * calculateRangeOffset: min(max(16, size/16), 256) addresses (256 for a /12, i.e. 10.96.0.1-10.96.1.0);
 * portallocator calculateRangeOffset: min(max(16, size/32), 128) ports (86 for 30000-32767).
 * Lab rule: instead of the next free address, a generated one is chosen by a hash of
 * `namespace/name` inside the dynamic band (probing upwards on a collision), so it never moves when
 * unrelated objects change; declared ones are kept and never collide.
 */
export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** kubeadm: the first address of the range is the `kubernetes` Service; the tenth is kube-dns (cmd/kubeadm/app/constants GetDNSIP). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const KUBE_DNS_IP = '10.96.0.10';

const BASE = (10 << 24 | 96 << 16) >>> 0;
/** Usable addresses: without the network (.0) and broadcast addresses of the /12. */
const MAX = 2 ** 20 - 2;
const IP_STATIC_BAND = Math.min(Math.max(16, Math.floor(2 ** 20 / 16)), 256);
const PORT_RANGE = NODE_PORT_MAX - NODE_PORT_MIN + 1;
const PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor(PORT_RANGE / 32)), 128);

/** Offset within the range (0 = 10.96.0.1), or null when the address is not allocatable from it. */
export function ipOffset(text: string): number | null {
  const ip = parseIP(text);
  if (!ip || ip.family !== 4) return null;
  const [a = 0, b = 0, c = 0, d = 0] = ip.bytes;
  const n = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const offset = n - BASE - 1;
  return offset >= 0 && offset < MAX ? offset : null;
}

export function ipAt(offset: number): string {
  const n = (BASE + 1 + offset) >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The dynamic band of the service range: where generated ClusterIPs go. */
export const DYNAMIC_IPS = { first: ipAt(IP_STATIC_BAND), last: ipAt(MAX - 1) };
export const DYNAMIC_NODE_PORTS = { first: NODE_PORT_MIN + PORT_STATIC_BAND, last: NODE_PORT_MAX };

/**
 * Allocates every Service (given in apply order, so the first to claim an address keeps it) and
 * returns those the API server accepts. `reserved`: well-known addresses (offset → `namespace/name`
 * of the Service they belong to: `default/kubernetes`, `kube-system/kube-dns`); a scenario that
 * declares one of these Services gets its address.
 */
export function allocateServices(services: readonly Service[], reserved: ReadonlyMap<number, string>, diagnostics: PendingDiagnostic[]): Service[] {
  const ips = new Map(reserved);
  const ports = new Set<number>();
  const accepted: Service[] = [];
  for (const svc of services) {
    const diags = new Diags(svc.ref ?? { file: '', doc: -1, path: [] }, `Service/${svc.namespace}/${svc.name}`);
    if (claimDeclared(svc, ips, ports, diags)) accepted.push(svc);
    diagnostics.push(...diags.list);
  }
  const byKey = [...accepted].sort((a, b) => cmp(key(a), key(b)));
  const done = new Map<Service, Service>();
  for (const svc of byKey) {
    const clusterIP = svc.clusterIP === '' && svc.type !== 'ExternalName' ? generateIP(key(svc), ips) : svc.clusterIP;
    const needsNodePort = svc.type === 'NodePort' || svc.type === 'LoadBalancer';
    const svcPorts = svc.ports.map((p): ServicePort => (needsNodePort && p.nodePort === undefined ? { ...p, nodePort: generatePort(`${key(svc)}/${p.protocol}/${p.port}`, ports) } : p));
    done.set(svc, { ...svc, clusterIP, ports: svcPorts });
  }
  return accepted.map((s) => done.get(s) ?? s);
}

/** Declared ClusterIP and NodePorts: in range and free, else the API server's error and the Service is refused. */
function claimDeclared(svc: Service, ips: Map<number, string>, ports: Set<number>, diags: Diags): boolean {
  let ok = true;
  if (svc.clusterIPDeclared && svc.clusterIP !== 'None') {
    const offset = ipOffset(svc.clusterIP);
    const at = { path: svc.ref ? ['spec', 'clusterIP'] : [] };
    const fail = (why: string) => {
      diags.invalid('service-ip-invalid', ['spec', 'clusterIPs'], goStrings([svc.clusterIP]), `failed to allocate IP ${svc.clusterIP}: ${why}`, at);
      ok = false;
    };
    if (offset === null) fail(`the provided IP (${svc.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    else if (ips.has(offset) && ips.get(offset) !== key(svc)) fail('provided IP is already allocated');
    else ips.set(offset, key(svc));
  }
  const mine = new Set<number>();
  svc.ports.forEach((p, i) => {
    if (p.nodePort === undefined) return;
    const path = ['spec', 'ports', i, 'nodePort'];
    if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      diags.invalid('service-port-invalid', path, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`);
      ok = false;
    } else if (ports.has(p.nodePort) && !mine.has(p.nodePort)) {
      // One Service may use a NodePort for several protocols; another Service may not take it.
      diags.invalid('service-port-invalid', path, p.nodePort, 'provided port is already allocated');
      ok = false;
    } else {
      ports.add(p.nodePort);
      mine.add(p.nodePort);
    }
  });
  return ok;
}

function generateIP(seed: string, ips: Map<number, string>): string {
  for (const [offset, owner] of ips) if (owner === seed) return ipAt(offset);
  const size = MAX - IP_STATIC_BAND;
  const h = fnv1a(seed);
  for (let k = 0; k < size; k++) {
    const offset = IP_STATIC_BAND + ((h + k) % size);
    if (!ips.has(offset)) {
      ips.set(offset, seed);
      return ipAt(offset);
    }
  }
  return ipAt(IP_STATIC_BAND + (h % size));
}

function generatePort(seed: string, ports: Set<number>): number {
  const size = PORT_RANGE - PORT_STATIC_BAND;
  const h = fnv1a(seed);
  for (let k = 0; k < size; k++) {
    const port = NODE_PORT_MIN + PORT_STATIC_BAND + ((h + k) % size);
    if (!ports.has(port)) {
      ports.add(port);
      return port;
    }
  }
  return NODE_PORT_MIN + PORT_STATIC_BAND + (h % size);
}

const key = (s: { namespace: string; name: string }) => `${s.namespace}/${s.name}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
