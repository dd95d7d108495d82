import { unzipStore } from '../../state/index.js';

/** Reads dropped or chosen files: YAML as text, our (stored) zips as their entries. */
export async function readImports(list: Iterable<File>): Promise<{ files: { name: string; text: string }[]; skipped: string[] }> {
  const files: { name: string; text: string }[] = [];
  const skipped: string[] = [];
  for (const file of list) {
    if (/\.ya?ml$/i.test(file.name)) {
      files.push({ name: file.name, text: await file.text() });
    } else if (/\.zip$/i.test(file.name)) {
      const result = unzipStore(new Uint8Array(await file.arrayBuffer()));
      if (!result) { skipped.push(file.name); continue; }
      for (const entry of result.files) {
        if (/\.ya?ml$/i.test(entry.name)) files.push(entry);
        else skipped.push(entry.name);
      }
      skipped.push(...result.skipped);
    } else {
      skipped.push(file.name);
    }
  }
  return { files, skipped };
}
