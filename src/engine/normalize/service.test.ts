// v1 Service as the API server takes it: defaults from pkg/apis/core/v1/defaults.go
// SetDefaults_Service (type ClusterIP, protocol TCP, targetPort = port), validation and wording from
// pkg/apis/core/validation ValidateService / validateServicePort / ValidateServiceClusterIPsRelatedFields
// (field errors formatted by k8s.io/apimachinery pkg/util/validation/field).
import { describe, expect, it } from 'vitest';
import { lineOf, run } from '../../testing/normalize.js';

const svc = (spec: string, name = 'web', namespace = 'default') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}`;
const one = (spec: string) => run(svc(spec)).cluster.services[0];

describe('Service defaults', () => {
  it.each([
    ['type ClusterIP, protocol TCP, targetPort = port', 'selector: {app: web}\nports:\n- port: 80', { type: 'ClusterIP', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] }],
    ['targetPort 0 and "" are defaulted too', 'ports:\n- {name: a, port: 80, targetPort: 0}\n- {name: b, port: 81, targetPort: ""}', { ports: [{ targetPort: 80 }, { targetPort: 81 }] }],
    ['a named targetPort is kept', 'ports:\n- {port: 8080, targetPort: http}', { ports: [{ port: 8080, targetPort: 'http' }] }],
    ['UDP', 'ports:\n- {port: 53, protocol: UDP}', { ports: [{ protocol: 'UDP' }] }],
    ['headless', 'clusterIP: None\nselector: {app: db}', { clusterIP: 'None', ports: [] }],
    ['ExternalName, trailing dot dropped', 'type: ExternalName\nexternalName: db.example.com.', { type: 'ExternalName', clusterIP: '', externalName: 'db.example.com', ports: [] }],
    ['NodePort keeps a declared nodePort', 'type: NodePort\nports:\n- {port: 80, nodePort: 30080}', { type: 'NodePort', ports: [{ nodePort: 30080 }] }],
  ])('%s', (_, spec, want) => {
    const r = run(svc(spec));
    expect(r.errors).toEqual([]);
    expect(r.cluster.services[0]).toMatchObject(want);
  });

  it('selector: absent or {} is no selector (an empty map does not survive storage)', () => {
    expect(one('ports: [{port: 80}]')).toMatchObject({ hasSelector: false, selector: {} });
    expect(one('selector: {}\nports: [{port: 80}]')).toMatchObject({ hasSelector: false });
    expect(one('selector: {app: web}\nports: [{port: 80}]')).toMatchObject({ hasSelector: true, selector: { app: 'web' } });
  });
});

describe('Service validation (what students get wrong)', () => {
  it.each([
    ['no ports', 'selector: {app: web}', 'spec.ports: Required value', 'spec.ports'],
    ['port missing (decodes as 0)', 'ports:\n- {targetPort: 80}', 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'spec.ports[0].port'],
    ['port out of range', 'ports:\n- {port: 70000}', 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive', 'spec.ports[0].port'],
    ['two ports, one unnamed', 'ports:\n- {name: http, port: 80}\n- {port: 443}', 'spec.ports[1].name: Required value', 'spec.ports[1].name'],
    ['duplicate port names', 'ports:\n- {name: http, port: 80}\n- {name: http, port: 8080}', 'spec.ports[1].name: Duplicate value: "http"', 'spec.ports[1].name'],
    ['port name not a DNS label', 'ports:\n- {name: Web_Port, port: 80}', 'spec.ports[0].name: Invalid value: "Web_Port": a lowercase RFC 1123 label must consist of', 'spec.ports[0].name'],
    ['targetPort out of range', 'ports:\n- {port: 80, targetPort: 99999}', 'spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort'],
    ['targetPort "8080" is a name, and names need a letter', 'ports:\n- {port: 80, targetPort: "8080"}', 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)', 'spec.ports[0].targetPort'],
    ['targetPort name too long', 'ports:\n- {port: 80, targetPort: my-very-long-port-name}', 'spec.ports[0].targetPort: Invalid value: "my-very-long-port-name": must be no more than 15 characters', 'spec.ports[0].targetPort'],
    ['duplicate port and protocol', 'ports:\n- {name: a, port: 80}\n- {name: b, port: 80}', 'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}', 'spec.ports[1]'],
    ['protocol', 'ports:\n- {port: 80, protocol: HTTP}', 'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"', 'spec.ports[0].protocol'],
    ['type', 'type: Internal\nports: [{port: 80}]', 'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"', 'spec.type'],
    ['clusterIP not an IP', 'clusterIP: 10.96.0.300\nports: [{port: 80}]', 'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'spec.clusterIP'],
    ['clusterIPs[0] differs from clusterIP', 'clusterIP: 10.96.5.5\nclusterIPs: [10.96.5.6]\nports: [{port: 80}]', 'spec.clusterIPs: Invalid value: []string{"10.96.5.6"}: first value must match `clusterIP`', 'spec.clusterIPs'],
    ['headless NodePort', 'type: NodePort\nclusterIP: None\nports: [{port: 80}]', "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services", 'spec.clusterIP'],
    ['nodePort on a ClusterIP Service', 'ports:\n- {port: 80, nodePort: 30080}', "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'", 'spec.ports[0].nodePort'],
    ['ExternalName without externalName', 'type: ExternalName', 'spec.externalName: Required value', 'spec.externalName'],
    ['ExternalName with a clusterIP', 'type: ExternalName\nexternalName: db.example.com\nclusterIP: 10.96.1.1', 'spec.clusterIPs: Forbidden: may not be set for ExternalName services', 'spec.clusterIP'],
    ['externalName not a hostname', 'type: ExternalName\nexternalName: "db example"', 'spec.externalName: Invalid value: "db example": a lowercase RFC 1123 subdomain', 'spec.externalName'],
    ['selector label value', 'selector: {app: "web server"}\nports: [{port: 80}]', 'spec.selector: Invalid value: "web server": a valid label must be', 'spec.selector.app'],
    ['sessionAffinity', 'sessionAffinity: Sticky\nports: [{port: 80}]', 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"', 'spec.sessionAffinity'],
  ])('%s', (_, spec, message, path) => {
    const r = run(svc(spec));
    expect(r.errors.map((d) => d.message).join('\n')).toContain(message);
    expect(r.errors.map((d) => d.path)).toContain(path);
    // The API server refuses the object: it is left out of the analysis.
    expect(r.cluster.services).toEqual([]);
  });

  it('a headless Service and an ExternalName Service need no ports', () => {
    expect(run(svc('clusterIP: None')).errors).toEqual([]);
    expect(run(svc('type: ExternalName\nexternalName: db.example.com')).errors).toEqual([]);
  });

  it('Service names are DNS-1035 labels (ValidateServiceName)', () => {
    const r = run(svc('ports: [{port: 80}]', '1web'));
    expect(r.errors.map((d) => d.message)).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('points at the field the student wrote', () => {
    const text = svc('ports:\n- {name: http, port: 80}\n- {port: 443}');
    const d = run(text).errors[0];
    expect(d?.line).toBe(lineOf(text, '{port: 443}'));
  });
});
