import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { goYaml } from './encoding.js';
import { jsonpath } from './jsonpath.js';
import { humanDuration } from './cluster.js';

const testdata = kubectlTestdata;

// -o jsonpath: client-go util/jsonpath parser.go / jsonpath.go (v0.30.14) and cli-runtime
// printers/jsonpath.go, as kubectl-jsonpath.md describes them.
describe('jsonpath (kubectl-jsonpath.md)', () => {
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', labels: { run: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } }, data: { '.dockerconfigjson': 'eyJ9', n: 3 } };
  const list = { apiVersion: 'v1', kind: 'List', items: [{ metadata: { name: 'web' }, status: { phase: 'Running' } }, { metadata: { name: 'db' }, status: { phase: 'Pending' } }, { metadata: { name: 'cache' }, status: { phase: 'Running' } }], metadata: { resourceVersion: '' } };
  it.each([
    // advance(): a backslash keeps the next character in the field name; backslashes are then removed.
    ['{.data.\\.dockerconfigjson}', secret, 'eyJ9'],
    ["{.data['\\.dockerconfigjson']}", secret, 'eyJ9'],
    // parseArray's dict key becomes `..dockerconfigjson`: a recursive descent for `dockerconfigjson`, which no key is.
    ["{.data['.dockerconfigjson']}", secret, ''],
    ['{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}', secret, '{}'],
    // Maps and lists print as compact JSON; numbers via fmt.Fprint; text outside actions literally.
    ['{.metadata.labels}', secret, '{"run":"web"}'],
    ['{.data.n}', secret, '3'],
    ['.metadata.name', secret, '.metadata.name'],
    // All results of one node joined by a single space, no trailing newline.
    ['{.items[*].metadata.name}', list, 'web db cache'],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', list, 'web\ndb\ncache\n'],
    ["{range .items[*]}{.metadata.name}{'\\t'}{.status.phase}{'\\n'}{end}", list, 'web\tRunning\ndb\tPending\ncache\tRunning\n'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', list, 'web cache'],
    ['{.items[-1:].metadata.name}', list, 'cache'],
    ['{.items[0:2].metadata.name}', list, 'web db'],
    ['{..phase}', list, 'Running Pending Running'],
    // Missing keys print nothing (allowMissingKeys defaults to true).
    ['{.spec.nodeSelector.disk}', secret, ''],
  ])('%s', (tpl, data, expected) => {
    expect(jsonpath(tpl, data)).toEqual({ ok: true, text: expected });
  });
  it.each([
    ['{.items[*}', 'error: error parsing jsonpath {.items[*}, unterminated array\n'],
    ['{.metadata.name', 'error: error parsing jsonpath {.metadata.name, unclosed action\n'],
    ['', 'error: template format specified but no template given'],
  ])('parse error %s', (tpl, expected) => {
    expect(jsonpath(tpl, list)).toEqual({ ok: false, error: expected });
  });
  it('an execution error is wrapped with the template and the object (%#v)', () => {
    const r = jsonpath('{.items[5].metadata.name}', { items: [1] });
    expect(r).toEqual({ ok: false, error: 'error: error executing jsonpath "{.items[5].metadata.name}": Error executing template: array index out of bounds: index 5, length 1. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[5].metadata.name}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{1}}\n\n\n' });
  });
  it('through kubectl: a single named object is the object, otherwise the List', () => {
    const sh = createShell({ files: [{ name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx}]}\n' }] });
    expect(sh.run("kubectl get pod web -o jsonpath='{.metadata.name}'").output).toBe('web');
    expect(sh.run("kubectl get pods -o jsonpath='{.kind} {.items[0].spec.nodeName}'").output).toBe('List node02');
    expect(sh.run("kubectl get pods -o jsonpath-as-json='{.items[*].metadata.name}'").output).toBe('[\n    "web"\n]\n');
  });
});

// -o yaml is sigs.k8s.io/yaml over goyaml.v2 (encode.go stringv, emitterc.go scalar styles).
describe('goYaml', () => {
  it.each([
    [{ a: '3600' }, 'a: "3600"\n'],
    [{ a: 'yes' }, 'a: "yes"\n'],
    [{ a: '' }, 'a: ""\n'],
    [{ a: '*/5 * * * *' }, "a: '*/5 * * * *'\n"],
    [{ a: 'it\'s' }, "a: it's\n"],
    [{ a: 'x\ny\n' }, 'a: |\n  x\n  y\n'],
    [{ b: 1, a: [{ y: 2, x: 1 }] }, 'a:\n- x: 1\n  "y": 2\nb: 1\n'],
    [{ a: {}, b: [], c: null }, 'a: {}\nb: []\nc: null\n'],
  ])('%j', (v, expected) => {
    expect(goYaml(v)).toBe(expected);
  });
});

// apimachinery pkg/util/duration HumanDuration (kubectl-00-common.md §4).
describe('HumanDuration', () => {
  it.each([
    [-2000, '<invalid>'], [-500, '0s'], [0, '0s'], [119_000, '119s'], [123_000, '2m3s'], [600_000, '10m'], [45 * 60_000, '45m'],
    [179 * 60_000, '179m'], [3 * 3600_000, '3h'], [(7 * 60 + 59) * 60_000, '7h59m'], [47 * 3600_000, '47h'], [3 * 86400_000, '3d'],
    [(3 * 24 + 5) * 3600_000, '3d5h'], [12 * 86400_000, '12d'], [800 * 86400_000, '2y70d'], [9 * 365 * 86400_000, '9y'],
  ])('%d ms', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

// kubectl explain: pkg/explain/v2/templates/plaintext.tmpl and funcs.go (wrap = go-wordwrap,
// indent), kubectl-explain.md; reference renderings in src/testing/kubectl/.
describe('kubectl explain (kubectl-explain.md)', () => {
  const sh = createShell({ files: [] });
  it('explain pod: byte for byte', () => {
    expect(sh.run('kubectl explain pod').output).toBe(testdata('explain-pod.txt'));
  });
  it('explain pod.spec: byte for byte (FIELD line, two empty lines, field + type descriptions, enums)', () => {
    expect(sh.run('kubectl explain pod.spec').output).toBe(testdata('explain-pod.spec.txt'));
  });
  it('explain pod.spec --recursive: byte for byte but for the fields the notes mark -required- from their json tag', () => {
    // src/testing/kubectl/README.md: GRPCAction.service, TypedLocalObjectReference.apiGroup and
    // ProjectedVolumeSource.sources are +optional in types.go, so kube-openapi does not require them.
    const reference = testdata('explain-pod.spec-recursive.txt')
      .replace(/^( +service\t<string>) -required-$/gm, '$1')
      .replace(/^( +apiGroup\t<string>) -required-$/gm, '$1')
      .replace(/^( +sources\t<\[\]VolumeProjection>) -required-$/gm, '$1');
    expect(sh.run('kubectl explain pod.spec --recursive').output).toBe(reference);
  });
  it.each([
    ['kubectl explain deploy', 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n'],
    ['kubectl explain netpol.spec', 'GROUP:      networking.k8s.io\nKIND:       NetworkPolicy\nVERSION:    v1\n\nFIELD: spec <NetworkPolicySpec>\n\n\nDESCRIPTION:\n'],
    ['kubectl explain pod.spec.dnsPolicy', 'KIND:       Pod\nVERSION:    v1\n\nFIELD: dnsPolicy <string>\nENUM:\n    ClusterFirst\n    ClusterFirstWithHostNet\n    Default\n    None\n\nDESCRIPTION:\n'],
  ])('%s: header', (cmd, start) => {
    expect(sh.run(cmd).output.startsWith(start)).toBe(true);
  });
  it.each([
    ['kubectl explain pod.nope', 'KIND:       Pod\nVERSION:    v1\n\nerror: field "nope" does not exist\n'],
    ['kubectl explain foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl explain', 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
  ])('%s', (cmd, expected) => {
    const r = sh.run(cmd);
    expect([r.output, r.exitCode]).toEqual([expected, 1]);
  });
});

describe('kubectl get output options', () => {
  const files = [{
    name: 'pods.yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web, tier: fe}}\nspec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: prod, labels: {app: db}}\nspec: {containers: [{name: db, image: redis}, {name: side, image: busybox, command: [sleep, "1"]}]}\n',
  }];
  const sh = () => createShell({ files });
  it.each([
    // printPod -o wide: IP, NODE, NOMINATED NODE, READINESS GATES (kubectl-cluster-ops.md).
    ['kubectl get pods -o wide', /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES\nweb +1\/1 +Running +0 +10m +10\.244\.\d+\.\d+ +node0[12] +<none> +<none>\n$/],
    ['kubectl get pods --show-labels', /^NAME +READY +STATUS +RESTARTS +AGE +LABELS\nweb +1\/1 +Running +0 +10m +app=web,tier=fe\n$/],
    ['kubectl get pods -L tier', /^NAME +READY +STATUS +RESTARTS +AGE +TIER\nweb +1\/1 +Running +0 +10m +fe\n$/],
    ['kubectl get pods -A -l app', /^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE\ndefault +web .*\nprod +db +2\/2 .*\n$/],
    ['kubectl get pods -A -l app -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name,IMAGES:.spec.containers[*].image', /^NS +NAME +IMAGES\ndefault +web +nginx\nprod +db +redis,busybox\n$/],
    ['kubectl get pods -o custom-columns=NAME:.metadata.name,SA:.spec.nope', /^NAME +SA\nweb +<none>\n$/],
    ['kubectl get pods,svc', /^NAME +READY +STATUS +RESTARTS +AGE\npod\/web .*\n\nNAME +TYPE .*\nservice\/kubernetes .*\n$/],
    ['kubectl get po web --show-kind --no-headers', /^pod\/web +1\/1 +Running +0 +10m\n$/],
    ['kubectl get pods -A --field-selector metadata.namespace=prod -o name', /^pod\/db\n$/],
    ['kubectl get ns --sort-by=.metadata.name -o name', /^namespace\/default\nnamespace\/kube-node-lease\nnamespace\/kube-public\nnamespace\/kube-system\nnamespace\/prod\n$/],
  ])('%s', (cmd, expected) => {
    expect(sh().run(cmd).output).toMatch(expected);
  });
  it.each([
    ['kubectl get pods -o foo', 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n'],
    ['kubectl get pods -o custom-columns=NAME', 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n'],
    ['kubectl get pods --field-selector foo=bar', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n'],
    ['kubectl get secrets --field-selector data=x', 'Error from server (BadRequest): Unable to find "/v1, Resource=secrets" that match label selector "", field selector "data=x": field label not supported: data\n'],
    ['kubectl get cm --field-selector data=x', 'Error from server (BadRequest): Unable to find "/v1, Resource=configmaps" that match label selector "", field selector "data=x": "data" is not a known field selector: only "metadata.name", "metadata.namespace"\n'],
    ['kubectl get pods nope web', 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10m\nError from server (NotFound): pods "nope" not found\n'],
    ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
  ])('%s', (cmd, expected) => {
    expect(sh().run(cmd).output).toBe(expected);
  });
});

describe('kubectl api-resources (kubectl-cluster-ops.md)', () => {
  it('the v1.30 kubeadm table, byte for byte', () => {
    expect(createShell({ files: [] }).run('kubectl api-resources').output).toBe(testdata('api-resources.txt'));
  });
  it('-o name, --namespaced=false, --api-group', () => {
    const sh = createShell({ files: [] });
    expect(sh.run('kubectl api-resources --api-group=apps -o name').output).toBe('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    expect(sh.run('kubectl api-resources --namespaced=false --api-group=storage.k8s.io --no-headers').output).toBe('csidrivers                storage.k8s.io/v1   false   CSIDriver\ncsinodes                  storage.k8s.io/v1   false   CSINode\nstorageclasses      sc    storage.k8s.io/v1   false   StorageClass\nvolumeattachments         storage.k8s.io/v1   false   VolumeAttachment\n');
  });
});
