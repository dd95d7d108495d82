import { useTranslation } from 'react-i18next';
import type { Lang, Lesson } from '../../course/model.js';
import { InlineMarkdown } from './Markdown.js';
import './lessons.css';

export interface LessonListProps {
  readonly lessons: readonly Lesson[];
  /** Completed step ids per lesson id (the store persists them). */
  readonly progress: Readonly<Record<string, readonly string[]>>;
  readonly activeId: string | null;
  readonly lang: Lang;
  onOpen(id: string): void;
}

/** The course at a glance: each lesson with its progress; opening one is the caller's business. */
export function LessonList({ lessons, progress, activeId, lang, onOpen }: LessonListProps) {
  const { t } = useTranslation('lessons');
  return (
    <nav className="lesson-list" aria-label={t('listLabel')} data-testid="lesson-list">
      <h2 tabIndex={-1}>{t('listTitle')}</h2>
      <ol>
        {lessons.map((lesson, i) => {
          const done = lesson.steps.filter((s) => (progress[lesson.id] ?? []).includes(s.id)).length;
          const total = lesson.steps.length;
          const complete = done === total;
          const active = lesson.id === activeId;
          return (
            <li key={lesson.id} className={`lesson-card${complete ? ' complete' : ''}${active ? ' active' : ''}`} data-lesson={lesson.id}>
              <button type="button" className="lesson-card-button" aria-current={active ? 'true' : undefined} onClick={() => onOpen(lesson.id)}>
                <span className="lesson-card-number">{t('lessonNumber', { n: i + 1 })}</span>
                <span className="lesson-card-title"><InlineMarkdown text={lesson.title[lang]} /></span>
                <span className="lesson-card-summary">{lesson.summary[lang]}</span>
                <span className="lesson-card-progress">
                  <progress max={total} value={done} aria-hidden="true" />
                  <span data-testid="lesson-progress">
                    {complete ? `✓ ${t('completed')}` : done === 0 ? t('notStarted') : t('progress', { done, total })}
                  </span>
                  {active && <span className="lesson-card-current">{t('current')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
