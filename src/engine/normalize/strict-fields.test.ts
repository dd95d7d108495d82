// Strict decoding as the API server does it with kubectl's default --validate=strict:
// kubernetes/apimachinery pkg/runtime/serializer/json/json.go (strict errors from sigs.k8s.io/json,
// "strict decoding error: unknown field \"spec.rules[0].http.paths[0].backend.serviceName\"" —
// full path with [i] indices) and encoding/json's UnmarshalTypeError wording
// ("json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32").
import { describe, expect, it } from 'vitest';
import { lineOf, pod, run } from '../../testing/normalize.js';

const deployment = (specExtra: string, containerExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${specExtra}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx
${containerExtra}`;

describe('unknown fields', () => {
  const rows: { name: string; yaml: string; field: string; keyLine: string }[] = [
    { name: 'capabilities at pod level', yaml: pod('p', 'securityContext:\n  capabilities: {add: [NET_ADMIN]}'), field: 'spec.securityContext.capabilities', keyLine: 'capabilities' },
    { name: 'fsGroup at container level', yaml: pod('p', '', { container: 'securityContext:\n  fsGroup: 2000' }), field: 'spec.containers[0].securityContext.fsGroup', keyLine: 'fsGroup' },
    { name: 'typo in a pod field', yaml: pod('p', 'hostNetwrk: true'), field: 'spec.hostNetwrk', keyLine: 'hostNetwrk' },
    { name: 'typo at top level', yaml: `${pod('p')}\nstatuss: {}`, field: 'statuss', keyLine: 'statuss' },
    { name: 'typo in metadata', yaml: pod('p').replace('metadata:', 'metadata:\n  label: {a: b}'), field: 'metadata.label', keyLine: 'label:' },
    { name: 'inside a workload template', yaml: deployment('  replicas: 1', '        imagePullPolicyy: Always'), field: 'spec.template.spec.containers[0].imagePullPolicyy', keyLine: 'imagePullPolicyy' },
    { name: 'in a NetworkPolicy rule', yaml: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n  ingres: []', field: 'spec.ingres', keyLine: 'ingres' },
    { name: 'in a lab kind', yaml: 'apiVersion: lab/v1\nkind: ExternalHost\nmetadata: {name: h}\nspec:\n  ip: 1.2.3.4\n  port: 80', field: 'spec.port', keyLine: 'port: 80' },
  ];
  it.each(rows)('$name', ({ yaml, field, keyLine }) => {
    const r = run(yaml);
    const d = r.errors.find((e) => e.code === 'unknown-field');
    expect(d?.message).toBe(`unknown field "${field}"`);
    expect(d?.path).toBe(field);
    // Points at the key, not the value.
    expect(d?.line).toBe(lineOf(yaml, keyLine));
    const keyColumn = (yaml.split('\n')[d!.line - 1] ?? '').indexOf(field.split('.').pop()!.replace(/\[\d+\]$/, '')) + 1;
    expect(d?.column).toBe(keyColumn);
    // The object is refused.
    expect(r.cluster.pods).toHaveLength(0);
  });
});

describe('wrong field types', () => {
  const rows = [
    { name: 'replicas as a string', yaml: deployment('  replicas: "2"'), path: 'spec.replicas', msg: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' },
    { name: 'label value as a number', yaml: pod('p', '', { labels: '{tier: 1}' }), path: 'metadata.labels.tier', msg: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string' },
    { name: 'env value as a number', yaml: pod('p', '', { container: 'env: [{name: PORT, value: 587}]' }), path: 'spec.containers[0].env[0].value', msg: 'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string' },
    { name: 'runAsUser not an integer', yaml: pod('p', 'securityContext: {runAsUser: 1.5}'), path: 'spec.securityContext.runAsUser', msg: 'json: cannot unmarshal number 1.5 into Go struct field PodSecurityContext.spec.securityContext.runAsUser of type int64' },
    { name: 'hostNetwork as a string', yaml: pod('p', 'hostNetwork: "yes"'), path: 'spec.hostNetwork', msg: 'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool' },
    { name: 'containers as a map', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: {name: a, image: b}', path: 'spec.containers', msg: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container' },
    { name: 'spec as a string', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: nothing', path: 'spec', msg: 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec' },
  ];
  it.each(rows)('$name', ({ yaml, path, msg }) => {
    const r = run(yaml);
    const d = r.errors.find((e) => e.code === 'field-type');
    expect(d?.message).toBe(msg);
    expect(d?.path).toBe(path);
  });

  const accepted = [
    { name: 'Quantity as a number', yaml: pod('p', '', { container: 'resources: {limits: {cpu: 0.5, memory: 128Mi}}' }) },
    { name: 'IntOrString as a number or a name', yaml: pod('p', '', { container: 'livenessProbe: {httpGet: {port: http}}\nreadinessProbe: {tcpSocket: {port: 80}}' }) },
    { name: 'null anywhere', yaml: pod('p', 'securityContext: null\nvolumes: ~') },
    { name: 'managedFields (free-form FieldsV1)', yaml: pod('p').replace('metadata:', 'metadata:\n  managedFields: [{manager: kubectl, fieldsV1: {"f:spec": {}}}]') },
  ];
  it.each(accepted)('accepts $name', ({ yaml }) => {
    const r = run(yaml);
    expect(r.errors).toEqual([]);
    expect(r.cluster.pods).toHaveLength(1);
  });
});
