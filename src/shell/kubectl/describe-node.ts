import type { NodeInfo, PodReport } from '../../engine/index.js';
import { formatRfc1123z, LAB_NOW } from '../clock.js';
import type { Ctx } from '../context.js';
import { hexId } from '../encode.js';
import { isRecord } from '../objects.js';
import { ageOf, CLUSTER_CREATED, createdAt } from './cluster.js';
import { annotationLines, labelLines, describeText } from './describe-util.js';

/**
 * `kubectl describe node NAME`, line for line as kubectl pkg/describe/describe.go describeNode
 * (v0.30.14) lays it out (kubectl-cluster-ops.md "kubectl describe node"): a kubeadm 1.30 node of
 * 2 vCPU / 4 GiB, its conditions, the non-terminated pods scheduled on it with their requests and
 * limits, and the allocated totals with truncated percentages.
 */

const CAPACITY: readonly [string, string][] = [['cpu', '2'], ['ephemeral-storage', '20134592Ki'], ['hugepages-1Gi', '0'], ['hugepages-2Mi', '0'], ['memory', '4005756Ki'], ['pods', '110']];
const ALLOCATABLE: readonly [string, string][] = [['cpu', '2'], ['ephemeral-storage', '19586931083'], ['hugepages-1Gi', '0'], ['hugepages-2Mi', '0'], ['memory', '3903356Ki'], ['pods', '110']];
const ALLOC_CPU_MILLI = 2000;
const ALLOC_MEM_BYTES = 3903356 * 1024;

/** Requests and limits of the cluster's own pods (kubeadm manifests, CNI manifests). */
const SYSTEM_RESOURCES: readonly [RegExp, Res][] = [
  [/^coredns-/, { cpu: 100, mem: 70 * 2 ** 20, cpuLim: 0, memLim: 170 * 2 ** 20 }],
  [/^etcd-/, { cpu: 100, mem: 100 * 2 ** 20, cpuLim: 0, memLim: 0 }],
  [/^kube-apiserver-/, { cpu: 250, mem: 0, cpuLim: 0, memLim: 0 }],
  [/^kube-controller-manager-/, { cpu: 200, mem: 0, cpuLim: 0, memLim: 0 }],
  [/^kube-scheduler-/, { cpu: 100, mem: 0, cpuLim: 0, memLim: 0 }],
  [/^kube-flannel-ds-/, { cpu: 100, mem: 50 * 2 ** 20, cpuLim: 0, memLim: 0 }],
  [/^calico-node-/, { cpu: 250, mem: 0, cpuLim: 0, memLim: 0 }],
  [/^cilium-/, { cpu: 100, mem: 10 * 2 ** 20, cpuLim: 0, memLim: 0 }],
  [/^kindnet-/, { cpu: 100, mem: 50 * 2 ** 20, cpuLim: 100, memLim: 50 * 2 ** 20 }],
];

interface Res { cpu: number; mem: number; cpuLim: number; memLim: number }

/** resource.Quantity parsing of cpu (milli) and memory (bytes). */
function cpuMilli(q: unknown): number {
  const s = String(q ?? '');
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(s);
  if (!m) return 0;
  return m[2] === 'm' ? Number(m[1]) : Math.round(Number(m[1]) * 1000);
}
const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
function bytes(q: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|)$/.exec(String(q ?? ''));
  return m ? Math.round(Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1)) : 0;
}
function cpuString(milli: number): string {
  if (milli === 0) return '0';
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
function memString(b: number): string {
  if (b === 0) return '0';
  for (const [u, f] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (b % f === 0) return `${b / f}${u}`;
  return String(b);
}
const pct = (v: number, total: number) => Math.floor((v / total) * 100);

function podResources(p: PodReport, raw: Record<string, unknown> | undefined): Res {
  if (p.pod.system) return SYSTEM_RESOURCES.find(([re]) => re.test(p.pod.name))?.[1] ?? { cpu: 0, mem: 0, cpuLim: 0, memLim: 0 };
  const spec = isRecord(raw?.['spec']) ? raw['spec'] : {};
  const tmpl = isRecord(spec['template']) && isRecord(spec['template']['spec']) ? spec['template']['spec'] : spec;
  const cs = Array.isArray(tmpl['containers']) ? tmpl['containers'].filter(isRecord) : [];
  const r: Res = { cpu: 0, mem: 0, cpuLim: 0, memLim: 0 };
  for (const c of cs) {
    const res = isRecord(c['resources']) ? c['resources'] : {};
    const req = isRecord(res['requests']) ? res['requests'] : {};
    const lim = isRecord(res['limits']) ? res['limits'] : {};
    r.cpu += cpuMilli(req['cpu'] ?? lim['cpu']);
    r.mem += bytes(req['memory'] ?? lim['memory']);
    r.cpuLim += cpuMilli(lim['cpu']);
    r.memLim += bytes(lim['memory']);
  }
  return r;
}

const uuid = (seed: string) => {
  const h = hexId(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export function describeNode(ctx: Ctx, n: NodeInfo): string {
  const a = ctx.analysis();
  const index = a.nodes.findIndex((x) => x.name === n.name);
  const created = CLUSTER_CREATED + Math.max(0, index) * 151_000;
  const cni = a.cluster.config.cni;
  let s = '';
  s += `Name:\t${n.name}\n`;
  s += `Roles:\t${n.roles.length ? [...n.roles].sort().join(',') : '<none>'}\n`;
  s += labelLines('Labels', n.labels);
  const ann: Record<string, string> = {};
  if (cni === 'flannel') {
    ann['flannel.alpha.coreos.com/backend-data'] = `{"VNI":1,"VtepMAC":"${hexId(`mac/${n.name}`, 12).replace(/(..)(?!$)/g, '$1:')}"}`;
    ann['flannel.alpha.coreos.com/backend-type'] = 'vxlan';
    ann['flannel.alpha.coreos.com/kube-subnet-manager'] = 'true';
    ann['flannel.alpha.coreos.com/public-ip'] = n.ip;
  }
  ann['kubeadm.alpha.kubernetes.io/cri-socket'] = 'unix:///var/run/containerd/containerd.sock';
  ann['node.alpha.kubernetes.io/ttl'] = '0';
  ann['volumes.kubernetes.io/controller-managed-attach-detach'] = 'true';
  s += annotationLines('Annotations', ann);
  s += `CreationTimestamp:\t${formatRfc1123z(created)}\n`;
  const taints = [...n.taints].sort((x, y) => (x.effect + x.key < y.effect + y.key ? -1 : 1)).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  s += taints.length ? taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}\n`).join('') : 'Taints:\t<none>\n';
  s += 'Unschedulable:\tfalse\n';
  const renew = LAB_NOW - (7 + Math.max(0, index) * 11) * 1000;
  s += `Lease:\n  HolderIdentity:\t${n.name}\n  AcquireTime:\t<unset>\n  RenewTime:\t${formatRfc1123z(renew)}\n`;
  const heartbeat = formatRfc1123z(LAB_NOW - (127 + Math.max(0, index) * 19) * 1000);
  const boot = formatRfc1123z(created - 2000);
  const ready = formatRfc1123z(created + 73_000);
  s += 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n  ----\t------\t-----------------\t------------------\t------\t-------\n';
  const cniUp: Readonly<Record<string, [string, string]>> = { flannel: ['FlannelIsUp', 'Flannel is running on this node'], calico: ['CalicoIsUp', 'Calico is running on this node'], cilium: ['CiliumIsUp', 'Cilium is running on this node'] };
  const up = cniUp[cni];
  if (up) s += `  NetworkUnavailable \tFalse \t${formatRfc1123z(created + 69_000)} \t${formatRfc1123z(created + 69_000)} \t${up[0]} \t${up[1]}\n`;
  s += `  MemoryPressure \tFalse \t${heartbeat} \t${boot} \tKubeletHasSufficientMemory \tkubelet has sufficient memory available\n`;
  s += `  DiskPressure \tFalse \t${heartbeat} \t${boot} \tKubeletHasNoDiskPressure \tkubelet has no disk pressure\n`;
  s += `  PIDPressure \tFalse \t${heartbeat} \t${boot} \tKubeletHasSufficientPID \tkubelet has sufficient PID available\n`;
  s += `  Ready \tTrue \t${heartbeat} \t${ready} \tKubeletReady \tkubelet is posting ready status\n`;
  s += `Addresses:\n  InternalIP:\t${n.ip}\n  Hostname:\t${n.name}\n`;
  s += `Capacity:\n${CAPACITY.map(([k, v]) => `  ${k}:\t${v}\n`).join('')}`;
  s += `Allocatable:\n${ALLOCATABLE.map(([k, v]) => `  ${k}:\t${v}\n`).join('')}`;
  const machine = hexId(`machine/${n.name}`, 32);
  s += 'System Info:\n';
  s += `  Machine ID:\t${machine}\n  System UUID:\t${uuid(`machine/${n.name}`)}\n  Boot ID:\t${uuid(`boot/${n.name}`)}\n`;
  s += `  Kernel Version:\t${n.kernelVersion}\n  OS Image:\t${n.osImage}\n  Operating System:\tlinux\n  Architecture:\t${n.architecture}\n`;
  s += `  Container Runtime Version:\t${n.containerRuntime}\n  Kubelet Version:\t${n.kubeletVersion}\n  Kube-Proxy Version:\t${n.kubeletVersion}\n`;
  s += `PodCIDR:\t${n.podCIDR}\nPodCIDRs:\t${n.podCIDR}\n`;
  const pods = a.pods.filter((p) => p.pod.nodeName === n.name).sort((x, y) => (x.pod.namespace + '/' + x.pod.name < y.pod.namespace + '/' + y.pod.name ? -1 : 1));
  s += `Non-terminated Pods:\t(${pods.length} in total)\n`;
  s += '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n';
  s += '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n';
  const total: Res = { cpu: 0, mem: 0, cpuLim: 0, memLim: 0 };
  for (const p of pods) {
    const r = podResources(p, ctx.docAt(p.pod.ref)?.value);
    total.cpu += r.cpu;
    total.mem += r.mem;
    total.cpuLim += r.cpuLim;
    total.memLim += r.memLim;
    s += `  ${p.pod.namespace}\t${p.pod.name}\t\t${cpuString(r.cpu)} (${pct(r.cpu, ALLOC_CPU_MILLI)}%)\t${cpuString(r.cpuLim)} (${pct(r.cpuLim, ALLOC_CPU_MILLI)}%)\t${memString(r.mem)} (${pct(r.mem, ALLOC_MEM_BYTES)}%)\t${memString(r.memLim)} (${pct(r.memLim, ALLOC_MEM_BYTES)}%)\t${ageOf(createdAt(p.pod.system))}\n`;
  }
  s += 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n';
  s += '  Resource\tRequests\tLimits\n  --------\t--------\t------\n';
  s += `  cpu\t${cpuString(total.cpu)} (${pct(total.cpu, ALLOC_CPU_MILLI)}%)\t${cpuString(total.cpuLim)} (${pct(total.cpuLim, ALLOC_CPU_MILLI)}%)\n`;
  s += `  memory\t${memString(total.mem)} (${pct(total.mem, ALLOC_MEM_BYTES)}%)\t${memString(total.memLim)} (${pct(total.memLim, ALLOC_MEM_BYTES)}%)\n`;
  s += '  ephemeral-storage\t0 (0%)\t0 (0%)\n  hugepages-1Gi\t0 (0%)\t0 (0%)\n  hugepages-2Mi\t0 (0%)\t0 (0%)\n';
  s += 'Events:\t<none>\n';
  return describeText(s);
}
