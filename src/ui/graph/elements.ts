/**
 * Pure mapper from an Analysis to Cytoscape element definitions (architecture.md practice 7).
 * No Cytoscape instance here: the adapter (cyAdapter.ts) diffs these by id, so ids must be stable
 * for the same object across edits.
 *
 * - namespaces are compound nodes (`ns:<name>`) labelled with their name and labels; a namespace
 *   is drawn when it is declared or holds a pod (the implicit, empty `default` is left out);
 * - pods (`pod:<ns>/<name>`) sit in their namespace, labelled with name, labels, kubectl STATUS and
 *   an isolation line; classes carry status and isolation for the style sheet;
 * - external hosts (`ext:<ip>`) sit outside every namespace;
 * - edges (`edge:<from>-><to>`) for allowed flows on the chosen port (see flows.ts for 'any'),
 *   and, when asked, denied ones (class `denied`);
 * - when asked (`showServices`), the scenario's Services (`svc:<ns>/<name>`, not the implicit
 *   `kubernetes`/`kube-dns`) inside their namespace, labelled `svc <name> :<port>→<targetPort>`,
 *   with an edge (`svcedge:<svc>-><endpoint>`) to each endpoint labelled with its target port(s).
 *   Services are not endpoints: no flow edge starts or ends at one. Linear in the addresses.
 */
import type { ElementDefinition } from 'cytoscape';
import { scenarioEndpoints, scenarioPods } from '../common/scope.js';
import type { Analysis, Labels, NetworkAnalysis, ServicePortReport, ServiceReport } from '../../engine/model/index.js';
import { changedPairs, sameVerdicts } from '../../state/analysis-view.js';
import { planGraph, type GraphPlan } from './bound.js';
import { portChoiceKey, portLabel, portsToCheck, verdictOn, type FlowVerdict, type PortChoice, type PortsToCheck } from './flows.js';
import { labelSize, nsLabelSize } from './metrics.js';
import {
  edgeElementId, externalElementId, nsElementId, podElementId, serviceEdgeElementId, serviceElementId,
} from './selection.js';

/** The "+N more pods" node inside a namespace only partly drawn (bound.ts). */
export const moreElementId = (ns: string) => `nsmore:${ns}`;

export interface GraphWords {
  readonly isolated: string;
  readonly ingress: string;
  readonly egress: string;
  readonly hostNetwork: string;
  readonly anyOtherPort: string;
  /** On a Service → endpoint edge whose pod is not ready (it is listed but carries nothing). */
  readonly notReady: string;
  /** A Service without ClusterIP (clusterIP: None). */
  readonly headless: string;
  /** A namespace drawn as one node (the graph's bound, bound.ts): how many pods it holds. */
  readonly pods: (count: number) => string;
  /** The pods of an expanded namespace that did not fit the bound. */
  readonly morePods: (count: number) => string;
}

const ENGLISH: GraphWords = {
  isolated: 'isolated', ingress: 'ingress', egress: 'egress', hostNetwork: 'hostNetwork', anyOtherPort: 'any other port',
  notReady: 'not ready', headless: 'headless',
  pods: (n) => `${n} ${n === 1 ? 'pod' : 'pods'}`, morePods: (n) => `+${n} more ${n === 1 ? 'pod' : 'pods'}`,
};

/**
 * Past this many endpoints, drawing every pair is unreadable (and N² verdicts are slow): the
 * graph then draws only the connections of the focused endpoints (the selection), and the matrix
 * is the overview.
 */
export const ALL_EDGES_LIMIT = 50;

export const isLargeGraph = (analysis: Analysis, limit = ALL_EDGES_LIMIT) => scenarioEndpoints(analysis).length > limit;

export interface ElementOptions {
  readonly port: PortChoice;
  readonly showDenied: boolean;
  /** Endpoint ids whose connections are drawn when the graph is large (see ALL_EDGES_LIMIT). */
  readonly focus?: readonly string[];
  readonly allEdgesLimit?: number;
  /** Translated words used inside canvas labels; English by default. */
  readonly words?: GraphWords;
  /** Also draw the scenario's Services and their endpoints (off by default). */
  readonly showServices?: boolean;
  /** Which pods to draw (bound.ts); by default planGraph with nothing expanded. */
  readonly plan?: GraphPlan;
}

export type StatusClass = 'running' | 'error' | 'init-error';

/** Running is healthy; an `Init:` status is stuck before the app containers; anything else failed. */
export function statusClass(status: string): StatusClass {
  if (status === 'Running') return 'running';
  return status.startsWith('Init:') ? 'init-error' : 'error';
}

export const labelLines = (labels: Labels): string[] =>
  Object.keys(labels).sort().map((k) => `${k}=${labels[k] ?? ''}`);

function isolationLine(ingress: boolean, egress: boolean, w: GraphWords): string | null {
  if (!ingress && !egress) return null;
  const dirs = [ingress ? w.ingress : null, egress ? w.egress : null].filter((d) => d !== null);
  // Two lines, not one: a pod that becomes isolated grows in height (room the layout leaves
  // between rows) rather than in width (into its neighbour).
  return `${w.isolated}:\n${dirs.join(' + ')}`;
}

function edgeLabel(v: FlowVerdict, choice: PortChoice, w: GraphWords): string {
  // With one port chosen the label would repeat it on every edge; with 'any', name the ports
  // only when some of the destination's ports are allowed and others not.
  if (choice !== 'any' || v.status !== 'partial') return '';
  return v.probe ? w.anyOtherPort : v.allowedPorts.map(portLabel).join(', ');
}

export { labelSize } from './metrics.js';

/**
 * Flow edges of the last call, by id, for `flowEdges` to hand back the same definition objects
 * (and, when nothing changed, the same list) for what an edit did not change: the graph then
 * folds, diffs and applies only what changed (GraphView keeps one per mount).
 */
export interface EdgeReuse {
  byId: Map<string, ElementDefinition>;
  list: readonly ElementDefinition[];
  /** The network `list` was read from, and what else it was drawn for (the pairs, their nodes, the options). */
  network: NetworkAnalysis | null;
  key: string;
}

export const edgeReuse = (): EdgeReuse => ({ byId: new Map(), list: [], network: null, key: '' });

export function toElements(analysis: Analysis, options: ElementOptions): ElementDefinition[] {
  const nodes = graphNodes(analysis, options);
  return [...nodes, ...flowEdges(analysis, options, nodes)];
}

/** Everything toElements draws but the flow edges: namespaces, pods, hosts, and (when asked) Services with their edges. */
export function graphNodes(analysis: Analysis, options: ElementOptions): ElementDefinition[] {
  const w = options.words ?? ENGLISH;
  const network = analysis.network;
  const out: ElementDefinition[] = [];

  const allPods = scenarioPods(analysis);
  const plan = options.plan ?? planGraph(allPods);
  const drawnPods = plan.drawn;
  const pods = drawnPods ? allPods.filter((p) => drawnPods.has(p.key)) : allPods;
  // A namespace with no pod drawn is one summary node (a leaf): nothing may sit inside it.
  const summarized = new Set([...plan.hidden.keys()].filter((ns) => !pods.some((p) => p.pod.namespace === ns)));
  const services = options.showServices ? scenarioServices(analysis).filter((s) => !summarized.has(s.namespace)) : [];
  const usedNs = new Set([...pods.map((p) => p.pod.namespace), ...services.map((s) => s.namespace), ...plan.hidden.keys()]);
  for (const ns of analysis.cluster.namespaces) {
    if (!ns.declared && !usedNs.has(ns.name)) continue;
    const hidden = plan.hidden.get(ns.name) ?? 0;
    if (summarized.has(ns.name)) {
      const label = [ns.name, ...labelLines(ns.labels), w.pods(hidden)].join('\n');
      out.push({
        group: 'nodes',
        data: { id: nsElementId(ns.name), kind: 'namespace', name: ns.name, label, ...labelSize(label), hidden },
        classes: plan.collapsed.has(ns.name) ? 'namespace summary collapsed' : 'namespace summary',
      });
      continue;
    }
    const nsLabel = [ns.name, ...labelLines(ns.labels)].join('\n');
    const room = nsLabelSize(nsLabel);
    out.push({
      group: 'nodes',
      data: { id: nsElementId(ns.name), kind: 'namespace', name: ns.name, label: nsLabel, lw: room.w, lh: room.h },
      classes: 'namespace',
    });
    if (hidden > 0) {
      const label = w.morePods(hidden);
      out.push({
        group: 'nodes',
        data: { id: moreElementId(ns.name), parent: nsElementId(ns.name), kind: 'namespace', name: ns.name, label, ...labelSize(label), hidden },
        classes: 'summary more',
      });
    }
  }

  for (const report of pods) {
    const pod = report.pod;
    const iso = network.isolation(report.key);
    const ingress = iso.ingress.length > 0;
    const egress = iso.egress.length > 0;
    // The status is said when it is not Running (a running pod's fill says so, and a projector
    // needs the room); a pod that failed shows why.
    const lines = [pod.name, ...labelLines(pod.labels), ...(report.status === 'Running' ? [] : [report.status])];
    const isoLine = isolationLine(ingress, egress, w);
    if (isoLine) lines.push(isoLine);
    if (pod.hostNetwork) lines.push(w.hostNetwork);
    const classes = ['pod', `status-${statusClass(report.status)}`];
    if (ingress) classes.push('iso-ingress');
    if (egress) classes.push('iso-egress');
    if (pod.hostNetwork) classes.push('host-network');
    out.push({
      group: 'nodes',
      data: {
        id: podElementId(report.key), parent: nsElementId(pod.namespace), kind: 'pod', key: report.key,
        label: lines.join('\n'), ...labelSize(lines.join('\n')), status: report.status, isolatedIngress: ingress, isolatedEgress: egress,
      },
      classes: classes.join(' '),
    });
  }

  for (const host of analysis.cluster.externalHosts) {
    out.push({
      group: 'nodes',
      data: {
        id: externalElementId(host.ip), kind: 'external', key: host.ip, label: `${host.name}\n${host.ip}`,
        ...labelSize(`${host.name}\n${host.ip}`),
      },
      classes: 'external',
    });
  }

  if (services.length > 0) out.push(...serviceElements(services, new Set(out.map((e) => e.data.id)), w));
  return out;
}

/**
 * The flow edges between the nodes `graphNodes` drew (`nodes`): one per reported pair with its
 * verdict on the chosen port. With `reuse`, an edge whose definition is the same as last call's is
 * that same object, and a list equal to the last one is that list.
 */
export function flowEdges(analysis: Analysis, options: ElementOptions, nodes: readonly ElementDefinition[], reuse?: EdgeReuse): readonly ElementDefinition[] {
  const w = options.words ?? ENGLISH;
  const network = analysis.network;
  const out: ElementDefinition[] = [];
  const allPods = scenarioPods(analysis);
  const plan = options.plan ?? planGraph(allPods);
  // An edge to a node that is not drawn would make Cytoscape throw: only connect drawn nodes. The
  // pairs walked are the drawn endpoints' (the graph's bound: 300 of 5,000 pods, not 5,000²).
  const drawn = new Set(nodes.filter((e) => e.group === 'nodes').map((e) => e.data.id));
  const nodeOf = new Map<string, string>();
  const all = scenarioEndpoints(analysis);
  // A namespace the student collapsed stands for its pods: their connections end on it (folded).
  const nsOfPod = plan.collapsed.size > 0 ? new Map(allPods.map((p) => [p.key, p.pod.namespace])) : null;
  for (const e of all) {
    const nodeId = e.kind === 'pod' ? podElementId(e.id) : externalElementId(e.id);
    if (drawn.has(nodeId)) nodeOf.set(e.id, nodeId);
    else if (nsOfPod && plan.collapsed.has(nsOfPod.get(e.id) ?? '')) nodeOf.set(e.id, nsElementId(nsOfPod.get(e.id)!));
  }
  const endpoints = all.filter((e) => nodeOf.has(e.id));
  const focus = isLargeGraph(analysis, options.allEdgesLimit) ? new Set(options.focus ?? []) : null;
  // A large graph draws the focused endpoints' rows and columns only: N·|focus| pairs, not N².
  const focused = focus ? endpoints.filter((e) => focus.has(e.id)) : endpoints;
  // The same pairs between the same nodes, drawn alike, on a network that answers every one of
  // them as the last one did (an edit of a pod's labels that changed no verdict): the same edges.
  const key = reuse ? JSON.stringify([portChoiceKey(options.port), options.showDenied, w.anyOtherPort, focus ? focused.map((e) => e.id) : null,
    endpoints.map((e) => [e.id, e.kind, nodeOf.get(e.id)])]) : '';
  if (reuse && reuse.network && reuse.key === key && sameVerdicts(reuse.network, network, options.port)) {
    reuse.network = network;
    return reuse.list;
  }
  // Per destination once (not per pair): the ports its verdict is about.
  const checks = new Map<string, PortsToCheck>();
  const checksOf = (to: string) => {
    let c = checks.get(to);
    if (!c) checks.set(to, (c = portsToCheck(network, to, options.port)));
    return c;
  };
  const before = reuse?.byId;
  // The same pairs drawn alike on the last network: only the pairs whose verdict changed are asked
  // again, the others keep their edge (a letter typed into a pod's label: 59 of 2,450 at 50 pods).
  const changed = reuse && reuse.network && reuse.key === key ? changedPairs(reuse.network, network, options.port) : null;
  const byId = new Map<string, ElementDefinition>();
  for (const a of focus && focused.length === 0 ? [] : endpoints) {
    const source = nodeOf.get(a.id) as string;
    const changedTo = changed?.get(a.id);
    for (const b of focus && !focus.has(a.id) ? focused : endpoints) {
      // Never to itself, never between two external hosts (flows.ts isReportedPair).
      if (a === b || (a.kind === 'external' && b.kind === 'external')) continue;
      const id = edgeElementId(a.id, b.id);
      if (changed && before && !changedTo?.has(b.id)) {
        // Not drawn last time: denied, with denied edges not shown.
        const last = before.get(id);
        if (last) { byId.set(id, last); out.push(last); }
        continue;
      }
      const target = nodeOf.get(b.id) as string;
      const v = verdictOn(network, a.id, b.id, checksOf(b.id));
      if (v.status === 'denied' && !options.showDenied) continue;
      const label = edgeLabel(v, options.port, w);
      const last = before?.get(id);
      const def: ElementDefinition = last && last.data.source === source && last.data.target === target && last.data.status === v.status && last.data.label === label
        ? last
        : {
          group: 'edges',
          data: { id, source, target, kind: 'edge', from: a.id, to: b.id, status: v.status, label },
          classes: v.status === 'denied' ? 'flow denied' : v.status === 'partial' ? 'flow allowed partial' : 'flow allowed',
        };
      if (reuse) byId.set(id, def);
      out.push(def);
    }
  }
  if (!reuse) return out;
  const same = out.length === reuse.list.length && out.every((d, i) => d === reuse.list[i]);
  reuse.byId = byId;
  reuse.network = network;
  reuse.key = key;
  if (!same) reuse.list = out;
  return reuse.list;
}

/** The Services the student wrote (not the implicit `default/kubernetes` and `kube-system/kube-dns`). */
export function scenarioServices(analysis: Analysis): readonly ServiceReport[] {
  return analysis.services.filter((s) => !s.system);
}

/** `:8080→80`, `:53→53/UDP`, `:80→http` (a named target port, resolved per pod). */
export function servicePortText(p: ServicePortReport): string {
  return `:${p.port}→${p.targetPort}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`;
}

/** `svc web-svc :8080→80`, one more line per further port, then what is special about it. */
export function serviceLabel(s: ServiceReport, w: GraphWords = ENGLISH): string {
  const [first, ...rest] = s.ports.map(servicePortText);
  const head = s.type === 'ExternalName' ? `svc ${s.name} → ${s.externalName ?? ''}` : `svc ${s.name}${first ? ` ${first}` : ''}`;
  const lines = [head, ...rest];
  if (s.headless) lines.push(w.headless);
  else if (s.type === 'NodePort' || s.type === 'LoadBalancer') lines.push(s.type);
  return lines.join('\n');
}

/**
 * Service nodes and their edges to the endpoints drawn (`drawn`: node ids already placed). One
 * edge per (Service, endpoint), labelled with the endpoint's target port(s) over all Service
 * ports; a pod that is not ready is drawn with a dashed edge and says so.
 */
function serviceElements(services: readonly ServiceReport[], drawn: ReadonlySet<string | undefined>, w: GraphWords): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const s of services) {
    const label = serviceLabel(s, w);
    const size = labelSize(label);
    const classes = ['service', `svc-${s.type.toLowerCase()}`];
    if (s.headless) classes.push('headless');
    out.push({
      group: 'nodes',
      // The hexagon's slanted sides take room from the text: a little wider than a pod.
      // (A parent that is not drawn would make Cytoscape throw; the engine lists every namespace used.)
      data: {
        id: serviceElementId(s.key), ...(drawn.has(nsElementId(s.namespace)) ? { parent: nsElementId(s.namespace) } : {}),
        kind: 'service', key: s.key, label, w: size.w + 24, h: size.h,
      },
      classes: classes.join(' '),
    });
    const byTarget = new Map<string, { to: string; ports: string[]; ready: boolean }>();
    for (const { port, addresses } of s.endpoints) {
      for (const a of addresses) {
        const to = a.pod ?? a.ip;
        const target = a.pod !== null ? podElementId(a.pod) : externalElementId(a.ip);
        if (!drawn.has(target)) continue; // a system pod, or an address nothing draws
        const text = `${a.port}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}`;
        const entry = byTarget.get(target) ?? { to, ports: [], ready: false };
        if (!entry.ports.includes(text)) entry.ports.push(text);
        entry.ready ||= a.ready;
        byTarget.set(target, entry);
      }
    }
    for (const [target, e] of byTarget) {
      const ports = `:${e.ports.join(', :')}`;
      out.push({
        group: 'edges',
        data: {
          id: serviceEdgeElementId(s.key, e.to), source: serviceElementId(s.key), target, kind: 'service-edge', key: s.key, to: e.to,
          label: e.ready ? ports : `${ports} (${w.notReady})`,
        },
        classes: e.ready ? 'service-edge' : 'service-edge not-ready',
      });
    }
  }
  return out;
}
