/**
 * The lab's first script (added to index.html by vite.config.ts, `async`, so it runs while the
 * main bundle still loads): starts the analysis worker and posts it the saved work, the files
 * `boot()` opens when there is no share link in the address (state/worker-start.ts). Kept small.
 */
import { loadWork } from '../state/persist.js';
import { startEarlyWorker } from '../state/worker-start.js';

if (typeof Worker === 'function') {
  let files: readonly { name: string; text: string }[] | null = null;
  try {
    // A share link may open other files (boot decides); then the controller posts them itself.
    if (!window.location.hash.startsWith('#s=')) files = loadWork(window.localStorage)?.files ?? null;
  } catch {
    files = null; // storage blocked: boot finds the same
  }
  startEarlyWorker(files);
}
