// Strict decoding edges: encoding/json's UnmarshalTypeError wording ("json: cannot unmarshal <json
// type> into Go struct field <Struct>.<dotted path> of type <go type>", "number <literal>" when a
// number does not fit the integer type: int32 is -2147483648..2147483647) and sigs.k8s.io/json's
// strict `unknown field "<path with [i]>"`, as the API server reports them for kubectl apply.
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';

const deployment = (replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: app, image: nginx}]`;
const errs = (yaml: string) => run(yaml).errors.map((e) => [e.path, e.message]);

describe('integer bounds', () => {
  it.each(['2147483647', '0'])('replicas %s fits int32', (n) => {
    expect(errs(deployment(n))).toEqual([]);
  });

  it.each([
    ['2147483648', 'number 2147483648'],
    ['1.5', 'number 1.5'],
    ['true', 'bool'],
    ['[1]', 'array'],
  ])('replicas %s', (n, got) => {
    expect(errs(deployment(n))).toEqual([['spec.replicas', `json: cannot unmarshal ${got} into Go struct field DeploymentSpec.spec.replicas of type int32`]]);
  });

  it('-2147483649 does not fit int32', () => {
    // Only the decoder's error is pinned: the lab also runs validation on the read value.
    expect(errs(deployment('-2147483649'))[0]).toEqual(['spec.replicas', 'json: cannot unmarshal number -2147483649 into Go struct field DeploymentSpec.spec.replicas of type int32']);
  });

  it('-2147483648 fits int32 (only the decoder is asked: replicas must also be >= 0)', () => {
    expect(errs(deployment('-2147483648')).map((e) => e[1])).toEqual(['spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0']);
  });

  it('an int64 takes what an int32 cannot', () => {
    expect(errs(pod('p', 'securityContext: {runAsUser: 3000000000}')).map((e) => e[1])).toEqual(['spec.securityContext.runAsUser: Invalid value: 3000000000: must be between 0 and 2147483647, inclusive']);
  });
});

describe('type names', () => {
  it.each([
    { extra: 'securityContext: []', path: 'spec.securityContext', msg: 'json: cannot unmarshal array into Go struct field PodSpec.spec.securityContext of type v1.PodSecurityContext' },
    { extra: 'nodeSelector: [a]', path: 'spec.nodeSelector', msg: 'json: cannot unmarshal array into Go struct field PodSpec.spec.nodeSelector of type map[string]string' },
    { extra: 'hostPID: 1', path: 'spec.hostPID', msg: 'json: cannot unmarshal number into Go struct field PodSpec.spec.hostPID of type bool' },
    { extra: 'volumes: {a: b}', path: 'spec.volumes', msg: 'json: cannot unmarshal object into Go struct field PodSpec.spec.volumes of type []v1.Volume' },
  ])('$extra', ({ extra, path, msg }) => {
    expect(errs(pod('p', extra))).toEqual([[path, msg]]);
  });

  it.each([
    { c: 'command: [1]', path: 'spec.containers[0].command[0]', msg: 'json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string' },
    { c: 'command: sh', path: 'spec.containers[0].command', msg: 'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string' },
    { c: 'resources: {limits: {cpu: true}}', path: 'spec.containers[0].resources.limits.cpu', msg: 'json: cannot unmarshal bool into Go struct field ResourceRequirements.spec.containers.resources.limits of type resource.Quantity' },
    { c: 'livenessProbe: {tcpSocket: {port: 1.5}}', path: 'spec.containers[0].livenessProbe.tcpSocket.port', msg: 'json: cannot unmarshal number 1.5 into Go struct field TCPSocketAction.spec.containers.livenessProbe.tcpSocket.port of type intstr.IntOrString' },
    { c: 'livenessProbe: {tcpSocket: {port: [80]}}', path: 'spec.containers[0].livenessProbe.tcpSocket.port', msg: 'json: cannot unmarshal array into Go struct field TCPSocketAction.spec.containers.livenessProbe.tcpSocket.port of type intstr.IntOrString' },
    { c: 'name2: x', path: 'spec.containers[0].name2', msg: 'unknown field "spec.containers[0].name2"' },
  ])('$c', ({ c, path, msg }) => {
    expect(errs(pod('p', '', { container: c }))).toEqual([[path, msg]]);
  });

  it('a bool where a string belongs says why; elsewhere it does not', () => {
    expect(errs(pod('p', '', { labels: '{a: yes}' }))).toEqual([['metadata.labels.a',
      'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string (unquoted yes, no, on, off, y, n, true and false are booleans in YAML: quote the value to make it a string)']]);
    expect(errs(pod('p', '', { container: 'command: [yes]' }))[0]?.[1]).toMatch(/of type string \(unquoted yes/);
    expect(errs(pod('p', 'hostPID: "true"'))).toEqual([['spec.hostPID', 'json: cannot unmarshal string into Go struct field PodSpec.spec.hostPID of type bool']]);
  });

  it('several unknown fields are each reported, each on its own key', () => {
    const r = run(pod('p', 'foo: 1\nbar: 2'));
    expect(r.errors.map((e) => [e.code, e.message])).toEqual([['unknown-field', 'unknown field "spec.foo"'], ['unknown-field', 'unknown field "spec.bar"']]);
  });

  it('a wrong type inside a list stops at that item; the next item is still checked', () => {
    expect(errs(pod('p', '', { container: 'args: [a, 1, b, true]' })).map((e) => e[0])).toEqual(['spec.containers[0].args[1]', 'spec.containers[0].args[3]']);
  });
});

// Named Go types keep their names in the decoder's wording (reflect's Type.String()): core/v1
// `type ResourceList map[ResourceName]resource.Quantity` is `v1.ResourceList`; Secret.Data and
// ConfigMap.BinaryData are `map[string][]byte`, and []byte prints as `[]uint8`. encoding/json
// decodes a JSON array into a []byte element by element (each a uint8: `number 300` does not fit).
describe('named map types and []byte', () => {
  const secret = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: ${data}`;
  it.each([
    { c: 'resources: {limits: cpu}', path: 'spec.containers[0].resources.limits', msg: 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList' },
    { c: 'resources: {requests: [1]}', path: 'spec.containers[0].resources.requests', msg: 'json: cannot unmarshal array into Go struct field ResourceRequirements.spec.containers.resources.requests of type v1.ResourceList' },
  ])('$c', ({ c, path, msg }) => {
    expect(errs(pod('p', '', { container: c }))).toEqual([[path, msg]]);
  });
  it('a pod\'s overhead is a ResourceList too', () => {
    expect(errs(pod('p', 'overhead: 5'))).toEqual([['spec.overhead', 'json: cannot unmarshal number into Go struct field PodSpec.spec.overhead of type v1.ResourceList']]);
  });
  it.each([
    { data: '[a]', errs: [['data', 'json: cannot unmarshal array into Go struct field Secret.data of type map[string][]uint8']] },
    { data: '{a: 1}', errs: [['data.a', 'json: cannot unmarshal number into Go struct field Secret.data of type []uint8']] },
    { data: '{a: {b: c}}', errs: [['data.a', 'json: cannot unmarshal object into Go struct field Secret.data of type []uint8']] },
    { data: '{a: [104, 105, 0, 255]}', errs: [] },
    { data: '{a: [256, -1, x, 1.5, true]}', errs: [
      ['data.a[0]', 'json: cannot unmarshal number 256 into Go struct field Secret.data of type uint8'],
      ['data.a[1]', 'json: cannot unmarshal number -1 into Go struct field Secret.data of type uint8'],
      ['data.a[2]', 'json: cannot unmarshal string into Go struct field Secret.data of type uint8'],
      ['data.a[3]', 'json: cannot unmarshal number 1.5 into Go struct field Secret.data of type uint8'],
      ['data.a[4]', 'json: cannot unmarshal bool into Go struct field Secret.data of type uint8'],
    ] },
  ])('Secret data: $data', ({ data, errs: want }) => {
    expect(errs(secret(data))).toEqual(want);
  });
  it('ConfigMap binaryData is []byte, its data string; a bool gets the YAML hint only where a string belongs', () => {
    expect(errs('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nbinaryData: {a: true}')).toEqual([['binaryData.a', 'json: cannot unmarshal bool into Go struct field ConfigMap.binaryData of type []uint8']]);
    expect(errs('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {a: 1}')).toEqual([['data.a', 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string']]);
  });
});
