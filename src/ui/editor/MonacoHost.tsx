import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDerivedAnalysis, useLab, useLabContext } from '../../state/index.js';
import { createEditorAdapter, type EditorAdapter } from './adapter.js';
import { setEditorHandle } from './handle.js';
import { rehearseTyping } from './rehearse-typing.js';
import { editorCreated, firstScreenShown } from '../common/first-screen.js';
import './editor.css';

/** Font sizes: normal, and presentation mode (readable from the back of a classroom). */
const FONT_SIZE = 13;
const PRESENTATION_FONT_SIZE = 20;

/** Mounts Monaco (loaded lazily on first render) and keeps it in step with the store. */
let editorChunk: Promise<typeof import('./monaco.js')> | null = null;

/**
 * Monaco's chunk (3.5 MB), asked for once: main.tsx asks before the first render, so it is fetched
 * and compiled while the page renders and draws the graph, not after (issue 11: the first screen
 * waited for the editor, whose chunk was asked for only once the first commit's effects ran). Asked
 * even earlier, from app/early.ts, it ran before the worker's result was drawn: at 500 pods the
 * graph came later (first screen, medians of 5 at rest: 1.76 s from main.tsx, 1.89 s from early.ts).
 */
export function preloadEditor(): Promise<typeof import('./monaco.js')> {
  editorChunk ??= import('./monaco.js');
  return editorChunk;
}

export function MonacoHost() {
  const { t } = useTranslation('editor');
  const { store } = useLabContext();
  const files = useLab((s) => s.files);
  const activeId = useLab((s) => s.activeId);
  const reveal = useLab((s) => s.reveal);
  const presentation = useLab((s) => s.presentation);
  const derived = useDerivedAnalysis();
  const container = useRef<HTMLDivElement>(null);
  const [adapter, setAdapter] = useState<EditorAdapter | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [large, setLarge] = useState(false);
  const activeName = files.find((f) => f.id === activeId)?.name ?? '';
  // The editor is created once; a language switch must not recreate it (and lose undo history).
  const label = useRef(t('region'));
  label.current = t('region');
  const fixTitle = useRef(t('makeRestricted'));
  fixTitle.current = t('makeRestricted');

  useEffect(() => {
    let disposed = false;
    let created: EditorAdapter | null = null;
    let startYaml: (() => Promise<void>) | null = null;
    // The bundled monospace font loads beside Monaco's chunk, so the editor measures its glyphs once.
    // Marks for `npm run bench:ui` and profiles: when the chunk, the font and the editor were ready.
    const font = document.fonts?.load(`${FONT_SIZE}px "JetBrains Mono Variable"`, 'M').catch(() => []).finally(() => performance.mark('kslab:editor-font'));
    Promise.all([preloadEditor().then((m) => { performance.mark('kslab:editor-chunk'); startYaml = m.startYamlLanguage; return m.loadMonaco(); }), font])
      .then(([monaco]) => {
        if (disposed || !container.current) return;
        created = createEditorAdapter(monaco, container.current, {
          onChange: (id, text) => store.getState().setText(id, text),
          fontSize: store.getState().presentation ? PRESENTATION_FONT_SIZE : FONT_SIZE,
          ariaLabel: label.current,
          fixTitle: () => fixTitle.current,
          onLargeFile: setLarge,
        });
        const state = store.getState();
        created.update(state.files, state.activeId);
        setEditorHandle(created);
        setAdapter(created);
        performance.mark('kslab:editor-created');
        editorCreated();
        // After the editor's first frame has been painted: Monaco's typing path walked once on a
        // throwaway editor (rehearse-typing.ts; before the YAML service exists, which so never sees
        // it), then the YAML language service.
        requestAnimationFrame(() => setTimeout(() => {
          if (disposed) return;
          rehearseTyping(monaco, (result) => {
            if (result instanceof Error) console.warn('the typing rehearsal failed', result);
            else performance.mark('kslab:typing-rehearsed');
            if (!disposed) void startYaml?.().catch((e: unknown) => console.warn('monaco-yaml did not start', e));
            firstScreenShown();
          });
        }, 0));
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      disposed = true;
      setEditorHandle(null);
      created?.destroy();
    };
    // Created once; later changes arrive through the effects below.
  }, [store]);

  useEffect(() => adapter?.update(files, activeId), [adapter, files, activeId]);
  useEffect(() => adapter?.setDiagnostics(files, derived.current.diagnostics), [adapter, files, derived]);
  useEffect(() => adapter?.setFontSize(presentation ? PRESENTATION_FONT_SIZE : FONT_SIZE), [adapter, presentation]);
  // Monaco's own text box carries the name (an aria-label on the role-less host div is ignored).
  const fileLabel = t('editorLabel', { name: activeName });
  useEffect(() => adapter?.setAriaLabel(fileLabel), [adapter, fileLabel]);
  useEffect(() => {
    if (!adapter || !reveal) return;
    adapter.update(store.getState().files, reveal.fileId);
    adapter.reveal(reveal.fileId, reveal);
  }, [adapter, reveal, store]);

  return (
    <div className="monaco-host">
      <div ref={container} className="monaco-container" data-testid="monaco" />
      {!adapter && !failure && <div className="monaco-loading">{t('loading')}</div>}
      {failure && <div className="monaco-loading" role="alert">{t('loadFailed', { message: failure })}</div>}
      {/* A polite live region: said once when a paste makes the tab large, not on every keystroke. */}
      <p className="editor-large" role="status" data-testid="editor-large">{large ? t('largeFile') : ''}</p>
    </div>
  );
}
