import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis, SourceFile } from '../../engine/model/index.js';
import { answerAccepted, answerChoices, answerExpectation, needsAnswer, needsTerminal } from '../../course/checks/index.js';
import { currentStepIndex, evaluateLesson, isLessonComplete, stepToComplete } from '../../course/live.js';
import type { Lang, Lesson, Step, TranscriptEntry } from '../../course/model.js';
import { applySolutionFiles, editsFiles } from '../../course/patch.js';
import { InlineMarkdown, Markdown } from './Markdown.js';
import type { SnippetTarget } from './CodeBlock.js';
import { snippetTarget } from './step-files.js';
import './lessons.css';

export interface LessonPanelProps {
  readonly lesson: Lesson;
  readonly lang: Lang;
  /** What is on screen now: the checks are evaluated live against it. */
  readonly analysis: Analysis;
  /** The files `analysis` was made of: the checks read them with it. */
  readonly files: readonly SourceFile[];
  /** The editor's files now, which a step's solution is applied to (default: `files`). */
  currentFiles?(): readonly SourceFile[];
  readonly transcript: readonly TranscriptEntry[];
  /** Completed step ids (the store persists them; completion is sticky). */
  readonly completed: readonly string[];
  /** The current step's check passed: record it. */
  onStepComplete(stepId: string): void;
  /** Back to the start files with no completed steps (the caller confirms first if it wants to). */
  onReset(): void;
  /** Copy a share link that opens this lesson on the step in view (issue 10: a class on one step). */
  onCopyStepLink?(): void;
  /** Show the lesson list. */
  onBack?(): void;
  /** Replace the editor's files (a step's solution edits applied to the current files). */
  onApplySolution?(files: SourceFile[]): void;
  /** Type a command into the terminal and run it. */
  onRunCommand?(command: string): void;
  /** Put a step's code block (a whole file) in the file the step writes, as an undoable edit. */
  onApplySnippet?(file: string, text: string): void;
  /**
   * The step in view (0-based), when the caller owns it: presentation mode's step counter and this
   * panel then always show the same step. Without it the panel keeps its own, starting at the
   * first step not completed.
   */
  readonly step?: number;
  /** The student moved to another step (with `step`, the caller must store it). */
  onStepChange?(index: number): void;
}

/**
 * One lesson, one step at a time: the step's text, a live status, an answer box for questions,
 * a hint and a revealable solution. The panel only reports: completion goes out through
 * onStepComplete, and the store decides what to keep.
 */
export function LessonPanel(props: LessonPanelProps) {
  // A new lesson starts with fresh local state (answers typed, the step in view).
  return <LessonPanelInner key={props.lesson.id} {...props} />;
}

function LessonPanelInner({
  lesson, lang, analysis, files, currentFiles, transcript, completed, onStepComplete, onReset, onCopyStepLink, onBack, onApplySolution, onRunCommand,
  onApplySnippet, step: controlled, onStepChange,
}: LessonPanelProps) {
  const { t } = useTranslation('lessons');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [own, setOwn] = useState(() => currentStepIndex(lesson, completed));
  // Progress went backwards (the lesson was reset): forget the answers typed, or an answered
  // step would complete again at once. Adjusted during render, so no effect sees the old answers.
  const [seen, setSeen] = useState(completed);
  const [resets, setResets] = useState(0);
  if (seen !== completed) {
    setSeen(completed);
    if (seen.some((id) => !completed.includes(id))) {
      setAnswers({});
      setResets((n) => n + 1);
      setOwn(currentStepIndex(lesson, completed));
    }
  }
  const view = Math.max(0, controlled ?? own);
  const setView = (i: number) => {
    if (controlled === undefined) setOwn(i);
    onStepChange?.(i);
  };
  const results = useMemo(() => evaluateLesson(lesson, { analysis, files, transcript, answers }), [lesson, analysis, files, transcript, answers]);

  const toComplete = stepToComplete(lesson, results, completed);
  useEffect(() => {
    if (toComplete !== null) onStepComplete(toComplete);
  }, [toComplete, onStepComplete]);

  const index = Math.min(view, lesson.steps.length - 1);
  const stepBox = useRef<HTMLDivElement>(null);
  const shownIndex = useRef(index);
  useEffect(() => {
    // "Next step" sits under a long text: bring the new step's title into view.
    if (shownIndex.current === index) return;
    shownIndex.current = index;
    const box = stepBox.current;
    const pane = box ? scrollParent(box) : null;
    if (box && pane && box.getBoundingClientRect().top < pane.getBoundingClientRect().top) box.scrollIntoView({ block: 'start' });
  }, [index]);
  const step = lesson.steps[index];
  // The steps list's tab stop: the step the arrows reached, or the step in view once it changes.
  const [rove, setRove] = useState<number | null>(null);
  const [roveFor, setRoveFor] = useState(index);
  if (roveFor !== index) { setRoveFor(index); setRove(null); }
  const onStepsKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-step]'));
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at === -1) return;
    const to = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? Math.min(at + 1, buttons.length - 1)
      : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? Math.max(at - 1, 0)
        : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    setRove(to);
    buttons[to]?.focus();
  };
  const allDone = isLessonComplete(lesson, completed);
  const done = lesson.steps.filter((s) => completed.includes(s.id)).length;

  return (
    <section className="lesson-panel" aria-labelledby="lesson-title" data-testid="lesson-panel" data-lesson={lesson.id}>
      <header className="lesson-header">
        {onBack && <button type="button" className="btn btn-ghost btn-small" onClick={onBack}>← {t('allLessons')}</button>}
        <h2 id="lesson-title" tabIndex={-1}><InlineMarkdown text={lesson.title[lang]} /></h2>
        <div className="lesson-progress">
          <progress max={lesson.steps.length} value={done} aria-label={t('progress', { done, total: lesson.steps.length })} />
          <button type="button" className="btn btn-ghost btn-small" title={t('resetHint')} onClick={onReset}>{t('reset')}</button>
          {onCopyStepLink && (
            <button type="button" className="btn btn-ghost btn-small" title={t('stepLinkHint')} data-testid="copy-step-link" onClick={onCopyStepLink}>{t('stepLink')}</button>
          )}
        </div>
      </header>

      {/* One Tab stop for the whole list (the step in view); ↑/↓, Home and End move between steps, so
          the step's text and answer box are a few Tabs from the lesson's heading. */}
      <ol className="lesson-steps" aria-label={t('stepsLabel')} onKeyDown={onStepsKey}>
        {lesson.steps.map((s, i) => {
          const isDone = completed.includes(s.id);
          return (
            <li key={s.id} className={`${isDone ? 'done' : ''}${i === index ? ' viewing' : ''}`}>
              <button type="button" aria-current={i === index ? 'step' : undefined} data-step={s.id} onClick={() => setView(i)}
                tabIndex={i === (rove ?? index) ? 0 : -1}>
                {/* role=img: a named mark (an aria-label on a role-less span would be ignored). */}
                <span className="lesson-step-mark" role="img" aria-label={t(isDone ? 'stepDone' : 'stepTodo')}>{isDone ? '✓' : i + 1}</span>
                <span><InlineMarkdown text={s.title[lang]} /></span>
              </button>
            </li>
          );
        })}
      </ol>

      {/* Live regions stay in the page and change their text: one inserted already holding text is often not announced. */}
      <p className={allDone ? 'lesson-complete' : 'visually-hidden'} role="status">{allDone ? t('lessonDone') : ''}</p>

      <div ref={stepBox} className="lesson-step-box">
      {step && (
        <StepView
          key={`${step.id}:${resets}`}
          step={step}
          n={index + 1}
          total={lesson.steps.length}
          lang={lang}
          done={completed.includes(step.id)}
          passed={results[index]?.passed === true}
          answer={answers[step.id]}
          onAnswer={(text) => setAnswers((a) => ({ ...a, [step.id]: text }))}
          onApply={onApplySolution ? () => onApplySolution(applySolutionFiles(currentFiles?.() ?? files, step.solution).files) : undefined}
          onRunCommand={onRunCommand}
          snippet={onApplySnippet ? { target: (blockLang, text) => snippetTarget(step, blockLang, text), apply: onApplySnippet } : undefined}
        />
      )}
      </div>

      <nav className="lesson-nav">
        <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => setView(index - 1)}>{t('previous')}</button>
        <button
          type="button"
          className={`btn btn-small${step && completed.includes(step.id) ? ' btn-primary' : ''}`}
          disabled={index >= lesson.steps.length - 1}
          onClick={() => setView(index + 1)}
        >
          {t('next')}
        </button>
      </nav>
    </section>
  );
}

/** The nearest ancestor that scrolls (the app's lesson pane), or null. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

interface StepViewProps {
  readonly step: Step;
  readonly n: number;
  readonly total: number;
  readonly lang: Lang;
  readonly done: boolean;
  readonly passed: boolean;
  readonly answer: string | undefined;
  onAnswer(text: string): void;
  readonly onApply: (() => void) | undefined;
  readonly onRunCommand: ((command: string) => void) | undefined;
  readonly snippet?: SnippetTarget | undefined;
}

function StepView({ step, n, total, lang, done, passed, answer, onAnswer, onApply, onRunCommand, snippet }: StepViewProps) {
  const { t } = useTranslation('lessons');
  const [draft, setDraft] = useState(answer ?? '');
  const [hint, setHint] = useState(false);
  const [solution, setSolution] = useState(false);
  const question = needsAnswer(step.check);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAnswer(draft);
  };
  const answerState = answer === undefined || answer.trim() === '' ? null : answerAccepted(step.check, answer);
  const choices = question ? answerChoices(step.check) : undefined;
  const expects = question ? answerExpectation(step.check) : undefined;

  return (
    <article className="lesson-step" data-step={step.id} data-status={done || passed ? 'done' : 'todo'}>
      <p className="lesson-step-count">
        {t('stepOf', { n, total })}
        {needsTerminal(step.check) && <span className="lesson-tag">{t('terminalStep')}</span>}
        {question && <span className="lesson-tag">{t('questionStep')}</span>}
      </p>
      <h3><InlineMarkdown text={step.title[lang]} /></h3>
      <Markdown text={step.body[lang]} snippet={snippet} />

      {question && (
        <form className="lesson-answer" onSubmit={submit}>
          <label htmlFor={`answer-${step.id}`}>{t('answerLabel')}</label>
          <div className="lesson-answer-row">
            <input
              id={`answer-${step.id}`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft}
              placeholder={t('answerPlaceholder')}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="btn btn-small">{t('checkAnswer')}</button>
          </div>
          {choices && (
            // One of a few answers: buttons named by their text in the lab's language (typing still
            // works). The chosen one is pressed (aria-pressed) and marked ✓: colour is not the only cue.
            <div className="lesson-answer-row lesson-choices" role="group" aria-labelledby={`choices-${step.id}`}>
              <span id={`choices-${step.id}`} className="lesson-choices-label">{t('choicesLabel')}</span>
              {choices.map((c) => {
                const chosen = answer !== undefined && answer === c[lang];
                return (
                  <button key={c.en} type="button" className={`btn btn-small${chosen ? ' chosen' : ''}`} aria-pressed={chosen}
                    onClick={() => { setDraft(c[lang]); onAnswer(c[lang]); }}>
                    {chosen && <span aria-hidden="true">✓ </span>}{c[lang]}
                  </button>
                );
              })}
            </div>
          )}
          <p className={answerState === null ? 'visually-hidden' : answerState ? 'lesson-answer-right' : 'lesson-answer-wrong'} role="status"
            data-testid="answer-status">
            {answerState === null ? '' : answerState ? `✓ ${t('answerRight')}` : `✗ ${t('answerWrong')}`}
            {/* A refusal says what kind of answer is wanted, never the answer. */}
            {answerState === false && expects ? ` ${t('answerExpects', { kind: expects[lang] })}` : ''}
          </p>
        </form>
      )}

      <p className={`lesson-status${done || passed ? ' done' : ''}`} role="status" data-testid="step-status">
        {done || passed ? `✓ ${t('statusDone')}` : t('statusWaiting')}
      </p>

      <div className="lesson-help">
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={hint} onClick={() => setHint(!hint)}>
          {t(hint ? 'hideHint' : 'showHint')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={solution} onClick={() => setSolution(!solution)}>
          {t(solution ? 'hideSolution' : 'showSolution')}
        </button>
      </div>
      {hint && (
        <aside className="lesson-hint" aria-label={t('hint')}>
          <Markdown text={step.hint[lang]} />
        </aside>
      )}
      {solution && <SolutionView step={step} onApply={onApply} onRunCommand={onRunCommand} />}
    </article>
  );
}

function SolutionView({ step, onApply, onRunCommand }: Pick<StepViewProps, 'step' | 'onApply' | 'onRunCommand'>) {
  const { t } = useTranslation('lessons');
  const s = step.solution;
  return (
    <aside className="lesson-solution" aria-label={t('solution')} data-testid="step-solution">
      {s.patch.map((p, i) => (
        <div key={`p${i}`}>
          <p>{t('solutionEditIn', { file: p.file })}</p>
          <pre className="lesson-code removed"><code>{p.find}</code></pre>
          <p>{t('solutionWith')}</p>
          <pre className="lesson-code added"><code>{p.replace}</code></pre>
        </div>
      ))}
      {s.files.map((f) => (
        <div key={f.name}>
          <p>{t('solutionFile', { file: f.name })}</p>
          <pre className="lesson-code"><code>{f.text}</code></pre>
        </div>
      ))}
      {editsFiles(s) && onApply && <button type="button" className="btn btn-small" onClick={onApply}>{t('applySolution')}</button>}
      {s.commands.length > 0 && (
        <div>
          <p>{t('solutionCommands')}</p>
          <ul className="lesson-commands">
            {s.commands.map((c, i) => (
              <li key={i}>
                <code>{c}</code>
                {onRunCommand && <button type="button" className="btn btn-ghost btn-small" onClick={() => onRunCommand(c)}>{t('runCommand')}</button>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {s.answer !== undefined && <p>{t('solutionAnswer')}: <code>{s.answer}</code></p>}
    </aside>
  );
}
