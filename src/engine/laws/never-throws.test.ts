import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioFiles, scenarioNames } from '../../testing/scenario-files.js';
import { analyze } from '../index.js';

// "The engine never throws on student input" (engine-spec.md section 2): arbitrary text, and
// every scenario mutated the way students mutate YAML (deleted lines, cut text, changed values).
const texts = scenarioNames().flatMap((n) => scenarioFiles(n).map((f) => f.text));

function exercise(text: string): void {
  const a = analyze([{ name: 'x.yaml', text }]);
  for (const d of a.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
  }
  a.network.connectivity();
  const eps = a.network.endpoints;
  if (eps.length >= 2) a.network.explain(eps[0]!.id, eps[1]!.id, 80, 'TCP');
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('{', ']', ': ', '- ', '"', '&a', '*a', '!!binary x', '\t', '  x: 1', '-1', '99999', 'null', '[]', '{}', '- {}', 'ALL', '0.0.0.0/33') }),
);

function mutate(text: string, muts: readonly fc.Arbitrary<never>[] | readonly { kind: string; at: number; len?: number; text?: string }[]): string {
  let t = text;
  for (const m of muts as { kind: string; at: number; len?: number; text?: string }[]) {
    if (m.kind === 'delete-line') {
      const lines = t.split('\n');
      lines.splice(m.at % Math.max(lines.length, 1), 1);
      t = lines.join('\n');
    } else {
      const at = m.at % (t.length + 1);
      t = m.kind === 'cut' ? t.slice(0, at) + t.slice(at + (m.len ?? 0)) : t.slice(0, at) + (m.text ?? '') + t.slice(at);
    }
  }
  return t;
}

describe('analyze never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => exercise(s)), { numRuns: 300 });
  });

  it('on mutated scenarios', () => {
    fc.assert(fc.property(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, muts) => {
      exercise(mutate(text, muts));
    }), { numRuns: 400 });
  });

  it('on JSON-shaped values of the wrong type in every field', () => {
    const weird = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
    fc.assert(fc.property(fc.constantFrom(...texts), fc.nat(), weird, (text, at, value) => {
      const lines = text.split('\n');
      const i = at % lines.length;
      const m = /^(\s*-?\s*[\w.-]+:)\s*\S.*$/.exec(lines[i]!);
      if (m) lines[i] = `${m[1]} ${value}`;
      exercise(lines.join('\n'));
    }), { numRuns: 400 });
  });
});
