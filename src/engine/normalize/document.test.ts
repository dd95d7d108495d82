// Document-level checks. Wording: kubectl's client-side "apiVersion not set" / "kind not set";
// kube-apiserver ValidateObjectMeta "metadata.name: Required value: name or generateName is
// required" (kubernetes/apimachinery pkg/api/validation/objectmeta.go); names per
// pkg/apis/core/validation (namespaces: DNS-1123 label, others: DNS-1123 subdomain);
// AlreadyExists `pods "web" already exists` (k8s.io/apimachinery pkg/api/errors NewAlreadyExists);
// kubectl's `no matches for kind "Deployment" in version "v1"` (RESTMapper NoKindMatchError).
import { describe, expect, it } from 'vitest';
import { lineOf, pod, run } from '../../testing/normalize.js';

describe('document shape', () => {
  const rows = [
    { name: 'a list', yaml: '- a\n- b', code: 'not-a-mapping', msg: /is a list, not an object/, path: '' },
    { name: 'a scalar', yaml: 'hello', code: 'not-a-mapping', msg: /is a string, not an object/, path: '' },
    { name: 'no apiVersion', yaml: 'kind: Pod\nmetadata: {name: p}', code: 'missing-field', msg: /^apiVersion not set$/, path: '' },
    { name: 'no kind', yaml: 'apiVersion: v1\nmetadata: {name: p}', code: 'missing-field', msg: /^kind not set$/, path: '' },
    { name: 'empty kind', yaml: 'apiVersion: v1\nkind: ""\nmetadata: {name: p}', code: 'missing-field', msg: /^kind not set$/, path: 'kind' },
    { name: 'no metadata.name', yaml: 'apiVersion: v1\nkind: Secret\nmetadata: {}', code: 'missing-field', msg: /^metadata\.name: Required value: name or generateName is required$/, path: 'metadata.name' },
    { name: 'upper-case name', yaml: 'apiVersion: v1\nkind: Secret\nmetadata: {name: Web}', code: 'name-invalid', msg: /^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/, path: 'metadata.name' },
    { name: 'namespace with a dot', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a.b}', code: 'name-invalid', msg: /a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'/, path: 'metadata.name' },
    { name: 'bad metadata.namespace', yaml: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: Prod}', code: 'name-invalid', msg: /^metadata\.namespace: Invalid value: "Prod"/, path: 'metadata.namespace' },
    { name: 'known kind, wrong apiVersion', yaml: 'apiVersion: v1\nkind: Deployment\nmetadata: {name: d}', code: 'unknown-kind', msg: /^no matches for kind "Deployment" in version "v1" \(Deployment is apps\/v1\)$/, path: 'apiVersion' },
  ];
  it.each(rows)('$name', ({ yaml, code, msg, path }) => {
    const r = run(yaml);
    const d = r.errors.find((e) => e.code === code);
    expect(d?.message).toMatch(msg);
    expect(d?.path).toBe(path);
    expect(r.cluster.secrets).toHaveLength(0);
    expect(r.cluster.others).toHaveLength(0);
  });

  it('keeps an unknown kind in others with an info "not simulated"', () => {
    // (RBAC kinds were the example here until they became simulated: normalize/rbac.test.ts.)
    const r = run('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: reader, namespace: dev}\nspec: {}');
    expect(r.errors).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([['info', 'not-simulated', 'kind']]);
    expect(r.diagnostics[0]?.message).toMatch(/not simulated/);
    expect(r.cluster.others).toEqual([expect.objectContaining({ kind: 'PodDisruptionBudget', name: 'reader', namespace: 'dev' })]);
    // Its namespace exists implicitly.
    expect(r.cluster.namespaces.map((n) => n.name)).toEqual(['default', 'dev']);
  });

  it('lists a ConfigMap (validated, not simulated further) in others', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: b}');
    expect(r.diagnostics).toEqual([]);
    expect(r.cluster.others).toEqual([expect.objectContaining({ kind: 'ConfigMap', name: 'cfg', namespace: 'default' })]);
  });
});

describe('duplicates', () => {
  it('refuses the second object of the same kind, namespace and name', () => {
    const text = `${pod('web')}\n---\n${pod('web')}`;
    const r = run(text);
    expect(r.errors.map((e) => [e.code, e.message, e.path, e.line])).toEqual([
      ['duplicate-object', 'pods "web" already exists', 'metadata.name', lineOf(text, 'name: web', 2)],
    ]);
    expect(r.cluster.pods.map((p) => p.name)).toEqual(['web']);
  });

  it.each([
    { name: 'other namespace', b: pod('web', '', { namespace: 'prod' }) },
    { name: 'other kind', b: 'apiVersion: v1\nkind: Secret\nmetadata: {name: web}' },
  ])('allows the same name in an $name', ({ b }) => {
    const r = run(`${pod('web')}\n---\n${b}`);
    expect(r.errors).toEqual([]);
  });

  it('names duplicates across files, in the later file', () => {
    const r = run({ 'a.yaml': netpolText('deny'), 'b.yaml': netpolText('deny') });
    expect(r.errors.map((e) => [e.file, e.message])).toEqual([['b.yaml', 'networkpolicies.networking.k8s.io "deny" already exists']]);
    expect(r.cluster.policies).toHaveLength(1);
  });
});

describe('a multi-document file with one bad document', () => {
  const text = [
    pod('a', '', { labels: '{app: a}' }),
    '---',
    pod('b', 'securityContext:\n  capabilities: {drop: [ALL]}'),
    '---',
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}',
    '---',
    'key: [unclosed',
    '---',
    pod('c'),
  ].join('\n');
  const r = run(text);

  it('reports each bad document at its own position', () => {
    expect(r.errors.map((e) => [e.code, e.path])).toEqual(expect.arrayContaining([
      ['unknown-field', 'spec.securityContext.capabilities'],
      ['yaml-syntax', ''],
    ]));
    const unknown = r.errors.find((e) => e.code === 'unknown-field');
    expect(unknown?.line).toBe(lineOf(text, 'capabilities'));
  });

  it('still analyses the others', () => {
    expect(r.cluster.pods.map((p) => p.name)).toEqual(['a', 'c']);
    expect(r.cluster.policies.map((p) => p.name)).toEqual(['deny']);
  });
});

function netpolText(name: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\nspec: {podSelector: {}}`;
}

describe('YAML as kubectl reads it', () => {
  it('applies merge keys (go-yaml, used by sigs.k8s.io/yaml, supports `<<`)', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    <<: {env: prod}\n    tier: a';
    const r = run(text);
    expect(r.errors).toEqual([]);
    expect(r.cluster.namespaces.find((n) => n.name === 'team')?.labels).toEqual({ env: 'prod', tier: 'a', 'kubernetes.io/metadata.name': 'team' });
  });
});
