/**
 * The analysis worker's logic, free of `self` and `postMessage` so tests drive it directly:
 * keeps its own copy of the sources, analyses the latest revision, packs the result, and answers
 * what views want and ask (protocol.ts).
 */
import { IncrementalAnalyzer, type Analysis, type SourceFile, type SourceRange, type SourceRef } from '../engine/index.js';
import { addPort, fullBlock, Interner, interestBlocks, packData, packNetwork, portTable, type PortTable } from './pack.js';
import {
  chunkBatch, FULL_FLOWS_LIMIT, refKey, type AnswerMessage, type FlowBlock, type FlowInterest, type FlowsMessage, type Query, type ResultMessage,
  type ToWorker,
} from './protocol.js';

export type AnalyzeFn = (sources: readonly SourceFile[]) => Analysis;

export class AnalysisCore {
  private readonly texts = new Map<string, string>();
  private order: readonly string[] = [];
  private revision = -1;
  private analysed = -1;
  private analysis: Analysis | null = null;
  private table: PortTable = portTable();
  private readonly interests = new Map<string, FlowInterest>();
  private readonly interner = new Interner();

  /** By default the incremental analysis (engine/incremental): per edit only what the changed files can change is computed again. */
  constructor(private readonly analyzeFn: AnalyzeFn = new IncrementalAnalyzer().fn) {}

  /** Takes a message in; returns what to post back at once (a want or a query is answered on the current analysis). */
  receive(msg: ToWorker): (FlowsMessage | AnswerMessage)[] {
    switch (msg.type) {
      case 'update':
        for (const f of msg.changed) this.texts.set(f.name, f.text);
        this.order = msg.order;
        for (const name of [...this.texts.keys()]) if (!msg.order.includes(name)) this.texts.delete(name);
        this.revision = msg.revision;
        return [];
      case 'want': {
        if (msg.interest === null) this.interests.delete(msg.key);
        else this.interests.set(msg.key, msg.interest);
        const flows = msg.interest === null ? null : this.flowsFor(msg.key, msg.interest);
        return flows ? [flows] : [];
      }
      case 'query':
        return [{ type: 'answer', id: msg.id, revision: this.analysed, answer: this.answer(msg.query) }];
    }
  }

  private rehearsed = false;

  /**
   * Walks an edit's path once, off the record, after the first result (the worker script calls it
   * when the student has not typed for a moment): an edit of one value in the first file is
   * analysed, packed and turned into flow bits, then the files as they are are analysed again, so
   * the engine's memo holds them. Nothing is posted; later results are what they would have been.
   * The first keystroke after load then finds that code compiled and its garbage collected
   * (issue 11: at 50 pods the worker's part of the first edit, median of 8, 53 -> 41 ms). Only for
   * a scenario small enough to send every pair (isFull): a bigger one would hold the worker longer
   * than a keystroke should wait.
   */
  rehearse(): boolean {
    if (this.rehearsed || this.pending || !this.analysis || !this.isFull()) return false;
    this.rehearsed = true;
    const sources: SourceFile[] = this.order.map((name) => ({ name, text: this.texts.get(name) ?? '' }));
    const first = sources[0];
    const edited = first ? rehearsalEdit(first.text) : null;
    if (!first || edited === null) return false;
    try {
      const analysis = this.analyzeFn([{ name: first.name, text: edited }, ...sources.slice(1)]);
      const table = portTable();
      pack(analysis, new Interner(), table);
      fullBlock(analysis.network, table);
      this.analysis = this.analyzeFn(sources);
    } catch {
      // The engine threw on the edited text: a later result reports it, on the student's own text.
    }
    return true;
  }

  /** True when a newer revision than the last analysed one is waiting. */
  get pending(): boolean {
    return this.revision !== this.analysed;
  }

  /** Analyses the latest revision (if not done yet) and packs it. */
  run(): ResultMessage | null {
    if (!this.pending) return null;
    const revision = this.revision;
    const sources: SourceFile[] = this.order.map((name) => ({ name, text: this.texts.get(name) ?? '' }));
    const t0 = performance.now();
    let analysis: Analysis;
    try {
      analysis = this.analyzeFn(sources);
    } catch (error) {
      // An engine bug: the page keeps showing its previous result (state/analysis.ts does the same).
      this.analysed = revision;
      return {
        type: 'result', revision, chunks: chunkBatch([]), dropped: [], error: String(error instanceof Error ? error.stack ?? error.message : error),
        packed: { cluster: {}, pods: [], policies: [], rest: {}, network: emptyNetwork(), flows: [] },
        timings: { analyze: performance.now() - t0, pack: 0, flows: 0 },
      };
    }
    const t1 = performance.now();
    this.analysis = analysis;
    this.analysed = revision;
    this.table = portTable();
    for (const interest of this.interests.values()) for (const p of interest.ports ?? []) addPort(this.table, p);
    const { data, network } = pack(analysis, this.interner, this.table);
    const { fresh, dropped } = this.interner.end();
    const chunks = chunkBatch(fresh);
    const t2 = performance.now();
    const flows: FlowBlock[] = [];
    const full = fullBlock(analysis.network, this.table);
    if (full) flows.push(full);
    else for (const [key, interest] of this.interests) flows.push(...interestBlocks(analysis.network, key, interest, this.table));
    const t3 = performance.now();
    return {
      type: 'result', revision, chunks, dropped, packed: { ...data, network, flows },
      timings: { analyze: t1 - t0, pack: t2 - t1, flows: t3 - t2 },
    };
  }

  private flowsFor(key: string, interest: FlowInterest): FlowsMessage | null {
    const analysis = this.analysis;
    if (!analysis) return null;
    const before = this.table.ports.length;
    for (const p of interest.ports ?? []) addPort(this.table, p);
    const added = this.table.ports.slice(before);
    if (this.isFull()) {
      // The result already held every pair on every port it knew: only a new port needs bits.
      const all = fullBlock(analysis.network, this.table);
      return added.length === 0 || !all ? null : { type: 'flows', revision: this.analysed, keys: ['all'], ports: added, flows: [all] };
    }
    // A new port: every view's blocks are recomputed with it, so none lacks it.
    const keys = added.length > 0 ? [...this.interests.keys()] : [key];
    const flows = keys.flatMap((k) => { const i = this.interests.get(k); return i ? interestBlocks(analysis.network, k, i, this.table) : []; });
    return { type: 'flows', revision: this.analysed, keys, ports: added, flows };
  }

  private isFull(): boolean {
    return this.analysis !== null && this.analysis.network.endpoints.length <= FULL_FLOWS_LIMIT;
  }

  private answer(query: Query): AnswerMessage['answer'] {
    const analysis = this.analysis;
    if (!analysis) return null;
    switch (query.kind) {
      case 'explain': {
        const explanations = query.ports.map((p) => {
          const explanation = analysis.network.explain(query.from, query.to, p.port, p.protocol);
          return { port: p, explanation, allowed: explanation ? explanation.allowed : analysis.network.allowed(query.from, query.to, p.port, p.protocol) };
        });
        const refs: unknown[] = [];
        collectRefs(explanations, refs);
        const named = new Set<string>();
        collectPolicyKeys(explanations, named);
        for (const p of analysis.policies) if (named.has(p.key)) refs.push(p.policy.ref);
        for (const p of analysis.cluster.policies) if (named.has(`${p.namespace}/${p.name}`)) refs.push(p.ref);
        return { kind: 'explain', explanations, ranges: locateAll(analysis, refs) };
      }
      case 'ranges':
        return { kind: 'ranges', ranges: locateAll(analysis, query.refs) };
      case 'connectivity':
        return { kind: 'connectivity', entries: analysis.network.connectivity() };
    }
  }
}

/** An analysis packed into `interner` (begun here; the caller ends it), its ports added to `table`. */
function pack(analysis: Analysis, interner: Interner, table: PortTable) {
  interner.begin();
  const data = packData(analysis, interner);
  const network = packNetwork(analysis.network, analysis.policies.map((p) => p.key), interner, table);
  return { data, network };
}

/** `text` with the value of its first indented `key: value` line one letter longer (rehearse), or null when it has none. */
export function rehearsalEdit(text: string): string | null {
  const m = /^([ \t]+[A-Za-z0-9_./-]+:[ \t]+)(\S.*)$/m.exec(text);
  if (!m) return null;
  const at = m.index + (m[1] as string).length + (m[2] as string).length;
  return `${text.slice(0, at)}x${text.slice(at)}`;
}

function emptyNetwork() {
  return { endpoints: [], enforcing: true, policyKeys: [], isolation: [], selectedBy: {}, ports: [], portsOf: [], allPorts: [] };
}

function isRef(v: unknown): v is SourceRef {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<SourceRef>;
  return typeof r.file === 'string' && typeof r.doc === 'number' && Array.isArray(r.path);
}

/** Every source reference inside a value (explanations, a pod report). */
export function collectRefs(value: unknown, out: unknown[], depth = 0): void {
  if (depth > 40 || typeof value !== 'object' || value === null) return;
  if (isRef(value)) { out.push(value); return; }
  for (const v of Array.isArray(value) ? value : Object.values(value)) collectRefs(v, out, depth + 1);
}

function collectPolicyKeys(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 40 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) { for (const v of value) collectPolicyKeys(v, out, depth + 1); return; }
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'policy' && typeof v === 'string')) out.add(v);
    else if (k === 'isolatingPolicies' && Array.isArray(v)) for (const p of v) if (typeof p === 'string') out.add(p);
    else collectPolicyKeys(v, out, depth + 1);
  }
}

function locateAll(analysis: Analysis, refs: readonly unknown[]): [string, SourceRange | null][] {
  const out = new Map<string, SourceRange | null>();
  for (const r of refs) {
    if (!isRef(r)) continue;
    const key = refKey(r);
    if (!out.has(key)) out.set(key, analysis.locate(r));
  }
  return [...out];
}
