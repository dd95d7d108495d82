// A Service's report (src/engine/service/index.ts), for the mutation run's survivors (issue 15).
// Facts: the EndpointSlice controller gives an ExternalName Service no endpoints, selector or not
// (pkg/controller/endpointslice/endpointslice_controller.go syncService: "services with Type
// ExternalName receive no endpoints from this controller"), and so does the endpoints controller;
// a scenario that declares its own `default/kubernetes` replaces the lab's implicit one, and then
// the Endpoints written for it are its endpoints (a Service without a selector: the
// EndpointSliceMirroring controller mirrors them); a port's optional fields are left out when not
// written (core/v1 ServicePort `name` and `nodePort` are omitempty).
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';

const yaml = (...docs: string[]) => analyze([{ name: 's.yaml', text: docs.join('\n---\n') }]);
const POD = '{apiVersion: v1, kind: Pod, metadata: {name: web, labels: {app: web}}, spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}}';

describe('an ExternalName Service', () => {
  it('has no endpoints and no backends, even with a selector that matches a pod', () => {
    const a = yaml(POD, '{apiVersion: v1, kind: Service, metadata: {name: out}, spec: {type: ExternalName, externalName: example.com, selector: {app: web}, ports: [{port: 80}]}}');
    const svc = a.services.find((s) => s.key === 'default/out');
    expect(svc?.type).toBe('ExternalName');
    expect(svc?.endpoints).toEqual([]);
    expect(svc?.backends).toEqual([]);
    // The same Service as ClusterIP does select the pod: the type is what empties it.
    const b = yaml(POD, '{apiVersion: v1, kind: Service, metadata: {name: out}, spec: {selector: {app: web}, ports: [{port: 80}]}}');
    expect(b.services.find((s) => s.key === 'default/out')?.backends).toHaveLength(1);
  });
});

describe('a scenario\'s own default/kubernetes', () => {
  it('takes the Endpoints written for it, not the lab\'s API server endpoints', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: kubernetes, namespace: default}, spec: {ports: [{name: https, port: 443, targetPort: 6443}]}}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: kubernetes, namespace: default}, subsets: [{addresses: [{ip: 192.168.77.5}], ports: [{name: https, port: 6443}]}]}');
    const svc = a.services.find((s) => s.key === 'default/kubernetes');
    expect(svc?.system).toBe(false);
    expect(svc?.endpoints[0]?.addresses.map((x) => `${x.ip}:${x.port}`)).toEqual(['192.168.77.5:6443']);
  });
  it('the implicit one has the API server\'s endpoints', () => {
    const svc = yaml(POD).services.find((s) => s.key === 'default/kubernetes');
    expect(svc?.system).toBe(true);
    expect(svc?.endpoints[0]?.addresses.length).toBeGreaterThan(0);
    expect(svc?.endpoints[0]?.addresses.map((x) => x.ip)).not.toContain('192.168.77.5');
  });
});

describe('a Service port\'s report', () => {
  it('leaves out a name and a nodePort not written (not present as undefined)', () => {
    const a = yaml(POD, '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}');
    const port = a.services.find((s) => s.key === 'default/web')?.ports[0];
    expect(port).toBeDefined();
    expect(Object.keys(port ?? {}).sort()).toEqual(['port', 'protocol', 'targetPort']);
    const np = yaml(POD, '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {type: NodePort, selector: {app: web}, ports: [{name: http, port: 80, nodePort: 30080}]}}');
    expect(np.services.find((s) => s.key === 'default/web')?.ports[0]).toMatchObject({ name: 'http', nodePort: 30080 });
  });
});
