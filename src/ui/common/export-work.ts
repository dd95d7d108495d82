import { zipStore } from '../../state/index.js';
import { download } from './download.js';

/** The file every "export my work" saves: the toolbar's, the full-storage banner's, a failed panel's. */
export const EXPORT_FILE = 'kube-security-lab.zip';

/** Downloads every tab as one zip (stored, not compressed: state/zip.ts), named by its tab. */
export function exportWork(files: readonly { name: string; text: string }[]): void {
  download(EXPORT_FILE, zipStore(files), 'application/zip');
}
