// ping under each CNI. NetworkPolicy ports name TCP, UDP or SCTP only (networking/v1); an isolated
// direction admits ICMP only through a rule without ports: Calico (a k8s rule without ports has no
// protocol match; projectcalico/calico#2543: ingress allowing only TCP from B blocks B's ping) and
// Cilium (cilium/cilium#14609: "ICMP pings are automatically allowed if a policy permits all L3
// connectivity, but if that rule is made more granular to limit things to a specific set of TCP/UDP
// ports, L3 connectivity including ICMP is denied"). Flannel enforces nothing. A ClusterIP does not
// answer ping under kube-proxy's iptables mode (only its ports are DNATed; docs "Virtual IPs and
// Service Proxies").
import { describe, expect, it } from 'vitest';
import { ALLOW_DNS, DENY_EGRESS, FLANNEL, WEB_IN_80, probeCluster } from '../../testing/probe.js';
import { probeIcmp } from './icmp.js';

const from = 'prod/client';
const open = probeCluster();
const ipOf = (key: string) => open.pods.find((p) => p.key === key)?.pod.ip ?? '';
const ALL_FROM_CLIENT = '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: web-all, namespace: prod}, spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]}}';

describe('probeIcmp', () => {
  it.each([
    ['a pod, no policy', [], 'prod/web-a', 'reply', 'ok'],
    ['a pod whose ingress admits the client on TCP 80 only', [WEB_IN_80], 'prod/web-a', 'timeout', 'policy'],
    ['a pod whose ingress admits the client on every port (rule without ports)', [ALL_FROM_CLIENT], 'prod/web-a', 'reply', 'ok'],
    ['flannel: policies exist, nothing enforces them', [FLANNEL, WEB_IN_80, DENY_EGRESS], 'prod/web-a', 'reply', 'ok'],
  ] as const)('%s', (_, extra, target, outcome, reason) => {
    expect(probeIcmp(probeCluster(...extra), { from, host: ipOf(target) })).toMatchObject({ outcome, reason });
  });

  it('names the port entry that cannot match ICMP', () => {
    const r = probeIcmp(probeCluster(WEB_IN_80), { from, host: ipOf('prod/web-a') });
    expect(r.ingress?.misses[0]?.portMisses[0]).toMatchObject({ reason: 'protocol', detail: { protocol: 'TCP', wanted: 'ICMP' } });
  });

  it('a ClusterIP never answers; a name is looked up first', () => {
    expect(probeIcmp(open, { from, host: 'web-svc' })).toMatchObject({ outcome: 'timeout', reason: 'cluster-ip' });
    expect(probeIcmp(open, { from, host: 'web-headless' })).toMatchObject({ outcome: 'reply', address: ipOf('prod/web-a') });
    expect(probeIcmp(probeCluster(DENY_EGRESS), { from, host: 'web-headless' })).toMatchObject({ outcome: 'dns-timeout', reason: 'dns-policy' });
    expect(probeIcmp(open, { from, host: 'nope' }).outcome).toBe('nxdomain');
  });

  it('nodes and external hosts answer; the internet does not exist; egress is judged by ipBlock', () => {
    expect(probeIcmp(open, { from, host: '192.168.121.11' }).outcome).toBe('reply');
    expect(probeIcmp(open, { from, host: '203.0.113.10' }).outcome).toBe('reply');
    expect(probeIcmp(open, { from, host: '8.8.8.8' })).toMatchObject({ outcome: 'timeout', reason: 'no-route' });
    expect(probeIcmp(probeCluster(ALLOW_DNS), { from, host: '192.168.121.11' })).toMatchObject({ outcome: 'timeout', reason: 'policy' });
    expect(probeIcmp(probeCluster(DENY_EGRESS), { from, host: 'localhost' }).outcome).toBe('reply');
  });
});
