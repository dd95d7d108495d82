import type { RulesList } from '../rbac/rules-review.js';

/**
 * `kubectl auth can-i --list` as kubectl prints it (cani.go printAccessHeaders/printAccess through
 * cli-runtime printers.GetNewTabWriter: tabwriter minwidth 6, padding 3, space padding): the
 * header `Resources   Non-Resource URLs   Resource Names   Verbs` unless --no-headers, then one row
 * per rule, lists in Go's %v form (`[get list]`, `[]`). Every column but the last is as wide as its
 * widest cell plus three spaces, at least six; the last is not padded.
 */
export function formatRulesList(list: RulesList, options: { readonly noHeaders?: boolean } = {}): string {
  const v = (items: readonly string[]) => `[${items.join(' ')}]`;
  const rows: string[][] = [];
  if (!options.noHeaders) rows.push(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
  for (const r of list.rows) rows.push([r.resources, v(r.nonResourceURLs), v(r.resourceNames), v(r.verbs)]);
  return tabwrite(rows);
}

const MIN_WIDTH = 6;
const PADDING = 3;

/** tabwriter over cells (the last cell of a line is not a column): runes counted as Go counts them. */
function tabwrite(rows: readonly (readonly string[])[]): string {
  const width: number[] = [];
  const len = (s: string) => [...s].length;
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => { width[i] = Math.max(width[i] ?? MIN_WIDTH, len(cell) + PADDING); });
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell + ' '.repeat((width[i] ?? 0) - len(cell)) : cell)).join('') + '\n').join('');
}
