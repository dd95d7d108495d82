import { useSyncExternalStore } from 'react';

/**
 * A test switch (issue 12): `window.__lab.crashPanel(name)` (the test API, installed only under
 * automation, app/testApi.ts) makes that panel's render throw until its boundary has caught it, so a journey can check
 * its error boundary: the message, "try again", "export my work", and that the other panels and
 * the files are untouched. Students never reach it.
 */
const armed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

export function crashPanel(panel: string): void {
  armed.add(panel);
  version++;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

/** The boundary caught it: "try again" renders the panel normally. */
export function disarmPanel(panel: string): void {
  armed.delete(panel);
}

/** Rendered inside each panel's boundary: throws while its panel is armed (React retries a failed render once). */
export function CrashSwitch({ panel }: { panel: string }): null {
  useSyncExternalStore(subscribe, () => version, () => version);
  if (armed.has(panel)) throw new Error(`${panel} crashed on purpose (test switch)`);
  return null;
}
