import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab, useLabContext, type LabFile, type RenameError } from '../../state/index.js';
import { useCurrentStep } from '../lessons/current-step.js';
import { suggestedNewFile } from '../lessons/step-files.js';
import { editorHandle } from './handle.js';
import { TabOverflow, useHiddenTabs } from './TabOverflow.js';

/**
 * The scenario's files as an ARIA tablist with a roving tabindex: arrows move, Home/End jump,
 * Alt+Shift+arrows reorder, F2 renames, Delete closes (undoable). Tabs can also be dragged.
 */
export function FileTabs({ panelId }: { panelId: string }) {
  const { t } = useTranslation('editor');
  const { store } = useLabContext();
  const files = useLab((s) => s.files);
  const activeId = useLab((s) => s.activeId);
  const closed = useLab((s) => s.closed);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const strip = useRef<HTMLDivElement>(null);
  const hidden = useHiddenTabs(strip, tabRefs, files);
  // "+" names the file the lesson step asks for (db-policy.yaml), when no tab has it yet.
  const suggested = suggestedNewFile(useCurrentStep(), files);
  const [added, setAdded] = useState('');

  // The active tab is always in view, even when the tab strip scrolls. Only the strip scrolls:
  // scrollIntoView would scroll every ancestor too (the page opened ~400 px down at 200% zoom).
  useEffect(() => {
    const tab = activeId ? tabRefs.current.get(activeId) : undefined;
    const strip = tab?.closest<HTMLElement>('.tabs');
    if (!tab || !strip) return;
    const box = tab.closest<HTMLElement>('.tab') ?? tab;
    const left = box.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft) strip.scrollLeft = left;
    else if (left + box.offsetWidth > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = left + box.offsetWidth - strip.clientWidth;
  }, [activeId, files.length]);

  const focusTab = (id: string | undefined) => {
    if (!id) return;
    store.getState().setActive(id);
    requestAnimationFrame(() => tabRefs.current.get(id)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent, file: LabFile, index: number) => {
    const s = store.getState();
    if (e.altKey && e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      s.moveFile(file.id, e.key === 'ArrowLeft' ? -1 : 1);
      requestAnimationFrame(() => tabRefs.current.get(file.id)?.focus());
      return;
    }
    switch (e.key) {
      case 'ArrowLeft': e.preventDefault(); focusTab(files[(index - 1 + files.length) % files.length]?.id); break;
      case 'ArrowRight': e.preventDefault(); focusTab(files[(index + 1) % files.length]?.id); break;
      case 'Home': e.preventDefault(); focusTab(files[0]?.id); break;
      case 'End': e.preventDefault(); focusTab(files.at(-1)?.id); break;
      case 'F2': e.preventDefault(); setRenaming(file.id); break;
      case 'Delete': e.preventDefault(); s.closeFile(file.id); focusTab(store.getState().activeId ?? undefined); break;
      default: break;
    }
  };

  const lastClosed = closed.at(-1);
  return (
    <div className="tabbar">
      <div role="tablist" aria-label={t('tabs')} className="tabs" aria-describedby="tab-keys-hint" ref={strip}>
        {files.map((file, index) => (
          // Only tabs are in the tablist (ARIA: aria-required-children): the wrapper has no role, and
          // the close mark is for the mouse (Delete closes the focused tab, as the tab's hint says).
          <div
            key={file.id}
            role="presentation"
            className={`tab${file.id === activeId ? ' tab-active' : ''}${dragId === file.id ? ' tab-dragging' : ''}`}
            draggable={renaming !== file.id}
            onDragStart={(e) => { setDragId(file.id); e.dataTransfer.setData('application/x-kslab-tab', file.id); e.dataTransfer.effectAllowed = 'move'; }}
            onDragEnd={() => setDragId(null)}
            onDragOver={(e) => { if (dragId) e.preventDefault(); }}
            onDrop={(e) => {
              if (!dragId) return;
              e.preventDefault();
              e.stopPropagation();
              const from = files.findIndex((f) => f.id === dragId);
              store.getState().moveFile(dragId, index - from);
              setDragId(null);
            }}
          >
            {renaming === file.id ? (
              <RenameInput file={file} onDone={() => { setRenaming(null); focusTab(file.id); }} />
            ) : (
              <button
                type="button"
                role="tab"
                id={`tab-${file.id}`}
                ref={(el) => { if (el) tabRefs.current.set(file.id, el); else tabRefs.current.delete(file.id); }}
                aria-selected={file.id === activeId}
                aria-controls={panelId}
                tabIndex={file.id === activeId ? 0 : -1}
                className="tab-label"
                onClick={() => store.getState().setActive(file.id)}
                onDoubleClick={() => setRenaming(file.id)}
                onKeyDown={(e) => onKeyDown(e, file, index)}
                title={t('tabKeys')}
              >
                {file.name}
              </button>
            )}
            <span
              className="tab-close"
              aria-hidden="true"
              title={`${t('closeFile', { name: file.name })} (Delete)`}
              data-testid={`close-${file.name}`}
              onClick={() => store.getState().closeFile(file.id)}
            >×</span>
          </div>
        ))}
      </div>
      {hidden.length > 0 && (
        <TabOverflow files={files.filter((f) => hidden.includes(f.id))} activeId={activeId} onPick={focusTab} />
      )}
      {/* A new tab is for typing: the caret goes to the editor (F2 on the tab renames it). */}
      <button type="button" className="btn btn-icon tab-add" data-testid="add-file"
        aria-label={suggested ? t('addFileNamed', { name: suggested }) : t('addFile')} title={suggested ? t('addFileNamed', { name: suggested }) : t('addFile')}
        onClick={() => {
          const id = store.getState().addFile(suggested ?? undefined);
          const name = store.getState().files.find((f) => f.id === id)?.name ?? '';
          setAdded(t('addedFile', { name }));
          requestAnimationFrame(() => editorHandle()?.focus());
        }}>+</button>
      {lastClosed && (
        <button type="button" className="btn btn-small tab-reopen" title={t('reopenTitle')}
          onClick={() => store.getState().reopenClosed()}>
          ↶ {t('reopen', { name: lastClosed.file.name })}
        </button>
      )}
      <span id="tab-keys-hint" className="visually-hidden">{t('tabKeys')}</span>
      <span className="visually-hidden" role="status" data-testid="file-added">{added}</span>
    </div>
  );
}

function RenameInput({ file, onDone }: { file: LabFile; onDone(): void }) {
  const { t } = useTranslation('editor');
  const { store } = useLabContext();
  const [value, setValue] = useState(file.name);
  const [error, setError] = useState<RenameError | null>(null);
  const commit = () => {
    if (value.trim() === file.name) { onDone(); return; }
    const result = store.getState().renameFile(file.id, value);
    if (result) setError(result);
    else onDone();
  };
  return (
    <span className="tab-rename">
      <input
        autoFocus
        aria-label={t('renameFile', { name: file.name })}
        aria-invalid={error !== null}
        aria-describedby={error ? `rename-error-${file.id}` : undefined}
        title={t('renameHint')}
        value={value}
        size={Math.max(8, value.length)}
        onChange={(e) => { setValue(e.target.value); setError(null); }}
        onFocus={(e) => e.target.select()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); commit(); }
          if (e.key === 'Escape') { e.preventDefault(); onDone(); }
        }}
        onBlur={() => { if (error === null) commit(); }}
      />
      {error && <span id={`rename-error-${file.id}`} role="alert" className="tab-rename-error">{t(`renameError.${error}`)}</span>}
    </span>
  );
}
