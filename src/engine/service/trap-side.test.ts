// Which side of a denied Service connection the trap is named on (mutation testing, issue 15).
// Facts: policies see the packet after kube-proxy's DNAT (docs "Virtual IPs and Service Proxies";
// Calico and Cilium evaluate the translated packet), so a rule for the Service's port admits nothing
// when the target port differs; a connection needs the client's egress AND the server's ingress
// (docs "Network Policies"). When the server's ingress admits every port and the client's egress
// admits only the Service port, the egress rule is the trap, not the ingress policy that admits both.
import { describe, expect, it } from 'vitest';
import { probeCluster } from '../../testing/probe.js';
import { probe } from './probe.js';

const WEB_ALL = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: web-all, namespace: prod}, spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]}}';
const CLIENT_OUT_8080 = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: client-out, namespace: prod}, spec: {podSelector: {matchLabels: {app: client}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}, {ports: [{port: 53, protocol: UDP}]}]}}';

describe('serviceTrap', () => {
  it('names the egress rule when the ingress side admits every port', () => {
    const r = probe(probeCluster(WEB_ALL, CLIENT_OUT_8080), { from: 'prod/client', host: 'web-svc', port: 8080, protocol: 'TCP' });
    expect(r).toMatchObject({ outcome: 'timeout', reason: 'policy', service: { port: 8080, targetPort: 80 } });
    expect(r.explanation?.ingress.allowed).toBe(true);
    expect(r.serviceTrap).toEqual({ servicePort: 8080, targetPort: 80, policy: 'prod/client-out', direction: 'Egress' });
  });
});
