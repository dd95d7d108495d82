import { LIMITS, firstBadName, readZip, type ZipProblem } from '../../state/index.js';

export interface ImportResult {
  files: { name: string; text: string }[];
  skipped: string[];
  /** A zip or file refused whole (a bound passed, a bad name): nothing of it is opened. */
  refused: { file: string; problem: ZipProblem }[];
}

/**
 * Reads dropped or chosen files: YAML as text, zips as their YAML entries, within the bounds of
 * limits.ts (state/zip.ts checks a zip before inflating anything). A zip is all or nothing.
 */
export async function readImports(list: Iterable<File>): Promise<ImportResult> {
  const files: { name: string; text: string }[] = [];
  const skipped: string[] = [];
  const refused: ImportResult['refused'] = [];
  let bytes = 0;
  for (const file of list) {
    if (/\.ya?ml$/i.test(file.name)) {
      if (bytes + file.size > LIMITS.zipBytes) { refused.push({ file: file.name, problem: { reason: 'tooLarge', limit: LIMITS.zipBytes } }); continue; }
      bytes += file.size;
      files.push({ name: file.name, text: await file.text() });
    } else if (/\.zip$/i.test(file.name)) {
      if (file.size > LIMITS.zipFileBytes) { refused.push({ file: file.name, problem: { reason: 'tooLarge', limit: LIMITS.zipBytes } }); continue; }
      const result = await readZip(new Uint8Array(await file.arrayBuffer()));
      if (!result.ok) { refused.push({ file: file.name, problem: result.problem }); continue; }
      files.push(...result.files);
      skipped.push(...result.skipped);
    } else {
      skipped.push(file.name);
    }
  }
  const bad = firstBadName(files.map((f) => f.name));
  if (bad) return { files: [], skipped, refused: [...refused, { file: bad.name, problem: { reason: 'badName', ...bad } }] };
  if (files.length > LIMITS.files) return { files: [], skipped, refused: [...refused, { file: '', problem: { reason: 'tooManyFiles', count: files.length, limit: LIMITS.files } }] };
  return { files, skipped, refused };
}
