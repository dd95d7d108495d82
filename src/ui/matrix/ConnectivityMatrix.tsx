/**
 * ConnectivityMatrix — the accessible view of who may connect to whom.
 *
 * Props:
 *   analysis:  Analysis
 *   port:      PortProto | 'any'         ('any': see graph/flows.ts; a cell then counts ports)
 *   selected?: { from: string; to: string }   the pair being explained, highlighted
 *   onSelectPair(from: string, to: string)    click, Enter or Space on a cell
 *   onSelectPod?(key: string)                 a pod's row header: open it in the pod inspector
 *   recomputing?: boolean                     a newer analysis is on its way: say so (cells keep this one)
 *
 * An HTML <table>: sources as row headers, destinations as column headers (<th scope>), each cell
 * a button with a word and a colour and an aria-label ("ns/a to ns/b on 80/TCP: allowed").
 * One roving tab stop; arrow keys, Home and End move between cells. Cells carry
 * `data-testid="cell-<from>-><to>"` and `data-status` for Playwright. Up to MATRIX_LIMIT
 * endpoints every cell is in the page; past it the matrix is virtualised (VirtualMatrix): every
 * endpoint is a row and a column, only the cells in view are computed and rendered, and the
 * worker is asked for exactly those verdicts. A cell whose verdict has not arrived says so ("…").
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isSystemEndpoint } from '../common/scope.js';
import { useTranslation } from 'react-i18next';
import type { Analysis, PortProto } from '../../engine/model/index.js';
import { flowsCover, useFlowInterest } from '../../state/index.js';
import { markShown } from '../../state/perf.js';
import { portLabel } from '../graph/flows.js';
import { Recomputing } from '../status/Recomputing.js';
import { MatrixCell } from './Cell.js';
import { buildMatrix, cellState, firstCell, moveFocus, type CellState } from './model.js';
import { VirtualMatrix } from './VirtualMatrix.js';
import './matrix.css';

export interface ConnectivityMatrixProps {
  analysis: Analysis;
  port: PortProto | 'any';
  selected?: { from: string; to: string };
  onSelectPair(from: string, to: string): void;
  /** A pod's row header was chosen; without it the headers are plain text. */
  onSelectPod?(key: string): void;
  recomputing?: boolean;
}

/** A cell's state, or `pending` while the analysis on screen does not hold its verdict. */
export function cellOf(analysis: Analysis, from: string, to: string, port: PortProto | 'any'): CellState {
  if (!flowsCover(analysis, { pairs: [[from, to]], port })) return { kind: 'pending' };
  return cellState(analysis.network, from, to, port);
}

export function ConnectivityMatrix({ analysis, port, selected, onSelectPair, onSelectPod, recomputing = false }: ConnectivityMatrixProps) {
  const { t } = useTranslation('matrix');
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const network = analysis.network;
  const model = useMemo(() => buildMatrix(network, filter, undefined, (e) => !isSystemEndpoint(analysis, e)), [analysis, network, filter]);
  // Past the limit every endpoint is a row and a column, virtualised.
  const everything = useMemo(
    () => (model.truncated ? buildMatrix(network, filter, Infinity, (e) => !isSystemEndpoint(analysis, e)) : model),
    [analysis, network, filter, model],
  );
  const caption = port === 'any' ? t('anyPortCaption') : t('caption', { port: portLabel(port) });

  return (
    <section className="ksl-matrix" aria-label={t('title')} data-testid="connectivity-matrix">
      <div className="ksl-matrix__bar">
        <label htmlFor={filterId}>{t('filter')}</label>
        <input
          id={filterId} type="search" value={filter} placeholder={t('filterPlaceholder')}
          onChange={(e) => setFilter(e.target.value)} data-testid="matrix-filter"
        />
        <Recomputing active={recomputing} />
      </div>
      {!network.enforcing && <p className="ksl-matrix__note" role="note">{t('notEnforced', { cni: analysis.cluster.config.cni })}</p>}
      {model.truncated && (
        <p className="ksl-matrix__note" role="status">{t('virtual', { total: everything.rows.total })}</p>
      )}
      {model.rows.total === 0 && filter === '' ? (
        <p className="ksl-matrix__empty">{t('empty')}</p>
      ) : model.rows.shown.length === 0 ? (
        <p className="ksl-matrix__empty">{t('noMatch')}</p>
      ) : model.truncated ? (
        <VirtualMatrix analysis={analysis} port={port} rows={everything.rows.shown} cols={everything.cols.shown} caption={caption}
          {...(selected ? { selected } : {})} onSelectPair={onSelectPair} {...(onSelectPod ? { onSelectPod } : {})} />
      ) : (
        <SmallMatrix analysis={analysis} port={port} rows={model.rows.shown} cols={model.cols.shown} caption={caption}
          {...(selected ? { selected } : {})} onSelectPair={onSelectPair} {...(onSelectPod ? { onSelectPod } : {})} />
      )}
    </section>
  );
}

export interface TableProps {
  analysis: Analysis;
  port: PortProto | 'any';
  rows: readonly { id: string; kind: 'pod' | 'external' }[];
  cols: readonly { id: string; kind: 'pod' | 'external' }[];
  caption: string;
  selected?: { from: string; to: string };
  onSelectPair(from: string, to: string): void;
  onSelectPod?(key: string): void;
}

/** Every cell in the page (up to MATRIX_LIMIT endpoints). */
function SmallMatrix({ analysis, port, rows, cols, caption, selected, onSelectPair, onSelectPod }: TableProps) {
  const { t } = useTranslation('matrix');
  const [focus, setFocus] = useState<[number, number] | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // The port chosen may be one the result has no verdicts for yet (no longer in play): ask for it.
  useFlowInterest('matrix', { ports: port === 'any' ? [] : [port] });
  // Verdicts only change with the analysis, filter or port, not with focus moves.
  const grid = useMemo(() => rows.map((r) => cols.map((c) => cellOf(analysis, r.id, c.id, port))), [analysis, rows, cols, port]);
  // The matrix shows this analysis once no cell in view is waiting for its verdict (bench:ui times it).
  useEffect(() => { if (!grid.some((row) => row.some((c) => c.kind === 'pending'))) markShown('matrix', analysis); }, [grid, analysis]);
  // Only a reported pair is a button: the roving tab stop is always on one (never the self-pair [0,0]).
  const isCell = (r: number, c: number) => grid[r]?.[c]?.kind === 'flow';
  const wanted = focus && isCell(focus[0], focus[1]) ? focus : firstCell(rows.length, cols.length, isCell);
  const [fr, fc] = wanted ?? [-1, -1];

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (fr < 0) return;
    const next = moveFocus(fr, fc, e.key, rows.length, cols.length, isCell);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-pos="${next[0]}:${next[1]}"]`)?.focus();
  };

  return (
    <div className="ksl-matrix__scroll">
      <p className="ksl-matrix__caption" aria-hidden="true">{caption}</p>
      <table className="ksl-matrix__table" ref={tableRef} onKeyDown={onKeyDown}>
        {/* The caption is for screen readers; sighted readers get the same text above, at full width. */}
        <caption className="ksl-sr-only">{caption}</caption>
        <thead>
          <tr>
            <td className="ksl-matrix__corner">{t('corner')}</td>
            {cols.map((c) => (
              <th key={c.id} scope="col" className="ksl-matrix__colhead" title={c.id}>
                <span>{c.id}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={r.id}>
              <RowHead row={r} {...(onSelectPod ? { onSelectPod } : {})} />
              {cols.map((c, ci) => (
                <MatrixCell key={c.id} from={r.id} to={c.id} port={port} state={grid[ri]?.[ci] ?? cellOf(analysis, r.id, c.id, port)}
                  pos={`${ri}:${ci}`} tabbable={ri === fr && ci === fc} selected={selected?.from === r.id && selected.to === c.id} t={t}
                  onFocus={() => setFocus([ri, ci])} onSelect={() => onSelectPair(r.id, c.id)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RowHead({ row, onSelectPod, style }: { row: { id: string; kind: 'pod' | 'external' }; onSelectPod?(key: string): void; style?: React.CSSProperties }) {
  const { t } = useTranslation('matrix');
  return (
    <th scope="row" className="ksl-matrix__rowhead" title={row.id} style={style}>
      {row.kind === 'pod' && onSelectPod ? (
        <button type="button" className="ksl-matrix__podlink" data-testid={`inspect-${row.id}`}
          title={t('inspectPod', { pod: row.id })} onClick={() => onSelectPod(row.id)}>
          {row.id}
        </button>
      ) : row.id}
      {row.kind === 'external' && <span className="ksl-matrix__tag">{t('external')}</span>}
    </th>
  );
}
