// What `kubectl apply|create` prints when the API server cannot decode an object. The server's
// decoder (sigs.k8s.io/json internal/golang/encoding/json decode.go) keeps only the FIRST type error
// it meets (saveError) and returns it before any unknown field (unmarshal: savedError, then
// savedStrictErrors); it meets fields in the order of the JSON kubectl sends, which Go's encoder
// wrote from a map, keys sorted. The handler wraps it as `<Kind> in version "<v>" cannot be handled
// as a <Kind>: <err>` (apiserver handlers transformDecodeError). The lab's YAML hint is not the server's.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/index.js';
import { runAll, shellWith, streamsOf } from '../../testing/shell.js';
import { byDecodeOrder } from './apply.js';

const pod = (spec: string, meta = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p${meta}
spec:
${spec}
`;
const container = '  containers:\n  - name: c\n    image: nginx\n';
function applied(yaml: string): string {
  const sh = shellWith();
  const [, r] = runAll(sh, `cat > p.yaml <<'EOF'\n${yaml}EOF`, 'kubectl apply -f p.yaml');
  const { err, rc } = streamsOf(r!);
  expect(rc).toBe(1);
  return err;
}
const head = 'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: ';

describe('kubectl apply: the decoder\'s one error', () => {
  it('a type error wins over unknown fields, and the first one in sorted key order is the one said', () => {
    // hostPID comes first in the file; containers sorts first in the JSON.
    const yaml = pod(`  hostPID: 1\n  foo: bar\n${container}    args: [a, 1]\n`);
    expect(applied(yaml)).toBe(`${head}json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string\n`);
  });
  it('within a list, the lower index first', () => {
    expect(applied(pod(`${container}    args: [a, 1, b, 2]\n`))).toBe(`${head}json: cannot unmarshal number into Go struct field Container.spec.containers.args of type string\n`);
  });
  it('without the lab\'s YAML hint (the editor keeps it)', () => {
    expect(applied(pod(container, '\n  labels: {a: yes}'))).toBe(`${head}json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string\n`);
  });
  it('unknown fields alone: every one, in sorted key order', () => {
    expect(applied(pod(`  zeta: 1\n  alpha: 2\n${container}`))).toBe(`${head}strict decoding error: unknown field "spec.alpha", unknown field "spec.zeta"\n`);
  });
});

describe('byDecodeOrder', () => {
  const d = (path: string) => ({ path }) as Diagnostic;
  const sorted = (...paths: string[]) => paths.map(d).sort(byDecodeOrder).map((x) => x.path);
  it('sorts keys bytewise, list items by number, a parent before its fields', () => {
    expect(sorted('spec.hostPID', 'spec.containers[0].args[1]', 'metadata.labels.a', 'spec')).toEqual(['metadata.labels.a', 'spec', 'spec.containers[0].args[1]', 'spec.hostPID']);
    expect(sorted('spec.containers[10].name', 'spec.containers[9].name', 'spec.containers[9]')).toEqual(['spec.containers[9]', 'spec.containers[9].name', 'spec.containers[10].name']);
    expect(sorted('spec.b', 'spec.B', 'spec.a')).toEqual(['spec.B', 'spec.a', 'spec.b']);
    expect(byDecodeOrder(d('a.b'), d('a.b'))).toBe(0);
  });
});
