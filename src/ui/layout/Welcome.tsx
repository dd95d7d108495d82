import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStepIndex } from '../../course/live.js';
import { useActions, useLab, useLabContext } from '../../state/index.js';
import { Dialog } from '../common/Dialog.js';
import { InlineMarkdown } from '../lessons/Markdown.js';

/** The lesson the welcome recommends to someone new to NetworkPolicy (the "start with"). */
const NETPOL_BASICS = 'network-policy-basics';

/**
 * The first minutes (issue 10): what the lab is, the lesson path in the course notes' order with
 * each lesson's progress, and one obvious button — start the first lesson, or continue where the
 * student left off. Closing it any way (the button, a lesson, Esc) dismisses it for good.
 */
export function Welcome({ open, onDismiss }: { open: boolean; onDismiss(): void }) {
  const { t } = useTranslation('layout');
  const { t: tl } = useTranslation('lessons');
  const { lessons } = useLabContext();
  const actions = useActions();
  const lang = useLab((s) => s.lang);
  const lessonId = useLab((s) => s.lessonId);
  const progress = useLab((s) => s.progress);
  const [shown, setShown] = useState(open);
  // After the dialog's showModal (a child's effect runs first), which focuses the first lesson link.
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (shown) start.current?.focus(); }, [shown]);
  if (!shown || lessons.length === 0) return null;
  const current = lessons.find((l) => l.id === lessonId) ?? lessons[0];
  const doneIn = (id: string) => lessons.find((l) => l.id === id)?.steps.filter((s) => (progress[id] ?? []).includes(s.id)).length ?? 0;
  const started = lessons.some((l) => doneIn(l.id) > 0);
  const close = (lesson?: string) => {
    setShown(false);
    onDismiss();
    if (lesson) actions.openLesson(lesson);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.lesson-pane h2')?.focus());
  };
  const netpol = lessons.find((l) => l.id === NETPOL_BASICS);
  const step = current ? currentStepIndex(current, progress[current.id] ?? []) + 1 : 1;
  return (
    <Dialog title={t('welcome.title')} onClose={() => close()} testId="welcome" actions={<>
      {netpol && netpol.id !== current?.id && (
        <button type="button" className="btn" data-testid="welcome-netpol" onClick={() => close(netpol.id)}>{t('welcome.startNetpol')}</button>
      )}
      <button type="button" className="btn btn-primary" ref={start} data-testid="welcome-start" onClick={() => close()}>
        {started && current ? t('welcome.continue', { title: current.title[lang], step }) : t('welcome.start', { title: current?.title[lang] ?? '' })}
      </button>
    </>}>
      <p>{t('welcome.intro')}</p>
      <p>{t('welcome.keys')}</p>
      <h3 className="welcome-path-title">{t('welcome.path')}</h3>
      <ol className="welcome-path">
        {lessons.map((l) => {
          const done = doneIn(l.id);
          return (
            <li key={l.id}>
              <button type="button" className="btn-link" onClick={() => close(l.id)}><InlineMarkdown text={l.title[lang]} /></button>
              <span className="welcome-progress">
                {done === 0 ? tl('notStarted') : done === l.steps.length ? `✓ ${tl('completed')}` : tl('progress', { done, total: l.steps.length })}
              </span>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
