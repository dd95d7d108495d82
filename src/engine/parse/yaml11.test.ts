// Plain scalars resolve as kubectl and the API server resolve them: sigs.k8s.io/yaml YAMLToJSON
// runs go-yaml v2 (YAML 1.1; kubernetes-sigs/yaml goyaml.v2/resolve.go, and yaml.go: "literal 'yes'
// and 'no' strings without quotation marks will be converted to true/false implicitly") with no
// target type, so the JSON sent to the API server carries the bool, and the typed decode of a
// string field then fails (encoding/json "cannot unmarshal bool into Go struct field ...").
// go-yaml v2 does not resolve base-60 numbers ("purposefully unsupported"), ints go through
// strconv.ParseInt(s, 0, 64) after removing `_` (0x, 0b, leading-0 octal), and `<<` merges.
import { describe, expect, it } from 'vitest';
import { scenarioPods } from '../../testing/analysis.js';
import { analyze } from '../index.js';
import { parseSources } from './index.js';

const valueOf = (yaml: string): unknown => {
  const parsed = parseSources([{ name: 'a.yaml', text: `v: ${yaml}\n` }]);
  return (parsed.docs[0]?.value as { v?: unknown } | undefined)?.v;
};

describe('YAML 1.1 plain scalars (go-yaml v2 resolve table)', () => {
  it.each([
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true],
    ['true', true], ['True', true], ['TRUE', true],
    ['no', false], ['No', false], ['NO', false], ['n', false], ['N', false], ['off', false], ['Off', false], ['OFF', false],
    ['false', false], ['False', false],
    ['"yes"', 'yes'], ["'on'", 'on'], ['yEs', 'yEs'], ['oN', 'oN'],
    ['~', null], ['null', null], ['Null', null], ['NULL', null],
    ['0644', 420], ['0x1F', 31], ['0b101', 5], ['1_000', 1000], ['-0b11', -3], ['080', 80],
    ['1e3', 1000], ['.5', 0.5], ['1.5', 1.5],
    // An exponent needs digits before it (goyaml.v2 yamlStyleFloat, on the text without `_`).
    ['1.e3', 1000], ['.5e1', 5], ['1_0e1', 100], ['-2E-1', -0.2],
    ['e0', 'e0'], ['E5', 'E5'], ['.e5', '.e5'], ['+e5', '+e5'], ['e10', 'e10'],
    // Not resolved by go-yaml v2: base 60 and (for our purpose) dates stay strings.
    ['1:30', '1:30'], ['190:20:30', '190:20:30'], ['2024-01-01', '2024-01-01'],
  ])('%s', (yaml, expected) => {
    expect(valueOf(yaml)).toEqual(expected);
  });

  it('a pod named e0 is a pod named e0, by the quick reader and the yaml package alike', () => {
    for (const text of ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: e0\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: e0\n  labels: &l {app: e5}\nspec:\n  containers:\n  - name: c\n    image: nginx\n']) {
      const a = analyze([{ name: 'a.yaml', text }]);
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(a.pods.some((p) => p.key === 'default/e0')).toBe(true);
    }
  });

  it('a bool key becomes the string "true" (sigs.k8s.io/yaml convertToJSONableObject)', () => {
    const parsed = parseSources([{ name: 'a.yaml', text: 'on: 1\nno: 2\n' }]);
    expect(parsed.docs[0]?.value).toEqual({ true: 1, false: 2 });
  });

  it('merge keys still apply', () => {
    const parsed = parseSources([{ name: 'a.yaml', text: 'a: &x {k: 1}\nb:\n  <<: *x\n  j: 2\n' }]);
    expect(parsed.docs[0]?.value).toEqual({ a: { k: 1 }, b: { k: 1, j: 2 } });
  });
});

const pod = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
${extra}`;

// The decoder's text, then a hint for people who meant a string.
const HINT = ' (unquoted yes, no, on, off, y, n, true and false are booleans in YAML: quote the value to make it a string)';

describe('what the API server then does with them', () => {
  it.each([
    {
      name: 'env value yes is a bool, not a string',
      yaml: pod('spec:\n  containers:\n  - name: c\n    image: nginx\n    env: [{name: DEBUG, value: yes}]'),
      error: 'json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string' + HINT,
    },
    {
      name: 'label value on is a bool',
      yaml: pod('  labels: {enabled: on}\nspec:\n  containers: [{name: c, image: nginx}]'),
      error: 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string' + HINT,
    },
  ])('$name', ({ yaml, error }) => {
    const a = analyze([{ name: 'p.yaml', text: yaml }]);
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([error]);
    expect(scenarioPods(a)).toHaveLength(0);
  });

  it.each([
    ['hostNetwork: yes', true], ['hostNetwork: on', true], ['hostNetwork: off', false], ['hostNetwork: "no"', null],
  ])('%s', (line, hostNetwork) => {
    const a = analyze([{ name: 'p.yaml', text: pod(`spec:\n  ${line}\n  containers: [{name: c, image: nginx}]`) }]);
    if (hostNetwork === null) {
      expect(a.diagnostics.some((d) => d.message.includes('cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool'))).toBe(true);
    } else {
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(scenarioPods(a)[0]?.pod.hostNetwork).toBe(hostNetwork);
    }
  });
});
