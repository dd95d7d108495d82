import { describe, expect, it } from 'vitest';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { goYaml, yamlKeyCompare } from './encoding.js';
import { goFloat } from './goyaml.js';

// gopkg.in/yaml.v2 v2.4.0 encode.go (stringv, floatv), sorter.go (keyList.Less) and emitterc.go
// (analyze_scalar, select_scalar_style, the plain/single/double/literal writers, folding at 80
// columns, block hints, complex keys) — what sigs.k8s.io/yaml.Marshal prints for kubectl -o yaml.
const cases = JSON.parse(kubectlTestdata('goyaml-v2.json')) as [unknown, string][];

describe('goYaml against gopkg.in/yaml.v2', () => {
  it.each(cases.map((c, i) => [i, ...c] as const))('document #%i', (_i, doc, yaml) => {
    expect(goYaml(doc)).toBe(yaml);
  });
  it('resolve.go: 2113 number-, bool-, null- and timestamp-like strings quoted exactly when yaml.v2 quotes them', () => {
    const [doc, yaml] = JSON.parse(kubectlTestdata('goyaml-resolve.json')) as [Record<string, string>, string];
    expect(goYaml(doc)).toBe(yaml);
  });
  it('sorter.go: digit runs compare as numbers, non-letters before letters', () => {
    expect(['b', 'a10', 'a2', '10', '2', '_x', 'B', 'a.b', 'a-b'].sort(yamlKeyCompare)).toEqual(['_x', '2', '10', 'B', 'a-b', 'a.b', 'a2', 'a10', 'b']);
  });
  it.each([
    [1.5, '1.5'], [0.1, '0.1'], [1e-7, '1e-07'], [123456.789, '123456.789'], [1234567.5, '1.2345675e+06'], [1e21, '1e+21'], [-2.25, '-2.25'], [Infinity, '.inf'], [NaN, '.nan'],
  ])('strconv.FormatFloat(%d, g, -1, 64) → %s', (f, s) => expect(goFloat(f)).toBe(s));
});
