import type { ServiceReport } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import { formatRfc1123z } from '../clock.js';
import { bool, flag, parseFlags } from '../flags.js';
import { isRecord } from '../objects.js';
import { describeDeployment } from './describe-deployment.js';
import { describeRbac } from './describe-rbac.js';
import { describeNetworkPolicy } from './describe-netpol.js';
import { describeNode } from './describe-node.js';
import { describePod, podAnnotations } from './describe-pod.js';
import { annotationLines, describeEvents, labelLines, describeText } from './describe-util.js';
import { fail, usageError } from './errors.js';
import { eventsFor } from './events.js';
import { listItems, notFound, type Item } from './items.js';
import { endpointSubsets, formatEndpoints } from './printers.js';
import { resolveResource, unknownResource } from './resources.js';
import { formatLabels, matches, parseSelector } from './selector.js';

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** `kubectl describe TYPE [NAME…|-l SEL]` (kubectl pkg/cmd/describe, pkg/describe/describe.go). */
export function kubectlDescribe(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true },
    'all-namespaces': { short: 'A', value: false },
    selector: { short: 'l', value: true },
    'show-events': { value: true, optional: 'true' },
    filename: { short: 'f', value: true },
    recursive: { short: 'R', value: false },
    'chunk-size': { value: true },
  });
  if (!r.ok) return usageError(ctx, r.error, 'describe');
  const p = r.parsed;
  const ns = bool(p, 'all-namespaces') ? null : (flag(p, 'namespace') ?? ctx.namespace());
  const [first, ...names] = p.positional;
  if (!first) return fail(ctx, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl describe -h\' for help and examples');
  let typeWord = first;
  if (first.includes('/')) {
    const [t, n] = first.split('/', 2) as [string, string];
    typeWord = t;
    names.unshift(n);
  }
  const type = resolveResource(typeWord);
  if (!type) return fail(ctx, unknownResource(typeWord));
  let items = listItems(ctx, type, type.namespaced ? ns : null);
  const sel = flag(p, 'selector');
  const reqs = sel === undefined ? [] : parseSelector(sel) ?? [];
  const errors: string[] = [];
  if (names.length) {
    const picked: Item[] = [];
    for (const name of names) {
      // kubectl describe also matches by name prefix when there is no exact match.
      const exact = items.filter((i) => i.name === name);
      const found = exact.length ? exact : items.filter((i) => i.name.startsWith(name));
      if (found.length === 0) errors.push(notFound(type, name));
      picked.push(...found);
    }
    items = picked;
  } else {
    items = items.filter((i) => matches(reqs, i.labels));
    if (items.length === 0) {
      ctx.out.errLine(ns !== null && type.namespaced ? `No resources found in ${ns} namespace.` : 'No resources found');
      return 0;
    }
  }
  const showEvents = flag(p, 'show-events') !== 'false';
  const texts = items.map((i) => describeOne(ctx, i, showEvents));
  // Several objects: each after "\n\n" except the first (describe.go: fmt.Fprintf(out, "\n\n%s", s)).
  ctx.out.out(texts.join('\n\n'));
  for (const e of errors) fail(ctx, e);
  return errors.length ? 1 : 0;
}

function describeOne(ctx: Ctx, item: Item, showEvents: boolean): string {
  if (item.pod) return describePod(ctx, item.pod, podAnnotations(item.raw));
  if (item.node) return describeNode(ctx, item.node);
  if (item.type.kind === 'NetworkPolicy') {
    const pol = ctx.analysis().cluster.policies.find((x) => x.namespace === item.namespace && x.name === item.name);
    return describeNetworkPolicy(item, pol?.policyTypes ?? ['Ingress']);
  }
  if (item.type.kind === 'Deployment' && !item.system) return describeDeployment(ctx, item);
  const rbac = describeRbac(ctx, item, showEvents);
  if (rbac !== null) return rbac;
  if (item.service && item.type.kind === 'Service') return describeService(ctx, item, item.service, showEvents);
  if (item.service && item.type.kind === 'Endpoints') return describeEndpoints(item, item.service);
  // Other kinds: the header every describer prints.
  const annotations = rec(rec(item.raw?.['metadata'])['annotations']);
  let s = `Name:\t${item.name}\n`;
  if (item.namespace !== undefined) s += `Namespace:\t${item.namespace}\n`;
  s += labelLines('Labels', item.labels);
  s += annotationLines('Annotations', annotations);
  if (item.type.kind === 'Namespace') s += 'Status:\tActive\n\nNo resource quota.\n\nNo LimitRange resource.\n';
  else if (item.type.kind === 'Secret') {
    const type = typeof item.raw?.['type'] === 'string' ? item.raw['type'] : 'Opaque';
    s += `\nType:\t${type}\n\nData\n====\n`;
    const data = item.raw?.['data'];
    if (data && typeof data === 'object') {
      for (const [k, v] of Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1))) s += `${k}:\t${Math.floor((String(v).replace(/=+$/, '').length * 3) / 4)} bytes\n`;
    }
  } else {
    s += `CreationTimestamp:\t${formatRfc1123z(item.created)}\n`;
    if (showEvents) s += describeEvents(eventsFor(ctx, item.type.kind, item.namespace, item.name));
  }
  return describeText(s);
}

/** printAnnotationsMultiline: `k: v`, sorted, kubectl.kubernetes.io/last-applied-configuration skipped. */
/** describeService (kubectl-services-endpoints.md: the v1.30 field set, no Internal Traffic Policy). */
function describeService(ctx: Ctx, item: Item, s: ServiceReport, showEvents: boolean): string {
  const spec = rec(item.raw?.['spec']);
  const annotations = rec(rec(item.raw?.['metadata'])['annotations']);
  let out = `Name:\t${item.name}\n`;
  out += `Namespace:\t${item.namespace ?? ''}\n`;
  out += labelLines('Labels', item.labels);
  out += annotationLines('Annotations', annotations);
  out += `Selector:\t${s.selector && Object.keys(s.selector).length ? formatLabels(s.selector) : '<none>'}\n`;
  out += `Type:\t${s.type}\n`;
  if (s.type !== 'ExternalName') out += 'IP Family Policy:\tSingleStack\nIP Families:\tIPv4\n';
  else out += 'IP Families:\t<none>\n';
  out += `IP:\t${s.clusterIP}\n`;
  out += `IPs:\t${s.clusterIP ? s.clusterIP : '<none>'}\n`;
  const ext = Array.isArray(spec['externalIPs']) ? spec['externalIPs'].map(String) : [];
  if (ext.length) out += `External IPs:\t${ext.join(',')}\n`;
  if (typeof spec['loadBalancerIP'] === 'string' && spec['loadBalancerIP']) out += `IP:\t${spec['loadBalancerIP']}\n`;
  if (s.type === 'ExternalName') out += `External Name:\t${s.externalName ?? ''}\n`;
  const subsets = endpointSubsets(s);
  for (const port of s.ports) {
    const name = port.name ?? '';
    out += `Port:\t${name || '<unset>'}\t${port.port}/${port.protocol}\n`;
    out += `TargetPort:\t${port.targetPort}/${port.protocol}\n`;
    if (port.nodePort) out += `NodePort:\t${name || '<unset>'}\t${port.nodePort}/${port.protocol}\n`;
    out += `Endpoints:\t${formatEndpoints(subsets, new Set([name]))}\n`;
  }
  out += `Session Affinity:\t${typeof spec['sessionAffinity'] === 'string' ? spec['sessionAffinity'] : 'None'}\n`;
  if (s.type === 'NodePort' || s.type === 'LoadBalancer') out += `External Traffic Policy:\t${typeof spec['externalTrafficPolicy'] === 'string' ? spec['externalTrafficPolicy'] : 'Cluster'}\n`;
  if (showEvents) out += describeEvents(eventsFor(ctx, 'Service', item.namespace, item.name));
  return describeText(out);
}

/** describeEndpoints: subsets with addresses, not-ready addresses and a ports table. */
function describeEndpoints(item: Item, s: ServiceReport): string {
  let out = `Name:\t${item.name}\n`;
  out += `Namespace:\t${item.namespace ?? ''}\n`;
  out += labelLines('Labels', item.labels);
  out += 'Annotations:\t<none>\n';
  out += 'Subsets:\n';
  for (const ss of endpointSubsets(s)) {
    out += `  Addresses:\t${ss.addresses.length ? ss.addresses.map((a) => a.ip).join(',') : '<none>'}\n`;
    out += `  NotReadyAddresses:\t${ss.notReady.length ? ss.notReady.map((a) => a.ip).join(',') : '<none>'}\n`;
    if (ss.ports.length) {
      out += '  Ports:\n    Name\tPort\tProtocol\n    ----\t----\t--------\n';
      for (const p of ss.ports) out += `    ${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`;
    }
    out += '\n';
  }
  out += 'Events:\t<none>\n';
  return describeText(out);
}
