/**
 * Work that waits for the first screen (issue 11: the graph and the editor first, everything
 * else after). Two moments: the editor exists (`editorCreated`: MonacoHost, right after creating
 * it) and the first screen is up (`firstScreenShown`: the editor's first frame painted and its
 * rehearsal done). `afterEditorCreated` / `afterFirstScreen` run a callback then, in a task of its
 * own, or after `fallbackMs` when no editor says so (it failed to load, or the layout has none).
 */
interface Moment {
  fire(): void;
  after(f: () => void, fallbackMs: number): () => void;
  reset(): void;
}

function moment(): Moment {
  let fired = false;
  const waiting = new Set<() => void>();
  return {
    fire() {
      if (fired) return;
      fired = true;
      const now = [...waiting];
      waiting.clear();
      for (const f of now) f();
    },
    after(f, fallbackMs) {
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
      if (fired) run();
      else waiting.add(run);
      return () => {
        done = true;
        waiting.delete(run);
        clearTimeout(fallback);
        if (task !== undefined) clearTimeout(task);
      };
    },
    reset() {
      fired = false;
      waiting.clear();
    },
  };
}

const editor = moment();
const screen = moment();

export function editorCreated(): void {
  editor.fire();
}

/** Runs `f` once, in a task of its own, once the editor exists; returns a cancel function. */
export function afterEditorCreated(f: () => void, fallbackMs = 800): () => void {
  return editor.after(f, fallbackMs);
}

export function firstScreenShown(): void {
  editor.fire();
  screen.fire();
}

/** Runs `f` once, in a task of its own, after the first screen; returns a cancel function. */
export function afterFirstScreen(f: () => void, fallbackMs = 4000): () => void {
  return screen.after(f, fallbackMs);
}

/** Tests only: back to before the first screen. */
export function resetFirstScreen(): void {
  editor.reset();
  screen.reset();
}
