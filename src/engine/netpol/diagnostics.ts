import type { Cluster, PendingDiagnostic } from '../model/index.js';
import { sub } from '../model/index.js';
import { formatSelector, isEmptySelector, matchesSelector } from '../selectors/index.js';
import { MAX_CONNECTIVITY_FLOWS, type CompiledNetwork } from './analysis.js';
import type { Compiled } from './compile.js';
import { dnsTargets, egressAllowsDns } from './dns.js';

const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/**
 * Warnings for policies that are legal but almost certainly a mistake (engine-spec §2):
 * a policy that selects no pod, a namespaceSelector no namespace matches, rules of a direction
 * its policyTypes leaves out, an egress policy that blocks DNS, and a CNI that enforces nothing.
 */
export function networkDiagnostics(cluster: Cluster, c: Compiled, network: CompiledNetwork): PendingDiagnostic[] {
  const out: PendingDiagnostic[] = [];
  const dns = dnsTargets(c);
  // Whether a pod's egress policies let it reach DNS, once per pod: asked per
  // policy over its pods, this was policies × pods × policies (issue 12's many-policies cliff).
  const dnsByPod = new Map<number, boolean>();
  const reachesDns = (i: number): boolean => {
    let ok = dnsByPod.get(i);
    if (ok === undefined) dnsByPod.set(i, ok = egressAllowsDns(c, c.egressBy[i] ?? [], dns));
    return ok;
  };
  // Every real cluster has these even when the scenario does not declare them; selecting
  // kube-system (for DNS) is the most common namespaceSelector of all and must not warn.
  const nsLabels = [...cluster.namespaces.map((n) => n.labels), ...SYSTEM_NAMESPACES
    .filter((name) => !cluster.namespaces.some((n) => n.name === name))
    .map((name) => ({ 'kubernetes.io/metadata.name': name }))];
  for (const cp of c.policies) {
    const p = cp.policy;
    const object = `NetworkPolicy/${p.namespace}/${p.name}`;
    if (cp.selected.isEmpty()) {
      const selector = formatSelector(p.podSelector);
      out.push({
        severity: 'warning', code: 'policy-selects-nothing', object, ref: sub(p.ref, 'spec', 'podSelector'),
        params: { policy: cp.key, namespace: p.namespace, selector },
        message: `NetworkPolicy '${cp.key}' selects no pod: podSelector ${selector} matches no pod in namespace ${p.namespace}, so the policy has no effect.`,
      });
    }
    for (const [dir, rules] of [['ingress', p.ingress], ['egress', p.egress]] as const) {
      for (const rule of rules) {
        for (const peer of rule.peers) {
          if (peer.kind !== 'selector' || !peer.namespaceSelector || isEmptySelector(peer.namespaceSelector)) continue;
          const nsSel = peer.namespaceSelector;
          if (nsLabels.some((labels) => matchesSelector(nsSel, labels))) continue;
          const selector = formatSelector(nsSel);
          out.push({
            severity: 'warning', code: 'namespace-selector-unmatched', object, ref: sub(peer.ref, 'namespaceSelector'),
            params: { policy: cp.key, selector, direction: dir },
            message: `namespaceSelector ${selector} in NetworkPolicy '${cp.key}' matches no namespace: no namespace has these labels. ` +
              `Every namespace carries kubernetes.io/metadata.name=<its name>; select on that, or add the label to the namespace.`,
          });
        }
      }
    }
    for (const [dir, rules, Dir] of [['ingress', p.ingress, 'Ingress'], ['egress', p.egress, 'Egress']] as const) {
      // Rules of a direction policyTypes leaves out: the API server keeps them, no CNI enforces them.
      if (rules.length === 0 || p.policyTypes.includes(Dir)) continue;
      out.push({
        severity: 'warning', code: 'rules-ignored', object, ref: sub(p.ref, 'spec', dir),
        params: { policy: cp.key, direction: Dir, policyTypes: p.policyTypes.join(', ') },
        message: `NetworkPolicy '${cp.key}' has ${dir} rules, but its policyTypes [${p.policyTypes.join(', ')}] does not include ${Dir}, ` +
          `so they are ignored and this policy does not isolate ${dir}. Add ${Dir} to policyTypes, or remove spec.${dir}.`,
      });
    }
    if (cp.egress) {
      const isolated = cp.selected.toArray().filter((i) => !c.endpoints[i]?.hostNetwork);
      const blocked = isolated.filter((i) => !reachesDns(i));
      const first = blocked[0] === undefined ? undefined : c.endpoints[blocked[0]]?.endpoint.id;
      if (first !== undefined) {
        const more = blocked.length - 1;
        const pods = more > 0 ? `${first} (and ${more} more pod${more === 1 ? '' : 's'})` : first;
        out.push({
          severity: 'warning', code: 'egress-blocks-dns', object,
          ref: sub(p.ref, 'spec', p.egress.length > 0 ? 'egress' : 'policyTypes'),
          params: { policy: cp.key, pod: first, more },
          message: `NetworkPolicy '${cp.key}' isolates egress of ${pods}, and no egress rule lets them reach DNS (UDP port 53 in kube-system): ` +
            `name lookups such as 'curl http://my-service' will fail. Fix: add an egress rule with ` +
            `to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}] and ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}].`,
        });
      }
    }
  }
  const flows = network.connectivitySize();
  if (flows > MAX_CONNECTIVITY_FLOWS) {
    // Where the scenario starts: the first pod's document (the cause is the whole paste).
    const first = cluster.pods.find((pod) => !pod.system);
    const endpoints = network.endpoints.filter((e) => !e.system).length;
    out.push({
      severity: 'info', code: 'connectivity-bounded',
      ...(first ? { ref: first.ref } : {}),
      params: { endpoints, flows, limit: MAX_CONNECTIVITY_FLOWS },
      message: `This scenario has ${endpoints} endpoints: listing every connection would take ${flows} entries (pairs × ports), ` +
        `over the lab's limit of ${MAX_CONNECTIVITY_FLOWS}, so the full connectivity list is not computed. Everything else is: each pod's ` +
        `facts and diagnostics, the policies that select a pod, explaining one connection (kslab explain --from A --to B --port P), ` +
        `and the matrix for a filtered set of pods.`,
    });
  }
  if (!network.enforcing && cluster.policies.length > 0) {
    const cni = cluster.config.cni;
    const n = cluster.policies.length;
    out.push({
      severity: 'warning', code: 'cni-not-enforcing',
      ...(cluster.config.ref ? { ref: cluster.config.ref } : {}),
      params: { cni, count: n },
      message: `The cluster's CNI is ${cni}, which does not enforce NetworkPolicy: the ${n} polic${n === 1 ? 'y exists' : 'ies exist'} ` +
        `(kubectl get netpol lists ${n === 1 ? 'it' : 'them'}) but every connection is allowed. Use a CNI that enforces policies, such as calico or cilium.`,
    });
  }
  return out;
}
