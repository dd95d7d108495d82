/**
 * ConnectivityMatrix — the accessible view of who may connect to whom.
 *
 * Props:
 *   analysis:  Analysis
 *   port:      PortProto | 'any'         ('any': see graph/flows.ts; a cell then counts ports)
 *   selected?: { from: string; to: string }   the pair being explained, highlighted
 *   onSelectPair(from: string, to: string)    click, Enter or Space on a cell
 *   onSelectPod?(key: string)                 a pod's row header: open it in the pod inspector
 *
 * An HTML <table>: sources as row headers, destinations as column headers (<th scope>), each cell
 * a button with a word and a colour and an aria-label ("ns/a to ns/b on 80/TCP: allowed").
 * One roving tab stop; arrow keys, Home and End move between cells. Cells carry
 * `data-testid="cell-<from>-><to>"` and `data-status` for Playwright. Past MATRIX_LIMIT endpoints
 * the table is capped with a notice and a filter finds the rest.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isSystemEndpoint } from '../common/scope.js';
import { useTranslation } from 'react-i18next';
import type { Analysis, PortProto } from '../../engine/model/index.js';
import { portLabel } from '../graph/flows.js';
import { buildMatrix, cellLabel, cellState, cellText, moveFocus } from './model.js';
import './matrix.css';

export interface ConnectivityMatrixProps {
  analysis: Analysis;
  port: PortProto | 'any';
  selected?: { from: string; to: string };
  onSelectPair(from: string, to: string): void;
  /** A pod's row header was chosen; without it the headers are plain text. */
  onSelectPod?(key: string): void;
}

export function ConnectivityMatrix({ analysis, port, selected, onSelectPair, onSelectPod }: ConnectivityMatrixProps) {
  const { t } = useTranslation('matrix');
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const tableRef = useRef<HTMLTableElement>(null);
  const network = analysis.network;
  const model = useMemo(() => buildMatrix(network, filter, undefined, (e) => !isSystemEndpoint(analysis, e)), [analysis, network, filter]);
  const rows = model.rows.shown, cols = model.cols.shown;
  // Verdicts only change with the analysis, filter or port, not with focus moves.
  const grid = useMemo(() => rows.map((r) => cols.map((c) => cellState(network, r.id, c.id, port))), [network, rows, cols, port]);
  const [fr, fc] = [Math.min(focus[0], Math.max(rows.length - 1, 0)), Math.min(focus[1], Math.max(cols.length - 1, 0))];

  const caption = port === 'any' ? t('anyPortCaption') : t('caption', { port: portLabel(port) });
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const next = moveFocus(fr, fc, e.key, rows.length, cols.length);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-pos="${next[0]}:${next[1]}"]`)?.focus();
  };

  return (
    <section className="ksl-matrix" aria-label={t('title')} data-testid="connectivity-matrix">
      <div className="ksl-matrix__bar">
        <label htmlFor={filterId}>{t('filter')}</label>
        <input
          id={filterId} type="search" value={filter} placeholder={t('filterPlaceholder')}
          onChange={(e) => setFilter(e.target.value)} data-testid="matrix-filter"
        />
      </div>
      {!network.enforcing && <p className="ksl-matrix__note" role="note">{t('notEnforced', { cni: analysis.cluster.config.cni })}</p>}
      {model.truncated && (
        <p className="ksl-matrix__note" role="status">{t('truncated', { shown: rows.length, total: model.rows.total })}</p>
      )}
      {model.rows.total === 0 && filter === '' ? (
        <p className="ksl-matrix__empty">{t('empty')}</p>
      ) : rows.length === 0 ? (
        <p className="ksl-matrix__empty">{t('noMatch')}</p>
      ) : (
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
                  <th scope="row" className="ksl-matrix__rowhead" title={r.id}>
                    {r.kind === 'pod' && onSelectPod ? (
                      <button type="button" className="ksl-matrix__podlink" data-testid={`inspect-${r.id}`}
                        title={t('inspectPod', { pod: r.id })} onClick={() => onSelectPod(r.id)}>
                        {r.id}
                      </button>
                    ) : r.id}
                    {r.kind === 'external' && <span className="ksl-matrix__tag">{t('external')}</span>}
                  </th>
                  {cols.map((c, ci) => {
                    const state = grid[ri]?.[ci] ?? cellState(network, r.id, c.id, port);
                    const status = state.kind === 'none' ? 'none' : state.verdict.status;
                    const isSel = selected?.from === r.id && selected.to === c.id;
                    return (
                      <td key={c.id} data-testid={`cell-${r.id}->${c.id}`} data-status={status}
                        className={`ksl-matrix__cell ksl-matrix__cell--${status}${isSel ? ' ksl-matrix__cell--selected' : ''}`}>
                        {state.kind === 'none' ? (
                          <span aria-label={cellLabel(r.id, c.id, port, state, t)}>{cellText(state, t)}</span>
                        ) : (
                          <button
                            type="button"
                            data-pos={`${ri}:${ci}`}
                            tabIndex={ri === fr && ci === fc ? 0 : -1}
                            aria-label={cellLabel(r.id, c.id, port, state, t)}
                            aria-current={isSel ? 'true' : undefined}
                            onFocus={() => setFocus([ri, ci])}
                            onClick={() => onSelectPair(r.id, c.id)}
                          >
                            {cellText(state, t)}
                          </button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
