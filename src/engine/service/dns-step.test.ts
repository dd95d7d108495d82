// The DNS flow of a probe (engine-spec §8), at its edges (mutation testing, issue 15). Facts: the
// resolver's nameserver is kube-system/kube-dns's ClusterIP (kubelet --cluster-dns; docs "DNS for
// Services and Pods"), whatever other Service is called kube-dns; kube-proxy DNATs the query to a
// CoreDNS pod (the lab: the first ready one in name order); a query a CoreDNS pod sends to itself
// is traffic from a pod to itself, which the lab does not judge (engine-spec: "Traffic from a pod to
// itself is not reported"; the same rule as a probe to a pod's own IP, service/target.ts).
import { describe, expect, it } from 'vitest';
import { probeCluster } from '../../testing/probe.js';
import { probe } from './probe.js';

const DENY_KUBE_SYSTEM = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: deny, namespace: kube-system}, spec: {podSelector: {}, policyTypes: [Ingress, Egress]}}';
const OTHER_KUBE_DNS = [
  '{apiVersion: v1, kind: Namespace, metadata: {name: apps}}',
  '{apiVersion: v1, kind: Service, metadata: {name: kube-dns, namespace: apps}, spec: {selector: {app: none}, ports: [{port: 53, protocol: UDP}]}}',
];

describe('dnsStep', () => {
  it('a Service named kube-dns in another namespace is not the cluster DNS', () => {
    const r = probe(probeCluster(...OTHER_KUBE_DNS), { from: 'prod/client', host: 'web-svc', port: 8080, protocol: 'TCP' });
    expect(r).toMatchObject({ outcome: 'connected', dns: { server: '10.96.0.10', allowed: true } });
    expect(r.dns?.serverPod).toMatch(/^kube-system\/coredns-/);
  });
  it('the CoreDNS pod that answers may ask itself under a deny-all; the other one may not', () => {
    const a = probeCluster(DENY_KUBE_SYSTEM);
    const coredns = a.pods.filter((p) => p.key.startsWith('kube-system/coredns-')).map((p) => p.key);
    expect(coredns).toHaveLength(2);
    const [first, second] = coredns as [string, string];
    const self = probe(a, { from: first, host: 'kubernetes.default', port: 443, protocol: 'TCP' });
    expect(self.dns).toMatchObject({ serverPod: first, allowed: true, answer: { status: 'NOERROR' } });
    const other = probe(a, { from: second, host: 'kubernetes.default', port: 443, protocol: 'TCP' });
    expect(other).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-policy', dns: { serverPod: first, allowed: false, answer: null } });
  });
});
