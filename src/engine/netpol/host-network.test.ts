// hostNetwork pods as peers (engine-spec §3 lab rule: "policies do not apply to them"), as the most
// common implementation does it — kubernetes.io "Network Policies", "NetworkPolicy and hostNetwork
// pods": the plugin "ignores hostNetwork pods when matching podSelector and namespaceSelector.
// Traffic to/from hostNetwork pods is treated the same as all other traffic to/from the node IP."
// Found by the probe-agreement property (laws/agreement.test.ts): allowed() let a namespaceSelector
// match a hostNetwork endpoint while the probe, which reaches it on its node's address, did not.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../index.js';
import type { CompiledNetwork } from './index.js';
import { probe } from '../service/probe.js';

const BASE = [
  '{apiVersion: v1, kind: Pod, metadata: {name: client, namespace: app, labels: {app: client}}, spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"]}]}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: web, namespace: app, labels: {app: web}}, spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"], ports: [{containerPort: 8080}]}]}}',
  '{apiVersion: v1, kind: Pod, metadata: {name: agent, namespace: app, labels: {app: agent}}, spec: {hostNetwork: true, nodeName: node01, containers: [{name: c, image: busybox, command: [sleep, "3600"], ports: [{containerPort: 9100, name: metrics}]}]}}',
  '{apiVersion: v1, kind: Service, metadata: {name: agent, namespace: app}, spec: {selector: {app: agent}, ports: [{port: 9100}]}}',
];
const world = (...policies: string[]): Analysis => analyze([{ name: 'c.yaml', text: [...BASE, ...policies].join('\n---\n') }]);
const egress = (to: string, ports = '') => `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: out, namespace: app}, spec: {podSelector: {matchLabels: {app: client}}, policyTypes: [Egress], egress: [{to: [${to}]${ports}}]}}`;
const ingress = (from: string) => `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: in, namespace: app}, spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress], ingress: [{from: [${from}]}]}}`;

describe('hostNetwork pods are their node\'s address to policies (engine-spec §3 lab rule)', () => {
  type Row = [string, string, string, string, number, boolean];
  const rows: Row[] = [
    ['egress to namespaceSelector {} does not reach a hostNetwork pod', egress('{namespaceSelector: {}}'), 'app/client', 'app/agent', 9100, false],
    ['egress to podSelector matching it does not either', egress('{podSelector: {matchLabels: {app: agent}}}'), 'app/client', 'app/agent', 9100, false],
    ['egress to an ipBlock holding the node address does', egress('{ipBlock: {cidr: 192.168.121.0/24}}'), 'app/client', 'app/agent', 9100, true],
    ['... unless an except removes the node', egress('{ipBlock: {cidr: 192.168.121.0/24, except: [192.168.121.11/32]}}'), 'app/client', 'app/agent', 9100, false],
    ['a named port does not resolve on a hostNetwork pod', egress('{ipBlock: {cidr: 192.168.121.0/24}}', ', ports: [{port: metrics}]'), 'app/client', 'app/agent', 9100, false],
    ['its number does', egress('{ipBlock: {cidr: 192.168.121.0/24}}', ', ports: [{port: 9100}]'), 'app/client', 'app/agent', 9100, true],
    ['ingress from podSelector {} does not admit a hostNetwork pod', ingress('{podSelector: {}}'), 'app/agent', 'app/web', 8080, false],
    ['ingress from the node address does', ingress('{ipBlock: {cidr: 192.168.121.11/32}}'), 'app/agent', 'app/web', 8080, true],
    ['pod-network pods still match the selector', ingress('{podSelector: {}}'), 'app/client', 'app/web', 8080, true],
  ];
  it.each(rows)('%s', (_name, policy, from, to, port, want) => {
    const a = world(policy);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const net = a.network as CompiledNetwork;
    expect(net.allowed(from, to, port, 'TCP')).toBe(want);
    expect(net.explain(from, to, port, 'TCP')?.allowed).toBe(want);
    const m = net.matrix(port, 'TCP');
    expect(m.rows[m.ids.indexOf(from)]?.has(m.ids.indexOf(to))).toBe(want);
  });

  it('a selector peer misses a hostNetwork pod as it misses any address off the pod network', () => {
    const miss = world(egress('{namespaceSelector: {}}')).network.explain('app/client', 'app/agent', 9100, 'TCP')?.egress.misses[0]?.peerMisses[0];
    expect(miss).toMatchObject({ reason: 'not-a-pod', detail: { ip: '192.168.121.11', hostNetwork: 'app/agent' } });
  });

  it('a probe through the Service gets the same verdict as the graph', () => {
    const denied = world(egress('{namespaceSelector: {}}'));
    // namespaceSelector {} admits the lookup (CoreDNS is on the pod network), not the agent.
    expect(probe(denied, { from: 'app/client', host: 'agent.app', port: 9100, protocol: 'TCP' })).toMatchObject({ outcome: 'timeout', reason: 'policy', endpoint: { id: 'app/agent', ip: '192.168.121.11', port: 9100 } });
    const ip = denied.services.find((s) => s.key === 'app/agent')?.clusterIP ?? '';
    expect(probe(denied, { from: 'app/client', host: ip, port: 9100, protocol: 'TCP' })).toMatchObject({ outcome: 'timeout', reason: 'policy' });
    const open = world(egress('{ipBlock: {cidr: 192.168.121.0/24}}'));
    expect(probe(open, { from: 'app/client', host: ip, port: 9100, protocol: 'TCP' }).outcome).toBe('connected');
  });
});
