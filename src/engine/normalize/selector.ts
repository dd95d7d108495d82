import type { LabelSelector, LabelSelectorRequirement, PathSegment } from '../model/index.js';
import type { Diags } from './diag.js';
import { checkLabels } from './labels.js';
import { isQualifiedName, isValidLabelValue } from './names.js';
import { arr, field, str, stringMap } from './values.js';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
type Operator = (typeof OPERATORS)[number];
const isOperator = (v: unknown): v is Operator => typeof v === 'string' && (OPERATORS as readonly string[]).includes(v);

/**
 * metav1 validation ValidateLabelSelector + ValidateLabelSelectorRequirement
 * (k8s.io/apimachinery pkg/apis/meta/v1/validation/validation.go), then the selector as data.
 * An absent or null selector is the empty selector (matches everything).
 */
export function readSelector(value: unknown, path: readonly PathSegment[], diags: Diags): LabelSelector {
  checkLabels(field(value, 'matchLabels'), [...path, 'matchLabels'], diags);
  const matchExpressions: LabelSelectorRequirement[] = [];
  arr(field(value, 'matchExpressions')).forEach((expr, i) => {
    const p = [...path, 'matchExpressions', i];
    const operator = field(expr, 'operator');
    const values = arr(field(expr, 'values'));
    const key = str(field(expr, 'key')) ?? '';
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) diags.required('selector-invalid', [...p, 'values'], "must be specified when `operator` is 'In' or 'NotIn'");
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) diags.forbidden('selector-invalid', [...p, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    } else {
      diags.invalid('selector-invalid', [...p, 'operator'], operator ?? '', 'not a valid selector operator');
    }
    for (const msg of isQualifiedName(key)) diags.invalid('selector-invalid', [...p, 'key'], key, msg);
    values.forEach((v, j) => {
      if (typeof v === 'string') for (const msg of isValidLabelValue(v)) diags.invalid('selector-invalid', [...p, 'values', j], v, msg);
    });
    if (isOperator(operator)) {
      matchExpressions.push({ key, operator, values: values.filter((v): v is string => typeof v === 'string') });
    }
  });
  return { matchLabels: stringMap(field(value, 'matchLabels')), matchExpressions };
}
