import type { ContainerReport, PodReport } from '../../engine/index.js';
import { formatRfc1123z } from '../clock.js';
import type { Ctx } from '../context.js';
import { hexId } from '../encode.js';
import { createdAt, replicaSetName } from './cluster.js';
import { apiAccessVolume } from './defaults.js';
import { eventsFor } from './events.js';
import { isRecord } from '../objects.js';
import { annotationLines, describeEvents, labelLines, describeText } from './describe-util.js';

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/**
 * `kubectl describe pod` following kubernetes/kubectl pkg/describe/describe.go describePod /
 * describeContainers / describeStatus; events are the kubelet's for the state the engine decided.
 */
export function describePod(ctx: Ctx, p: PodReport, annotations: Record<string, unknown>): string {
  const pod = p.pod;
  const running = p.status === 'Running';
  const volume = apiAccessVolume(p.key);
  const nodeIp = ctx.analysis().nodes.find((n) => n.name === pod.nodeName)?.ip ?? '';
  const created = createdAt(pod.system);
  let s = '';
  s += `Name:\t${pod.name}\n`;
  s += `Namespace:\t${pod.namespace}\n`;
  s += 'Priority:\t0\n';
  s += `Service Account:\t${pod.serviceAccountName}\n`;
  s += `Node:\t${pod.nodeName}/${nodeIp}\n`;
  s += `Start Time:\t${formatRfc1123z(created)}\n`;
  s += labelLines('Labels', pod.labels);
  s += annotationLines('Annotations', annotations);
  s += `Status:\t${running ? 'Running' : 'Pending'}\n`;
  s += `IP:\t${pod.ip}\n`;
  s += `IPs:\n  IP:\t${pod.ip}\n`;
  if (pod.owner) s += `Controlled By:\t${pod.owner.kind === 'Deployment' ? `ReplicaSet/${replicaSetName(ctx, pod.namespace, pod.owner.name)}` : `${pod.owner.kind}/${pod.owner.name}`}\n`;
  if (p.initContainers.length) s += containers('Init Containers', p.initContainers, volume, created, p.key);
  s += containers('Containers', p.containers, volume, created, p.key);
  s += 'Conditions:\n  Type\tStatus\n';
  const ready = p.containers.every((c) => c.state === 'Running');
  const conds: [string, boolean][] = [['PodReadyToStartContainers', true], ['Initialized', p.initContainers.every((c) => c.state === 'Running')], ['Ready', ready], ['ContainersReady', ready], ['PodScheduled', true]];
  for (const [t, v] of conds) s += `  ${t} \t${v ? 'True' : 'False'} \n`;
  s += 'Volumes:\n';
  s += `  ${volume}:\n`;
  s += '    Type:\tProjected (a volume that contains injected data from multiple sources)\n';
  s += '    TokenExpirationSeconds:\t3607\n    ConfigMapName:\tkube-root-ca.crt\n    ConfigMapOptional:\t<nil>\n    DownwardAPI:\ttrue\n';
  s += 'QoS Class:\tBestEffort\n';
  s += 'Node-Selectors:\t<none>\n';
  s += 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n';
  s += '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n';
  s += describeEvents(eventsFor(ctx, 'Pod', pod.namespace, pod.name));
  return describeText(s);
}

function containers(label: string, list: readonly ContainerReport[], volume: string, created: number, podKey: string): string {
  let s = `${label}:\n`;
  for (const c of list) {
    const ct = c.container;
    s += `  ${ct.name}:\n`;
    const ok = c.state === 'Running';
    s += `    Container ID:\t${ok ? `containerd://${hexId(`${podKey}/${ct.name}`)}` : ''}\n`;
    s += `    Image:\t${ct.image}\n`;
    const ref = c.image.ref;
    s += `    Image ID:\t${ok && ref ? `${ref.registry}/${ref.repository}@sha256:${hexId(ref.reference)}` : ''}\n`;
    const ports = ct.ports.map((x) => `${x.containerPort}/${x.protocol}`);
    s += ports.length > 1 ? `    Ports:\t${ports.join(', ')}\n` : `    Port:\t${ports[0] ?? '<none>'}\n`;
    const host = ct.ports.map((x) => `0/${x.protocol}`);
    s += host.length > 1 ? `    Host Ports:\t${host.join(', ')}\n` : `    Host Port:\t${host[0] ?? '<none>'}\n`;
    if (ct.command.length) s += `    Command:\n${ct.command.map((x) => `      ${x}\n`).join('')}`;
    if (ct.args.length) s += `    Args:\n${ct.args.map((x) => `      ${x}\n`).join('')}`;
    if (ok) s += `    State:\tRunning\n      Started:\t${formatRfc1123z(created + 5000)}\n`;
    else s += `    State:\tWaiting\n      Reason:\t${c.state}\n`;
    s += `    Ready:\t${ok ? 'True' : 'False'}\n`;
    s += '    Restart Count:\t0\n';
    if (ct.env.length === 0) s += '    Environment:\t<none>\n';
    else s += `    Environment:\n${ct.env.map((e) => `      ${e.name}:\t${e.value}\n`).join('')}`;
    s += '    Mounts:\n';
    const mounts = [...ct.volumeMounts.map((m) => `${m.mountPath} from ${m.name} (rw)`), `/var/run/secrets/kubernetes.io/serviceaccount from ${volume} (ro)`].sort();
    for (const m of mounts) s += `      ${m}\n`;
  }
  return s;
}

export function podAnnotations(raw: Record<string, unknown> | undefined): Record<string, unknown> {
  return rec(rec(raw?.['metadata'])['annotations']);
}
