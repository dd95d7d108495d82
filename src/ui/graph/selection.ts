/**
 * What the student has selected in the graph (or the matrix): a pod or external host (by endpoint
 * id: `namespace/name` or the bare IP), a connection, a namespace, or a Service (`namespace/name`).
 * Also the one mapping between a selection and the Cytoscape element id that shows it, so both
 * directions stay in one place.
 */
export type Selection =
  | { kind: 'pod' | 'external'; id: string }
  | { kind: 'edge'; from: string; to: string }
  | { kind: 'namespace'; name: string }
  | { kind: 'service'; id: string };

/** Element ids: prefixes keep a namespace `web` and a pod `web/web` from colliding. */
export const nsElementId = (name: string) => `ns:${name}`;
export const podElementId = (key: string) => `pod:${key}`;
export const externalElementId = (ip: string) => `ext:${ip}`;
export const endpointElementId = (id: string, kind: 'pod' | 'external') =>
  kind === 'pod' ? podElementId(id) : externalElementId(id);
export const edgeElementId = (from: string, to: string) => `edge:${from}->${to}`;
export const serviceElementId = (key: string) => `svc:${key}`;
/** Service → endpoint (a pod, or an address drawn as an external host). */
export const serviceEdgeElementId = (service: string, endpoint: string) => `svcedge:${service}->${endpoint}`;

export function elementIdOf(sel: Selection): string {
  switch (sel.kind) {
    case 'pod': return podElementId(sel.id);
    case 'external': return externalElementId(sel.id);
    case 'edge': return edgeElementId(sel.from, sel.to);
    case 'namespace': return nsElementId(sel.name);
    case 'service': return serviceElementId(sel.id);
  }
}

/** The data every element carries for this mapping (set by toElements). */
export interface SelectableData {
  /** `service-edge`: an edge from a Service to an endpoint; selecting it selects the Service. */
  readonly kind: 'pod' | 'external' | 'edge' | 'namespace' | 'service' | 'service-edge';
  readonly key?: string;
  readonly from?: string;
  readonly to?: string;
  readonly name?: string;
}

export function selectionOf(data: SelectableData): Selection | null {
  switch (data.kind) {
    case 'pod':
    case 'external':
      return data.key !== undefined ? { kind: data.kind, id: data.key } : null;
    case 'edge':
      return data.from !== undefined && data.to !== undefined ? { kind: 'edge', from: data.from, to: data.to } : null;
    case 'namespace':
      return data.name !== undefined ? { kind: 'namespace', name: data.name } : null;
    case 'service':
    case 'service-edge':
      return data.key !== undefined ? { kind: 'service', id: data.key } : null;
  }
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (a === null || b === null) return a === b;
  return elementIdOf(a) === elementIdOf(b);
}

/**
 * Keyboard stepping through the endpoints (and the Services, when drawn) in a fixed order (arrow
 * keys on the focused graph): from nothing or from another kind of selection, forward starts at
 * the first, backward at the last.
 */
export function stepSelection(
  order: readonly { readonly id: string; readonly kind: 'pod' | 'external' | 'service' }[],
  current: Selection | null,
  delta: 1 | -1,
): Selection | null {
  if (order.length === 0) return null;
  const at = current && (current.kind === 'pod' || current.kind === 'external' || current.kind === 'service')
    ? order.findIndex((e) => e.id === current.id && e.kind === current.kind)
    : -1;
  const next = at === -1 ? (delta === 1 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
  const e = order[next];
  return e ? { kind: e.kind, id: e.id } : null;
}

/** The endpoints a selection is about: a node, or both ends of a connection. */
export function focusOf(sel: Selection | null): string[] {
  if (!sel) return [];
  if (sel.kind === 'edge') return [sel.from, sel.to];
  return sel.kind === 'namespace' || sel.kind === 'service' ? [] : [sel.id];
}
