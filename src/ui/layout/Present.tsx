import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab, useLabContext } from '../../state/index.js';
import type { Protocol } from '../../engine/model/index.js';
import { InlineMarkdown } from '../lessons/Markdown.js';
import { editorHandle } from '../editor/handle.js';
import { explainedPath, PRESENT_PAIRS, presentPair, usePresentPair, type PresentPair } from './present.js';

/** Puts the keyboard where the pair just shown is: the lesson's heading, the editor, the terminal. */
export function focusPair(pair: PresentPair): void {
  let frames = 30;
  const focus = () => {
    const target = pair === 'editor' ? null
      : document.querySelector<HTMLElement>(pair === 'lesson' ? '.lesson-pane h2' : '.terminal-body .xterm-helper-textarea');
    if (pair === 'editor' && editorHandle()) editorHandle()?.focus();
    else if (target) target.focus();
    else if (frames-- > 0) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}

/**
 * What present mode shows (issue 10): one pair of panels, and the lesson step's connection
 * selected in the graph (its explained path, highlighted the way a selection is) as each step comes.
 */
export function usePresentLayout() {
  const { store, lessons } = useLabContext();
  const presentation = useLab((s) => s.presentation);
  const lessonOpen = useLab((s) => s.lessonOpen);
  const terminalOpen = useLab((s) => s.terminalOpen);
  const lessonId = useLab((s) => s.lessonId);
  const stepIndex = useLab((s) => s.step);
  const pair = usePresentPair();
  const steps = lessons.find((l) => l.id === lessonId)?.steps ?? [];
  const step = steps[Math.min(stepIndex, steps.length - 1)];
  // Once per step shown (the same step's re-renders leave a selection the presenter made alone).
  const path = presentation ? explainedPath(step) : null;
  const pathKey = path ? `${lessonId ?? ''}|${step?.id ?? ''}|${path.from}|${path.to}|${path.port}/${path.protocol}` : '';
  useEffect(() => {
    if (!pathKey) return;
    const [, , from = '', to = '', portProto = ''] = pathKey.split('|');
    const [port = '0', protocol = 'TCP'] = portProto.split('/');
    const s = store.getState();
    s.setPortFilter({ port: Number(port), protocol: protocol as Protocol });
    s.select({ kind: 'edge', from, to });
  }, [pathKey, store]);
  return {
    pair,
    showLesson: presentation ? pair === 'lesson' && lessons.length > 0 : lessonOpen,
    showTerminal: presentation ? pair === 'terminal' : terminalOpen,
    className: presentation ? ` present-${pair}` : '',
  };
}

/** The header's present-mode controls: the toggle, and while presenting the step, its path and the pairs. */
export function PresentControls() {
  const { t } = useTranslation('layout');
  const { store, lessons } = useLabContext();
  const presentation = useLab((s) => s.presentation);
  const lessonId = useLab((s) => s.lessonId);
  const stepIndex = useLab((s) => s.step);
  const lang = useLab((s) => s.lang);
  const pair = usePresentPair();
  const steps = lessons.find((l) => l.id === lessonId)?.steps ?? [];
  const shown = Math.min(stepIndex, Math.max(0, steps.length - 1));
  const step = steps[shown];
  const path = presentation ? explainedPath(step) : null;
  const name = (key: string) => key.replace(/^default\//, '');
  return (
    <>
      {presentation && (
        <>
          <div className="present-step">
            <button type="button" className="btn btn-icon" aria-label={t('presentation.prev')} title={`${t('presentation.prev')} (←)`}
              disabled={shown === 0} onClick={() => store.getState().setStep(shown - 1)}>‹</button>
            <span className="step-badge" aria-live="polite" data-testid="presentation-step">
              {t('presentation.step', { step: shown + 1 })}{step ? <> · <InlineMarkdown text={step.title[lang]} /></> : null}
            </span>
            <button type="button" className="btn btn-icon" aria-label={t('presentation.next')} title={`${t('presentation.next')} (→)`}
              disabled={shown >= steps.length - 1} onClick={() => store.getState().setStep(shown + 1)}>›</button>
          </div>
          {path && (
            <span className={`present-path ${path.allowed ? 'present-path-allowed' : 'present-path-denied'}`} data-testid="presentation-path">
              {t(path.allowed ? 'presentation.pathAllowed' : 'presentation.pathDenied', { from: name(path.from), to: name(path.to), port: path.port, protocol: path.protocol })}
            </span>
          )}
          <div className="segmented present-pairs" role="group" aria-label={t('presentation.pairs')}>
            {PRESENT_PAIRS.map((p, i) => (
              <button key={p} type="button" aria-pressed={pair === p} data-testid={`present-${p}`} title={`${t(`presentation.pair.${p}`)} (${i + 1})`}
                onClick={() => { presentPair.set(p); focusPair(p); }}>
                {t(`presentation.pair.${p}`)}
              </button>
            ))}
          </div>
        </>
      )}
      <button type="button" className={`btn${presentation ? ' btn-primary' : ''}`} title={t('presentation.enterTitle')}
        aria-pressed={presentation} data-testid="presentation" onClick={() => store.getState().setPresentation(!presentation)}>
        {presentation ? t('presentation.exit') : t('presentation.enter')}
      </button>
    </>
  );
}
