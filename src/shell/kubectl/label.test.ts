import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { parseAnnotations, parseLabels, resourcesAndPairs } from './label.js';

const pod = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${name}}${extra}}\nspec: {containers: [{name: c, image: nginx}]}\n`;
const sh = () => createShell({ files: [{ name: 'pods.yaml', text: `${pod('web')}---\n${pod('db', ', annotations: {owner: ops}')}` }] });

// kubectl v0.30.3 pkg/cmd/util/helpers.go GetResourcesAndPairs / ParsePairs, pkg/cmd/label/label.go
// parseLabels, pkg/cmd/annotate/annotate.go parseAnnotations / validateAnnotations.
describe('parsing the pairs', () => {
  it.each([
    [['pod', 'web', 'a=b', 'c-'], { resources: ['pod', 'web'], pairs: ['a=b', 'c-'] }],
    [['pod/web', 'pod/db', 'a=b'], { resources: ['pod/web', 'pod/db'], pairs: ['a=b'] }],
    [['pod', 'web', 'a=b', 'db'], { error: 'all resources must be specified before label changes: db' }],
    [['pod', '-', '=x'], { resources: ['pod', '-', '=x'], pairs: [] }],
  ])('GetResourcesAndPairs %j', (args, want) => {
    expect(resourcesAndPairs(args, 'label')).toEqual(want);
  });
  it.each([
    [['a=b=c'], { error: 'invalid label spec: a=b=c' }],
    [['a=b', 'a-'], { error: 'can not both modify and remove a label in the same command' }],
    [['a=', 'b-'], { set: { a: '' }, remove: ['b'] }],
    [['a=-x'], { error: `invalid label value: "a=-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')` }],
  ])('parseLabels %j', (args, want) => {
    expect(parseLabels(args)).toEqual(want);
  });
  it.each([
    [['a=b=c', 'd='], { set: { a: 'b=c', d: '' }, remove: [] }],
    [['x=1', 'x-', 'y=2', 'y-'], { error: 'can not both modify and remove the following annotation(s) in the same command: x, y' }],
  ])('parseAnnotations %j', (args, want) => {
    expect(parseAnnotations(args)).toEqual(want);
  });
});

describe('kubectl label (label.go RunLabel, updateDataChangeMsg, validateNoOverwrites)', () => {
  it.each([
    ['kubectl label pod web tier=fe', 'pod/web labeled\n', 0],
    ['kubectl label pod web app=web', 'pod/web not labeled\n', 0],
    ['kubectl label pod web app=api', "error: 'app' already has a value (web), and --overwrite is false\n", 1],
    ['kubectl label pod web app=api --overwrite', 'pod/web labeled\n', 0],
    // A removal shrinks the object: "unlabeled" — but with --overwrite the message stays "labeled".
    ['kubectl label pod web app-', 'pod/web unlabeled\n', 0],
    ['kubectl label pod web app- --overwrite', 'pod/web labeled\n', 0],
    // The missing key is reported before the patch goes out, then nothing changed.
    ['kubectl label pod web nope-', 'label "nope" not found.\npod/web not labeled\n', 0],
    ['kubectl label pod web nope- --dry-run=client', 'pod/web not labeled (dry run)\n', 0],
    ['kubectl label pod/web pod/db env=prod', 'pod/web labeled\npod/db labeled\n', 0],
    ['kubectl label pods --all env=prod', 'pod/db labeled\npod/web labeled\n', 0],
    ['kubectl label pods -l app=db env=prod -o name', 'pod/db\n', 0],
    ['kubectl label pod web db x=1', 'pod/web labeled\npod/db labeled\n', 0],
    ['kubectl label pod web', 'error: at least one label update is required\n', 1],
    ['kubectl label pods x=1', 'error: resource(s) were provided, but no name was specified\n', 1],
    ['kubectl label x=1', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n', 1],
    ['kubectl label pods --all -l app=web x=1', 'error: cannot set --all and --selector at the same time\n', 1],
    ['kubectl label pod web --list -o yaml', 'error: --list and --output may not be specified together\n', 1],
    ['kubectl label pod web x=1 --local', 'error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n', 1],
    ['kubectl label pod nope x=1', 'Error from server (NotFound): pods "nope" not found\n', 1],
    // ContinueOnError: the others go through, the errors come last.
    ['kubectl label pod nope web x=1', 'pod/web labeled\nError from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl label pod web --list', 'app=web\n', 0],
    ['kubectl label pods --all --list', 'Listing labels for Pod./db:\n app=db\nListing labels for Pod./web:\n app=web\n', 0],
  ])('%s', (cmd, out, code) => {
    const r = sh().run(cmd);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
  });
  it('several conflicts on one object: one line each (utilerrors aggregate → MultipleErrors)', () => {
    const s = createShell({ files: [{ name: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: "1", b: "2"}}\nspec: {containers: [{name: c, image: nginx}]}\n' }] });
    expect(s.run('kubectl label pod p a=x b=y').output).toBe("'a' already has a value (1), and --overwrite is false\n'b' already has a value (2), and --overwrite is false\n");
  });
  it('the API server validates the key (ValidateLabels: a qualified name)', () => {
    expect(sh().run("kubectl label pod web 'bad key=1'").output).toBe(`The Pod "web" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`);
  });
  it('dry-run and -o print the labelled object and change nothing', () => {
    const s = sh();
    const out = s.run('kubectl label pod web tier=fe --dry-run=client -o jsonpath={.metadata.labels}').output;
    expect(out).toBe('{"app":"web","tier":"fe"}');
    expect(s.run('kubectl get pod web --show-labels --no-headers').output).toMatch(/ app=web\n$/);
  });
  it('labels a kubeadm namespace through a Namespace document; its age stays the cluster\'s', () => {
    const s = sh();
    expect(s.run('kubectl label ns default team=a').output).toBe('namespace/default labeled\n');
    expect(s.run('kubectl get ns default --show-labels').output).toBe('NAME      STATUS   AGE   LABELS\ndefault   Active   12d   kubernetes.io/metadata.name=default,team=a\n');
  });
  it('a deployment document built from one labels object is written without YAML anchors', () => {
    const s = createShell({ files: [] });
    s.run('kubectl create deployment d --image=nginx');
    const r = s.run('kubectl label deploy d x=1');
    expect(r.output).toBe('deployment.apps/d labeled\n');
    expect(r.files?.find((f) => f.name === 'cluster.yaml')?.text).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels:\n    app: d\n    x: "1"\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: d\n  template:\n    metadata:\n      labels:\n        app: d\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n');
  });
});

describe('kubectl annotate (annotate.go RunAnnotate, validateNoAnnotationOverwrites)', () => {
  it.each([
    ['kubectl annotate pod web description="my frontend"', 'pod/web annotated\n', 0],
    ['kubectl annotate pod db owner=ops', 'pod/db annotated\n', 0],
    ['kubectl annotate pod db owner=dev', "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (ops)\n", 1],
    ['kubectl annotate pod db owner=dev --overwrite', 'pod/db annotated\n', 0],
    ['kubectl annotate pod db owner-', 'pod/db annotated\n', 0],
    ['kubectl annotate pod db nope-', 'pod/db annotated\n', 0],
    ['kubectl annotate pod db kubernetes.io/change-cause=a; kubectl annotate pod db kubernetes.io/change-cause=b', 'pod/db annotated\npod/db annotated\n', 0],
    ['kubectl annotate pod db x=1 --dry-run=server', 'pod/db annotated (server dry run)\n', 0],
    ['kubectl annotate pod db --list', 'owner=ops\n', 0],
    ['kubectl annotate pod db', 'error: at least one annotation update is required\n', 1],
    ['kubectl annotate pod db x', 'error: at least one annotation update is required\n', 1],
    ['kubectl annotate pod db x y=1', 'pod/db annotated\nError from server (NotFound): pods "x" not found\n', 1],
    ['kubectl annotate pod db x=1 x-', 'error: can not both modify and remove the following annotation(s) in the same command: x\n', 1],
    ['kubectl annotate pod db x=1 --local', 'error: can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set\n', 1],
    ['kubectl annotate pod db Owner=x', 'pod/db annotated\n', 0],
  ])('%s', (cmd, out, code) => {
    const r = sh().run(cmd);
    expect(r.output).toBe(out);
    expect(r.exitCode).toBe(code);
  });
  it('annotations show in describe and get -o yaml; the API server lower-cases keys to validate them', () => {
    const s = sh();
    s.run("kubectl annotate pod web description='my frontend'");
    expect(s.run('kubectl describe pod web').output).toContain('\nAnnotations:      description: my frontend\n');
    expect(s.run('kubectl get pod web -o jsonpath={.metadata.annotations.description}').output).toBe('my frontend');
    expect(s.run("kubectl annotate pod web 'Bad Key=1'").output).toBe(`The Pod "web" is invalid: metadata.annotations: Invalid value: "Bad Key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`);
  });
  it('annotate -f FILE --local prints the object from the file', () => {
    const s = createShell({ files: [{ name: 'pod.yaml', text: pod('x') }] });
    expect(s.run('kubectl annotate -f pod.yaml a=b --local -o jsonpath={.metadata.annotations}').output).toBe('{"a":"b"}');
  });
});
