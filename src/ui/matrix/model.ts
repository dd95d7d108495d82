/**
 * What the connectivity matrix shows, as plain data (tested without a DOM): which endpoints are
 * rows (sources) and columns (destinations) after the filter and the size cap, and each cell's
 * verdict, computed only for the cells on screen.
 */
import type { Endpoint, NetworkAnalysis } from '../../engine/model/index.js';
import { flowVerdict, isReportedPair, portLabel, type FlowVerdict, type PortChoice } from '../graph/flows.js';

/** Past this many rows or columns the table stops being readable (and slows the page). */
export const MATRIX_LIMIT = 60;

export interface MatrixAxis {
  readonly shown: readonly Endpoint[];
  readonly total: number;
}

export interface MatrixModel {
  readonly rows: MatrixAxis;
  readonly cols: MatrixAxis;
  readonly truncated: boolean;
}

/** Case-insensitive substring of the endpoint id (`ns/name` or IP) or the external host's name. */
export function matchesFilter(e: Endpoint, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (f === '') return true;
  return e.id.toLowerCase().includes(f) || e.name.toLowerCase().includes(f);
}

/** `include` leaves out what the matrix does not show (the cluster's system pods). */
export function buildMatrix(network: NetworkAnalysis, filter: string, limit = MATRIX_LIMIT, include: (e: Endpoint) => boolean = () => true): MatrixModel {
  const matching = network.endpoints.filter((e) => include(e) && matchesFilter(e, filter));
  const rows = { shown: matching.slice(0, limit), total: matching.length };
  const cols = { shown: matching.slice(0, limit), total: matching.length };
  return { rows, cols, truncated: matching.length > limit };
}

export type CellState =
  | { readonly kind: 'none' } // self, or external to external: never reported
  | { readonly kind: 'flow'; readonly verdict: FlowVerdict }
  | { readonly kind: 'pending' }; // the analysis on screen does not hold this verdict yet (the worker sends it)

export function cellState(network: NetworkAnalysis, from: string, to: string, port: PortChoice): CellState {
  if (!isReportedPair(network, from, to)) return { kind: 'none' };
  return { kind: 'flow', verdict: flowVerdict(network, from, to, port) };
}

/**
 * The visible part of a large matrix: rows [r0, r1) and columns [c0, c1) of `rows × cols` cells
 * of `rowH × colW` pixels, for a scroll position and viewport (plus `overscan` cells each side).
 * The worker is asked for a window rounded out to `chunk` cells, so small scrolls ask nothing new.
 */
export interface MatrixWindow { readonly r0: number; readonly r1: number; readonly c0: number; readonly c1: number }

export function visibleWindow(
  scroll: { top: number; left: number; width: number; height: number }, size: { rows: number; cols: number },
  cell: { rowH: number; colW: number }, overscan = 4,
): MatrixWindow {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const r0 = clamp(Math.floor(scroll.top / cell.rowH) - overscan, size.rows);
  const r1 = clamp(Math.ceil((scroll.top + scroll.height) / cell.rowH) + overscan, size.rows);
  const c0 = clamp(Math.floor(scroll.left / cell.colW) - overscan, size.cols);
  const c1 = clamp(Math.ceil((scroll.left + scroll.width) / cell.colW) + overscan, size.cols);
  return { r0, r1, c0, c1 };
}

export function roundWindow(w: MatrixWindow, size: { rows: number; cols: number }, chunk = 16): MatrixWindow {
  const down = (v: number) => Math.floor(v / chunk) * chunk;
  const up = (v: number, max: number) => Math.min(max, Math.ceil(v / chunk) * chunk);
  return { r0: down(w.r0), r1: up(w.r1, size.rows), c0: down(w.c0), c1: up(w.c1, size.cols) };
}

type T = (key: string, params?: Record<string, string | number>) => string;

/**
 * The accessible name of a cell. It starts with the cell's visible text (WCAG 2.5.3 Label in Name:
 * a speech user says what they see), then the pair and the port, e.g. "deny: ns/a to ns/b on 80/TCP".
 */
export function cellLabel(from: string, to: string, port: PortChoice, state: CellState, t: T): string {
  if (state.kind === 'none') return t('cellNoneAria', { from, to });
  if (state.kind === 'pending') return t('cellPendingAria', { from, to });
  const v = state.verdict;
  const text = cellText(state, t);
  const where = port === 'any' ? t('onAnyPort') : portLabel(port);
  if (port === 'any' && v.status === 'partial') {
    return t('cellPartialAria', {
      text, from, to, allowed: v.allowedPorts.map(portLabel).join(', '), denied: v.deniedPorts.map(portLabel).join(', '),
    });
  }
  return t('cellAria', { text, from, to, port: where });
}

/** The short text inside a cell: a word, or "allowed/total ports" when only some are allowed. */
export function cellText(state: CellState, t: T): string {
  if (state.kind === 'none') return '—';
  if (state.kind === 'pending') return '…';
  const v = state.verdict;
  if (v.status === 'partial') return `${v.allowedPorts.length}/${v.allowedPorts.length + v.deniedPorts.length}`;
  return t(v.status === 'allowed' ? 'cellAllowed' : 'cellDenied');
}

/**
 * Roving focus: the next cell for an arrow/Home/End key, clamped to the table. `isCell` says which
 * cells can take focus (the self-pair and external-to-external cells are text, not buttons): a move
 * skips the others, and stays put when there is none that way.
 */
export function moveFocus(
  r: number, c: number, key: string, rows: number, cols: number, isCell: (r: number, c: number) => boolean = () => true,
): [number, number] | null {
  const walk = (dr: number, dc: number, fr: number, fc: number): [number, number] => {
    for (let nr = fr, nc = fc; nr >= 0 && nr < rows && nc >= 0 && nc < cols; nr += dr, nc += dc) {
      if (isCell(nr, nc)) return [nr, nc];
    }
    return [r, c];
  };
  switch (key) {
    case 'ArrowUp': return walk(-1, 0, r - 1, c);
    case 'ArrowDown': return walk(1, 0, r + 1, c);
    case 'ArrowLeft': return walk(0, -1, r, c - 1);
    case 'ArrowRight': return walk(0, 1, r, c + 1);
    case 'Home': return walk(0, 1, r, 0);
    case 'End': return walk(0, -1, r, cols - 1);
    default: return null;
  }
}

/** Where the roving tab stop starts: the first focusable cell, row by row (null: none). */
export function firstCell(rows: number, cols: number, isCell: (r: number, c: number) => boolean): [number, number] | null {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (isCell(r, c)) return [r, c];
  return null;
}
