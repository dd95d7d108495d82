/**
 * Starting the analysis worker (worker/analysis.worker.ts) early.
 *
 * A dedicated worker's script is fetched and its global scope made only when the page's main
 * thread gets to it: started from `boot()`, behind the main bundle's evaluation and React's first
 * render, the worker existed 560-700 ms after `new Worker` (500 pods, Chromium), and a large
 * scenario's first graph waits for it. So app/early.ts, a script of its own that runs while the
 * main bundle still loads, starts the worker and posts it the saved work; the analysis controller
 * takes both over (`startAnalysisWorker`, `takeEarly`): the worker has been analysing for a while
 * by then.
 */
import type { FromWorker } from '../worker/protocol.js';
import type { WorkerPort } from './analysis-worker.js';

export interface FileText { readonly name: string; readonly text: string }

/** What happened before the controller took the worker over. */
export interface EarlyStart {
  /** The files posted as revision 0, in order; null when none were. */
  readonly posted: readonly FileText[] | null;
  /** The worker's messages so far (a result for revision 0), in order: the controller takes them in. */
  readonly inbox: readonly MessageEvent<FromWorker>[];
}

interface Early extends EarlyStart {
  readonly worker: WorkerPort;
  readonly inbox: MessageEvent<FromWorker>[];
  /** The worker failed to load (a CSP without `worker-src 'self'`, a missing file). */
  failed: string | null;
}

let early: Early | null = null;
const taken = new WeakMap<WorkerPort, EarlyStart>();

function create(): WorkerPort {
  return new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module', name: 'kslab-analysis' }) as unknown as WorkerPort;
}

/**
 * Starts the worker now and (when given) posts it `files` as revision 0, for the controller to take
 * over. Never throws: a worker that cannot start is tried again, and given up, by the controller.
 */
export function startEarlyWorker(files: readonly FileText[] | null, make: () => WorkerPort = create): void {
  if (early) return;
  try {
    const worker = make();
    const posted = files && files.length > 0 ? files.map((f) => ({ name: f.name, text: f.text })) : null;
    const kept: Early = { worker, posted, inbox: [], failed: null };
    worker.onmessage = (event) => { kept.inbox.push(event); };
    worker.onerror = (event) => { kept.failed = event.message || 'error'; };
    if (posted) worker.postMessage({ type: 'update', revision: 0, order: posted.map((f) => f.name), changed: posted });
    early = kept;
  } catch {
    early = null;
  }
}

/**
 * The analysis worker: the one started early (once), else a new one. Throws when it cannot start
 * or the early one failed to load: the controller then analyses on the page.
 */
export function startAnalysisWorker(make: () => WorkerPort = create): WorkerPort {
  const e = early;
  early = null;
  if (!e) return make();
  e.worker.onmessage = null;
  e.worker.onerror = null;
  if (e.failed !== null) {
    e.worker.terminate();
    throw new Error(`analysis worker failed to load: ${e.failed}`);
  }
  taken.set(e.worker, { posted: e.posted, inbox: e.inbox });
  return e.worker;
}

/** What was posted to and received from `worker` before the controller took it (nothing for a worker started by the controller). */
export function takeEarly(worker: WorkerPort): EarlyStart {
  const e = taken.get(worker);
  taken.delete(worker);
  return e ?? { posted: null, inbox: [] };
}
