import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab, useLabContext, type SaveFailure } from '../../state/index.js';
import { EditorPane } from '../editor/EditorPane.js';
import { PanelBoundary } from '../common/ErrorBoundary.js';
import { Banners } from './Banners.js';
import { Dialogs } from './Dialogs.js';
import { useGlobalShortcuts } from './shortcuts.js';
import { LessonSlot, TerminalSlot } from './slots.js';
import { PresentControls, usePresentLayout } from './Present.js';
import { ToastProvider } from './toast.js';
import { CniPicker, FileMenu, LanguageSwitch, ShareButton } from './Toolbar.js';
import { useImport } from './useImport.js';
import { preloadTerminal } from './shell.js';
import { afterFirstScreen } from '../common/first-screen.js';
import { glyphsOf, preloadGlyphs } from '../common/fonts.js';
import { stringsOf } from '../i18n/index.js';
import { Workspace } from './Workspace.js';

/** The lab's screen: header and tools, banners, lesson | editor | graph + details, terminal. */
export function AppShell({ storageFailed }: { storageFailed: SaveFailure | null }) {
  return (
    <ToastProvider>
      <Shell storageFailed={storageFailed} />
    </ToastProvider>
  );
}

function Shell({ storageFailed }: { storageFailed: SaveFailure | null }) {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const presentation = useLab((s) => s.presentation);
  const terminalOpen = useLab((s) => s.terminalOpen);
  const lessonOpen = useLab((s) => s.lessonOpen);
  const lessonId = useLab((s) => s.lessonId);
  const { lessons } = useLabContext();
  const steps = lessons.find((l) => l.id === lessonId)?.steps ?? [];
  useGlobalShortcuts(store, steps.length);
  // The terminal's chunks, once the graph and the editor are up: opening it is then instant.
  useEffect(() => afterFirstScreen(preloadTerminal), []);
  // The font subsets the language's texts draw (an arrow, quotes, Hangul), before an edit draws
  // them: a subset arriving mid-edit lays out the whole page again (common/fonts.ts).
  const lang = useLab((s) => s.lang);
  useEffect(() => afterFirstScreen(() => preloadGlyphs(glyphsOf(stringsOf(lang)))), [lang]);
  const importFiles = useImport();
  const [dropping, setDropping] = useState(false);

  const isFileDrag = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  // Present mode shows one pair of panels (Present.tsx); otherwise the student's own choice.
  const present = usePresentLayout();
  const { showLesson, showTerminal } = present;

  return (
    <div
      className={`app${presentation ? ' presentation' : ''}${showLesson ? ' with-lesson' : ''}${showTerminal ? ' terminal-open' : ''}${present.className}`}
      onDragOver={(e) => { if (isFileDrag(e)) { e.preventDefault(); setDropping(true); } }}
      onDragLeave={(e) => { if (e.currentTarget === e.target) setDropping(false); }}
      onDrop={(e) => {
        if (!isFileDrag(e)) return;
        e.preventDefault();
        setDropping(false);
        void importFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <a className="skip-link" href="#editor">{t('skipToEditor')}</a>
      <a className="skip-link" href="#view">{t('skipToGraph')}</a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⬡</span>
          <div>
            <h1 className="brand-name">{t('appName')}</h1>
            {!presentation && <p className="brand-tagline">{t('tagline')}</p>}
          </div>
        </div>
        <nav className="toolbar" aria-label={t('toolbar')}>
          {!presentation && (
            <button type="button" className="btn btn-ghost" aria-pressed={lessonOpen} onClick={() => {
              store.getState().setLessonOpen(!lessonOpen);
              // Shown: read on from the lesson's (or the list's) heading.
              if (!lessonOpen) requestAnimationFrame(() => document.querySelector<HTMLElement>('.lesson-pane h2')?.focus());
            }}>
              {t(lessonOpen ? 'slots.hideLesson' : 'slots.showLesson')}
            </button>
          )}
          <CniPicker />
          {!presentation && <FileMenu />}
          {!presentation && <ShareButton />}
          <LanguageSwitch />
          <PresentControls />
          <button type="button" className="btn btn-icon" aria-label={t('help.button')} title={`${t('help.button')} (?)`}
            onClick={() => store.getState().openDialog({ kind: 'help' })}>?</button>
        </nav>
      </header>
      <Banners storageFailed={storageFailed} />
      <main className="app-main">
        {showLesson && (
          <aside className="lesson-pane" aria-label={t('slots.lesson')}>
            <PanelBoundary panel="lesson"><LessonSlot /></PanelBoundary>
          </aside>
        )}
        <EditorPane />
        <Workspace />
      </main>
      {(!presentation || present.pair === 'terminal') && (
        <section className={`terminal-drawer${showTerminal ? ' open' : ''}`} aria-labelledby="terminal-heading">
          <h2 id="terminal-heading" className="visually-hidden">{t('slots.terminal')}</h2>
          <button type="button" className="drawer-handle" aria-expanded={showTerminal} data-testid="terminal-toggle"
            onClick={() => store.getState().setTerminalOpen(!terminalOpen)}>
            <span aria-hidden="true">{showTerminal ? '▾' : '▴'}</span> {t('slots.terminal')}
            <span className="visually-hidden">{t(showTerminal ? 'slots.hideTerminal' : 'slots.showTerminal')}</span>
            <kbd className="drawer-kbd">Alt+T</kbd>
          </button>
          {showTerminal && <div className="terminal-body"><PanelBoundary panel="terminal"><TerminalSlot /></PanelBoundary></div>}
        </section>
      )}
      {dropping && <div className="drop-overlay" aria-hidden="true"><p>{t('file.dropHere')}</p></div>}
      <Dialogs />
    </div>
  );
}
