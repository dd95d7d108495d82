import { LAB_CREATED, formatGoTime } from '../clock.js';
import { isRecord } from '../objects.js';
import type { Item } from './items.js';
import { formatLabelSelector } from './selector.js';
import { annotationLines, labelLines, describeText } from './describe-util.js';

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * `kubectl describe networkpolicy`, line for line as kubernetes/kubectl pkg/describe/describe.go
 * describeNetworkPolicy / printNetworkPolicySpecIngressFrom / printNetworkPolicySpecEgressTo.
 * Policy types are the defaulted ones (the API server stores them defaulted).
 */
export function describeNetworkPolicy(item: Item, policyTypes: readonly string[]): string {
  const raw = item.raw ?? {};
  const spec = rec(raw['spec']);
  const meta = rec(raw['metadata']);
  let s = '';
  s += `Name:\t${item.name}\n`;
  s += `Namespace:\t${item.namespace ?? ''}\n`;
  s += `Created on:\t${formatGoTime(LAB_CREATED)}\n`;
  s += labelLines('Labels', item.labels);
  s += annotationLines('Annotations', rec(meta['annotations']));
  s += 'Spec:\n';
  const ps = rec(spec['podSelector']);
  const empty = Object.keys(rec(ps['matchLabels'])).length === 0 && list(ps['matchExpressions']).length === 0;
  s += `  PodSelector:     ${empty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : formatLabelSelector(ps)}\n`;
  if (policyTypes.includes('Ingress')) {
    s += '  Allowing ingress traffic:\n';
    s += rules(list(spec['ingress']), 'ingress', 'From', 'source');
  } else s += '  Not affecting ingress traffic\n';
  if (policyTypes.includes('Egress')) {
    s += '  Allowing egress traffic:\n';
    s += rules(list(spec['egress']), 'egress', 'To', 'destination');
  } else s += '  Not affecting egress traffic\n';
  s += `  Policy Types: ${policyTypes.length ? policyTypes.join(', ') : '<none>'}\n`;
  return describeText(s);
}

function rules(rs: unknown[], dir: string, peerWord: string, restricted: string): string {
  const ind = '    ';
  if (rs.length === 0) return `${ind}<none> (Selected pods are isolated for ${dir} connectivity)\n`;
  let s = '';
  rs.forEach((ruleV, i) => {
    const rule = rec(ruleV);
    const ports = list(rule['ports']);
    if (ports.length === 0) s += `${ind}To Port: <any> (traffic allowed to all ports)\n`;
    for (const pv of ports) {
      const p = rec(pv);
      const proto = typeof p['protocol'] === 'string' ? p['protocol'] : 'TCP';
      // intstr.String() of an absent port is "0".
      const port = p['port'] === undefined ? '0' : String(p['port']);
      if (p['endPort'] === undefined) s += `${ind}To Port: ${port}/${proto}\n`;
      else s += `${ind}To Port Range: ${port}-${String(p['endPort'])}/${proto}\n`;
    }
    const peers = list(rule[peerWord.toLowerCase()]);
    if (peers.length === 0) s += `${ind}${peerWord}: <any> (traffic not restricted by ${restricted})\n`;
    for (const pv of peers) {
      const peer = rec(pv);
      s += `${ind}${peerWord}:\n`;
      const hasPod = peer['podSelector'] !== undefined && peer['podSelector'] !== null;
      const hasNs = peer['namespaceSelector'] !== undefined && peer['namespaceSelector'] !== null;
      if (hasPod && hasNs) {
        s += `  ${ind}NamespaceSelector: ${formatLabelSelector(peer['namespaceSelector'])}\n`;
        s += `  ${ind}PodSelector: ${formatLabelSelector(peer['podSelector'])}\n`;
      } else if (hasPod) s += `  ${ind}PodSelector: ${formatLabelSelector(peer['podSelector'])}\n`;
      else if (hasNs) s += `  ${ind}NamespaceSelector: ${formatLabelSelector(peer['namespaceSelector'])}\n`;
      else if (isRecord(peer['ipBlock'])) {
        const b = peer['ipBlock'];
        s += `  ${ind}IPBlock:\n`;
        s += `    ${ind}CIDR: ${String(b['cidr'] ?? '')}\n`;
        s += `    ${ind}Except: ${list(b['except']).map(String).join(', ')}\n`;
      }
    }
    if (i !== rs.length - 1) s += `${ind}----------\n`;
  });
  return s;
}
