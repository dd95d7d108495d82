/**
 * A quiet note that the analysis on screen is not the latest yet (the worker is computing the
 * next one): text in a polite live region, not a colour change, shown only when the wait lasts
 * (no flicker for a quick result). Renders the region always, so the announcement is heard.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './status.css';

/** How long a wait lasts before it is worth saying. */
export const NOTE_DELAY_MS = 300;

export function useDelayed(active: boolean, ms = NOTE_DELAY_MS): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) { setShown(false); return; }
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [active, ms]);
  return active && shown;
}

export type NoteKind = 'recomputing' | 'analysing' | 'explaining';

export function Recomputing({ active, kind = 'recomputing', testId = 'recomputing' }: { active: boolean; kind?: NoteKind; testId?: string }) {
  const { t } = useTranslation('status');
  const shown = useDelayed(active);
  return (
    <p className="ksl-recomputing" role="status" aria-live="polite" data-testid={testId} data-active={shown ? 'true' : 'false'}>
      {shown && <><span className="ksl-recomputing__spinner" aria-hidden="true" />{t(kind)}</>}
    </p>
  );
}
