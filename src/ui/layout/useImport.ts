import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabContext } from '../../state/index.js';
import { readImports } from './importFiles.js';
import { useToast } from './toast.js';

/** Opens files as tabs (a tab with the same name is overwritten, as saving over a file would). */
export function useImport() {
  const { t } = useTranslation('layout');
  const { store } = useLabContext();
  const toast = useToast();
  return useCallback(async (list: Iterable<File>) => {
    const { files, skipped } = await readImports(list);
    for (const file of files) store.getState().setFileByName(file.name, file.text);
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
