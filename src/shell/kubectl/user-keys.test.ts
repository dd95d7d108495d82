import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';
import { parseAnnotations, parseLabels } from './label.js';

// Keys the user types are map keys, as in Go's map[string]string: `__proto__`, `constructor`,
// `toString` and `hasOwnProperty` are not special (issue 18). The API server's ValidateObjectMeta
// still refuses what is not a qualified name (`__proto__` starts with `_`:
// apimachinery validation.IsQualifiedName), and a ConfigMap/Secret data key only needs
// IsConfigMapKey (`[-._a-zA-Z0-9]+`), so `__proto__` is a valid data key.

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: c, image: nginx}]}\n';
const sh = () => createShell({ files: [{ name: 'pod.yaml', text: POD }] });
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('parsing pairs keeps every key', () => {
  it.each(NAMES)('parseLabels / parseAnnotations %s=x', (k) => {
    const l = parseLabels([`${k}=x`]);
    const a = parseAnnotations([`${k}=x`]);
    expect('set' in l && Object.keys(l.set)).toEqual([k]);
    expect('set' in a && Object.keys(a.set)).toEqual([k]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
  it('removing a prototype name that was never set is not "modify and remove"', () => {
    expect(parseLabels(['a=b', 'toString-'])).toEqual({ set: { a: 'b' }, remove: ['toString'] });
  });
});

describe('kubectl label / annotate', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty'])('label pod web %s=x just labels (no "already has a value")', (k) => {
    const s = sh();
    expect(s.run(`kubectl label pod web ${k}=x`).output).toBe('pod/web labeled\n');
    expect(s.run('kubectl get pod web --show-labels -o custom-columns=L:.metadata.labels').output).toBe(`L\nmap[${k}:x]\n`);
  });
  it('label then remove toString', () => {
    const s = sh();
    s.run('kubectl label pod web toString=x');
    expect(s.run('kubectl label pod web toString-').output).toBe('pod/web unlabeled\n');
    expect(s.run('kubectl label pod web toString-').output).toBe('label "toString" not found.\npod/web not labeled\n');
  });
  it('__proto__ reaches the API server, which refuses it as a label key (ValidateObjectMeta)', () => {
    expect(sh().run('kubectl label pod web __proto__=x').output).toBe("The Pod \"web\" is invalid: metadata.labels: Invalid value: \"__proto__\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n");
  });
  it('annotate pod web constructor=y', () => {
    const s = sh();
    expect(s.run('kubectl annotate pod web constructor=y').output).toBe('pod/web annotated\n');
    expect(s.run('kubectl get pod web -o jsonpath={.metadata.annotations.constructor}').output).toBe('y');
  });
});

describe('-o jsonpath on prototype names prints nothing, as client-go jsonpath does for a missing key', () => {
  it.each(['{.metadata.constructor}', '{.metadata.constructor.name}', '{.metadata.__proto__}', '{.spec.toString}', '{.metadata.labels.hasOwnProperty}'])('%s', (tpl) => {
    expect(sh().run(`kubectl get pod web -o jsonpath='${tpl}'`)).toMatchObject({ output: '', exitCode: 0 });
  });
});

describe('generators keep the key', () => {
  it('create configmap --from-literal=__proto__=x --from-literal=constructor=y', () => {
    expect(sh().run('kubectl create cm c --from-literal=__proto__=x --from-literal=constructor=y --dry-run=client -o yaml').output).toBe(
      'apiVersion: v1\ndata:\n  __proto__: x\n  constructor: "y"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n');
  });
  it('create secret generic --from-literal=__proto__=x is created and read back', () => {
    const s = sh();
    expect(s.run('kubectl create secret generic s --from-literal=__proto__=x').output).toBe('secret/s created\n');
    expect(s.run("kubectl get secret s -o jsonpath='{.data.__proto__}'").output).toBe('eA==');
  });
  it('a duplicate prototype-named literal is a duplicate', () => {
    expect(sh().run('kubectl create cm c --from-literal=toString=1 --from-literal=toString=2').output).toBe('error: cannot add key toString, another key by that name already exists in Data for ConfigMap "c"\n');
  });
  it('run --labels=__proto__=x,toString=y: kept in the object; the API server refuses __proto__', () => {
    const s = sh();
    expect(s.run('kubectl run p --image=nginx --labels=__proto__=x,toString=y --dry-run=client -o jsonpath={.metadata.labels}').output).toBe('{"__proto__":"x","toString":"y"}');
    expect(s.run('kubectl run p --image=nginx --labels=__proto__=x').output).toMatch(/^The Pod "p" is invalid: metadata\.labels: Invalid value: "__proto__": name part must consist/);
    expect(s.run('kubectl run p --image=nginx --labels=toString=y,constructor=z').output).toBe('pod/p created\n');
    expect(s.run('kubectl get pod p --show-labels').output).toMatch(/constructor=z,toString=y\n$/);
  });
  it('apply: a configuration with prototype-named keys merges as data, not as the prototype', () => {
    const s = sh();
    s.run("cat > /tmp/cm.yaml <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {constructor: a, __proto__: b}\nEOF");
    expect(s.run('kubectl apply -f /tmp/cm.yaml').output).toBe('configmap/m created\n');
    expect(s.run("kubectl get cm m -o jsonpath='{.data}'").output).toBe('{"__proto__":"b","constructor":"a"}');
    // The three-way merge: toString added, constructor changed, __proto__ dropped from the configuration.
    s.run("cat > /tmp/cm.yaml <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {constructor: c, toString: d}\nEOF");
    expect(s.run('kubectl apply -f /tmp/cm.yaml').output).toBe('configmap/m configured\n');
    expect(s.run("kubectl get cm m -o jsonpath='{.data}'").output).toBe('{"constructor":"c","toString":"d"}');
  });
});
