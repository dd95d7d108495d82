import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabFile } from '../../state/index.js';

/**
 * The tabs the strip cannot show (scrolled out of view or cut at its edge), by id, kept up to date
 * as the strip scrolls, resizes or the files change.
 */
export function useHiddenTabs(strip: RefObject<HTMLElement | null>, tabs: RefObject<Map<string, HTMLElement>>, files: readonly LabFile[]): string[] {
  const [hidden, setHidden] = useState<string[]>([]);
  const last = useRef<string[]>([]);
  // The tabs' ids and names decide the strip's layout, not their text: typing in a file must not
  // re-measure and set state on every keystroke (a set per keystroke, inside the keystroke's own
  // synchronous render, piled up into React's "Maximum update depth exceeded" when typing fast).
  const layoutKey = files.map((f) => `${f.id}\u0000${f.name}`).join('\u0001');
  const current = useRef(files);
  current.current = files;
  useEffect(() => {
    const el = strip.current;
    if (!el) return undefined;
    const measure = () => {
      const left = el.scrollLeft;
      const right = left + el.clientWidth;
      const out: string[] = [];
      for (const f of current.current) {
        const box = tabs.current?.get(f.id)?.closest<HTMLElement>('.tab');
        if (!box) continue;
        const x = box.offsetLeft - el.offsetLeft;
        if (x < left - 1 || x + box.offsetWidth > right + 1) out.push(f.id);
      }
      const prev = last.current;
      if (prev.length === out.length && prev.every((id, i) => id === out[i])) return;
      last.current = out;
      setHidden(out);
    };
    // A ResizeObserver reports once after the next layout: measuring then reads a laid-out page,
    // where measuring here would force the first screen's whole layout early (and again after the
    // graph's canvas is added; ~130 ms at 2.5x CPU throttle in a cold load's profile).
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    if (observer) observer.observe(el);
    else measure();
    el.addEventListener('scroll', measure, { passive: true });
    return () => { observer?.disconnect(); el.removeEventListener('scroll', measure); };
  }, [strip, tabs, layoutKey]);
  return hidden;
}

/**
 * "⋯ 3 more tabs": a disclosure listing the tabs out of view (FileMenu's pattern: plain buttons,
 * Esc closes and returns to the summary, leaving it closes it). Picking one makes it active.
 */
export function TabOverflow({ files, activeId, onPick }: { files: readonly LabFile[]; activeId: string | null; onPick(id: string): void }) {
  const { t } = useTranslation('editor');
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => details.current?.removeAttribute('open');
  return (
    <details className="menu tab-overflow" ref={details} data-testid="tab-overflow"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !details.current?.open) return;
        e.preventDefault();
        e.stopPropagation();
        close();
        details.current.querySelector('summary')?.focus();
      }}
      onBlur={(e) => { if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) close(); }}>
      <summary className="btn btn-small">⋯ {t('moreTabs', { count: files.length })}</summary>
      <div className="menu-list" role="group" aria-label={t('moreTabsLabel')}>
        {files.map((f) => (
          <button key={f.id} type="button" aria-current={f.id === activeId ? 'true' : undefined}
            onClick={() => { close(); onPick(f.id); }}><code>{f.name}</code></button>
        ))}
      </div>
    </details>
  );
}
