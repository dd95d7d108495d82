/**
 * Focus mode (issue 10): one pod and its neighbourhood only — the nodes it has a drawn edge with,
 * the namespaces around them, and those edges. Pure, over the element definitions drawn.
 */
import type { ElementDefinition } from 'cytoscape';

/** Element ids to keep visible around node `center`; null when `center` is not drawn. */
export function neighbourhood(elements: readonly ElementDefinition[], center: string): Set<string> | null {
  const parentOf = new Map<string, string>();
  let found = false;
  for (const e of elements) {
    if (e.group !== 'nodes') continue;
    const id = String(e.data.id);
    if (id === center) found = true;
    if (typeof e.data.parent === 'string') parentOf.set(id, e.data.parent);
  }
  if (!found) return null;
  const keep = new Set<string>([center]);
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    const { source, target } = e.data as { source: string; target: string };
    if (source !== center && target !== center) continue;
    keep.add(String(e.data.id));
    keep.add(source);
    keep.add(target);
  }
  // The boxes the kept nodes sit in (a namespace may itself be an edge's end: a folded edge).
  for (const id of [...keep]) {
    for (let p = parentOf.get(id); p !== undefined && !keep.has(p); p = parentOf.get(p)) keep.add(p);
  }
  return keep;
}
