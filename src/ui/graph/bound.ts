/**
 * A bound on what the graph draws. Past GRAPH_POD_LIMIT pods (a short link can carry Deployments
 * with `replicas: 50`: 5,000 pods) drawing and laying out every pod blocks the page for seconds.
 * Above the bound each namespace is one summary node with its pod count, and the student expands
 * the namespaces they want, up to the bound; the analysis (matrix, inspector, terminal) stays
 * complete. Pure: GraphView keeps which namespaces are expanded.
 */
import type { PodReport } from '../../engine/model/index.js';

/** The most pods the graph draws at once. */
export const GRAPH_POD_LIMIT = 300;

export interface GraphPlan {
  /** Pods in the scenario. */
  readonly total: number;
  /** Pods drawn. */
  readonly shown: number;
  /** Pod keys drawn; null when every pod is (the scenario is within the bound). */
  readonly drawn: ReadonlySet<string> | null;
  /** Per namespace, its pods not drawn (only namespaces with some). */
  readonly hidden: ReadonlyMap<string, number>;
  /** Expanded namespaces that are drawn (some or all of their pods), in the order given. */
  readonly expanded: readonly string[];
  /** True past the bound (the graph says it shows only part of the pods). */
  readonly bounded: boolean;
  /**
   * Namespaces the student collapsed within the bound: drawn as one node whose connections are
   * the folded connections of its pods (teach.ts).
   */
  readonly collapsed: ReadonlySet<string>;
}

export function planGraph(pods: readonly PodReport[], expanded: readonly string[] = [], limit = GRAPH_POD_LIMIT, collapsed: readonly string[] = []): GraphPlan {
  if (pods.length <= limit) {
    const shut = new Set(collapsed.filter((ns) => pods.some((p) => p.pod.namespace === ns)));
    if (shut.size === 0) return { total: pods.length, shown: pods.length, drawn: null, hidden: new Map(), expanded: [], bounded: false, collapsed: shut };
    const drawn = new Set(pods.filter((p) => !shut.has(p.pod.namespace)).map((p) => p.key));
    const hidden = new Map<string, number>();
    for (const p of pods) if (shut.has(p.pod.namespace)) hidden.set(p.pod.namespace, (hidden.get(p.pod.namespace) ?? 0) + 1);
    return { total: pods.length, shown: drawn.size, drawn, hidden, expanded: [], bounded: false, collapsed: shut };
  }
  const byNs = new Map<string, PodReport[]>();
  for (const p of pods) {
    let list = byNs.get(p.pod.namespace);
    if (!list) byNs.set(p.pod.namespace, (list = []));
    list.push(p);
  }
  const drawn = new Set<string>();
  const open: string[] = [];
  let budget = limit;
  for (const ns of new Set(expanded)) {
    const list = byNs.get(ns);
    if (!list || budget <= 0) continue;
    open.push(ns);
    for (const p of list.slice(0, budget)) drawn.add(p.key);
    budget -= Math.min(budget, list.length);
  }
  const hidden = new Map<string, number>();
  for (const [ns, list] of byNs) {
    const count = list.reduce((n, p) => n + (drawn.has(p.key) ? 0 : 1), 0);
    if (count > 0) hidden.set(ns, count);
  }
  return { total: pods.length, shown: drawn.size, drawn, hidden, expanded: open, bounded: true, collapsed: new Set() };
}
