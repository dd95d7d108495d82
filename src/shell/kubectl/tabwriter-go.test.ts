import { expect, it } from 'vitest';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { tabwrite } from '../tabwriter.js';

// Go 1.19 text/tabwriter as kubectl uses it: cli-runtime printers.GetNewTabWriter
// (NewWriter(out, 6, 4, 3, ' ', 0)) for tables, pkg/describe tabbedString (0, 8, 2, ' ') for describe.
const cases = JSON.parse(kubectlTestdata('tabwriter-go.json')) as [string, string, string][];

it.each(cases.map((c, i) => [i, ...c] as const))('table #%i', (_i, text, table, describe) => {
  expect(tabwrite(text, { minwidth: 6, padding: 3 })).toBe(table);
  expect(tabwrite(text, { padding: 2 })).toBe(describe);
});
