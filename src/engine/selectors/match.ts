import type { LabelSelector, LabelSelectorRequirement, Labels } from '../model/index.js';

/**
 * Label selector matching as k8s.io/apimachinery `metav1.LabelSelectorAsSelector` does it:
 * every matchLabels pair and every matchExpressions requirement must hold (AND); an empty
 * selector has no requirement, so it matches every object.
 */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  // Allocation-free loops: compiling a big cluster calls this hundreds of thousands of times.
  const wanted = selector.matchLabels;
  for (const key in wanted) {
    if (!Object.hasOwn(wanted, key)) continue;
    if (!hasKey(labels, key) || labels[key] !== wanted[key]) return false;
  }
  for (const req of selector.matchExpressions) if (!matchesRequirement(req, labels)) return false;
  return true;
}

/** One requirement. NotIn and DoesNotExist hold for objects that lack the key (apimachinery's semantics). */
export function matchesRequirement(req: LabelSelectorRequirement, labels: Labels): boolean {
  const present = hasKey(labels, req.key);
  switch (req.operator) {
    case 'In':
      return present && req.values.includes(labels[req.key] ?? '');
    case 'NotIn':
      return !present || !req.values.includes(labels[req.key] ?? '');
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
  }
}

/** `{}`: no matchLabels and no matchExpressions, so it selects everything. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/**
 * The selector in kubectl's string form (`app=web,tier in (a,b),!legacy`), as `kubectl describe`
 * prints it; `<none>` would be ambiguous, so the empty selector is written `{}`.
 */
export function formatSelector(selector: LabelSelector): string {
  const parts: string[] = Object.entries(selector.matchLabels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions) {
    const values = [...req.values].sort().join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else parts.push(`!${req.key}`);
  }
  return parts.length === 0 ? '{}' : parts.join(',');
}

/** Labels as `k=v,k2=v2`, sorted by key; `(none)` when there are none. */
export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

// Own keys only: a label named `constructor` or `__proto__` must not match through the prototype.
function hasKey(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}
