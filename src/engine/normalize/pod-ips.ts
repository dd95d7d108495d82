import type { PendingDiagnostic, Pod } from '../model/index.js';
import { sub } from '../model/index.js';
import { formatIP, parseCIDR, parseIP } from '../net/index.js';
import { fnv1a } from '../cluster/hash.js';
import { nodeByName, scheduleNode } from '../cluster/nodes.js';
import { DEFAULT_POD_CIDR } from './lab-kinds.js';
import type { PodDraft } from './workloads.js';

/**
 * Nodes and pod IPs. Each pod is scheduled (cluster/nodes.ts); a hostNetwork pod shares its node's
 * address (the kubelet reports the node's InternalIP as the pod IP). A declared `status.podIP` is
 * kept. Every other pod gets an address from the pod CIDR chosen by a hash of `namespace/name`, so
 * it does not move when unrelated objects are added or reordered; on a collision (with a declared
 * IP or an earlier pod) it probes upwards, pods taken in key order so the outcome is deterministic,
 * the scenario's pods before the implicit system pods (so these never move a scenario pod).
 * Network and broadcast addresses are never used.
 */
export function assignPodIPs(drafts: readonly PodDraft[], podCIDR: string, diagnostics: PendingDiagnostic[]): Pod[] {
  const cidr = parseCIDR(podCIDR) ?? parseCIDR(DEFAULT_POD_CIDR);
  const taken = new Set<string>();
  const declaredBy = new Map<string, string>();
  for (const d of drafts) {
    if (d.declaredIP === undefined) continue;
    const ip = parseIP(d.declaredIP);
    const key = ip ? formatIP(ip) : d.declaredIP;
    const other = declaredBy.get(key);
    if (other !== undefined && !d.hostNetwork) {
      diagnostics.push({
        severity: 'warning', code: 'pod-ip-duplicate',
        message: `status.podIP ${d.declaredIP} is also declared by pod ${other}`,
        ref: sub(d.ref, 'status', 'podIP'), params: { ip: d.declaredIP, other },
      });
    }
    if (!d.hostNetwork) declaredBy.set(key, `${d.namespace}/${d.name}`);
    taken.add(key);
  }

  const assigned = new Map<PodDraft, string>();
  if (cidr) {
    const bits = cidr.family === 4 ? 32 : 128;
    const size = 1n << BigInt(bits - cidr.prefix);
    const first = size >= 4n ? 1n : 0n;
    const count = size >= 4n ? size - 2n : size;
    const base = toBig(cidr.bytes);
    // Keys built once: building them inside the comparator cost more than the rest of this stage.
    const pending = drafts.filter((d) => d.declaredIP === undefined && !d.hostNetwork).map((d) => ({ d, k: key(d) }));
    pending.sort((a, b) => Number(a.d.system === true) - Number(b.d.system === true) || cmp(a.k, b.k));
    // IPv4 (and any CIDR of at most 2^53 addresses) probes in plain numbers: a /16 holds 65,534
    // pods, and 70,000 pasted pods probed it full with BigInt for every try (hours, issue 12).
    // Once every address is taken the rest are exhausted at once. Same addresses as the BigInt path.
    const numeric = count <= BigInt(Number.MAX_SAFE_INTEGER);
    const used = new Set<number>();
    const skip = new Map<number, number>();
    if (numeric) {
      for (const t of taken) {
        const ip = parseIP(t);
        if (!ip || ip.family !== cidr.family) continue;
        const off = toBig(ip.bytes) - base - first;
        if (off >= 0n && off < count) used.add(Number(off));
      }
    }
    for (const { d, k: name } of pending) {
      const h = BigInt(fnv1a(name));
      const limit = count < 65536n ? count : 65536n;
      let chosen: string | undefined;
      if (numeric) {
        const n = Number(count), hn = Number(h);
        if (used.size < n) {
          // The first free offset from the pod's hash on, as probing one by one finds it, through
          // skip links over taken runs (a /16 filled by 70,000 pods probed tens of thousands of
          // taken addresses per pod: minutes, issue 12); taken only if within the probe limit.
          const start = hn % n;
          const off = nextFree(start, n, used, skip);
          if ((off - start + n) % n < Number(limit)) {
            used.add(off);
            skip.set(off, (off + 1) % n);
            chosen = formatIP({ family: cidr.family, bytes: fromBig(base + first + BigInt(off), cidr.bytes.length) });
          }
        }
      } else {
        for (let k = 0n; k < limit; k++) {
          const ip = formatIP({ family: cidr.family, bytes: fromBig(base + first + ((h + k) % count), cidr.bytes.length) });
          if (!taken.has(ip)) { chosen = ip; break; }
        }
      }
      if (chosen === undefined) {
        // An implicit system pod is never the subject of a diagnostic: it shares an address instead.
        if (!d.system) diagnostics.push({
          severity: 'warning', code: 'pod-cidr-exhausted',
          message: `pod CIDR ${podCIDR} has no free address left for pod ${name}`,
          ref: d.ref, params: { cidr: podCIDR, pod: name },
        });
        chosen = formatIP({ family: cidr.family, bytes: fromBig(base + first + (h % count), cidr.bytes.length) });
      }
      taken.add(chosen);
      assigned.set(d, chosen);
    }
  }

  return drafts.map((d): Pod => {
    const { declaredIP, declaredNodeName, ...rest } = d;
    const nodeName = scheduleNode(d.namespace, d.name, declaredNodeName);
    const ip = declaredIP ?? (d.hostNetwork ? nodeByName(nodeName)?.ip ?? '' : assigned.get(d) ?? '');
    return { ...rest, nodeName, ip, ipDeclared: declaredIP !== undefined };
  });
}

/**
 * The first offset at or after `start` (cyclically over `n`) not in `used`; one must exist. A taken
 * offset's skip link points further on past taken ones (never past a free one: offsets are only
 * ever taken), and every link followed is pointed at the answer (path compression).
 */
function nextFree(start: number, n: number, used: ReadonlySet<number>, skip: Map<number, number>): number {
  let x = start;
  const path: number[] = [];
  while (used.has(x)) {
    path.push(x);
    x = skip.get(x) ?? (x + 1) % n;
  }
  for (const p of path) skip.set(p, x);
  return x;
}

const key = (d: PodDraft) => `${d.namespace}/${d.name}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);


function toBig(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBig(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = n;
  for (let i = length - 1; i >= 0; i--) { out[i] = Number(v & 0xffn); v >>= 8n; }
  return out;
}
