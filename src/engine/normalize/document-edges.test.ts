// Document-level edges: kubectl's client-side "apiVersion not set" / "kind not set", the
// namespace default (`default`, also for ""), cluster-scoped kinds ignoring metadata.namespace (the
// API server clears it before validating), names per pkg/apis/core/validation, and the object each
// diagnostic names (`Kind/namespace/name`).
import { describe, expect, it } from 'vitest';
import { pod, run } from '../../testing/normalize.js';

describe('document edges', () => {
  it('a number or a boolean document is a scalar', () => {
    expect(run('42').errors.map((e) => e.message)).toEqual(['the document is a scalar, not an object (a mapping with apiVersion, kind and metadata)']);
    expect(run('true').errors.map((e) => e.message)).toEqual(['the document is a scalar, not an object (a mapping with apiVersion, kind and metadata)']);
  });

  it('an empty apiVersion points at it; both missing give both messages', () => {
    expect(run('apiVersion: ""\nkind: Pod').errors.map((e) => [e.message, e.path])).toEqual([['apiVersion not set', 'apiVersion']]);
    expect(run('metadata: {name: x}').errors.map((e) => e.message)).toEqual(['apiVersion not set', 'kind not set']);
  });

  it('an empty namespace is default; the diagnostics name Kind/namespace/name', () => {
    const r = run(pod('p', 'hostname: A', { namespace: '""' }));
    expect(r.raw.map((d) => d.object)).toEqual(['Pod/default/p']);
    const ok = run(pod('q', '', { namespace: '""' }));
    expect(ok.cluster.pods[0]?.namespace).toBe('default');
  });

  it('a cluster-scoped kind ignores metadata.namespace, even an invalid one, and is named Kind/name', () => {
    const r = run('apiVersion: v1\nkind: Namespace\nmetadata: {name: team, namespace: Bad_NS, labels: {"-x": a}}');
    expect(r.raw.map((d) => [d.object, d.ref?.path.join('.')])).toEqual([['Namespace/team', 'metadata.labels.-x']]);
  });

  it('a namespaced object checks its namespace as a DNS label', () => {
    expect(run(pod('p', '', { namespace: 'a.b' })).errors.map((e) => e.path)).toEqual(['metadata.namespace']);
  });

  it('a Pod name is a DNS subdomain (dots fine), a Service name a DNS-1035 label (no dots)', () => {
    expect(run(pod('web.v1')).errors).toEqual([]);
    expect(run('apiVersion: v1\nkind: Service\nmetadata: {name: web.v1}\nspec: {ports: [{port: 80}]}').errors.map((e) => e.path)).toEqual(['metadata.name']);
  });

  it('an unknown kind in an unknown group is info, listed with its namespace only when written', () => {
    const r = run('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}');
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'not-simulated']]);
    expect(r.diagnostics[0]?.message).toBe('Widget (example.com/v1) is not simulated: it is kept and listed, but nothing in the lab uses it');
    expect(r.cluster.others).toEqual([expect.objectContaining({ kind: 'Widget', name: 'w' })]);
    expect(r.cluster.others[0] && 'namespace' in r.cluster.others[0]).toBe(false);
  });

  it('a known kind under another version lists every version it has', () => {
    expect(run('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: d}').errors.map((e) => e.message)).toEqual(['no matches for kind "Deployment" in version "apps/v1beta1" (Deployment is apps/v1)']);
  });
});

describe('AlreadyExists wording (apimachinery errors.NewAlreadyExists: "<resource>.<group> %q already exists")', () => {
  const twice = (text: string) => run(`${text}\n---\n${text}`).errors.map((e) => e.message);
  it.each([
    { text: 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: db}', msg: 'endpoints "db" already exists' },
    { text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}', msg: 'configmaps "c" already exists' },
    { text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}', msg: 'ingresses.networking.k8s.io "i" already exists' },
    { text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}', msg: 'networkpolicies.networking.k8s.io "deny" already exists' },
    { text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}', msg: 'clusterroles.rbac.authorization.k8s.io "r" already exists' },
    { text: 'apiVersion: lab/v1\nkind: Registry\nmetadata: {name: r}\nspec: {server: r.io}', msg: 'registries "r" already exists' },
  ])('$msg', ({ text, msg }) => {
    expect(twice(text)).toEqual([msg]);
  });
});
