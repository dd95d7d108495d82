import { isScalar, type Document } from 'yaml';
import type { PendingDiagnostic } from '../model/index.js';
import { MAX_NESTING } from './depth.js';
import type { ParsedDoc } from './index.js';
import { duplicateKeys } from './unique-keys.js';

/**
 * One parsed document in the engine's terms: its syntax errors and duplicate keys as diagnostics
 * (offsets as the document's node ranges give them), then its value (`toJS`), or `ok: false`.
 */
export function readDocument(fileName: string, doc: Document.Parsed, index: number, docs: ParsedDoc[], diagnostics: PendingDiagnostic[]): void {
  const errors = [...doc.errors, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
  for (const err of errors) {
    // The parser's recursion gave out (a depth the pre-check did not see): the same words.
    if (/call stack/i.test(err.message)) {
      diagnostics.push(tooDeepDiagnostic(fileName, index, [err.pos[0], Math.max(err.pos[1], err.pos[0] + 1)]));
      continue;
    }
    diagnostics.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML syntax error: ${cleanYamlMessage(err.message)}`,
      ref: { file: fileName, doc: index, path: [] },
      offsets: [err.pos[0], Math.max(err.pos[1], err.pos[0] + 1)],
      params: { detail: cleanYamlMessage(err.message) },
    });
  }
  const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
  let value: unknown;
  let ok = errors.length === 0;
  if (ok && !empty) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      ok = false;
      diagnostics.push(e instanceof RangeError && /call stack/i.test(e.message)
        ? tooDeepDiagnostic(fileName, index, [doc.range[0], Math.max(doc.range[1], doc.range[0] + 1)])
        : {
            severity: 'error',
            code: 'yaml-syntax',
            message: `YAML error: ${e instanceof Error ? e.message : String(e)}`,
            ref: { file: fileName, doc: index, path: [] },
          });
    }
  }
  docs.push({ file: fileName, index, value, ok, empty });
}

/** A document nesting deeper than MAX_NESTING (depth.ts): left out, the rest still analysed. */
export function tooDeepDiagnostic(file: string, doc: number, offsets: [number, number]): PendingDiagnostic {
  return {
    severity: 'error',
    code: 'yaml-too-deep',
    message: `YAML nesting deeper than ${MAX_NESTING} levels: this document is left out of the analysis. ` +
      `Kubernetes manifests nest a few dozen levels at most; look for a runaway run of [ or { or of ever-deeper indentation here.`,
    ref: { file, doc, path: [] },
    offsets,
    params: { limit: MAX_NESTING },
  };
}

/** yaml's messages end with a code excerpt; keep the first line. */
export function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
