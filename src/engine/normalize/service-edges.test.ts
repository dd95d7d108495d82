// Service edges: pkg/apis/core/v1/defaults.go SetDefaults_Service (type ClusterIP; targetPort =
// port when unset or 0), pkg/apis/core/validation/validation.go ValidateService (ExternalName: the
// trailing dot trimmed, then Required or a DNS-1123 subdomain; ports named when more than one;
// unique (protocol, port) and (protocol, nodePort); nodePort forbidden for ClusterIP; clusterIP
// None forbidden for NodePort and LoadBalancer; sessionAffinity ClientIP or None).
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {tier: fe}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}`;
const errs = (spec: string) => run(svc(spec)).errors.map((e) => e.message);
const one = (spec: string) => {
  const r = run(svc(spec));
  expect(r.errors).toEqual([]);
  return r.cluster.services[0];
};

describe('Service edges', () => {
  it('an empty or null type is ClusterIP without an error', () => {
    expect(one('type: ""\nports: [{port: 80}]')?.type).toBe('ClusterIP');
    expect(one('type: null\nports: [{port: 80}]')?.type).toBe('ClusterIP');
    expect(one('type: LoadBalancer\nports: [{port: 80}]')?.type).toBe('LoadBalancer');
  });

  it('an ExternalName Service has no selector, no cluster IP and keeps its labels', () => {
    const s = one('type: ExternalName\nexternalName: db.example.com\nselector: {app: db}');
    expect(s).toMatchObject({ hasSelector: false, clusterIP: '', clusterIPDeclared: false, externalName: 'db.example.com', labels: { tier: 'fe' }, selector: { app: 'db' } });
  });

  it('an externalName of "." is Required; only one trailing dot is trimmed', () => {
    expect(errs('type: ExternalName\nexternalName: "."')).toEqual(['spec.externalName: Required value']);
    expect(errs('type: ExternalName\nexternalName: "db.example.com.."')[0]).toMatch(/^spec\.externalName: Invalid value: "db\.example\.com\.": a lowercase RFC 1123 subdomain/);
  });

  it('a declared cluster IP is marked declared; none is not', () => {
    expect(one('clusterIP: 10.96.7.7\nports: [{port: 80}]')).toMatchObject({ clusterIP: '10.96.7.7', clusterIPDeclared: true });
    expect(one('ports: [{port: 80}]')).toMatchObject({ clusterIPDeclared: false });
    expect(one('clusterIP: ""\nports: [{port: 80}]')).toMatchObject({ clusterIPDeclared: false });
  });

  it('clusterIPs alone gives the cluster IP; equal to clusterIP is fine', () => {
    expect(one('clusterIPs: [10.96.7.8]\nports: [{port: 80}]')?.clusterIP).toBe('10.96.7.8');
    expect(one('clusterIP: 10.96.7.9\nclusterIPs: [10.96.7.9]\nports: [{port: 80}]')?.clusterIP).toBe('10.96.7.9');
  });

  it('a bad address in clusterIPs alone is reported on clusterIPs', () => {
    const r = run(svc('clusterIPs: [nope]\nports: [{port: 80}]'));
    expect(r.errors.map((e) => [e.message, e.path])).toEqual([['spec.clusterIPs[0]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'spec.clusterIPs']]);
  });

  it('headless is refused for LoadBalancer, allowed for ClusterIP; a headless Service needs no ports', () => {
    expect(errs('type: LoadBalancer\nclusterIP: None\nports: [{port: 80}]')).toEqual(["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"]);
    expect(one('clusterIP: None')?.clusterIP).toBe('None');
    expect(one('clusterIPs: [None]')?.clusterIP).toBe('None');
  });

  it('an ExternalName Service with clusterIPs only is forbidden on clusterIPs', () => {
    const r = run(svc('type: ExternalName\nexternalName: a.b\nclusterIPs: [10.96.0.9]'));
    expect(r.errors.map((e) => [e.message, e.path])).toEqual([['spec.clusterIPs: Forbidden: may not be set for ExternalName services', 'spec.clusterIPs']]);
  });

  it('a single unnamed port is fine', () => {
    expect(one('ports: [{port: 80}]')?.ports[0] && 'name' in (one('ports: [{port: 80}]')?.ports[0] ?? {})).toBe(false);
  });

  it('the same port on two protocols is no duplicate; the same port twice is', () => {
    expect(errs('ports:\n- {name: a, port: 53}\n- {name: b, port: 53, protocol: UDP}')).toEqual([]);
    expect(errs('ports:\n- {name: a, port: 53, protocol: UDP}\n- {name: b, port: 53, protocol: UDP}')).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"UDP", AppProtocol:(*string)(nil), Port:53, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it('nodePorts: kept on NodePort, 0 is none, duplicates per protocol are refused', () => {
    const s = one('type: NodePort\nports:\n- {name: a, port: 80, nodePort: 30080}\n- {name: b, port: 81, nodePort: 0}\n- {name: c, port: 80, protocol: UDP, nodePort: 30080}');
    // nodePort 0 is "allocate one" (service/allocate.ts gives it a free port in 30000-32767).
    expect(s?.ports[0]?.nodePort).toBe(30080);
    expect(s?.ports[2]?.nodePort).toBe(30080);
    expect(s?.ports[1]?.nodePort).not.toBe(0);
    expect(s?.ports[1]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(errs('type: NodePort\nports:\n- {name: a, port: 80, nodePort: 30080}\n- {name: b, port: 81, nodePort: 30080}')).toEqual(['spec.ports[1].nodePort: Duplicate value: 30080']);
    expect(one('type: LoadBalancer\nports: [{port: 80, nodePort: 30081}]')?.ports[0]?.nodePort).toBe(30081);
    expect(errs('ports: [{port: 80, nodePort: 0}]')).toEqual([]);
  });

  it('targetPort: a number or a valid name is kept', () => {
    expect(one('ports: [{port: 80, targetPort: 8080}]')?.ports[0]?.targetPort).toBe(8080);
    expect(one('ports: [{port: 80, targetPort: web}]')?.ports[0]?.targetPort).toBe('web');
    expect(errs('ports: [{port: 80, targetPort: -1}]')).toEqual(['spec.ports[0].targetPort: Invalid value: -1: must be between 1 and 65535, inclusive']);
  });

  it('sessionAffinity ClientIP, None and "" are accepted', () => {
    for (const a of ['ClientIP', 'None', '""']) expect(errs(`sessionAffinity: ${a}\nports: [{port: 80}]`)).toEqual([]);
  });

  it('a selector with a bad key is refused', () => {
    expect(errs('selector: {"a/b/c": x}\nports: [{port: 80}]')[0]).toMatch(/^spec\.selector: Invalid value: "a\/b\/c": a qualified name/);
  });
});
