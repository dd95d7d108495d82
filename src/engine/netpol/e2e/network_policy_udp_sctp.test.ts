// kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, contexts "NetworkPolicy
// between server and client using UDP" (Netpol [LinuxOnly]) and "... using SCTP"
// (Netpol [Feature:SCTPConnectivity]): the same 9-pod model and truth tables, other protocols.
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../model/index.js';
import { NO_DIFF, Reachability, e2eCluster, e2eFrom as from, e2eGen as gen, observeAll, sel, type Manifest } from '../../../testing/netpol.js';

const NS = 'kubernetes.io/metadata.name';
function check(policies: Manifest[], port: number, protocol: Protocol, reach: Reachability): void {
  expect(observeAll(e2eCluster(policies), port, protocol, reach)).toEqual(NO_DIFF);
}
const R = () => new Reachability();

describe.each(['UDP', 'SCTP'] as const)('Netpol NetworkPolicy between server and client using %s', (protocol) => {
  it("should support a 'default-deny-ingress' policy", () => {
    check([gen('x/deny-all', sel(), { ingress: [] })], 80, protocol, R().expectPeer({}, { ns: 'x' }, false));
  });

  it('should enforce policy based on Ports', () => {
    check([gen('x/allow-ingress-on-port-81-ns-x', sel({ pod: 'a' }), {
      ingress: [{ peers: [{ namespaces: sel({ [NS]: 'y' }) }], ports: [{ port: 81, protocol }] }],
    })], 81, protocol, R().expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false));
  });

  it('should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector', () => {
    check([gen('x/allow-ns-y-pod-a-via-namespace-pod-selector', sel({ pod: 'a' }), {
      ingress: [from({ namespaces: sel({ [NS]: 'y' }), pods: sel({ pod: 'a' }) })],
    })], 80, protocol, R().expectAllIngress('x/a', false).expect('y/a', 'x/a', true));
  });
});

