import type { PathSegment } from '../model/index.js';
import type { Diags } from './diag.js';
import { isQualifiedName, isValidLabelValue } from './names.js';
import { isObj } from './values.js';

/**
 * metav1 validation ValidateLabels: each key must be a qualified name and each value a valid
 * label value; both errors are reported on the map's path (upstream does not add the key).
 * Non-string values were already reported by strict decoding.
 */
export function checkLabels(value: unknown, path: readonly PathSegment[], diags: Diags): void {
  if (!isObj(value)) return;
  for (const [k, v] of Object.entries(value)) {
    // The message names the map as upstream does; the editor marker goes on the key or the value.
    for (const msg of isQualifiedName(k)) diags.invalid('label-invalid', path, k, msg, { path: [...path, k], atKey: true });
    if (typeof v === 'string') for (const msg of isValidLabelValue(v)) diags.invalid('label-invalid', path, v, msg, { path: [...path, k] });
  }
}
