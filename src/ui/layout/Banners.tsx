import { useTranslation } from 'react-i18next';
import { CNI_INFO } from '../../engine/index.js';
import { useActions, useDerivedAnalysis, useLab, useLabContext, type SaveFailure } from '../../state/index.js';
import { exportWork } from '../common/export-work.js';

/** Warnings about the whole scenario that must not be missed: an unenforcing CNI, stale graph. */
export function Banners({ storageFailed }: { storageFailed: SaveFailure | null }) {
  const { t } = useTranslation('layout');
  const lang = useLab((s) => s.lang);
  const { store } = useLabContext();
  const actions = useActions();
  // The engine decides what enforces (the same verdicts the graph shows); nothing re-parsed here.
  const { display, staleBecause } = useDerivedAnalysis();
  const cni = display.cluster.config.cni;
  return (
    // One live region that stays in the page: a banner appearing inside it is announced (one inserted
    // already holding its own role=status often is not).
    <div className="banners">
      <div role="status">
      {!display.network.enforcing && (
        <div className="banner banner-warning" data-testid="banner-not-enforced">
          <span className="banner-icon" aria-hidden="true">⚠</span>
          <span>{t('banner.notEnforced', { cni: CNI_INFO[cni].display })}</span>
          <button type="button" className="btn btn-small" onClick={() => actions.setCni('calico')}>{t('banner.switchToCalico')}</button>
        </div>
      )}
      {staleBecause && (
        <div className="banner banner-error" data-testid="banner-stale">
          <span className="banner-icon" aria-hidden="true">⨯</span>
          <span>{t('banner.stale', { file: staleBecause.file, line: staleBecause.line })}</span>
          <button type="button" className="btn btn-small" onClick={() => {
            const file = store.getState().files.find((f) => f.name === staleBecause.file);
            if (file) store.getState().requestReveal({ fileId: file.id, line: staleBecause.line, column: staleBecause.column, endLine: staleBecause.endLine, endColumn: staleBecause.endColumn });
          }}>{t('banner.goToError')}</button>
        </div>
      )}
      </div>
      {storageFailed && (
        <div className="banner banner-error" role="alert">
          {/* Said with the size it tried to save: a 10 MB paste is more than a browser keeps per site. */}
          <span data-testid="storage-failed">{storageFailed.problem === 'full'
            ? t('banner.storageFull', { size: textSize(storageFailed.chars, lang) })
            : t('banner.storageFailed')}</span>
          <button type="button" className="btn btn-small" data-testid="export-on-fail" onClick={() => exportWork(store.getState().files)}>{t('imports:exportWork')}</button>
        </div>
      )}
    </div>
  );
}

/** "12.3 MB" or "85 kB" in the student's language (characters of the saved JSON, about its bytes). */
function textSize(chars: number, lang: string): string {
  const [value, unit] = chars >= 1e6 ? [chars / 1e6, 'megabyte'] : [Math.max(1, chars / 1e3), 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: unit === 'megabyte' ? 1 : 0 }).format(value);
}
