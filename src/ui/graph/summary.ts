import type { ElementDefinition } from 'cytoscape';

/**
 * The graph in words, for a screen reader (issue 14): how many pods, namespaces and hosts are drawn,
 * how many connections are allowed (on some ports only) and denied, and for each pod that isolates
 * its ingress, whom it accepts. Read from the drawn elements, so it always says what the canvas shows.
 */
export interface GraphSummary {
  readonly pods: number;
  readonly namespaces: number;
  readonly externals: number;
  readonly allowed: number;
  readonly partial: number;
  readonly denied: number;
  /** Pods isolated for ingress, with the sources drawn as allowed in (and the edge label). */
  readonly isolated: readonly { readonly pod: string; readonly from: readonly string[] }[];
}

const MAX_ISOLATED = 12;

export function summarizeGraph(elements: readonly ElementDefinition[]): GraphSummary {
  let pods = 0, namespaces = 0, externals = 0, allowed = 0, partial = 0, denied = 0;
  const isolated = new Map<string, string[]>();
  for (const e of elements) {
    const d = e.data as Record<string, unknown>;
    const cls = ` ${e.classes as string ?? ''} `;
    if (e.group === 'nodes') {
      if (d.kind === 'pod') {
        pods++;
        if (d.isolatedIngress === true && typeof d.key === 'string') isolated.set(d.key, []);
      } else if (cls.includes(' namespace ') && !cls.includes(' summary ')) namespaces++;
      else if (cls.includes(' external ')) externals++;
    }
  }
  for (const e of elements) {
    const d = e.data as Record<string, unknown>;
    if (e.group !== 'edges' || d.kind !== 'edge') continue;
    if (d.status === 'denied') { denied++; continue; }
    allowed++;
    if (d.status === 'partial') partial++;
    const into = isolated.get(String(d.to));
    const label = typeof d.label === 'string' && d.label !== '' ? ` (${d.label.replace(/\n/g, ' ')})` : '';
    if (into) into.push(`${String(d.from)}${label}`);
  }
  return {
    pods, namespaces, externals, allowed, partial, denied,
    isolated: [...isolated.entries()].slice(0, MAX_ISOLATED).map(([pod, from]) => ({ pod, from })),
  };
}
