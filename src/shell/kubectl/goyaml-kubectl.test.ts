import { describe, expect, it } from 'vitest';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { goYaml } from './encoding.js';

// src/testing/kubectl/goyaml-kubectl.json: [object, YAML] pairs that kubectl v1.32 printed on this
// machine for `kubectl patch --local -f obj.json -p '{}' --type=merge -o yaml` (sigs.k8s.io/yaml over
// gopkg.in/yaml.v2's emitter): strings with every flow and block indicator at the start, middle and
// end, quotes, tabs, CR, U+2028/U+2029, BOMs, NBSP, astral characters, leading and trailing spaces
// and breaks, long texts that fold at column 80 in plain, single- and double-quoted style, the same
// strings as map keys (simple keys up to 128 bytes, `? ` keys past that or with a break) and inside
// nested sequences and maps (src/testing/kubectl/README.md says how they were made).
describe('goYaml against kubectl -o yaml', () => {
  const rows = JSON.parse(kubectlTestdata('goyaml-kubectl.json')) as [unknown, string][];
  it.each(rows.map((r, i) => [i, ...r] as const))('document #%i', (_i, doc, yaml) => {
    expect(goYaml(doc)).toBe(yaml);
  });
});
