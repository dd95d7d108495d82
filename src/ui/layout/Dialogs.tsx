import { useTranslation } from 'react-i18next';
import { useActions, useLab, useLabContext, zipStore } from '../../state/index.js';
import { Dialog } from '../common/Dialog.js';
import { ImportDialog } from '../imports/ImportDialogs.js';
import { download } from '../common/download.js';
import { SHORTCUTS } from './shortcuts.js';

/** The one modal at a time the store asks for: reset, a share link meeting saved work, help. */
export function Dialogs() {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const actions = useActions();
  const dialog = useLab((s) => s.dialog);
  const close = () => store.getState().openDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'reset':
      return (
        <Dialog title={t('dialog.resetTitle')} onClose={close} testId="dialog-reset" actions={<>
          <button type="button" className="btn" autoFocus onClick={close}>{t('common:cancel')}</button>
          <button type="button" className="btn btn-danger" data-testid="confirm-reset" onClick={() => { actions.resetToStart(); close(); }}>{t('dialog.resetConfirm')}</button>
        </>}>
          <p>{t('dialog.resetBody')}</p>
        </Dialog>
      );
    case 'shared':
      return (
        <Dialog title={t('dialog.sharedTitle')} onClose={close} testId="dialog-shared" actions={<>
          <button type="button" className="btn" onClick={() => download('my-work.zip', zipStore(store.getState().files), 'application/zip')}>{t('dialog.downloadMine')}</button>
          <button type="button" className="btn" autoFocus data-testid="keep-mine" onClick={close}>{t('dialog.keepMine')}</button>
          <button type="button" className="btn btn-primary" data-testid="open-shared" onClick={() => { if (dialog.open) dialog.open(); else store.getState().replaceFiles(dialog.files); close(); }}>{t('dialog.openShared')}</button>
        </>}>
          <p>{t('dialog.sharedBody', { count: dialog.files.length })}</p>
          <ul className="file-list">{dialog.files.map((f) => <li key={f.name}><code>{f.name}</code></li>)}</ul>
        </Dialog>
      );
    case 'refused':
    case 'importClash':
    case 'otherTab':
      return <ImportDialog dialog={dialog} store={store} />;
    case 'help':
      return (
        <Dialog title={t('help.title')} onClose={close} testId="dialog-help" actions={
          <button type="button" className="btn btn-primary" autoFocus onClick={close}>{t('common:close')}</button>
        }>
          <table className="shortcut-table">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action}><td><kbd>{s.keys}</kbd></td><td>{t(`shortcuts.${s.action}`)}</td></tr>
              ))}
            </tbody>
          </table>
        </Dialog>
      );
  }
}
