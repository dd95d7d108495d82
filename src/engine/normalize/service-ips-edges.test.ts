// Service allocation edges, kubeadm defaults: --service-cluster-ip-range 10.96.0.0/12 (IPv4 only:
// an IPv6 clusterIP is outside it) and --service-node-port-range 30000-32767, both ends inclusive
// (pkg/registry/core/service/portallocator: "provided port is not in the valid range"); the
// well-known 10.96.0.10 belongs to kube-system/kube-dns, which may declare it.
import { describe, expect, it } from 'vitest';
import { run } from '../../testing/normalize.js';

const svc = (spec: string, name = 'web', ns = 'default') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: ${spec}`;
const errs = (yaml: string) => run(yaml).errors.map((e) => e.message);

describe('service allocation edges', () => {
  it('an IPv6 clusterIP is outside the IPv4 service range, even one whose first bytes read like 10.96.0.5', () => {
    expect(errs(svc('{clusterIP: "a60:5::", ports: [{port: 80}]}'))).toEqual([
      'spec.clusterIPs: Invalid value: []string{"a60:5::"}: failed to allocate IP a60:5::: the provided IP (a60:5::) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
  });

  it('kube-system/kube-dns may declare its well-known address', () => {
    const r = run(svc('{clusterIP: 10.96.0.10, ports: [{port: 53, protocol: UDP}]}', 'kube-dns', 'kube-system'));
    expect(r.errors).toEqual([]);
    expect(r.full.services.find((s) => s.name === 'kube-dns')?.clusterIP).toBe('10.96.0.10');
  });

  it('another Service may not take it', () => {
    expect(errs(svc('{clusterIP: 10.96.0.10, ports: [{port: 53}]}'))).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ]);
  });

  it.each([30000, 32767])('nodePort %i is in range', (port) => {
    expect(errs(svc(`{type: NodePort, ports: [{port: 80, nodePort: ${port}}]}`))).toEqual([]);
  });

  it.each([29999, 32768])('nodePort %i is not', (port) => {
    expect(errs(svc(`{type: NodePort, ports: [{port: 80, nodePort: ${port}}]}`))).toEqual([
      `spec.ports[0].nodePort: Invalid value: ${port}: provided port is not in the valid range. The range of valid ports is 30000-32767`,
    ]);
  });
});
