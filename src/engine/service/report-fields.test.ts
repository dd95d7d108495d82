// What a ServiceReport carries, field by field (mutation testing, issue 15). Facts: core/v1 Service
// (clusterIP None is headless; ports keep name, protocol, targetPort and, for NodePort and
// LoadBalancer, nodePort), v1 Endpoints are read by name in the Service's own namespace
// (pkg/controller/endpointslicemirroring), pods are selected in the Service's namespace only.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';

const yaml = (...docs: string[]) => analyze([{ name: 's.yaml', text: docs.join('\n---\n') }]);

describe('buildServices', () => {
  it('a NodePort Service\'s ports keep their nodePort and name; headless and selector are reported', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Service, metadata: {name: np, labels: {tier: web}}, spec: {type: NodePort, selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}, {name: dns, port: 53, protocol: UDP, nodePort: 30053}]}}',
      '{apiVersion: v1, kind: Service, metadata: {name: hl}, spec: {clusterIP: None, ports: [{port: 80}]}}');
    const np = a.services.find((s) => s.key === 'default/np');
    expect(np).toMatchObject({
      namespace: 'default', name: 'np', type: 'NodePort', headless: false, selector: { app: 'web' }, labels: { tier: 'web' }, system: false,
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53, nodePort: 30053 }],
    });
    expect(np?.endpoints.map((e) => e.port)).toEqual(np?.ports);
    expect(np?.ref).toMatchObject({ file: 's.yaml' });
    const hl = a.services.find((s) => s.key === 'default/hl');
    expect(hl).toMatchObject({ headless: true, clusterIP: 'None', selector: null });
    expect(hl?.ports[0]).toEqual({ port: 80, protocol: 'TCP', targetPort: 80 });
    expect(hl).not.toHaveProperty('externalName');
  });

  it('Endpoints of the same name in another namespace, and pods of another namespace, are not the Service\'s', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Namespace, metadata: {name: other}}',
      '{apiVersion: v1, kind: Service, metadata: {name: ext}, spec: {ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: ext, namespace: other}, subsets: [{addresses: [{ip: 192.168.50.9}], ports: [{port: 80}]}]}',
      '{apiVersion: v1, kind: Endpoints, metadata: {name: ext2}, subsets: [{addresses: [{ip: 192.168.50.8}], ports: [{port: 80}]}]}',
      '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: p, namespace: other, labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}');
    expect(a.services.find((s) => s.key === 'default/ext')?.backends).toEqual([]);
    expect(a.services.find((s) => s.key === 'default/web')?.backends).toEqual([]);
  });

  it('services sorted by namespace/name, the implicit ones among them', () => {
    const a = yaml(
      '{apiVersion: v1, kind: Namespace, metadata: {name: aaa}}',
      '{apiVersion: v1, kind: Service, metadata: {name: zeta}, spec: {ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Service, metadata: {name: alpha}, spec: {ports: [{port: 80}]}}',
      '{apiVersion: v1, kind: Service, metadata: {name: mid, namespace: aaa}, spec: {ports: [{port: 80}]}}');
    expect(a.services.map((s) => s.key)).toEqual(['aaa/mid', 'default/alpha', 'default/kubernetes', 'default/zeta', 'kube-system/kube-dns']);
    expect(a.services.map((s) => s.system)).toEqual([false, false, true, false, true]);
  });
});
