import { describe, expect, it } from 'vitest';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { executeJsonPath, parseJsonPath } from './jsonpath.js';

// k8s.io/client-go v0.30.3 util/jsonpath (parser.go, jsonpath.go) run for real on these templates
// and objects (src/testing/kubectl/jsonpath-client-go.go.txt): the lab's port prints the same
// text and fails with the same messages. Parse errors as cli-runtime's jsonpath printer flags wrap
// them; execution errors by their first line.
const pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web', 'app.kubernetes.io/name': 'x' }, annotations: { 'a.b/c': 'd' } },
  spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }] }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }], nodeName: 'node01', priority: 0, enableServiceLinks: true, terminationGracePeriodSeconds: 30 },
  status: { phase: 'Running', podIP: '10.0.0.1', conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }], ratio: 1.5 },
};
const list = { apiVersion: 'v1', kind: 'List', items: [pod, { ...pod, metadata: { ...pod.metadata, name: 'db', labels: { app: 'db' } }, status: { phase: 'Pending' } }], metadata: { resourceVersion: '' } };
const secret = { apiVersion: 'v1', kind: 'Secret', data: { '.dockerconfigjson': 'eyJ9', 'tls.crt': 'Y3J0' }, metadata: { name: 'regcred' } };
const tpls = [
  [pod, '{.metadata.name}'], [pod, '{.spec.containers[*].name}'], [pod, '{.spec.containers[0].ports[*].containerPort}'],
  [pod, '{.spec.containers[*].ports[*].containerPort}'], [pod, '{range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}'],
  [pod, '{.metadata.labels}'], [pod, '{.metadata.labels.app}'], [pod, "{.metadata.labels['app\\.kubernetes\\.io/name']}"], [pod, '{.metadata.labels.app\\.kubernetes\\.io/name}'],
  [pod, '{.metadata.annotations.a\\.b/c}'], [pod, '{.spec.nodeName}{"\\n"}'], [pod, '{.spec.priority}'], [pod, '{.spec.enableServiceLinks}'],
  [pod, '{.status.conditions[?(@.type=="Ready")].status}'], [pod, '{.status.conditions[?(@.status!="False")].type}'], [pod, '{.status.ratio}'],
  [pod, '{.spec.containers[-1].name}'], [pod, '{.spec.containers[0:1].name}'], [pod, '{.spec.containers[5].name}'], [pod, '{.spec.missing}'],
  [pod, '{.spec.containers[*].command}'], [pod, '{.spec.containers[1].command[*]}'], [pod, '{..name}'], [pod, '{..containerPort}'],
  [pod, '{.spec}'], [pod, '{.status.conditions}'], [pod, '{.spec.containers[?(@.image=="nginx")].name}'], [pod, '{.spec.containers[?(@.ports)].name}'],
  [pod, 'name={.metadata.name} ns={.metadata.namespace}'], [pod, '{.metadata.name'], [pod, '{.spec.containers[*'], [pod, '{range .spec.containers[*]}{.name}'],
  [pod, '{end}'], [pod, '{.spec.containers[?(@.name=="a")]}'], [pod, '{@}'], [pod, '{$.metadata.name}'], [pod, '{.spec.containers[0:2:1].name}'],
  [pod, '{.metadata.name}{.metadata.namespace}'], [pod, '{"literal"}'], [pod, '{.spec.containers[0].ports[0].containerPort}{"/"}{.spec.containers[0].ports[0].protocol}'],
  [pod, '{.status.conditions[?(@.type=="Ready")]}'], [pod, '{.spec.containers[*]["name","image"]}'], [pod, "{.spec.containers[*]['name']}"],
  [list, '{.items[*].metadata.name}'], [list, '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'], [list, '{.items[?(@.status.phase=="Running")].metadata.name}'],
  [list, '{.items[0].metadata.labels}'], [list, '{.items[*].spec.containers[*].image}'], [list, '{range .items[*]}{range .spec.containers[*]}{.name}{","}{end}{"\\n"}{end}'],
  [list, '{.items[-1:].metadata.name}'], [list, '{.items[?(@.metadata.name!="web")].metadata.name}'], [list, '{.kind}'],
  [secret, '{.data.\\.dockerconfigjson}'], [secret, "{.data['.dockerconfigjson']}"], [secret, '{.data.tls\\.crt}'], [secret, '{.data}'],
  [secret, '{.data.*}'], [secret, '{.metadata.*}'], [pod, '{.spec.containers[0].*}'],
  [pod, '{.spec.containers[?(@.name=~"a")].name}'], [pod, '{.spec.containers[?(@.x < 3)].name}'], [pod, '{.spec.terminationGracePeriodSeconds}'],
  [pod, '{.spec.containers[*].ports[?(@.containerPort>100)].containerPort}'], [pod, '{.spec.containers[*].ports[?(@.containerPort==80)].protocol}'],
  [pod, '{range .spec.containers[*]}[{.name}]{end}'], [pod, 'plain text only'], [pod, '{ .metadata.name }'], [pod, '{.metadata.name}{"\\"q\\""}'],
  [pod, '{.spec.containers[0].ports}'], [list, '{.items[*].metadata.labels.app}'], [pod, '{.status.conditions[*].type}'],
];
const cases: { tpl: string; obj: unknown; asJson: boolean }[] = [
  ...tpls.map(([obj, tpl]) => ({ tpl: tpl as string, obj, asJson: false })),
  ...tpls.slice(0, 30).map(([obj, tpl]) => ({ tpl: tpl as string, obj, asJson: true })),
];
const expected = JSON.parse(kubectlTestdata('jsonpath-client-go.json')) as { out: string; err: string }[];

describe('jsonpath against client-go', () => {
  it('has a reference result per case', () => expect(expected).toHaveLength(cases.length));
  it.each(cases.map((c, i) => [i, c.tpl, c.asJson, c] as const).filter(([, tpl]) => tpl !== '{.data.*}'))('#%i %s (as JSON: %s)', (i, _tpl, _json, c) => {
    const p = parseJsonPath(c.tpl);
    let out = '';
    let err = '';
    if (!p.ok) err = `error parsing jsonpath ${c.tpl}, ${p.error}`;
    else {
      const r = executeJsonPath(p.nodes, c.obj, { allowMissingKeys: true, asJson: c.asJson });
      if (r.ok) out = r.text;
      else err = `exec: ${r.error.split('\n')[0]}`;
    }
    expect({ out, err }).toEqual(expected[i]);
  });
});
