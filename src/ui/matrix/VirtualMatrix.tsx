/**
 * The matrix of a large cluster: every endpoint is a row and a column, but only the cells in view
 * (plus a few around) are computed and rendered; spacers keep the scroll size of the whole table.
 * The worker is asked for the verdicts of the window (rounded out, so small scrolls ask nothing
 * new). `aria-rowcount`/`aria-colcount` and each row's and cell's index tell assistive technology
 * where it is in the whole; arrow keys, Home and End move through all of it (scrolling as needed).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowInterest } from '../../state/index.js';
import { markShown } from '../../state/perf.js';
import { MatrixCell } from './Cell.js';
import { cellOf, RowHead, type TableProps } from './ConnectivityMatrix.js';
import { firstCell, moveFocus, roundWindow, visibleWindow } from './model.js';

/** Fixed cell geometry: windowing needs to know where row r and column c are without measuring. */
const ROW_H = 30;
const COL_W = 56;
/** Row headers of one width whatever rows are in view (long ids are cut; the title has them whole). */
const ROW_HEAD_STYLE = { width: 220, minWidth: 220, maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' } as const;

const rowHeadWidth = (el: HTMLElement) => el.querySelector<HTMLElement>('tbody .ksl-matrix__rowhead')?.offsetWidth ?? 0;

export function VirtualMatrix({ analysis, port, rows, cols, caption, selected, onSelectPair, onSelectPod }: TableProps) {
  const { t } = useTranslation('matrix');
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, width: 800, height: 400 });
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const [keyboardMoved, setKeyboardMoved] = useState(false);

  // The viewport: scroll position and size, in cell coordinates (headers subtracted).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => {
      const headH = headRef.current?.offsetHeight ?? 0;
      const headW = rowHeadWidth(el);
      setView((v) => {
        const next = { top: Math.max(0, el.scrollTop - headH), left: Math.max(0, el.scrollLeft - headW), width: el.clientWidth, height: el.clientHeight };
        return next.top === v.top && next.left === v.left && next.width === v.width && next.height === v.height ? v : next;
      });
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => { el.removeEventListener('scroll', measure); resize.disconnect(); };
  }, []);

  const size = { rows: rows.length, cols: cols.length };
  const win = visibleWindow(view, size, { rowH: ROW_H, colW: COL_W });
  const asked = roundWindow(win, size);
  const rowIds = useMemo(() => rows.slice(asked.r0, asked.r1).map((r) => r.id), [rows, asked.r0, asked.r1]);
  const colIds = useMemo(() => cols.slice(asked.c0, asked.c1).map((c) => c.id), [cols, asked.c0, asked.c1]);
  useFlowInterest('matrix', { rows: rowIds, cols: colIds, ports: port === 'any' ? [] : [port] });

  const shownRows = useMemo(() => rows.slice(win.r0, win.r1), [rows, win.r0, win.r1]);
  const shownCols = useMemo(() => cols.slice(win.c0, win.c1), [cols, win.c0, win.c1]);
  // Only the cells in view are computed.
  const grid = useMemo(() => shownRows.map((r) => shownCols.map((c) => cellOf(analysis, r.id, c.id, port))), [analysis, port, shownRows, shownCols]);
  // The matrix shows this analysis once no cell in view is waiting for its verdict (bench:ui times it).
  useEffect(() => { if (!grid.some((row) => row.some((c) => c.kind === 'pending'))) markShown('matrix', analysis); }, [grid, analysis]);

  const [fr, fc] = [Math.min(focus[0], Math.max(rows.length - 1, 0)), Math.min(focus[1], Math.max(cols.length - 1, 0))];
  const focusShown = fr >= win.r0 && fr < win.r1 && fc >= win.c0 && fc < win.c1;
  // One tab stop, on a button: the focused cell, or the first reported pair in view when it scrolled away.
  const inView = (ri: number, ci: number) => grid[ri - win.r0]?.[ci - win.c0]?.kind === 'flow';
  const first = focusShown && inView(fr, fc) ? [fr, fc] : firstCell(win.r1 - win.r0, win.c1 - win.c0, (r, c) => inView(r + win.r0, c + win.c0))?.map((v, i) => v + (i === 0 ? win.r0 : win.c0));
  const tabbable = (ri: number, ci: number) => first !== undefined && ri === first[0] && ci === first[1];

  // A keyboard move past the window scrolls the cell into view, then focuses it once rendered.
  useEffect(() => {
    if (!keyboardMoved) return;
    const el = scrollRef.current;
    const headH = headRef.current?.offsetHeight ?? 0;
    const headW = el ? rowHeadWidth(el) : 0;
    if (el) {
      const top = fr * ROW_H, left = fc * COL_W;
      if (top < el.scrollTop - headH + ROW_H || top > el.scrollTop - headH + el.clientHeight - headH - ROW_H) el.scrollTop = Math.max(0, top - el.clientHeight / 2 + headH);
      if (left < el.scrollLeft - headW + COL_W || left > el.scrollLeft + el.clientWidth - 2 * headW - COL_W) el.scrollLeft = Math.max(0, left - el.clientWidth / 2 + headW);
    }
    // The cell renders once the scroll has moved the window: look for it a few frames (End and Home
    // jump a whole row, and focus left on a cell scrolled out of the window falls to the page).
    let frames = 0;
    let raf = 0;
    const focusCell = () => {
      const button = el?.querySelector<HTMLButtonElement>(`[data-pos="${fr}:${fc}"]`);
      if (button) { button.focus(); setKeyboardMoved(false); }
      else if (frames++ < 30) raf = requestAnimationFrame(focusCell);
    };
    focusCell();
    return () => cancelAnimationFrame(raf);
  }, [keyboardMoved, fr, fc, win.r0, win.c0]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Cells out of view are not computed yet: only those in view are known not to be buttons.
    const known = (r: number, c: number) => r < win.r0 || r >= win.r1 || c < win.c0 || c >= win.c1 || inView(r, c);
    const next = moveFocus(fr, fc, e.key, rows.length, cols.length, known);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    setKeyboardMoved(true);
  };

  const spacer = (n: number) => (n > 0 ? <td aria-hidden="true" className="ksl-matrix__spacer" style={{ minWidth: n * COL_W, width: n * COL_W }} /> : null);
  const cellStyle = { width: COL_W - 4, minWidth: COL_W - 4, maxWidth: COL_W - 4, height: ROW_H - 4 };
  return (
    <div className="ksl-matrix__scroll" ref={scrollRef} data-testid="matrix-virtual">
      <p className="ksl-matrix__caption" aria-hidden="true">{caption}</p>
      <table className="ksl-matrix__table ksl-matrix__table--virtual" onKeyDown={onKeyDown}
        aria-rowcount={rows.length + 1} aria-colcount={cols.length + 1}>
        <caption className="ksl-sr-only">{caption}</caption>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <td className="ksl-matrix__corner">{t('corner')}</td>
            {spacer(win.c0)}
            {shownCols.map((c, i) => (
              <th key={c.id} scope="col" className="ksl-matrix__colhead" title={c.id} aria-colindex={win.c0 + i + 2} style={{ width: COL_W - 4, minWidth: COL_W - 4, maxWidth: COL_W - 4 }}>
                <span>{c.id}</span>
              </th>
            ))}
            {spacer(cols.length - win.c1)}
          </tr>
        </thead>
        <tbody>
          {win.r0 > 0 && <tr aria-hidden="true" style={{ height: win.r0 * ROW_H }} />}
          {shownRows.map((r, i) => {
            const ri = win.r0 + i;
            return (
              <tr key={r.id} aria-rowindex={ri + 2} style={{ height: ROW_H }}>
                <RowHead row={r} {...(onSelectPod ? { onSelectPod } : {})} style={ROW_HEAD_STYLE} />
                {spacer(win.c0)}
                {shownCols.map((c, j) => {
                  const ci = win.c0 + j;
                  return (
                    <MatrixCell key={c.id} from={r.id} to={c.id} port={port} state={grid[i]?.[j] ?? { kind: 'pending' }}
                      pos={`${ri}:${ci}`} tabbable={tabbable(ri, ci)} selected={selected?.from === r.id && selected.to === c.id} t={t}
                      style={cellStyle} colIndex={ci + 2} onFocus={() => setFocus([ri, ci])} onSelect={() => onSelectPair(r.id, c.id)} />
                  );
                })}
                {spacer(cols.length - win.c1)}
              </tr>
            );
          })}
          {win.r1 < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - win.r1) * ROW_H }} />}
        </tbody>
      </table>
    </div>
  );
}
