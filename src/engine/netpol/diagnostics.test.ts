// Warnings of engine-spec §2 for NetworkPolicy; DNS facts from kubeadm's CoreDNS deployment
// (kube-system, label k8s-app: kube-dns, ports dns UDP 53 / dns-tcp TCP 53).
import { describe, expect, it } from 'vitest';
import { SYSTEM_SERVICES } from '../cluster/system.js';
import { cluster, coreDnsPod, namespace, pod, policy, sel, type ClusterSpec, type Manifest } from '../../testing/netpol.js';
import { compileNetwork } from './index.js';

const base = (policies: Manifest[], more: Partial<ClusterSpec> = {}) => cluster({
  namespaces: [namespace('app', { team: 'blue' })],
  pods: [pod('app/web', { labels: { app: 'web' } }), pod('app/db', { labels: { app: 'db' } }), coreDnsPod()],
  policies, ...more,
});
const codes = (policies: Manifest[], more: Partial<ClusterSpec> = {}) =>
  compileNetwork(base(policies, more)).diagnostics.map((d) => d.code).sort();
const toKubeSystem = { namespaces: sel({ 'kubernetes.io/metadata.name': 'kube-system' }) };

describe('network diagnostics', () => {
  it.each<[string, Manifest[], string[]]>([
    ['a sound policy: nothing', [policy('app/p', { podSelector: sel({ app: 'web' }), ingress: [{}] })], []],
    ['selects no pod', [policy('app/p', { podSelector: sel({ app: 'nope' }), ingress: [{}] })], ['policy-selects-nothing']],
    ['namespaceSelector no namespace has', [policy('app/p', { ingress: [{ peers: [{ namespaces: sel({ team: 'red' }) }] }] })], ['namespace-selector-unmatched']],
    ['namespaceSelector some namespace has', [policy('app/p', { ingress: [{ peers: [{ namespaces: sel({ team: 'blue' }) }] }] })], []],
    ['empty namespaceSelector is fine', [policy('app/p', { ingress: [{ peers: [{ namespaces: sel() }] }] })], []],
    ['egress deny-all blocks DNS', [policy('app/p', { policyTypes: ['Egress'] })], ['egress-blocks-dns']],
    ['egress to the db only blocks DNS', [policy('app/p', { egress: [{ peers: [{ pods: sel({ app: 'db' }) }] }] })], ['egress-blocks-dns']],
    ['egress TCP 53 only still blocks DNS (UDP first)', [policy('app/p', { egress: [{ peers: [toKubeSystem], ports: [{ port: 53 }] }] })], ['egress-blocks-dns']],
    ['egress UDP 53 to kube-system allows DNS', [policy('app/p', { egress: [{ peers: [toKubeSystem], ports: [{ port: 53, protocol: 'UDP' }] }] })], []],
    ['egress UDP 53 to anything allows DNS', [policy('app/p', { egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })], []],
    ['egress to kube-dns by named port', [policy('app/p', { egress: [{ peers: [{ ...toKubeSystem, pods: sel({ 'k8s-app': 'kube-dns' }) }], ports: [{ port: 'dns', protocol: 'UDP' }] }] })], []],
    ['egress to 0.0.0.0/0 allows DNS', [policy('app/p', { egress: [{ peers: [{ cidr: '0.0.0.0/0' }] }] })], []],
    ['DNS allowed by a second policy on the same pods', [policy('app/p', { policyTypes: ['Egress'] }), policy('app/dns', { egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })], []],
    ['ingress-only policy never warns about DNS', [policy('app/p', { ingress: [] })], []],
    // pkg/apis/networking/v1 types.go: policyTypes lists the directions the policy applies to;
    // rules of another direction are kept by the API server and enforced by no CNI.
    ['ingress rules with policyTypes [Egress] are ignored', [policy('app/p', { policyTypes: ['Egress'], ingress: [{}], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })], ['rules-ignored']],
    ['egress rules with policyTypes [Ingress] are ignored', [policy('app/p', { policyTypes: ['Ingress'], egress: [{}] })], ['rules-ignored']],
    ['ingress: [] with policyTypes [Egress] has no rule to ignore', [policy('app/p', { policyTypes: ['Egress'], ingress: [], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })], []],
  ])('%s', (_name, policies, want) => {
    expect(codes(policies)).toEqual(want);
  });

  // Policies see the pod address after kube-proxy's DNAT (docs "Virtual IPs and Service Proxies";
  // Calico and Cilium evaluate policy on the translated destination): an ipBlock for the kube-dns
  // ClusterIP admits nothing, one for the CoreDNS pod's address does.
  it('DNS check uses the CoreDNS pods, after DNAT', () => {
    const toPod = [policy('app/p', { egress: [{ peers: [{ cidr: '10.244.0.53/32' }], ports: [{ port: 53, protocol: 'UDP' }] }] })];
    // The engine's own kube-dns ClusterIP (kubeadm's 10.96.0.10, pinned in service/endpoints.test.ts), not a copy.
    const kubeDns = SYSTEM_SERVICES.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns')?.clusterIP;
    expect(kubeDns).toBeTruthy();
    const toClusterIP = [policy('app/p', { egress: [{ peers: [{ cidr: `${kubeDns}/32` }], ports: [{ port: 53, protocol: 'UDP' }] }] })];
    expect(codes(toPod)).toEqual([]);
    expect(codes(toClusterIP)).toEqual(['egress-blocks-dns']);
  });

  it('messages name the policy, the pods and the fix; refs point at the field', () => {
    const d = compileNetwork(base([policy('app/p', { policyTypes: ['Egress'] }), policy('app/q', { podSelector: sel({ app: 'x' }) })])).diagnostics;
    const dns = d.find((x) => x.code === 'egress-blocks-dns');
    expect(dns?.severity).toBe('warning');
    expect(dns?.message).toContain("NetworkPolicy 'app/p' isolates egress of app/db (and 1 more pod)");
    expect(dns?.message).toContain('kubernetes.io/metadata.name: kube-system');
    expect(dns?.message).toContain('{protocol: UDP, port: 53}');
    expect(dns?.ref?.path).toEqual(['spec', 'policyTypes']);
    const none = d.find((x) => x.code === 'policy-selects-nothing');
    expect(none?.message).toContain("NetworkPolicy 'app/q' selects no pod: podSelector app=x");
    expect(none?.ref?.path).toEqual(['spec', 'podSelector']);
    expect(none?.object).toBe('NetworkPolicy/app/q');
  });

  it.each([['flannel', 1], ['kindnet-legacy', 1], ['kindnet', 0], ['calico', 0], ['cilium', 0]] as const)('CNI %s: %i not-enforcing warning', (cni, n) => {
    const d = compileNetwork(base([policy('app/a', { ingress: [{}] }), policy('app/b', { ingress: [{}] })], { cni })).diagnostics;
    const w = d.filter((x) => x.code === 'cni-not-enforcing');
    expect(w).toHaveLength(n);
    if (n) expect(w[0]?.message).toContain(`CNI is ${cni}, which does not enforce NetworkPolicy: the 2 policies exist`);
  });

  it('no not-enforcing warning when there is no policy to enforce', () => {
    expect(codes([], { cni: 'flannel' })).toEqual([]);
  });
});

describe('rules a policyTypes list leaves out', () => {
  it('names the policy, the direction and both fixes, at spec.ingress', () => {
    const d = compileNetwork(base([policy('app/p', { policyTypes: ['Egress'], ingress: [{}], egress: [{}] })])).diagnostics
      .find((x) => x.code === 'rules-ignored');
    expect(d?.severity).toBe('warning');
    expect(d?.ref?.path).toEqual(['spec', 'ingress']);
    expect(d?.message).toBe("NetworkPolicy 'app/p' has ingress rules, but its policyTypes [Egress] does not include Ingress, " +
      'so they are ignored and this policy does not isolate ingress. Add Ingress to policyTypes, or remove spec.ingress.');
  });
});
