import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabContext } from '../../state/index.js';
import { openFiles } from '../imports/ImportDialogs.js';
import { readImports } from './importFiles.js';
import { useToast } from './toast.js';

/**
 * Opens files as tabs. A file refused whole (a bound, a bad name: importFiles.ts) says why in a
 * dialog; when a file would overwrite a tab of the same name with other text, a dialog asks first.
 */
export function useImport() {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const toast = useToast();
  return useCallback(async (list: Iterable<File>) => {
    const { files, skipped, refused } = await readImports(list);
    const first = refused[0];
    if (first) {
      store.getState().openDialog({ kind: 'refused', source: 'zip', file: first.file, problem: first.problem });
      return;
    }
    const tabs = store.getState().files;
    const clashes = files.filter((f) => tabs.some((tab) => tab.name === f.name && tab.text !== f.text)).map((f) => f.name);
    if (clashes.length > 0) {
      store.getState().openDialog({ kind: 'importClash', files, clashes });
      return;
    }
    openFiles(store, files, false);
    const last = files.at(-1);
    if (last) {
      const id = store.getState().files.find((f) => f.name === last.name)?.id;
      if (id) store.getState().setActive(id);
    }
    const messages = [
      ...(files.length > 0 ? [t('file.imported', { count: files.length })] : []),
      ...skipped.map((name) => t('file.skipped', { name })),
    ];
    if (messages.length > 0) toast(messages.join(' '));
  }, [store, t, toast]);
}
