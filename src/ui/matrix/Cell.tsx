import type { TFunction } from 'i18next';
import type { CSSProperties } from 'react';
import type { PortProto } from '../../engine/model/index.js';
import { cellLabel, cellText, type CellState } from './model.js';

export interface CellProps {
  from: string;
  to: string;
  port: PortProto | 'any';
  state: CellState;
  pos: string;
  tabbable: boolean;
  selected: boolean;
  t: TFunction<'matrix'>;
  style?: CSSProperties;
  colIndex?: number;
  onFocus(): void;
  onSelect(): void;
}

/**
 * One cell: a button for a reported pair (click, Enter, Space explain it), plain text otherwise.
 * The button's name begins with its visible word ("deny: a to b on 80/TCP").
 */
export function MatrixCell({ from, to, port, state, pos, tabbable, selected, t, style, colIndex, onFocus, onSelect }: CellProps) {
  const status = state.kind === 'flow' ? state.verdict.status : state.kind;
  const tt = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  return (
    <td data-testid={`cell-${from}->${to}`} data-status={status} style={style} aria-colindex={colIndex}
      className={`ksl-matrix__cell ksl-matrix__cell--${status}${selected ? ' ksl-matrix__cell--selected' : ''}`}>
      {state.kind !== 'flow' ? (
        // Not a button: the "—" is decoration, the sentence is for screen readers (an aria-label on a
        // role-less span would be ignored).
        <>
          <span aria-hidden="true">{cellText(state, tt)}</span>
          <span className="ksl-sr-only">{cellLabel(from, to, port, state, tt)}</span>
        </>
      ) : (
        <button
          type="button"
          data-pos={pos}
          tabIndex={tabbable ? 0 : -1}
          aria-label={cellLabel(from, to, port, state, tt)}
          aria-current={selected ? 'true' : undefined}
          onFocus={onFocus}
          onClick={onSelect}
        >
          {cellText(state, tt)}
        </button>
      )}
    </td>
  );
}
