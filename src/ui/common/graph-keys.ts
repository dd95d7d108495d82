/**
 * The graph's keyboard, as plain data (tested without a canvas): arrows move between the nodes a
 * student can select; Enter on a pod (or host) selects its first connection, and while a connection
 * is selected the arrows walk that node's connections — outgoing, then incoming, denied ones too
 * (the explanation says why) — and Escape goes back to the node. The node whose connections are
 * walked is the anchor: the caller keeps it between keys.
 */
import type { Selection } from '../graph/selection.js';
import { stepSelection } from '../graph/selection.js';

export type Node = { readonly id: string; readonly kind: 'pod' | 'external' | 'service' };

export interface GraphKeyResult {
  readonly selection: Selection | null;
  /** The node whose connections the arrows walk (null: arrows move between nodes). */
  readonly anchor: string | null;
  /** Enter on a connection: the explanation should take focus. */
  readonly explain?: boolean;
}

/** A's connections in walking order: A → B for each B, then B → A, as `reported(from, to)` allows. */
export function connectionsOf(anchor: string, order: readonly Node[], reported: (from: string, to: string) => boolean): { from: string; to: string }[] {
  const others = order.filter((n) => n.kind !== 'service' && n.id !== anchor);
  return [
    ...others.filter((n) => reported(anchor, n.id)).map((n) => ({ from: anchor, to: n.id })),
    ...others.filter((n) => reported(n.id, anchor)).map((n) => ({ from: n.id, to: anchor })),
  ];
}

/** What a key does; null: not a graph key (the caller lets it through). */
export function graphKey(
  key: string, selection: Selection | null, anchor: string | null, order: readonly Node[],
  reported: (from: string, to: string) => boolean,
): GraphKeyResult | null {
  const forward = key === 'ArrowRight' || key === 'ArrowDown';
  const back = key === 'ArrowLeft' || key === 'ArrowUp';
  const onEdge = selection?.kind === 'edge' && anchor !== null && (selection.from === anchor || selection.to === anchor);
  if (onEdge) {
    const edges = connectionsOf(anchor, order, reported);
    const at = edges.findIndex((c) => c.from === selection.from && c.to === selection.to);
    if (forward || back) {
      const next = edges[(at + (forward ? 1 : -1) + edges.length) % edges.length];
      return next ? { selection: { kind: 'edge', ...next }, anchor } : null;
    }
    if (key === 'Escape') return { selection: { kind: order.find((n) => n.id === anchor)?.kind === 'external' ? 'external' : 'pod', id: anchor }, anchor: null };
    if (key === 'Enter' || key === ' ') return { selection, anchor, explain: true };
    return null;
  }
  if (forward || back) return { selection: stepSelection(order, selection, forward ? 1 : -1), anchor: null };
  if (key === 'Escape') return { selection: null, anchor: null };
  if ((key === 'Enter' || key === ' ') && (selection?.kind === 'pod' || selection?.kind === 'external')) {
    const first = connectionsOf(selection.id, order, reported)[0];
    return first ? { selection: { kind: 'edge', ...first }, anchor: selection.id } : null;
  }
  return null;
}
