// A port of kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, context
// "NetworkPolicy between server and client" (the 9-pod model of model.go: namespaces x, y, z,
// pods a, b, c, ports 80/81 on TCP, UDP, SCTP named serve-<port>-<proto>), with the truth
// tables of reachability.go (default true, loopback ignored). Each test keeps its upstream
// name; tests that create, update or delete policies mid-way assert every stage.
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../model/index.js';
import { NO_DIFF, Reachability, e2eCluster, e2eFrom as from, e2eGen as gen, expr, observeAll, policy, sel, type Manifest } from '../../../testing/netpol.js';

const NS = 'kubernetes.io/metadata.name';
function check(policies: Manifest[], port: number, protocol: Protocol, reach: Reachability, labels: Parameters<typeof e2eCluster>[1] = {}): void {
  expect(observeAll(e2eCluster(policies, labels), port, protocol, reach)).toEqual(NO_DIFF);
}
const R = () => new Reachability();

describe('Netpol NetworkPolicy between server and client', () => {
  it("should support a 'default-deny-ingress' policy", () => {
    check([gen('x/deny-ingress', sel(), { ingress: [] })], 80, 'TCP', R().expectPeer({}, { ns: 'x' }, false));
  });

  it("should support a 'default-deny-all' policy", () => {
    check([gen('x/deny-all', sel(), { ingress: [], egress: [] })], 80, 'TCP',
      R().expectPeer({}, { ns: 'x' }, false).expectPeer({ ns: 'x' }, {}, false));
  });

  it('should enforce policy to allow traffic from pods within server namespace based on PodSelector', () => {
    check([gen('x/x-a-allows-x-b', sel({ pod: 'a' }), { ingress: [from({ pods: sel({ pod: 'b' }) })] })], 80, 'TCP',
      R().expectAllIngress('x/a', false).expect('x/b', 'x/a', true));
  });

  it('should enforce policy to allow ingress traffic for a target', () => {
    check([
      gen('x/deny-all', sel(), { ingress: [] }),
      gen('x/allow-all-to-a', sel({ pod: 'a' }), { ingress: [from({ pods: sel(), namespaces: sel() })] }),
    ], 80, 'TCP', R().expectAllIngress('x/a', true).expectAllIngress('x/b', false).expectAllIngress('x/c', false));
  });

  it('should enforce policy to allow ingress traffic from pods in all namespaces', () => {
    check([gen('x/allow-from-another-ns', sel({ pod: 'a' }), { ingress: [from({ namespaces: sel({}) })] })], 80, 'TCP', R());
  });

  it('should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', () => {
    check([gen('x/allow-client-a-via-ns-selector', sel({ pod: 'a' }), { ingress: [from({ namespaces: sel({ [NS]: 'y' }) })] })], 80, 'TCP',
      R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false));
  });

  it('should enforce policy based on PodSelector with MatchExpressions', () => {
    check([gen('x/x-a-allows-x-b', sel({ pod: 'a' }), { ingress: [from({ pods: sel({}, [expr('pod', 'In', ['b'])]) })] })], 80, 'TCP',
      R().expectAllIngress('x/a', false).expect('x/b', 'x/a', true));
  });

  it('should enforce policy based on NamespaceSelector with MatchExpressions', () => {
    check([gen('x/allow-ns-y-match-selector', sel({ pod: 'a' }), { ingress: [from({ namespaces: sel({}, [expr(NS, 'In', ['y'])]) })] })], 80, 'TCP',
      R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false));
  });

  it('should enforce policy based on PodSelector or NamespaceSelector', () => {
    check([gen('x/allow-ns-y-match-selector', sel({ pod: 'a' }), {
      ingress: [from({ namespaces: sel({}, [expr(NS, 'NotIn', ['x'])]) }, { pods: sel({ pod: 'b' }) })],
    })], 80, 'TCP', R().expect('x/a', 'x/a', false).expect('x/c', 'x/a', false));
  });

  it('should enforce policy based on PodSelector and NamespaceSelector', () => {
    check([gen('x/allow-ns-y-podselector-and-nsselector', sel({ pod: 'a' }), {
      ingress: [from({ namespaces: sel({}, [expr(NS, 'NotIn', ['x'])]), pods: sel({ pod: 'b' }) })],
    })], 80, 'TCP', R().expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true));
  });

  it('should enforce policy based on Multiple PodSelectors and NamespaceSelectors', () => {
    check([gen('x/allow-ns-y-z-pod-b-c', sel({ pod: 'a' }), {
      ingress: [from({ namespaces: sel({}, [expr(NS, 'NotIn', ['x'])]), pods: sel({}, [expr('pod', 'In', ['b', 'c'])]) })],
    })], 80, 'TCP', R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expect('y/a', 'x/a', false).expect('z/a', 'x/a', false));
  });

  it('should enforce policy based on any PodSelectors', () => {
    check([gen('x/allow-ns-x-pod-b-c', sel({ pod: 'a' }), { ingress: [from({ pods: sel({ pod: 'b' }) }, { pods: sel({ pod: 'c' }) })] })], 80, 'TCP',
      R().expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true));
  });

  it('should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector', () => {
    check([gen('x/allow-ns-y-pod-a-via-namespace-pod-selector', sel({ pod: 'a' }), {
      ingress: [from({ namespaces: sel({ [NS]: 'y' }), pods: sel({ pod: 'a' }) })],
    })], 80, 'TCP', R().expectAllIngress('x/a', false).expect('y/a', 'x/a', true));
  });

  it('should enforce policy based on Ports', () => {
    check([gen('x/allow-client-a-via-ns-selector', sel({ pod: 'a' }), {
      ingress: [{ peers: [{ namespaces: sel({ [NS]: 'y' }) }], ports: [{ port: 81, protocol: 'TCP' }] }],
    })], 81, 'TCP', R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false));
  });

  it('should enforce multiple, stacked policies with overlapping podSelectors', () => {
    const allow = (name: string, port: number) => gen(`x/${name}`, sel({ pod: 'a' }), {
      ingress: [{ peers: [{ namespaces: sel({ [NS]: 'y' }) }], ports: [{ port, protocol: 'TCP' }] }],
    });
    const reachAllow = () => R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    const stage1 = [allow('allow-client-a-via-ns-selector', 81)];
    check(stage1, 81, 'TCP', reachAllow()); // Verifying traffic on port 81.
    check(stage1, 80, 'TCP', R().expectAllIngress('x/a', false)); // Verifying traffic on port 80.
    // Verifying that we can add a policy to unblock port 80
    check([...stage1, allow('allow-client-a-via-ns-selector-80', 80)], 80, 'TCP', reachAllow());
  });

  it('should support allow-all policy', () => {
    const p = [gen('x/allow-all', sel({}), { ingress: [{}] })];
    check(p, 80, 'TCP', R());
    check(p, 81, 'TCP', R());
  });

  it('should allow ingress access on one named port', () => {
    const p = [gen('x/allow-all', sel({}), { ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })];
    check(p, 81, 'TCP', R());
    check(p, 80, 'TCP', R().expectPeer({}, { ns: 'x' }, false));
  });

  it('should allow ingress access from namespace on one named port', () => {
    const p = [gen('x/allow-client-a-via-ns-selector-80', sel({ pod: 'a' }), {
      ingress: [{ peers: [{ namespaces: sel({ [NS]: 'y' }) }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }],
    })];
    check(p, 80, 'TCP', R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false));
    check(p, 81, 'TCP', R().expectAllIngress('x/a', false));
  });

  it('should allow egress access on one named port', () => {
    const p = [gen('x/allow-egress', sel({}), { egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })];
    check(p, 80, 'TCP', R());
    check(p, 81, 'TCP', R().expectPeer({ ns: 'x' }, {}, false));
  });

  it('should enforce updated policy', () => {
    check([gen('x/allow-all-mutate-to-deny-all', sel({}), { ingress: [{}] })], 81, 'TCP', R());
    // part 2) update the policy to deny all
    check([gen('x/allow-all-mutate-to-deny-all', sel({}), { ingress: [] })], 81, 'TCP', R().expectPeer({}, { ns: 'x' }, false));
  });

  it('should allow ingress access from updated namespace', () => {
    const p = [gen('x/allow-client-a-via-ns-selector', sel({ pod: 'a' }), { ingress: [from({ namespaces: sel({ ns2: 'updated' }) })] })];
    check(p, 80, 'TCP', R().expectAllIngress('x/a', false));
    // add a new label: anything from namespace 'y' should be able to get to x/a
    check(p, 80, 'TCP', R().expectAllIngress('x/a', false).expectPeer({ ns: 'y' }, {}, true), { nsLabels: { y: { ns2: 'updated' } } });
  });

  it('should allow ingress access from updated pod', () => {
    const p = [gen('x/allow-client-a-via-pod-selector', sel({ pod: 'a' }), { ingress: [from({ pods: sel({ pod: 'b', pod2: 'updated' }) })] })];
    check(p, 80, 'TCP', R().expectAllIngress('x/a', false));
    // x/b is able to reach x/a when label is updated
    check(p, 80, 'TCP', R().expectAllIngress('x/a', false).expect('x/b', 'x/a', true), { podLabels: { 'x/b': { pod2: 'updated' } } });
  });

  it('should deny ingress from pods on other namespaces', () => {
    check([gen('x/deny-empty-policy', sel(), { ingress: [from({ pods: sel({}) })] })], 80, 'TCP',
      R().expectPeer({ ns: 'y' }, { ns: 'x' }, false).expectPeer({ ns: 'z' }, { ns: 'x' }, false));
  });

  it('should deny ingress access to updated pod', () => {
    const p = [gen('x/deny-ingress-via-label-selector', sel({ target: 'isolated' }), { ingress: [] })];
    check(p, 80, 'TCP', R()); // Verify that everything can reach x/a
    check(p, 80, 'TCP', R().expectAllIngress('x/a', false), { podLabels: { 'x/a': { target: 'isolated' } } });
  });

  it('should deny egress from pods based on PodSelector', () => {
    check([gen('x/deny-egress-pod-a', sel({ pod: 'a' }), { egress: [] })], 80, 'TCP', R().expectAllEgress('x/a', false));
  });

  it('should deny egress from all pods in a namespace', () => {
    check([gen('x/deny-egress-ns-x', sel(), { egress: [] })], 80, 'TCP', R().expectPeer({ ns: 'x' }, {}, false));
  });

  it('should work with Ingress, Egress specified together', () => {
    const p = [policy('x/allow-client-a-via-pod-selector', {
      podSelector: sel({ pod: 'a' }), policyTypes: ['Egress', 'Ingress'],
      ingress: [from({ pods: sel({ pod: 'b' }) })], egress: [{ ports: [{ port: 80 }] }],
    })];
    check(p, 80, 'TCP', R().expectAllIngress('x/a', false).expect('x/b', 'x/a', true));
    // validating that port 81 doesn't work
    check(p, 81, 'TCP', R().expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true));
  });

  it('should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)', () => {
    const xa = { namespaces: sel({ [NS]: 'x' }), pods: sel({ pod: 'a' }) };
    check([
      gen('x/allow-to-ns-y-pod-a', sel({ pod: 'a' }), { egress: [{ peers: [{ namespaces: sel({ [NS]: 'y' }), pods: sel({ pod: 'a' }) }] }] }),
      gen('y/allow-from-xa-on-ya-match-selector', sel({ pod: 'a' }), { ingress: [from(xa)] }),
      gen('y/allow-from-xa-on-yb-match-selector', sel({ pod: 'b' }), { ingress: [from(xa)] }),
    ], 80, 'TCP', R().expectPeer({ ns: 'x', pod: 'a' }, {}, false).expectPeer({}, { ns: 'y', pod: 'a' }, false)
      .expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y', pod: 'a' }, true).expectPeer({}, { ns: 'y', pod: 'b' }, false));
  });

  it('should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector', () => {
    check([gen('x/allow-to-ns-y-pod-a', sel({ pod: 'a' }), { egress: [{ peers: [{ namespaces: sel({ [NS]: 'y' }), pods: sel({ pod: 'a' }) }] }] })],
      80, 'TCP', R().expectAllEgress('x/a', false).expect('x/a', 'y/a', true));
  });

  it('should enforce ingress policy allowing any port traffic to a server on a specific protocol', () => {
    const p = [gen('x/allow-ingress-by-proto', sel({ pod: 'a' }), { ingress: [{ ports: [{ protocol: 'TCP' }] }] })];
    check(p, 80, 'TCP', R());
    check(p, 80, 'UDP', R().expectPeer({}, { ns: 'x', pod: 'a' }, false));
  });

  it('should enforce multiple ingress policies with ingress allow-all policy taking precedence', () => {
    const only80 = gen('x/allow-ingress-port-80', sel({}), { ingress: [{ ports: [{ port: 80 }] }] });
    check([only80], 81, 'TCP', R().expectPeer({}, { ns: 'x' }, false));
    check([only80, gen('x/allow-ingress', sel({}), { ingress: [{}] })], 81, 'TCP', R()); // Allowing all ports
  });

  it('should enforce multiple egress policies with egress allow-all policy taking precedence', () => {
    const only80 = gen('x/allow-egress-port-80', sel({}), { egress: [{ ports: [{ port: 80 }] }] });
    check([only80], 81, 'TCP', R().expectPeer({ ns: 'x' }, {}, false));
    check([only80, gen('x/allow-egress', sel({}), { egress: [{}] })], 81, 'TCP', R()); // Allowing all ports
  });

  it('should stop enforcing policies after they are deleted', () => {
    check([gen('x/deny-all', sel(), { ingress: [], egress: [] })], 80, 'TCP',
      R().expectPeer({ ns: 'x' }, {}, false).expectPeer({}, { ns: 'x' }, false));
    check([], 80, 'TCP', R()); // cleanNetworkPolicies
  });

  it('should allow egress access to server in CIDR block', () => {
    const ipYB = ipOf('y/b');
    check([gen('x/allow-client-a-via-cidr-egress-rule', sel({ pod: 'a' }), { egress: [{ peers: [{ cidr: `${ipYB}/32` }] }] })], 80, 'TCP',
      R().expectAllEgress('x/a', false).expect('x/a', 'y/b', true));
  });

  it('should enforce except clause while egress access to server in CIDR block', () => {
    // Upstream writes the pod IP with /4 (host bits set; older versions) or its masked /4
    // (makeLargeCIDRForIP); both mean the same block.
    for (const cidr of [`${ipOf('x/a')}/4`, '0.0.0.0/4']) {
      check([gen('x/allow-client-a-via-cidr-egress-rule', sel({ pod: 'a' }), {
        egress: [{ peers: [{ cidr, except: [`${ipOf('x/b')}/32`] }] }],
      })], 80, 'TCP', R().expect('x/a', 'x/b', false));
    }
  });

  it('should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed', () => {
    const name = 'x/allow-client-a-via-cidr-egress-rule';
    check([gen(name, sel({ pod: 'a' }), { egress: [{ peers: [{ cidr: `${ipOf('x/a')}/4`, except: [`${ipOf('x/b')}/32`] }] }] })],
      80, 'TCP', R().expect('x/a', 'x/b', false));
    // UpdatePolicy: the same policy now allows exactly x/b's IP
    check([gen(name, sel({ pod: 'a' }), { egress: [{ peers: [{ cidr: `${ipOf('x/b')}/32` }] }] })],
      80, 'TCP', R().expectAllEgress('x/a', false).expect('x/a', 'x/b', true));
  });

  it('should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector', () => {
    const allowEgress = gen('x/allow-egress-for-target', sel({ pod: 'a' }), { egress: [{}] });
    check([allowEgress], 80, 'TCP', R());
    check([allowEgress, gen('x/deny-ingress-via-label-selector', sel({ pod: 'a' }), { ingress: [] })], 80, 'TCP',
      R().expectAllIngress('x/a', false));
  });

  it("should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP", () => {
    check([
      gen('x/deny-ingress', sel(), { ingress: [] }),
      gen('x/allow-only-sctp-ingress-on-port-81', sel({ pod: 'a' }), { ingress: [{ ports: [{ port: 81, protocol: 'SCTP' }] }] }),
    ], 81, 'TCP', R().expectPeer({}, { ns: 'x' }, false));
  });

  it("should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP", () => {
    check([gen('x/allow-only-sctp-ingress-on-port-80', sel({ pod: 'a' }), { ingress: [{ ports: [{ port: 80, protocol: 'SCTP' }] }] })],
      81, 'TCP', R().expectAllIngress('x/a', false));
  });

  it('should not allow access by TCP when a policy specifies only UDP', () => {
    check([gen('x/allow-only-udp-ingress-on-port-81', sel({ pod: 'a' }), { ingress: [{ ports: [{ port: 81, protocol: 'UDP' }] }] })],
      81, 'TCP', R().expectAllIngress('x/a', false));
  });

  it('should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label', () => {
    check([gen('x/allow-client-a-via-ns-selector-for-immutable-ns-label', sel({ pod: 'a' }), { ingress: [from({ namespaces: sel({ [NS]: 'y' }) })] })],
      80, 'TCP', R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false));
  });

  it('should enforce policy based on NamespaceSelector with MatchExpressions using default ns label', () => {
    check([gen('x/allow-ns-y-match-selector-for-immutable-ns-label', sel({ pod: 'a' }), {
      egress: [{ peers: [{ namespaces: sel({}, [expr(NS, 'NotIn', ['y'])]) }] }],
    })], 80, 'TCP', R().expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y' }, false));
  });
});

/** e2eCluster assigns IPs in pod order; read them back rather than hard-coding. */
function ipOf(id: string): string {
  const p = e2eCluster([]).pods.find((q) => `${q.namespace}/${q.name}` === id);
  return p?.ip ?? '';
}
