import { useTranslation } from 'react-i18next';
import {
  freshName, visibleName, zipStore, type Dialog as LabDialog, type LabStore, type LinkProblem, type ZipProblem,
} from '../../state/index.js';
import { Dialog } from '../common/Dialog.js';
import { download } from '../common/download.js';
import { sizeText } from './strings.js';

type T = (key: string, params?: Record<string, unknown>) => string;

/** The sentence saying why a link or file was refused; names are shown with hidden characters visible. */
export function refusalText(problem: LinkProblem | ZipProblem, file: string, t: T): string {
  switch (problem.reason) {
    case 'broken': return file ? t('brokenZip', { file: visibleName(file) }) : t('broken');
    case 'tooLarge': return t('tooLarge', { limit: sizeText(problem.limit) });
    case 'tooManyFiles': return t('tooManyFiles', { count: problem.count, limit: problem.limit });
    case 'tooManyEntries': return t('tooManyEntries', { count: problem.count, limit: problem.limit });
    case 'ratio': return t('ratio', { name: visibleName(problem.name), limit: problem.limit });
    case 'overlap': return t('overlap', { name: visibleName(problem.name) });
    case 'badName': return t('badName', { name: visibleName(problem.name), problem: t(`problem.${problem.problem}`) });
  }
}

/** Opens `files` as tabs: a same-named tab is overwritten, or (copies) the file takes a fresh name. */
export function openFiles(store: LabStore, files: readonly { name: string; text: string }[], copies: boolean): void {
  for (const file of files) {
    const s = store.getState();
    const clash = s.files.some((f) => f.name === file.name);
    if (clash && copies) s.addFile(freshName(s.files, file.name.replace(/\.ya?ml$/i, '')), file.text);
    else s.setFileByName(file.name, file.text);
  }
}

/** The dialogs of links and files from elsewhere: refused, same-named tabs, another tab's work. */
export function ImportDialog({ dialog, store }: { dialog: LabDialog; store: LabStore }) {
  const { t } = useTranslation('imports');
  const close = () => store.getState().openDialog(null);
  const exportWork = () => download('my-work.zip', zipStore(store.getState().files), 'application/zip');
  switch (dialog.kind) {
    case 'refused':
      return (
        <Dialog title={t(dialog.source === 'link' ? 'refusedLinkTitle' : 'refusedZipTitle')} onClose={close} testId="dialog-refused" actions={
          <button type="button" className="btn btn-primary" autoFocus onClick={close}>{t('common:close')}</button>
        }>
          {dialog.file && dialog.problem.reason !== 'broken' && <p><code>{visibleName(dialog.file)}</code></p>}
          <p data-testid="refused-reason">{refusalText(dialog.problem, dialog.file, t)}</p>
          <p>{t('kept')}</p>
        </Dialog>
      );
    case 'importClash':
      return (
        <Dialog title={t('clashTitle')} onClose={close} testId="dialog-import-clash" actions={<>
          <button type="button" className="btn" autoFocus onClick={close}>{t('cancel')}</button>
          <button type="button" className="btn" data-testid="import-copies" onClick={() => { openFiles(store, dialog.files, true); close(); }}>{t('keepBoth')}</button>
          <button type="button" className="btn btn-danger" data-testid="import-replace" onClick={() => { openFiles(store, dialog.files, false); close(); }}>{t('replace')}</button>
        </>}>
          <p>{t('clashBody', { count: dialog.clashes.length })}</p>
          <ul className="file-list">{dialog.clashes.map((name) => <li key={name}><code>{name}</code></li>)}</ul>
        </Dialog>
      );
    case 'otherTab':
      return (
        <Dialog title={t('otherTabTitle')} onClose={() => { dialog.keep(); close(); }} testId="dialog-other-tab" actions={<>
          <button type="button" className="btn" onClick={exportWork}>{t('exportWork')}</button>
          <button type="button" className="btn" data-testid="load-other" onClick={() => { dialog.load(); close(); }}>{t('loadOther')}</button>
          <button type="button" className="btn btn-primary" autoFocus data-testid="keep-this" onClick={() => { dialog.keep(); close(); }}>{t('keepThis')}</button>
        </>}>
          <p>{t('otherTabBody')}</p>
        </Dialog>
      );
    default:
      return null;
  }
}
