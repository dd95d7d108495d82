import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import { LARGE_FILE_CHARS } from './cache.js';
import { readPieces } from './pieces.js';

// Diagnostics at every level of a document: a syntax error, unknown fields deep in a pod, a bad
// selector, a duplicate; in the middle of a file, so the documents around it count.
const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: a, labels: {app: a}}
spec:
  containers:
  - name: c
    image: nginx
    securityContext: {runAsUser: "x", capabilitis: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p}
spec:
  podSelector: {matchExpressions: [{key: app, operator: Maybe}]}
  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]
---
a: [unclosed
---
apiVersion: v1
kind: Pod
metadata: {name: a}
spec: {containers: [{name: c, image: "NGINX"}]}
`;

describe('a file past LARGE_FILE_CHARS is parsed a document at a time (issue 12)', () => {
  it('with the same values, diagnostics and positions as a small one', () => {
    const padding = `# ${'x'.repeat(LARGE_FILE_CHARS)}\n`;
    const small = analyze([{ name: 'f.yaml', text: TEXT }]);
    const large = analyze([{ name: 'f.yaml', text: TEXT + padding }]);
    const strip = (a: typeof small) => a.diagnostics.map(({ severity, code, message, line, column, endLine, endColumn, path }) =>
      ({ severity, code, message, line, column, endLine, endColumn, path }));
    expect(strip(small).length).toBeGreaterThan(4);
    expect(strip(large)).toEqual(strip(small));
    expect(large.pods.map((p) => p.key)).toEqual(small.pods.map((p) => p.key));
    const ref = small.pods.find((p) => p.key === 'default/a')?.pod.ref;
    expect(ref && large.locate(ref)).toEqual(ref && small.locate(ref));
  });
});

describe('a large file cut into pieces (pieces.ts) answers as the whole stream does (issue 12)', () => {
  // The same documents without the syntax error, which would send the file to the stream parser.
  const text = TEXT.replace('a: [unclosed\n---\n', '') +
    '---\n# a comment document\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: "x"}\ndata:\n  k: |\n    ---\n    not a marker\n';
  it('with the same values, diagnostics, positions and locate', () => {
    const padding = `# ${'x'.repeat(LARGE_FILE_CHARS)}\n`;
    const small = analyze([{ name: 'f.yaml', text }]);
    const large = analyze([{ name: 'f.yaml', text: text + padding }]);
    const strip = (a: typeof small) => a.diagnostics.map(({ severity, code, message, line, column, endLine, endColumn, path }) =>
      ({ severity, code, message, line, column, endLine, endColumn, path }));
    expect(strip(small).length).toBeGreaterThan(3);
    expect(strip(large)).toEqual(strip(small));
    expect(large.pods.map((p) => [p.key, p.pod.ip])).toEqual(small.pods.map((p) => [p.key, p.pod.ip]));
    for (const p of small.pods.filter((x) => !x.pod.system)) {
      for (const ref of [p.pod.ref, p.pod.specRef, ...p.pod.containers.map((c) => c.ref)]) expect(large.locate(ref)).toEqual(small.locate(ref));
    }
    // …and it did go through the pieces, not the stream.
    expect(readPieces(text + padding, () => {})?.ranges.length).toBe(5);
  });
});
