import type { Ctx } from '../context.js';
import { flag, parseFlags } from '../flags.js';
import { isRecord } from '../objects.js';
import { finishCreate } from './create.js';
import { fail, usageError, usageErrorf } from './errors.js';
import { listItems, notFound, type Item } from './items.js';
import { checkOutputFormat, dryRunOf } from './print.js';
import { resolveResource } from './resources.js';

/**
 * `kubectl expose (TYPE NAME | TYPE/NAME) [--port] [--target-port] [--name] [--type] [--protocol]`
 * as kubectl v0.30 pkg/cmd/expose/expose.go RunExpose/createService with the polymorphic helpers
 * (canbeexposed, mapbasedselectorforobject, portsforobject, protocolsforobject): kubectl-expose.md.
 */

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

export interface ExposeParams {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>> | null;
  readonly selector: Readonly<Record<string, string>>;
  /** Introspected container ports (port, protocol), in container order, deduplicated. */
  readonly ports: readonly { port: number; protocol: string }[];
  /** --port, when given. */
  readonly port: number | undefined;
  readonly targetPort: string | undefined;
  readonly protocol: string | undefined;
  readonly type: string | undefined;
  /** -n as given: the dry-run object names its namespace. */
  readonly nsGiven: string | undefined;
  readonly clusterIP?: string;
  readonly externalIP?: string;
  readonly sessionAffinity?: string;
  readonly portName?: string;
}

/** createService: the Service expose builds (errors as `{ error }`). */
export function exposeService(p: ExposeParams): Record<string, unknown> {
  const protocols = new Map<number, string[]>();
  for (const x of p.ports) protocols.set(x.port, [...new Set([...(protocols.get(x.port) ?? []), x.protocol])]);
  const portList = p.port !== undefined ? [p.port] : [...new Set(p.ports.map((x) => x.port))];
  const ports: Record<string, unknown>[] = [];
  portList.forEach((port, i) => {
    let name = p.portName ?? '';
    if (portList.length > 1) name = `port-${i + 1}`;
    let protocol = p.protocol ?? '';
    if (!protocol) {
      protocol = 'TCP';
      const found = protocols.get(port);
      if (found && found.length === 1) protocol = found[0] as string;
      else if (found && found.length > 1) {
        for (const pr of found) ports.push({ name: `port-${i + 1}-${pr.toLowerCase()}`, port, protocol: pr });
        return;
      }
    }
    ports.push({ ...(name ? { name } : {}), port, protocol });
  });
  const target = p.targetPort;
  for (const sp of ports) sp['targetPort'] = target !== undefined ? (/^\d+$/.test(target) ? Number(target) : target) : sp['port'];
  const spec: Record<string, unknown> = { ports, selector: { ...p.selector } };
  if (p.externalIP) spec['externalIPs'] = [p.externalIP];
  if (p.type) spec['type'] = p.type;
  if (p.sessionAffinity) spec['sessionAffinity'] = p.sessionAffinity;
  if (p.clusterIP) spec['clusterIP'] = p.clusterIP;
  const labels = p.labels && Object.keys(p.labels).length ? { labels: { ...p.labels } } : {};
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { creationTimestamp: null, ...labels, name: p.name, ...(p.nsGiven !== undefined ? { namespace: p.nsGiven } : {}) },
    spec, status: { loadBalancer: {} },
  };
}

/** canBeExposed + MapBasedSelectorForObject + PortsForObject + ProtocolsForObject for one object. */
function introspect(item: Item): { selector: Record<string, string>; ports: { port: number; protocol: string }[] } | { error: string } {
  const raw = item.raw ?? {};
  const spec = rec(raw['spec']);
  const containerPorts = (podSpec: Record<string, unknown>) => list(podSpec['containers']).flatMap((c) => list(c['ports']).map((pt) => ({ port: Number(pt['containerPort']), protocol: typeof pt['protocol'] === 'string' ? pt['protocol'] : 'TCP' })));
  const dedupe = (ps: { port: number; protocol: string }[]) => ps.filter((x, i) => ps.findIndex((y) => y.port === x.port && y.protocol === x.protocol) === i);
  switch (item.type.kind) {
    case 'Pod': {
      const labels = { ...item.labels };
      if (Object.keys(labels).length === 0) return { error: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed" };
      const podSpec = item.raw ? spec : { containers: item.pod?.pod.containers.map((c) => ({ ports: c.ports.map((pt) => ({ containerPort: pt.containerPort, protocol: pt.protocol })) })) ?? [] };
      return { selector: labels, ports: dedupe(containerPorts(podSpec)) };
    }
    case 'Service': {
      const sel = rec(spec['selector']);
      if (Object.keys(sel).length === 0) return { error: "error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set" };
      return { selector: Object.fromEntries(Object.entries(sel).map(([k, v]) => [k, String(v)])), ports: list(spec['ports']).map((pt) => ({ port: Number(pt['port']), protocol: typeof pt['protocol'] === 'string' ? pt['protocol'] : 'TCP' })) };
    }
    case 'Deployment': case 'ReplicaSet': case 'ReplicationController': {
      const what = item.type.kind === 'Deployment' ? 'deployment' : item.type.kind === 'ReplicaSet' ? 'replicaset' : 'replicationcontroller';
      let sel: Record<string, unknown>;
      if (item.type.kind === 'ReplicationController') sel = rec(spec['selector']);
      else {
        const s = rec(spec['selector']);
        const exprs = list(s['matchExpressions']);
        if (exprs.length) return { error: `error: couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - "${JSON.stringify(exprs)}" to map-based selector format` };
        sel = rec(s['matchLabels']);
      }
      if (Object.keys(sel).length === 0) return { error: `error: couldn't retrieve selectors via --selector flag or introspection: invalid ${what}: no selectors, therefore cannot be exposed` };
      return { selector: Object.fromEntries(Object.entries(sel).map(([k, v]) => [k, String(v)])), ports: dedupe(containerPorts(rec(rec(spec['template'])['spec']))) };
    }
    default: {
      const gk = item.type.group ? `${item.type.kind}.${item.type.group}` : item.type.kind;
      return { error: `error: cannot expose a ${gk}` };
    }
  }
}

export function kubectlExpose(args: string[], ctx: Ctx): number {
  const r = parseFlags(args, {
    namespace: { short: 'n', value: true }, port: { value: true }, 'target-port': { value: true }, name: { value: true }, type: { value: true },
    protocol: { value: true }, selector: { value: true }, labels: { short: 'l', value: true }, 'external-ip': { value: true },
    'cluster-ip': { value: true }, 'session-affinity': { value: true }, 'load-balancer-ip': { value: true },
    'dry-run': { value: true, optional: 'unchanged' }, output: { short: 'o', value: true }, filename: { short: 'f', value: true },
    'save-config': { value: false }, overrides: { value: true }, 'override-type': { value: true }, 'field-manager': { value: true },
    template: { value: true }, 'show-managed-fields': { value: false },
  });
  if (!r.ok) return usageError(ctx, r.error, 'expose');
  const p = r.parsed;
  let [typeWord, name] = p.positional;
  if (typeWord?.includes('/')) [typeWord, name] = typeWord.split('/', 2) as [string, string];
  if (!typeWord) return usageErrorf(ctx, 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'', 'expose');
  const type = resolveResource(typeWord);
  if (!type) return fail(ctx, `error: the server doesn't have a resource type "${typeWord}"`);
  if (!name) return fail(ctx, 'error: resource(s) were provided, but no name was specified');
  const dry = dryRunOf(ctx, flag(p, 'dry-run'));
  if (dry === null || !checkOutputFormat(ctx, flag(p, 'output'))) return 1;
  const nsFlag = flag(p, 'namespace');
  const ns = nsFlag ?? ctx.namespace();
  const item = listItems(ctx, type, type.namespaced ? ns : null).find((i) => i.name === name);
  if (!item) return fail(ctx, notFound(type, name));
  const info = introspect(item);
  if ('error' in info) return fail(ctx, info.error);
  const portFlag = flag(p, 'port');
  if (portFlag !== undefined && !/^\d+$/.test(portFlag)) return fail(ctx, `error: strconv.Atoi: parsing "${portFlag}": invalid syntax`);
  const headless = flag(p, 'cluster-ip') === 'None';
  if (portFlag === undefined && info.ports.length === 0 && !headless) return fail(ctx, "error: couldn't find port via --port flag or introspection");
  const affinity = flag(p, 'session-affinity');
  if (affinity !== undefined && affinity !== '' && affinity !== 'None' && affinity !== 'ClientIP') return fail(ctx, `error: unknown session affinity: ${affinity}`);
  let selector = info.selector;
  const selFlag = flag(p, 'selector');
  if (selFlag) selector = Object.fromEntries(selFlag.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  let labels: Record<string, string> | null = { ...item.labels };
  const labFlag = flag(p, 'labels');
  if (labFlag) labels = Object.fromEntries(labFlag.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const svcName = (flag(p, 'name') ?? name).slice(0, 63);
  const svc = exposeService({
    name: svcName, labels, selector, ports: info.ports, port: portFlag !== undefined ? Number(portFlag) : undefined,
    targetPort: flag(p, 'target-port'), protocol: flag(p, 'protocol'), type: flag(p, 'type'), nsGiven: nsFlag,
    ...(flag(p, 'cluster-ip') ? { clusterIP: flag(p, 'cluster-ip') as string } : {}),
    ...(flag(p, 'external-ip') ? { externalIP: flag(p, 'external-ip') as string } : {}),
    ...(affinity ? { sessionAffinity: affinity } : {}),
  });
  const t = (svc['spec'] as Record<string, unknown>)['type'];
  if (t !== undefined && !['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'].includes(String(t)) && dry !== 'client') {
    return fail(ctx, `The Service "${svcName}" is invalid: spec.type: Unsupported value: "${String(t)}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`);
  }
  return finishCreate(ctx, svc, { ns, dry, output: flag(p, 'output'), operation: 'exposed' });
}
