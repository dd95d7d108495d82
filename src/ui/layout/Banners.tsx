import { useTranslation } from 'react-i18next';
import { CNI_INFO } from '../../engine/index.js';
import { useActions, useDerivedAnalysis, useLabContext, zipStore } from '../../state/index.js';
import { download } from '../common/download.js';

/** Warnings about the whole scenario that must not be missed: an unenforcing CNI, stale graph. */
export function Banners({ storageFailed }: { storageFailed: boolean }) {
  const { t } = useTranslation('layout');
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
          <span>{t('banner.storageFailed')}</span>
          <button type="button" className="btn btn-small" data-testid="export-on-fail" onClick={() => download('my-work.zip', zipStore(store.getState().files), 'application/zip')}>{t('imports:exportWork')}</button>
        </div>
      )}
    </div>
  );
}
