import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shareUrl } from './share-url.js';
import type { Cni } from '../../engine/model/index.js';
import {
  CNIS, useActions, useDerivedAnalysis, useLab, useLabContext,
} from '../../state/index.js';
import { download } from '../common/download.js';
import { exportWork } from '../common/export-work.js';
import { useImport } from './useImport.js';
import { useToast } from './toast.js';

export function CniPicker() {
  const { t } = useTranslation('layout');
  const actions = useActions();
  const cni = useDerivedAnalysis().display.cluster.config.cni;
  return (
    <label className="field">
      <span className="field-label">{t('cni.label')}</span>
      <select value={cni} data-testid="cni-picker" onChange={(e) => actions.setCni(e.target.value as Cni)}>
        {CNIS.map((c) => <option key={c} value={c}>{t(`cni.${c}`)}</option>)}
      </select>
    </label>
  );
}

export function ShareButton() {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const toast = useToast();
  const [fallback, setFallback] = useState<string | null>(null);
  const share = async () => {
    const s = store.getState();
    const url = shareUrl(s);
    try {
      await navigator.clipboard.writeText(url);
      toast(t('share.copied'));
      setFallback(null);
    } catch {
      setFallback(url); // clipboard blocked (http, permissions): show the link to copy by hand
    }
  };
  return (
    <>
      <button type="button" className="btn" title={t('share.title')} data-testid="share" onClick={() => void share()}>
        {t('share.button')}
      </button>
      {fallback && (
        <div className="share-fallback" role="dialog" aria-label={t('share.copyFailed')}>
          <label>{t('share.copyFailed')}
            <input readOnly value={fallback} onFocus={(e) => e.target.select()} autoFocus data-testid="share-url" />
          </label>
          <button type="button" className="btn btn-icon" aria-label={t('common:close')} onClick={() => setFallback(null)}>×</button>
        </div>
      )}
    </>
  );
}

export function FileMenu() {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const activeName = useLab((s) => s.files.find((f) => f.id === s.activeId)?.name ?? null);
  const input = useRef<HTMLInputElement>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const importFiles = useImport();
  const close = () => details.current?.removeAttribute('open');
  const exportActive = () => {
    const s = store.getState();
    const file = s.files.find((f) => f.id === s.activeId);
    if (file) download(file.name, file.text, 'application/yaml');
    close();
  };
  const exportAll = () => {
    exportWork(store.getState().files);
    close();
  };
  return (
    // A disclosure of plain buttons (not role=menu, whose arrow-key contract it would not keep):
    // Tab walks it, Esc closes it and returns to "File", and it closes once focus leaves it.
    <details className="menu" ref={details}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !details.current?.open) return;
        e.preventDefault();
        e.stopPropagation();
        close();
        details.current.querySelector('summary')?.focus();
      }}
      // Focus went to something else (not "nowhere": Safari does not focus a clicked button).
      onBlur={(e) => { if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) close(); }}>
      <summary className="btn" data-testid="file-menu">{t('file.menu')}</summary>
      <div className="menu-list">
        <button type="button" disabled={!activeName} onClick={exportActive}>{t('file.exportFile', { name: activeName ?? '' })}</button>
        <button type="button" onClick={exportAll}>{t('file.exportAll')}</button>
        <button type="button" onClick={() => { input.current?.click(); close(); }}>{t('file.import')}</button>
        <hr />
        <button type="button" data-testid="reset" onClick={() => { store.getState().openDialog({ kind: 'reset' }); close(); }}>{t('file.reset')}</button>
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml,.zip"
        hidden
        data-testid="import-input"
        onChange={(e) => { if (e.target.files) void importFiles(e.target.files); e.target.value = ''; }}
      />
    </details>
  );
}

export function LanguageSwitch() {
  const { t } = useTranslation('layout');
  const lang = useLab((s) => s.lang);
  const { store } = useLabContext();
  return (
    <div className="segmented" role="group" aria-label={t('lang.label')}>
      {(['en', 'ko'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} data-testid={`lang-${l}`}
          onClick={() => store.getState().setLang(l)}>{t(`lang.${l}`)}</button>
      ))}
    </div>
  );
}
