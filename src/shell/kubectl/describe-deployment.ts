import { formatRfc1123z } from '../clock.js';
import type { Ctx } from '../context.js';
import { isRecord } from '../objects.js';
import { replicaSetName, revisionsOf } from './cluster.js';
import { defaultPodSpec } from './defaults.js';
import { annotationLines, describeEvents, labelLines, describeText } from './describe-util.js';
import { eventsFor } from './events.js';
import type { Item } from './items.js';
import { formatLabelSelector } from './selector.js';

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/**
 * DescribePodTemplate (kubectl v0.30 pkg/describe/describe.go): Labels, the containers
 * (describeContainers with space "  ": the name one space further in), Volumes, Node-Selectors,
 * Tolerations.
 */
export function podTemplateLines(template: Record<string, unknown>): string {
  const meta = rec(template['metadata']);
  const spec = defaultPodSpec(template['spec']);
  let s = 'Pod Template:\n';
  s += labelLines('  Labels', rec(meta['labels']));
  if (Object.keys(rec(meta['annotations'])).length) s += annotationLines('  Annotations', rec(meta['annotations']));
  if (typeof spec['serviceAccountName'] === 'string') s += `  Service Account:\t${spec['serviceAccountName']}\n`;
  const containers = (label: string, cs: Record<string, unknown>[]) => {
    let out = `  ${label}:${cs.length ? '' : ' <none>'}\n`;
    for (const c of cs) {
      out += `   ${String(c['name'] ?? '')}:\n`;
      out += `    Image:\t${String(c['image'] ?? '')}\n`;
      const ports = list(c['ports']).map((p) => `${String(p['containerPort'])}/${String(p['protocol'] ?? 'TCP')}`);
      out += ports.length > 1 ? `    Ports:\t${ports.join(', ')}\n` : `    Port:\t${ports[0] ?? '<none>'}\n`;
      const host = list(c['ports']).map((p) => `${String(p['hostPort'] ?? 0)}/${String(p['protocol'] ?? 'TCP')}`);
      out += host.length > 1 ? `    Host Ports:\t${host.join(', ')}\n` : `    Host Port:\t${host[0] ?? '<none>'}\n`;
      for (const [k, title] of [['command', 'Command'], ['args', 'Args']] as const) {
        const words = Array.isArray(c[k]) ? (c[k] as unknown[]).map(String) : [];
        if (words.length) out += `    ${title}:\n${words.flatMap((w) => w.split('\n')).map((w) => `      ${w}\n`).join('')}`;
      }
      const res = rec(c['resources']);
      for (const [k, title] of [['limits', 'Limits'], ['requests', 'Requests']] as const) {
        const q = rec(res[k]);
        const names = Object.keys(q).sort();
        if (names.length) out += `    ${title}:\n${names.map((n) => `      ${n}:\t${String(q[n])}\n`).join('')}`;
      }
      const env = list(c['env']);
      out += env.length ? `    Environment:\n${env.map((e) => `      ${String(e['name'])}:\t${String(e['value'] ?? '')}\n`).join('')}` : '    Environment:\t<none>\n';
      const mounts = list(c['volumeMounts']).sort((a, b) => (String(a['mountPath']) < String(b['mountPath']) ? -1 : 1));
      out += mounts.length ? `    Mounts:\n${mounts.map((m) => `      ${String(m['mountPath'])} from ${String(m['name'])} (${m['readOnly'] === true ? 'ro' : 'rw'})\n`).join('')}` : '    Mounts:\t<none>\n';
    }
    return out;
  };
  const init = list(spec['initContainers']);
  if (init.length) s += containers('Init Containers', init);
  s += containers('Containers', list(spec['containers']));
  const volumes = list(spec['volumes']);
  s += volumes.length ? `  Volumes:\n${volumes.map((v) => `   ${String(v['name'])}:\n`).join('')}` : '  Volumes:\t<none>\n';
  s += labelLines('  Node-Selectors', rec(spec['nodeSelector']));
  const tols = list(spec['tolerations']).sort((a, b) => (String(a['key'] ?? '') < String(b['key'] ?? '') ? -1 : 1)).map((t) => {
    let x = String(t['key'] ?? '');
    if (t['value']) x += `=${String(t['value'])}`;
    if (t['effect']) x += `:${String(t['effect'])}`;
    if (t['operator'] === 'Exists' && !t['value']) x += t['key'] || t['effect'] ? ' op=Exists' : 'op=Exists';
    if (typeof t['tolerationSeconds'] === 'number') x += ` for ${t['tolerationSeconds']}s`;
    return x;
  });
  s += tols.length ? tols.map((t, i) => `${i === 0 ? '  Tolerations:' : ''}\t${t}\n`).join('') : '  Tolerations:\t<none>\n';
  return s;
}

/** describeDeployment: replicas from the engine's pods, RollingUpdate 25%/25% by default, its ReplicaSet. */
export function describeDeployment(ctx: Ctx, item: Item): string {
  const raw = item.raw ?? {};
  const spec = rec(raw['spec']);
  const desired = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
  const pods = item.pods ?? [];
  const available = pods.filter((p) => p.containers.every((c) => c.state === 'Running') && p.initContainers.every((c) => c.state === 'Running')).length;
  const strategy = rec(spec['strategy']);
  const type = typeof strategy['type'] === 'string' ? strategy['type'] : 'RollingUpdate';
  const ru = rec(strategy['rollingUpdate']);
  const revs = revisionsOf(ctx, 'Deployment', item.namespace ?? 'default', item.name);
  const annotations = { ...rec(rec(raw['metadata'])['annotations']), 'deployment.kubernetes.io/revision': String(revs[revs.length - 1]?.revision ?? 1) };
  let s = `Name:\t${item.name}\n`;
  s += `Namespace:\t${item.namespace ?? ''}\n`;
  s += `CreationTimestamp:\t${formatRfc1123z(item.created)}\n`;
  s += labelLines('Labels', item.labels);
  s += annotationLines('Annotations', annotations);
  s += `Selector:\t${formatLabelSelector(spec['selector']).replace('<none>', '')}\n`;
  s += `Replicas:\t${desired} desired | ${pods.length} updated | ${pods.length} total | ${available} available | ${Math.max(0, desired - available)} unavailable\n`;
  s += `StrategyType:\t${type}\n`;
  s += `MinReadySeconds:\t${typeof spec['minReadySeconds'] === 'number' ? spec['minReadySeconds'] : 0}\n`;
  if (type === 'RollingUpdate') s += `RollingUpdateStrategy:\t${String(ru['maxUnavailable'] ?? '25%')} max unavailable, ${String(ru['maxSurge'] ?? '25%')} max surge\n`;
  s += podTemplateLines(rec(spec['template']));
  const ok = available >= desired;
  s += 'Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n';
  s += `  Available \t${ok ? 'True' : 'False'}\t${ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}\n`;
  s += `  Progressing \tTrue\t${ok ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated'}\n`;
  // PodSecurity refused its pods: the ReplicaSet's ReplicaFailure (reason FailedCreate), copied by
  // the deployment controller's syncRolloutStatus after the other two (SetDeploymentCondition appends).
  if (ctx.analysis().admission.rejected.some((r) => r.namespace === item.namespace && r.owner?.kind === 'Deployment' && r.owner.name === item.name)) s += '  ReplicaFailure \tTrue\tFailedCreate\n';
  const rs = replicaSetName(ctx, item.namespace ?? 'default', item.name);
  s += 'OldReplicaSets:\t<none>\n';
  s += `NewReplicaSet:\t${rs} (${pods.length}/${desired} replicas created)\n`;
  s += describeEvents(eventsFor(ctx, 'Deployment', item.namespace, item.name));
  return describeText(s);
}
