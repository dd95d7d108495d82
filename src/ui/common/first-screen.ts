/**
 * Work that waits for the first screen (issue 11: the graph and the editor first, everything
 * else after): the editor says when its first frame is up and its rehearsal done
 * (`firstScreenShown`); `afterFirstScreen` runs a callback then, or after `fallbackMs` when no
 * editor says so (it failed to load, or the layout has none).
 */
let shown = false;
const waiting = new Set<() => void>();

export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  const now = [...waiting];
  waiting.clear();
  for (const f of now) f();
}

/** Runs `f` once, in a task of its own, after the first screen; returns a cancel function. */
export function afterFirstScreen(f: () => void, fallbackMs = 4000): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    waiting.delete(run);
    clearTimeout(fallback);
    task = setTimeout(f, 0);
  };
  const fallback = setTimeout(run, fallbackMs);
  if (shown) run();
  else waiting.add(run);
  return () => {
    done = true;
    waiting.delete(run);
    clearTimeout(fallback);
    if (task !== undefined) clearTimeout(task);
  };
}

/** Tests only: back to before the first screen. */
export function resetFirstScreen(): void {
  shown = false;
  waiting.clear();
}
