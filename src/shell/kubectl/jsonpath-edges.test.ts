import { describe, expect, it } from 'vitest';
import { kubectlTestdata } from '../../testing/kubectl-testdata.js';
import { jsonpath } from './jsonpath.js';

const run = (tpl: string, spec: unknown): string => {
  const r = jsonpath(tpl, { apiVersion: 'x.io/v1', kind: 'Foo', metadata: { name: 'x' }, spec });
  return r.ok ? r.text : `ERR ${r.error}`;
};

// Numbers as kubectl prints them: k8s.io/apimachinery's unstructured JSON decoding keeps a number as
// int64 when strconv.ParseInt takes it and float64 otherwise, and client-go util/jsonpath PrintResults
// writes a scalar with fmt.Fprint, i.e. strconv.FormatFloat(f, 'g', -1, 64) for a float64. Expected
// texts are what kubectl v1.32 printed for `kubectl patch --local -f obj.json -p '{}' --type=merge
// -o jsonpath=TEMPLATE` on this machine.
describe('jsonpath: numbers as fmt.Fprint prints them', () => {
  it.each([
    [0.00001, '1e-05'], [1.5e-7, '1.5e-07'], [0.0001, '0.0001'], [-0.5, '-0.5'], [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'], [1e20, '1e+20'], [1e21, '1e+21'], [3, '3'], [-42, '-42'], [9007199254740991, '9007199254740991'],
  ])('%d prints %s', (n, text) => {
    expect(run('{.spec.f}', { f: n })).toBe(text);
  });
  it('inside a list of results, each number on its own terms', () => {
    expect(run('{.spec.a[*]}', { a: [0.0001, 1e-5, 2.5, 7] })).toBe('0.0001 1e-05 2.5 7');
  });
  it('inside a map or a list printed whole, encoding/json keeps its own notation', () => {
    expect(run('{.spec}', { f: 1.5e-7, g: 1e-5, h: 1234567.5 })).toBe('{"f":1.5e-7,"g":0.00001,"h":1234567.5}');
  });
});

// client-go util/jsonpath evalFilter compares with its fork of text/template's funcs.go (eq, lt, ...):
// an int64 and a float64 are different basic kinds, so `2` against `2.0` is an error, not a match.
// Expected texts: kubectl v1.32 (`patch --local ... -o jsonpath=`) on this machine.
describe('jsonpath filters: int64 and float64 are different kinds', () => {
  const incompatible = (tpl: string) => `ERR error: error executing jsonpath ${JSON.stringify(tpl)}: Error executing template: incompatible types for comparison.`;
  it.each([
    ['{.spec.a[?(@.n==2.0)].n}', [{ n: 2 }]],
    ['{.spec.a[?(@.n!=2.0)].n}', [{ n: 2 }]],
    ['{.spec.a[?(@.n>2)].n}', [{ n: 2.5 }]],
    ['{.spec.a[?(@.n==@.m)].n}', [{ n: 2, m: 2.5 }]],
  ])('%s on %j is an error', (tpl, a) => {
    expect(run(tpl, { a })).toContain(incompatible(tpl));
  });
  it.each([
    ['{.spec.a[?(@.n>2.0)].n}', [{ n: 2.5 }, { n: 1.5 }], '2.5'],
    ['{.spec.a[?(2.5>@.n)].n}', [{ n: 2.25 }], '2.25'],
    ['{.spec.a[?(@.n==2)].n}', [{ n: 2 }, { n: 3 }], '2'],
    ['{.spec.a[?(@.n<=-1)].n}', [{ n: -1 }, { n: 0 }], '-1'],
  ])('%s on %j prints %s', (tpl, a, text) => {
    expect(run(tpl, { a })).toBe(text);
  });
});

// src/testing/kubectl/jsonpath-kubectl.json: [template, spec, as JSON, stdout, stderr] rows that kubectl
// v1.32 printed on this machine for `kubectl patch --local -f obj.json -p '{}' --type=merge
// -o jsonpath[-as-json]=TEMPLATE` with obj = {apiVersion: x.io/v1, kind: Foo, metadata: {name: x}, spec}
// (src/testing/kubectl/README.md). The whole stderr is compared: the parser's and the evaluator's
// messages, %#U of a rune, and the %#v dump of the object (strconv.Quote strings, int64 and float64
// numbers). Templates whose output follows Go's random map order (`..`, `.*`) are left out.
describe('jsonpath against kubectl v1.32, stdout and stderr', () => {
  const rows = JSON.parse(kubectlTestdata('jsonpath-kubectl.json')) as [string, unknown, boolean, string, string][];
  it.each(rows.map((r, i) => [i, ...r] as const))('#%i %s', (_i, tpl, spec, asJson, stdout, stderr) => {
    const r = jsonpath(tpl, { apiVersion: 'x.io/v1', kind: 'Foo', metadata: { name: 'x' }, spec }, { asJson });
    expect(r.ok ? { stdout: r.text, stderr: '' } : { stdout: '', stderr: r.error }).toEqual({ stdout, stderr });
  });
});
