/**
 * The analysis Web Worker (a module worker, bundled by Vite: state/analysis-worker.ts starts it
 * with `new Worker(new URL(…, import.meta.url), { type: 'module' })`, so it loads from the page's
 * own origin and passes a `worker-src 'self'` CSP). It receives changed files and answers with
 * compact results (protocol.ts); the page never runs the engine for typing.
 */
import { AnalysisCore } from './core.js';
import type { FromWorker, ToWorker } from './protocol.js';

const core = new AnalysisCore();
let scheduled = false;
let rehearsing = false;
const REHEARSE_AFTER_MS = 200;

function post(msg: FromWorker): void {
  const transfer: Transferable[] = [];
  if (msg.type === 'result' || msg.type === 'flows') {
    const blocks = msg.type === 'result' ? msg.packed.flows : msg.flows;
    for (const b of blocks) transfer.push(b.bits.buffer as ArrayBuffer);
  }
  if (msg.type === 'result') transfer.push(msg.chunks.ids.buffer as ArrayBuffer, msg.chunks.ends.buffer as ArrayBuffer);
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(msg, transfer);
}

/**
 * Analyses once the messages already queued are taken in: typing faster than the engine
 * analyses only the latest text, never a backlog of keystrokes.
 */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    const result = core.run();
    if (result) post(result);
    if (core.pending) schedule();
    else if (!rehearsing) {
      // After the first result, unless an edit is waiting by then: an edit's path is walked off
      // the record (core.rehearse), so the student's first keystroke does not pay for cold code.
      rehearsing = true;
      setTimeout(() => { if (!core.pending) core.rehearse(); }, REHEARSE_AFTER_MS);
    }
  }, 0);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  for (const reply of core.receive(event.data)) post(reply);
  if (core.pending) schedule();
};
