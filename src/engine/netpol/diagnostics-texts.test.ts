// Each NetworkPolicy warning in full: message, params, ref and object (engine-spec §2). The
// table in diagnostics.test.ts asks which codes; this file pins what each says. Issue 15: written
// ahead of the mutation run of netpol.
import { describe, expect, it } from 'vitest';
import { cluster, coreDnsPod, namespace, pod, policy, sel, type ClusterSpec, type Manifest } from '../../testing/netpol.js';
import { compileNetwork } from './index.js';

const base = (policies: Manifest[], more: Partial<ClusterSpec> = {}) => cluster({
  namespaces: [namespace('app', { team: 'blue' })],
  pods: [pod('app/web', { labels: { app: 'web' } }), pod('app/db', { labels: { app: 'db' } }), coreDnsPod()],
  policies, ...more,
});
const diag = (code: string, policies: Manifest[], more: Partial<ClusterSpec> = {}) =>
  compileNetwork(base(policies, more)).diagnostics.filter((d) => d.code === code);

describe('namespace-selector-unmatched', () => {
  it('names the selector and the policy, says how every namespace is labelled, points at namespaceSelector', () => {
    const [d, ...rest] = diag('namespace-selector-unmatched', [policy('app/p', { egress: [{ peers: [{ namespaces: sel({ team: 'red' }) }] }, { peers: [{ cidr: '10.0.0.0/8' }] }] })]);
    expect(rest).toEqual([]);
    expect(d?.severity).toBe('warning');
    expect(d?.object).toBe('NetworkPolicy/app/p');
    expect(d?.params).toEqual({ policy: 'app/p', selector: 'team=red', direction: 'egress' });
    expect(d?.ref?.path).toEqual(['spec', 'egress', 0, 'to', 0, 'namespaceSelector']);
    expect(d?.message).toBe("namespaceSelector team=red in NetworkPolicy 'app/p' matches no namespace: no namespace has these labels. " +
      'Every namespace carries kubernetes.io/metadata.name=<its name>; select on that, or add the label to the namespace.');
  });

  it.each(['kube-system', 'kube-public', 'kube-node-lease'])('a system namespace (%s) matches though the scenario does not declare it', (ns) => {
    expect(diag('namespace-selector-unmatched', [policy('app/p', { ingress: [{ peers: [{ namespaces: sel({ 'kubernetes.io/metadata.name': ns }) }] }] })])).toEqual([]);
  });

  it('a namespace the scenario only uses (a pod in it) matches by its name label', () => {
    expect(diag('namespace-selector-unmatched', [policy('app/p', { ingress: [{ peers: [{ namespaces: sel({ 'kubernetes.io/metadata.name': 'other' }) }] }] })],
      { pods: [pod('app/web', { labels: { app: 'web' } }), pod('other/x'), coreDnsPod()] })).toEqual([]);
    expect(diag('namespace-selector-unmatched', [policy('app/p', { ingress: [{ peers: [{ namespaces: sel({ 'kubernetes.io/metadata.name': 'nowhere' }) }] }] })])).toHaveLength(1);
  });

  it('one warning per peer that misses, in both directions', () => {
    const d = diag('namespace-selector-unmatched', [policy('app/p', {
      ingress: [{ peers: [{ namespaces: sel({ team: 'red' }) }, { namespaces: sel({ team: 'green' }) }] }],
      egress: [{ peers: [{ namespaces: sel({ team: 'red' }), pods: sel({ app: 'db' }) }] }],
    })]);
    expect(d.map((x) => [x.params?.direction, x.params?.selector])).toEqual([['ingress', 'team=red'], ['ingress', 'team=green'], ['egress', 'team=red']]);
  });
});

describe('policy-selects-nothing', () => {
  it('params and message, in full', () => {
    const [d] = diag('policy-selects-nothing', [policy('app/q', { podSelector: sel({ app: 'x' }), ingress: [{}] })]);
    expect(d?.params).toEqual({ policy: 'app/q', namespace: 'app', selector: 'app=x' });
    expect(d?.message).toBe("NetworkPolicy 'app/q' selects no pod: podSelector app=x matches no pod in namespace app, so the policy has no effect.");
  });
});

describe('egress-blocks-dns', () => {
  it('one pod: named alone; the ref is spec.egress when the policy has egress rules', () => {
    const [d] = diag('egress-blocks-dns', [policy('app/p', { podSelector: sel({ app: 'web' }), egress: [{ peers: [{ pods: sel({ app: 'db' }) }] }] })]);
    expect(d?.params).toEqual({ policy: 'app/p', pod: 'app/web', more: 0 });
    expect(d?.ref?.path).toEqual(['spec', 'egress']);
    expect(d?.object).toBe('NetworkPolicy/app/p');
    expect(d?.message).toBe("NetworkPolicy 'app/p' isolates egress of app/web, and no egress rule lets them reach DNS (UDP port 53 in kube-system): " +
      "name lookups such as 'curl http://my-service' will fail. Fix: add an egress rule with " +
      'to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}] and ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}].');
  });

  it('three pods: the first and "2 more pods"', () => {
    const [d] = diag('egress-blocks-dns', [policy('app/p', { policyTypes: ['Egress'] })],
      { pods: [pod('app/a'), pod('app/b'), pod('app/c'), coreDnsPod()] });
    expect(d?.params).toEqual({ policy: 'app/p', pod: 'app/a', more: 2 });
    expect(d?.message).toContain("isolates egress of app/a (and 2 more pods), and no egress rule");
  });

  it('hostNetwork pods are left out (policies never isolate them): none left, no warning', () => {
    expect(diag('egress-blocks-dns', [policy('app/p', { policyTypes: ['Egress'] })],
      { pods: [pod('app/h', { hostNetwork: true }), coreDnsPod()] })).toEqual([]);
    const [d] = diag('egress-blocks-dns', [policy('app/p', { policyTypes: ['Egress'] })],
      { pods: [pod('app/h', { hostNetwork: true }), pod('app/z'), coreDnsPod()] });
    expect(d?.params).toEqual({ policy: 'app/p', pod: 'app/z', more: 0 });
  });

  it('a pod that reaches DNS through another policy is not counted', () => {
    const [d] = diag('egress-blocks-dns', [
      policy('app/p', { policyTypes: ['Egress'] }),
      policy('app/dns', { podSelector: sel({ app: 'web' }), egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }),
    ]);
    expect(d?.params).toEqual({ policy: 'app/p', pod: 'app/db', more: 0 });
  });
});

describe('cni-not-enforcing', () => {
  it('one policy: "the 1 policy exists (kubectl get netpol lists it)", params, at the Cluster object', () => {
    const d = compileNetwork(base([policy('app/a', { ingress: [{}] })], { cni: 'flannel' })).diagnostics.filter((x) => x.code === 'cni-not-enforcing');
    expect(d).toHaveLength(1);
    expect(d[0]?.params).toEqual({ cni: 'flannel', count: 1 });
    expect(d[0]?.severity).toBe('warning');
    expect(d[0]?.ref?.path).toEqual([]);
    expect(d[0]?.message).toBe("The cluster's CNI is flannel, which does not enforce NetworkPolicy: the 1 policy exists " +
      '(kubectl get netpol lists it) but every connection is allowed. Use a CNI that enforces policies, such as calico or cilium.');
  });

  it('two policies: "policies exist (… lists them)"', () => {
    const [d] = compileNetwork(base([policy('app/a', { ingress: [{}] }), policy('app/b', { ingress: [{}] })], { cni: 'flannel' })).diagnostics.filter((x) => x.code === 'cni-not-enforcing');
    expect(d?.message).toContain('the 2 policies exist (kubectl get netpol lists them) but');
    expect(d?.params).toEqual({ cni: 'flannel', count: 2 });
  });
});
