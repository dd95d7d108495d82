import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDerivedAnalysis, useLab, useLabContext } from '../../state/index.js';
import { createEditorAdapter, type EditorAdapter } from './adapter.js';
import { setEditorHandle } from './handle.js';

/** Font sizes: normal, and presentation mode (readable from the back of a classroom). */
const FONT_SIZE = 13;
const PRESENTATION_FONT_SIZE = 20;

/** Mounts Monaco (loaded lazily on first render) and keeps it in step with the store. */
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
  const activeName = files.find((f) => f.id === activeId)?.name ?? '';
  // The editor is created once; a language switch must not recreate it (and lose undo history).
  const label = useRef(t('region'));
  label.current = t('region');
  const fixTitle = useRef(t('makeRestricted'));
  fixTitle.current = t('makeRestricted');

  useEffect(() => {
    let disposed = false;
    let created: EditorAdapter | null = null;
    import('./monaco.js')
      .then(({ loadMonaco }) => loadMonaco())
      .then((monaco) => {
        if (disposed || !container.current) return;
        created = createEditorAdapter(monaco, container.current, {
          onChange: (id, text) => store.getState().setText(id, text),
          fontSize: store.getState().presentation ? PRESENTATION_FONT_SIZE : FONT_SIZE,
          ariaLabel: label.current,
          fixTitle: () => fixTitle.current,
        });
        const state = store.getState();
        created.update(state.files, state.activeId);
        setEditorHandle(created);
        setAdapter(created);
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
    </div>
  );
}
