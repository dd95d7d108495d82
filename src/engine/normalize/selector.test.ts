// Label and selector syntax: k8s.io/apimachinery pkg/apis/meta/v1/validation/validation.go
// (ValidateLabels, ValidateLabelSelectorRequirement) and pkg/util/validation/validation.go
// (IsQualifiedName, IsValidLabelValue: name part max 63, regex messages with examples).
import { describe, expect, it } from 'vitest';
import { netpol, pod, run } from '../../testing/normalize.js';

describe('label keys and values', () => {
  const rows = [
    { labels: '{"-app": web}', msg: 'metadata.labels: Invalid value: "-app": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')' },
    { labels: '{"Example.com/app": web}', msg: 'metadata.labels: Invalid value: "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')' },
    { labels: '{"/app": web}', msg: 'metadata.labels: Invalid value: "/app": prefix part must be non-empty' },
    { labels: '{"a/b/c": web}', msg: 'metadata.labels: Invalid value: "a/b/c": a qualified name must consist of' },
    { labels: `{${'k'.repeat(64)}: v}`, msg: 'name part must be no more than 63 characters' },
    { labels: '{app: "web server"}', msg: 'metadata.labels: Invalid value: "web server": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')' },
    { labels: `{app: ${'v'.repeat(64)}}`, msg: 'must be no more than 63 characters' },
  ];
  it.each(rows)('$labels', ({ labels, msg }) => {
    const r = run(pod('p', '', { labels }));
    expect(r.errors[0]?.message).toContain(msg);
    expect(r.errors[0]?.code).toBe('label-invalid');
    expect(r.cluster.pods).toEqual([]);
  });

  it.each(['{}', '{app: ""}', '{"example.com/app": v1.2_3}', '{a: b, c: d}'])('accepts %s', (labels) => {
    expect(run(pod('p', '', { labels })).errors).toEqual([]);
  });
});

describe('selector requirements', () => {
  const rows = [
    { expr: '{key: app, operator: In}', path: 'spec.podSelector.matchExpressions[0].values', msg: "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'" },
    { expr: '{key: app, operator: NotIn, values: []}', path: 'spec.podSelector.matchExpressions[0].values', msg: "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'" },
    { expr: '{key: app, operator: Exists, values: [a]}', path: 'spec.podSelector.matchExpressions[0].values', msg: "spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" },
    { expr: '{key: app, operator: DoesNotExist, values: [a]}', path: 'spec.podSelector.matchExpressions[0].values', msg: "spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" },
    { expr: '{key: app, operator: Equals, values: [a]}', path: 'spec.podSelector.matchExpressions[0].operator', msg: 'spec.podSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator' },
    { expr: '{key: "bad key", operator: Exists}', path: 'spec.podSelector.matchExpressions[0].key', msg: 'spec.podSelector.matchExpressions[0].key: Invalid value: "bad key": name part must consist of' },
    { expr: '{key: app, operator: In, values: ["a b"]}', path: 'spec.podSelector.matchExpressions[0].values[0]', msg: 'spec.podSelector.matchExpressions[0].values[0]: Invalid value: "a b": a valid label must be an empty string' },
  ];
  it.each(rows)('$expr', ({ expr, path, msg }) => {
    const r = run(netpol('p', `podSelector: {matchExpressions: [${expr}]}`));
    const d = r.errors.find((e) => e.code === 'selector-invalid');
    expect(d?.message).toContain(msg);
    expect(d?.path).toBe(path);
  });

  it('checks matchLabels in peer selectors too', () => {
    const r = run(netpol('p', 'podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {"x y": a}}}]}]'));
    expect(r.errors[0]?.message).toMatch(/^spec\.ingress\[0\]\.from\[0\]\.namespaceSelector\.matchLabels: Invalid value: "x y"/);
  });

  it('reads all four operators', () => {
    // "y" quoted: a plain y is the bool true to kubectl's YAML 1.1 reader (parse/yaml11.test.ts).
    const r = run(netpol('p', 'podSelector: {matchExpressions: [{key: a, operator: In, values: [x]}, {key: b, operator: NotIn, values: ["y"]}, {key: c, operator: Exists}, {key: d, operator: DoesNotExist}]}'));
    expect(r.cluster.policies[0]?.podSelector.matchExpressions.map((e) => [e.operator, e.values])).toEqual([['In', ['x']], ['NotIn', ['y']], ['Exists', []], ['DoesNotExist', []]]);
  });
});
