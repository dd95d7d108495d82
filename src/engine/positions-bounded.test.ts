// Positions past EXACT_REPARSES documents (analyze.ts, issue 12): a diagnostic's field is found by
// parsing its document again with the `yaml` package (documents read without it keep no tree), about
// a millisecond a document. 20,000 NetworkPolicies, each warned about, took 28 s to place. Past
// 1,000 documents a diagnostic is placed on its whole document, and one info says how many were.
import { describe, expect, it } from 'vitest';
import { analyze, EXACT_REPARSES } from './analyze.js';

const policy = (i: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np${i}
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: nobody${i}}
`;

/** Lines (1-based) of np`i`'s document's first line, and of its podSelector's value. */
function lines(text: string, i: number): { doc: number; field: number } {
  const nameLine = text.slice(0, text.indexOf(`name: np${i}\n`)).split('\n').length;
  return { doc: nameLine - 3, field: nameLine + 4 };
}

describe(`positions past ${EXACT_REPARSES} documents parsed again`, () => {
  it('are exact for the first documents, on the whole document after, and said once', () => {
    expect(EXACT_REPARSES).toBe(1_000);
    const n = EXACT_REPARSES + 5;
    const text = Array.from({ length: n }, (_, i) => policy(i)).join('---\n');
    const a = analyze([{ name: 'np.yaml', text }]);
    const selectsNothing = (i: number) => a.diagnostics.find((d) => d.code === 'policy-selects-nothing' && d.params.policy === `shop/np${i}`);
    // Exact: at the podSelector's value (line 8 of the document, column 5).
    for (const i of [0, 1, EXACT_REPARSES - 1]) {
      expect(selectsNothing(i), `np${i}`).toMatchObject({ line: lines(text, i).field, column: 5 });
    }
    // Past the bound: the document from its first line (after its ---) to its end.
    for (const i of [EXACT_REPARSES, n - 1]) {
      const d = selectsNothing(i);
      expect(d, `np${i}`).toMatchObject({ line: lines(text, i).doc, column: 1 });
      expect(d?.message).toContain(`NetworkPolicy 'shop/np${i}' selects no pod`);
    }
    const said = a.diagnostics.filter((d) => d.code === 'positions-bounded');
    expect(said).toEqual([expect.objectContaining({
      severity: 'info', file: 'np.yaml', line: lines(text, EXACT_REPARSES).doc, column: 1,
      params: { diagnostics: 5, limit: EXACT_REPARSES },
      message: `5 diagnostics are placed on their whole document, not on the field they name: finding each field would parse each document again, and past ${EXACT_REPARSES} documents the lab does not. Their messages are exact.`,
    })]);
  }, 60_000);

  it('says nothing at the bound itself', () => {
    const text = Array.from({ length: EXACT_REPARSES }, (_, i) => policy(i)).join('---\n');
    const a = analyze([{ name: 'np.yaml', text }]);
    expect(a.diagnostics.filter((d) => d.code === 'policy-selects-nothing')).toHaveLength(EXACT_REPARSES);
    expect(a.diagnostics.some((d) => d.code === 'positions-bounded')).toBe(false);
  }, 60_000);
});
