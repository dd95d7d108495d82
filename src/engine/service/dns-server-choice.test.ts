// Which CoreDNS endpoint a lookup goes to (mutation testing, issue 15). Facts: a pod's resolver sends
// its query to kube-system/kube-dns's ClusterIP on 53/UDP (kubelet --cluster-dns; kubeadm's kube-dns
// Service has ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP), and kube-proxy DNATs it to a ready
// endpoint of that Service port (pkg/proxy/iptables/proxier.go: only ready endpoints; none ⇒ the
// "has no endpoints" REJECT, and the resolver gives up). An EndpointSlice labelled
// kubernetes.io/service-name: kube-dns adds endpoints to it (kube-proxy reads every slice of the
// Service). kube-proxy picks at random; the lab takes the first ready endpoint in name order
// (engine-spec §8), and only an endpoint that is a pod can be judged by NetworkPolicy.
import { describe, expect, it } from 'vitest';
import { probeCluster } from '../../testing/probe.js';
import { probe } from './probe.js';

const lookup = (...extra: string[]) => probe(probeCluster(...extra), { from: 'prod/client', host: 'web-svc', port: 8080, protocol: 'TCP' });
const SLICE = (endpoints: string) =>
  `{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: kube-dns-extra, namespace: kube-system, labels: {kubernetes.io/service-name: kube-dns}}, addressType: IPv4, endpoints: [${endpoints}], ports: [{name: dns, port: 53, protocol: UDP}]}`;
const OWN_KUBE_DNS = (ports: string, selector = '{k8s-app: kube-dns}') =>
  `{apiVersion: v1, kind: Service, metadata: {name: kube-dns, namespace: kube-system}, spec: {clusterIP: 10.96.0.10, selector: ${selector}, ports: [${ports}]}}`;

describe('the cluster DNS Service', () => {
  it('is kube-system/kube-dns, not another Service of kube-system sorted before it', () => {
    const r = lookup('{apiVersion: v1, kind: Service, metadata: {name: aaa, namespace: kube-system}, spec: {selector: {app: none}, ports: [{port: 53, protocol: UDP}]}}');
    expect(r).toMatchObject({ outcome: 'connected', dns: { allowed: true } });
    expect(r.dns?.serverPod).toMatch(/^kube-system\/coredns-/);
  });
  it('its 53/UDP port is the one used, wherever it is in the list', () => {
    const r = lookup(OWN_KUBE_DNS('{name: other, port: 5353, protocol: UDP, targetPort: 5454}, {name: metrics, port: 9153}, {name: dns-tcp, port: 53, protocol: TCP, targetPort: 5300}, {name: dns, port: 53, protocol: UDP}'));
    expect(r.dns?.serverPod).toMatch(/^kube-system\/coredns-/);
    expect(r.dns?.explanation).toMatchObject({ port: 53, protocol: 'UDP' });
  });
  it('without a 53/UDP port there is no DNS endpoint to send the query to', () => {
    expect(lookup(OWN_KUBE_DNS('{name: dns-tcp, port: 53, protocol: TCP}'))).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-no-server', dns: { serverPod: null } });
  });
  it('without a ready endpoint the query is rejected: no server, not allowed, no answer', () => {
    const r = lookup(OWN_KUBE_DNS('{name: dns, port: 53, protocol: UDP}', '{app: none}'));
    expect(r).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-no-server', dns: { server: '10.96.0.10', serverPod: null, allowed: false, answer: null, explanation: null } });
  });
});

describe('the endpoint chosen', () => {
  const AAA = '{apiVersion: v1, kind: Pod, metadata: {name: aaa-dns, namespace: kube-system}, spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"]}]}}';
  it('the first ready pod in name order, even when it comes from a hand-written slice', () => {
    const a = probeCluster(AAA);
    const ip = a.pods.find((p) => p.key === 'kube-system/aaa-dns')?.pod.ip ?? '';
    expect(ip).not.toBe('');
    const r = lookup(AAA, SLICE(`{addresses: ['${ip}'], targetRef: {kind: Pod, name: aaa-dns, namespace: kube-system}}`));
    expect(r.dns).toMatchObject({ serverPod: 'kube-system/aaa-dns', allowed: true });
  });
  it('an endpoint that is no pod is never chosen, though its key sorts first', () => {
    const r = lookup(SLICE('{addresses: [192.168.50.53]}'));
    expect(r).toMatchObject({ outcome: 'connected', dns: { allowed: true } });
    expect(r.dns?.serverPod).toMatch(/^kube-system\/coredns-/);
  });
  it('a pod that is not ready is never chosen: the scenario\'s only kube-dns pod cannot pull', () => {
    const r = lookup(
      '{apiVersion: lab/v1, kind: Registry, metadata: {name: r}, spec: {server: reg.example.com, images: []}}',
      '{apiVersion: v1, kind: Pod, metadata: {name: aaa-dns, namespace: kube-system, labels: {k8s-app: kube-dns}}, spec: {containers: [{name: c, image: reg.example.com/coredns}]}}');
    expect(r).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-no-server', dns: { serverPod: null, allowed: false } });
  });
});
