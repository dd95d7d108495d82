/**
 * What crosses between the page and the analysis worker (architecture.md practice 14: the main
 * thread never runs the engine, results are compact). Types and constants only, shared by both
 * sides; the worker fills them (pack.ts, core.ts), the page reads them (state/analysis-view.ts).
 *
 * Page → worker
 * - `update`: the files as they are now, by revision: the full order of names, the text of the
 *   files that changed since the last update (the worker keeps its own copy of every source).
 * - `want`: what one view draws (the graph's focused endpoints, the matrix's visible window, the
 *   lesson's flow checks): the worker answers with connectivity bits for exactly that, now and
 *   with every later result, until the view wants something else (`null`).
 * - `query`: on demand, for one revision: explanations of a flow on some ports, or the editor
 *   ranges of source references.
 *
 * Worker → page
 * - `result`: one analysis, packed (below). Stale results (a newer revision was posted) are
 *   dropped by the page, but their chunks are still taken in (the worker's interning assumes it).
 * - `flows`: more connectivity bits for a revision already sent (a view wanted more).
 * - `answer`: a query's answer, tagged with the revision it was computed on.
 *
 * A packed analysis is plain data in three parts:
 * - chunks: every pod, pod report, policy, Service, diagnostic… as its own JSON text, interned by
 *   content: an object the page already holds (the same JSON in the previous result) is sent as
 *   its id only, so an edit to one pod sends that pod, not the cluster. The page parses a chunk
 *   only when something reads it, and an unchanged chunk stays the same object across results.
 *   Pods and pod reports are records, `#[names id, field, …]`: each field a chunk (or a string,
 *   boolean or null in place), so the replicas of a workload share their labels, containers and
 *   verdicts (worker/pack.ts Interner).
 *   Each result names the chunks the page can forget (`dropped`).
 * - network tables: endpoints (chunks), isolation, selectedBy, portsOf and allPorts as indexes.
 * - flow blocks: the NetworkPolicy verdict (`network.allowed`) for rows × columns × ports as bits
 *   (Uint32Array, transferred, not copied). Small clusters get every pair; large ones get what the
 *   views asked for. Everything else (explanations, probes, address flows) is computed on demand.
 */
import type { ConnectivityEntry, Explanation, PortProto, SourceRange } from '../engine/model/index.js';

/** Up to this many endpoints (system pods included) every pair on every port is sent with each result. */
export const FULL_FLOWS_LIMIT = 100;

export interface FileText {
  readonly name: string;
  readonly text: string;
}

export interface UpdateMessage {
  readonly type: 'update';
  readonly revision: number;
  /** Every file name, in tab order (the engine reads sources in order). */
  readonly order: readonly string[];
  /** Files whose text the worker does not have yet (new or changed since the last update). */
  readonly changed: readonly FileText[];
}

/** What a view draws; the worker sends the verdicts it needs (see FlowBlock). */
export interface FlowInterest {
  /** Endpoints whose whole rows and columns are wanted (the graph's focus). */
  readonly focus?: readonly string[];
  /** A window of the matrix: these sources × these destinations. */
  readonly rows?: readonly string[];
  readonly cols?: readonly string[];
  /** Single connections (a lesson's flow checks). */
  readonly pairs?: readonly (readonly [string, string])[];
  /** Ports to answer besides those in play (a port filter no longer in play, a lesson check's port). */
  readonly ports?: readonly PortProto[];
}

export interface WantMessage {
  readonly type: 'want';
  readonly key: string;
  readonly interest: FlowInterest | null;
}

export type Query =
  | { readonly kind: 'explain'; readonly from: string; readonly to: string; readonly ports: readonly PortProto[] }
  | { readonly kind: 'ranges'; readonly refs: readonly unknown[] }
  | { readonly kind: 'connectivity' };

export interface QueryMessage {
  readonly type: 'query';
  readonly id: number;
  readonly revision: number;
  readonly query: Query;
}

export type ToWorker = UpdateMessage | WantMessage | QueryMessage;

/** A chunk id, or a list of them (an array field). */
export type ChunkRef = number | readonly number[];

/**
 * The NetworkPolicy verdicts of rows × cols × ports (indexes into `endpoints` and `ports`):
 * bit `(r * cols.length + c) * ports.length + p` of `bits`.
 */
export interface FlowBlock {
  /** Which view it was computed for (`all` for a small cluster's every pair); a newer block of a key replaces the older. */
  readonly key: string;
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  readonly ports: readonly number[];
  readonly bits: Uint32Array;
}

export interface PackedNetwork {
  /** Chunk ids of the endpoints, in the engine's order. */
  readonly endpoints: readonly number[];
  readonly enforcing: boolean;
  /** Policy keys referred to by `isolation`. */
  readonly policyKeys: readonly string[];
  /** Per endpoint: [ingress, egress] isolating policies (indexes into policyKeys), in the engine's order. */
  readonly isolation: readonly (readonly [readonly number[], readonly number[]])[];
  /** Per policy key of the analysis' policies: the endpoints it selects, in the engine's order. */
  readonly selectedBy: Readonly<Record<string, readonly number[]>>;
  /** The port table: every port in play, every destination's ports, the probe port, wanted extras. */
  readonly ports: readonly PortProto[];
  /** Per endpoint: its ports (indexes into `ports`), in the engine's order. */
  readonly portsOf: readonly (readonly number[])[];
  readonly allPorts: readonly number[];
}

export interface PackedAnalysis {
  /** Cluster fields: a chunk, or a list of chunks for array fields. */
  readonly cluster: Readonly<Record<string, ChunkRef>>;
  /** Pod reports without their pod ([report chunk, pod chunk]): the pod is the cluster's. */
  readonly pods: readonly (readonly [number, number])[];
  /** Policy reports without their policy ([report chunk, policy chunk]). */
  readonly policies: readonly (readonly [number, number])[];
  /** Every other data field of Analysis (diagnostics, services, nodes, and any added later). */
  readonly rest: Readonly<Record<string, ChunkRef>>;
  readonly network: PackedNetwork;
  readonly flows: readonly FlowBlock[];
}

/**
 * New chunks in one string and two typed arrays (copied in one piece, transferred): chunk `i` has
 * the id `ids[i]` and the text `text.slice(ends[i - 1] ?? 0, ends[i])` (JSON, or a record).
 */
export interface ChunkBatch {
  readonly ids: Uint32Array;
  readonly ends: Uint32Array;
  readonly text: string;
}

/** A reference to a record's own document, as its relative fields write it (no SourceRef's file is a number): worker/pack.ts. */
export const HERE = '{"file":0,"doc":0,"path":';

/** How JSON.stringify begins a SourceRef to document `doc` of `file`: what HERE stands for. */
export function refPrefix(file: string, doc: number): string {
  return `{"file":${JSON.stringify(file)},"doc":${doc},"path":`;
}

export function chunkBatch(fresh: readonly (readonly [number, string])[]): ChunkBatch {
  const ids = new Uint32Array(fresh.length), ends = new Uint32Array(fresh.length);
  let end = 0;
  fresh.forEach(([id, json], i) => { ids[i] = id; end += json.length; ends[i] = end; });
  return { ids, ends, text: fresh.map(([, json]) => json).join('') };
}

/** A batch's chunks as [id, text] (tests, tools). */
export function batchEntries(batch: ChunkBatch): [number, string][] {
  return Array.from(batch.ids, (id, i) => [id, batch.text.slice(batch.ends[i - 1] ?? 0, batch.ends[i])]);
}

export interface ResultMessage {
  readonly type: 'result';
  readonly revision: number;
  /** New chunks (a JSON text or a record each). */
  readonly chunks: ChunkBatch;
  /** Chunks of the previous result this one no longer refers to (the page forgets them). */
  readonly dropped: readonly number[];
  readonly packed: PackedAnalysis;
  /** The analysis threw (an engine bug): the page keeps its previous result. */
  readonly error?: string;
  /** Where the worker's time went (ms), for bench:ui and DevTools. */
  readonly timings: { readonly analyze: number; readonly pack: number; readonly flows: number };
}

export interface FlowsMessage {
  readonly type: 'flows';
  readonly revision: number;
  /** The views whose blocks these replace (every view's, when a port was added). */
  readonly keys: readonly string[];
  /** Ports added to the table since the result (appended; earlier indexes keep their meaning). */
  readonly ports: readonly PortProto[];
  readonly flows: readonly FlowBlock[];
}

export interface ExplainAnswer {
  readonly kind: 'explain';
  readonly explanations: readonly { readonly port: PortProto; readonly explanation: Explanation | null; readonly allowed: boolean }[];
  /** Editor ranges of every source reference in the explanations and of the policies they name. */
  readonly ranges: readonly (readonly [string, SourceRange | null])[];
}

export interface RangesAnswer {
  readonly kind: 'ranges';
  readonly ranges: readonly (readonly [string, SourceRange | null])[];
}

/** Every reported pair on every port of its destination (the test API's listing; N² entries). */
export interface ConnectivityAnswer {
  readonly kind: 'connectivity';
  readonly entries: readonly ConnectivityEntry[];
}

export interface AnswerMessage {
  readonly type: 'answer';
  readonly id: number;
  /** The revision the worker answered on; the page ignores an answer about another one. */
  readonly revision: number;
  readonly answer: ExplainAnswer | RangesAnswer | ConnectivityAnswer | null;
}

export type FromWorker = ResultMessage | FlowsMessage | AnswerMessage;

/** Key of a source reference in range tables (file, document, path). */
export const refKey = (ref: { readonly file: string; readonly doc: number; readonly path: readonly (string | number)[] }) =>
  JSON.stringify([ref.file, ref.doc, ref.path]);

/** A number key for a port: cheap in maps queried millions of times. */
export const portKey = (port: number, protocol: string) => port * 4 + (protocol === 'TCP' ? 0 : protocol === 'UDP' ? 1 : protocol === 'SCTP' ? 2 : 3);

