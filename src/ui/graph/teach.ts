/**
 * Edges that explain rather than tangle (issue 10). Pure: from the flow edges toElements drew (one
 * per reported pair, denied ones included) to the edges the canvas shows.
 *
 * - Pinned flows are always drawn one by one: the ones the lesson's step asks about (`relevant`),
 *   the ones whose verdict changed with the last edit (`changed`), and those of the endpoints the
 *   student is looking at (`keep`: the selection, the focused pod), which shows their port labels.
 *   Only a crowd of changed flows (CHANGED_FOLD_MIN, the same change between the same two groups)
 *   is folded, into one edge that says how many changed and how.
 * - The rest are folded: per pair of groups (a namespace box, a collapsed namespace, an external
 *   host) and verdict, FOLD_MIN flows or more become one edge between the groups, labelled with
 *   the count (`fold:` ids; tapping one expands it: `expanded`). Inside one namespace only a crowd
 *   (INTRA_FOLD_MIN) is folded, into a loop on its box.
 * - Denied flows that are not pinned are drawn only when `showDenied`.
 * - A → B and B → A with the same verdict and label are one edge with two arrowheads (`both`).
 *
 * Every drawn edge lists the flow edges it stands for (`members`), so selecting a flow that is
 * drawn merged still highlights it (cyAdapter's alias map).
 */
import type { ElementDefinition } from 'cytoscape';
import type { FlowStatus } from './flows.js';

export type FlowChange = 'now-allowed' | 'now-partial' | 'now-denied';
export type FoldStatus = 'allowed' | 'partial' | 'denied';

export interface TeachWords {
  /** A folded edge: `count` connections with this verdict. */
  folded(count: number, status: FoldStatus): string;
  /** The word on an edge whose verdict changed with the last edit. */
  change(change: FlowChange): string;
  /** A folded edge of `count` connections whose verdict changed this way with the last edit. */
  foldedChange(count: number, change: FlowChange): string;
}

const ENGLISH_CHANGE: Record<FlowChange, string> = { 'now-allowed': 'now allowed', 'now-denied': 'now denied', 'now-partial': 'now on some ports' };

export const ENGLISH_TEACH: TeachWords = {
  folded: (n, s) => `${n} ${s === 'partial' ? 'on some ports' : s}`,
  change: (c) => (c === 'now-allowed' ? 'now allowed' : c === 'now-denied' ? 'now denied' : 'now some ports'),
  foldedChange: (n, c) => `${n} ${ENGLISH_CHANGE[c]}`,
};

export interface TeachOptions {
  readonly showDenied: boolean;
  /** Group many flows into one edge per pair of groups (the toolbar's toggle; on by default). */
  readonly fold: boolean;
  /** `from->to` keys of the flows the lesson's current step asks about. */
  readonly relevant?: ReadonlySet<string>;
  /** `from->to` keys whose verdict changed with the last edit (diffFlows). */
  readonly changed?: ReadonlyMap<string, FlowChange>;
  /** Endpoint ids whose flows are never folded. */
  readonly keep?: ReadonlySet<string>;
  /** Fold keys (foldKey) the student expanded. */
  readonly expanded?: ReadonlySet<string>;
  readonly words?: TeachWords;
}

/** Fewer flows than this between two groups are drawn one by one. */
export const FOLD_MIN = 3;
/** Flows inside one namespace are folded only past this many (a crowd, not a lesson's three pods). */
export const INTRA_FOLD_MIN = 13;
/**
 * Flows whose verdict one edit changed the same way between the same two groups are folded from
 * this many: a lesson's few changes stay one edge each, a crowd (a label edit on a pod that many
 * policies select: 59 flows at `npm run bench:ui`'s 50 pods) is a few edges, not a tangle that took
 * the graph 0.3 s to draw (issue 11).
 */
export const CHANGED_FOLD_MIN = INTRA_FOLD_MIN;

export const flowKey = (from: string, to: string) => `${from}->${to}`;
const pairKey = (a: string, b: string, tag: string) => `${a < b ? a : b}|${a < b ? b : a}|${tag}`;
/** One key per unordered pair of groups and verdict. */
export const foldKey = (a: string, b: string, status: FoldStatus) => pairKey(a, b, status);
export const foldElementId = (key: string) => `fold:${key}`;
/** One key per unordered pair of groups and change (the changes are not verdicts: no clash with foldKey). */
export const changeFoldKey = (a: string, b: string, change: FlowChange) => pairKey(a, b, change);

interface Flow {
  readonly def: ElementDefinition;
  readonly id: string;
  /** flowKey(from, to), made once. */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly source: string;
  readonly target: string;
  readonly status: FlowStatus;
  readonly label: string;
}

function flowsOf(elements: readonly ElementDefinition[]): Flow[] {
  const out: Flow[] = [];
  for (const e of elements) {
    const d = e.data as Record<string, unknown>;
    if (e.group !== 'edges' || d.kind !== 'edge') continue;
    out.push({
      def: e, id: String(d.id), key: flowKey(String(d.from), String(d.to)), from: String(d.from), to: String(d.to), source: String(d.source), target: String(d.target),
      status: d.status as FlowStatus, label: typeof d.label === 'string' ? d.label : '',
    });
  }
  return out;
}

/** Each flow's verdict by `from->to` (what diffFlows compares between two edits). */
export function flowStatuses(elements: readonly ElementDefinition[]): Map<string, FlowStatus> {
  return new Map(flowsOf(elements).map((f) => [f.key, f.status]));
}

/**
 * Flows whose verdict differs between two edits. A pair that is new (a pod was added) is not a
 * change of verdict: the new pod is the change, and every one of its flows lighting up would hide
 * what the edit did to the others.
 */
export function diffFlows(before: ReadonlyMap<string, FlowStatus>, after: ReadonlyMap<string, FlowStatus>): Map<string, FlowChange> {
  const out = new Map<string, FlowChange>();
  for (const [key, status] of after) {
    const was = before.get(key);
    if (was !== undefined && was !== status) out.set(key, changeTo(status));
  }
  return out;
}

const changeTo = (status: FlowStatus): FlowChange => (status === 'allowed' ? 'now-allowed' : status === 'denied' ? 'now-denied' : 'now-partial');

/**
 * diffFlows of two lists of flow edges. When they list the same pairs in the same order (an edit
 * that changed no pod or option: flowEdges keeps an unchanged pair's edge object), only the edges
 * that are not the same object are compared: at 50 pods 2,450 Flow records were built to find the
 * few an edit changed (10-20 ms of the first edit's render, issue 11).
 */
export function changedFlows(before: readonly ElementDefinition[], after: readonly ElementDefinition[]): Map<string, FlowChange> {
  if (before.length === after.length) {
    const out = new Map<string, FlowChange>();
    let aligned = true;
    for (let i = 0; i < after.length && aligned; i++) {
      const now = after[i] as ElementDefinition, was = before[i] as ElementDefinition;
      if (now === was) continue;
      const d = now.data as Record<string, unknown>, w = was.data as Record<string, unknown>;
      if (d.id !== w.id || now.group !== was.group || d.kind !== w.kind) aligned = false;
      else if (now.group === 'edges' && d.kind === 'edge' && d.status !== w.status) out.set(flowKey(String(d.from), String(d.to)), changeTo(d.status as FlowStatus));
    }
    if (aligned) return out;
  }
  return diffFlows(flowStatuses(before), flowStatuses(after));
}

/** The group a node is drawn in: its namespace box, or itself (a host, a collapsed namespace). */
function groupsOf(elements: readonly ElementDefinition[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of elements) {
    if (e.group !== 'nodes') continue;
    const id = String(e.data.id);
    out.set(id, typeof e.data.parent === 'string' ? e.data.parent : id);
  }
  return out;
}

/** What folding reads of the nodes: each node's group, and the summary nodes (a collapsed or hidden namespace). */
export interface TeachGroups {
  readonly groupOf: ReadonlyMap<string, string>;
  readonly summaries: ReadonlySet<string>;
  /** The same text for the same groups: GraphView folds again only when it changes. */
  readonly key: string;
}

export function teachGroups(elements: readonly ElementDefinition[]): TeachGroups {
  const groupOf = groupsOf(elements);
  const summaries = new Set(elements.filter((e) => e.group === 'nodes' && String(e.classes ?? '').split(' ').includes('summary')).map((e) => String(e.data.id)));
  const key = JSON.stringify([[...groupOf], [...summaries]]);
  return { groupOf, summaries, key };
}

const isFlowEdge = (e: ElementDefinition) => e.group === 'edges' && e.data.kind === 'edge';

/** The element list with its flow edges replaced by the edges to draw (see the file comment). */
export function teachEdges(elements: readonly ElementDefinition[], options: TeachOptions): ElementDefinition[] {
  return [...elements.filter((e) => !isFlowEdge(e)), ...teachFlows(elements.filter(isFlowEdge), teachGroups(elements), options)];
}

/**
 * The edges to draw for these flow edges (toElements' `edge` kind), drawn between nodes grouped
 * as `groups` says: teachEdges without the nodes, so a caller can fold again only when the flows,
 * the groups or the options changed (an edit of a pod's labels changes none of them).
 */
export function teachFlows(flowEdges: readonly ElementDefinition[], groups: TeachGroups, options: TeachOptions): ElementDefinition[] {
  const words = options.words ?? ENGLISH_TEACH;
  const relevant = options.relevant ?? new Set<string>();
  const changed = options.changed ?? new Map<string, FlowChange>();
  const keep = options.keep ?? new Set<string>();
  const expanded = options.expanded ?? new Set<string>();
  const { groupOf, summaries } = groups;
  const flows = flowsOf(flowEdges);
  const shown = (f: Flow) => relevant.has(f.key) || keep.has(f.from) || keep.has(f.to);
  const groupsOfFlow = (f: Flow) => [groupOf.get(f.source) ?? f.source, groupOf.get(f.target) ?? f.target] as const;

  // Changed flows are drawn one by one, unless one edit changed a crowd of them between the same
  // two groups (a label edit on a pod that many policies select): then CHANGED_FOLD_MIN or more
  // become one edge that says how many changed and how ("29 now denied").
  /** Each changed flow that may fold: its change key, made once. */
  const changeKeys = new Map<Flow, string>();
  const changeCounts = new Map<string, number>();
  if (options.fold && changed.size >= CHANGED_FOLD_MIN) {
    for (const f of flows) {
      const change = changed.get(f.key);
      if (change === undefined || shown(f)) continue;
      const [ga, gb] = groupsOfFlow(f);
      const key = changeFoldKey(ga, gb, change);
      changeKeys.set(f, key);
      changeCounts.set(key, (changeCounts.get(key) ?? 0) + 1);
    }
  }
  const foldsChange = (key: string | undefined): key is string =>
    key !== undefined && !expanded.has(key) && (changeCounts.get(key) ?? 0) >= CHANGED_FOLD_MIN;

  // Candidates for folding, per pair of groups and verdict (or, changed, per pair and change).
  const buckets = new Map<string, Flow[]>();
  const changedBuckets = new Map<string, Flow[]>();
  const loose: Flow[] = [];
  const add = (to: Map<string, Flow[]>, key: string, f: Flow) => {
    let list = to.get(key);
    if (!list) to.set(key, (list = []));
    list.push(f);
  };
  for (const f of flows) {
    const changeKey = changeKeys.get(f);
    if (foldsChange(changeKey)) { add(changedBuckets, changeKey, f); continue; }
    if (shown(f) || changed.has(f.key)) { loose.push(f); continue; }
    if (f.status === 'denied' && !options.showDenied) continue;
    const [ga, gb] = groupsOfFlow(f);
    const onSummary = summaries.has(f.source) || summaries.has(f.target);
    if (ga === gb && onSummary) continue; // inside a collapsed namespace: nothing to draw
    add(buckets, foldKey(ga, gb, f.status), f);
  }
  /** One edge standing for `list` between the groups of `key`, drawn from the side the flows leave. */
  const foldOf = (key: string, list: readonly Flow[], status: FoldStatus, label: string, extra: { classes: string[]; data: Record<string, unknown> }): ElementDefinition => {
    const [ga, gb] = key.split('|') as [string, string];
    const forward = list.some((f) => groupsOfFlow(f)[0] === ga);
    const backward = list.some((f) => groupsOfFlow(f)[0] === gb);
    const [source, target] = forward ? [ga, gb] : [gb, ga];
    return {
      group: 'edges',
      data: { id: foldElementId(key), source, target, kind: 'fold', key, count: list.length, status, label, members: list.map((f) => f.id), ...extra.data },
      classes: ['fold', ...(status === 'partial' ? ['allowed', 'partial'] : [status]), ...(forward && backward && ga !== gb ? ['both'] : []), ...(ga === gb ? ['loop'] : []), ...extra.classes].join(' '),
    };
  };
  const folds: ElementDefinition[] = [];
  for (const [key, list] of buckets) {
    const [ga, gb] = key.split('|') as [string, string];
    const onSummary = list.some((f) => summaries.has(f.source) || summaries.has(f.target));
    const min = ga === gb ? INTRA_FOLD_MIN : FOLD_MIN;
    // Many flows to a collapsed namespace are drawn folded whatever the toggle: its pods are not drawn.
    if (!onSummary && (!options.fold || expanded.has(key) || list.length < min)) { loose.push(...list); continue; }
    const status = key.slice(key.lastIndexOf('|') + 1) as FoldStatus;
    folds.push(foldOf(key, list, status, words.folded(list.length, status), { classes: [], data: {} }));
  }
  for (const [key, list] of changedBuckets) {
    const change = key.slice(key.lastIndexOf('|') + 1) as FlowChange;
    const status: FoldStatus = change === 'now-allowed' ? 'allowed' : change === 'now-denied' ? 'denied' : 'partial';
    folds.push(foldOf(key, list, status, words.foldedChange(list.length, change), { classes: ['changed'], data: { change } }));
  }

  // One edge for A → B and B → A with the same verdict and label.
  const byKey = new Map(loose.map((f) => [f.key, f]));
  const merged = new Set<string>();
  const drawn: ElementDefinition[] = [];
  for (const f of loose) {
    if (merged.has(f.key)) continue;
    const back = byKey.get(flowKey(f.to, f.from));
    const pair = back && back.status === f.status && back.label === f.label ? back : null;
    if (pair) merged.add(pair.key);
    const parts = pair ? [f, pair] : [f];
    const change = parts.map((p) => changed.get(p.key)).find((c) => c !== undefined);
    const classes = [String(f.def.classes ?? '')];
    if (pair) classes.push('both');
    if (parts.some((p) => relevant.has(p.key))) classes.push('lesson');
    if (change) classes.push('changed');
    const label = change ? [words.change(change), f.label].filter((s) => s !== '').join(' · ') : f.label;
    drawn.push({
      ...f.def,
      data: { ...f.def.data, label, members: parts.map((p) => p.id), ...(change ? { change } : {}) },
      classes: classes.join(' '),
    });
  }
  return [...drawn, ...folds];
}
