import type { PeerMissReason, PortMissReason } from '../model/index.js';

/** Values interpolated into a phrase (from the explanation's detail records). */
export type Vars = Readonly<Record<string, string>>;
type Phrase = (v: Vars) => string;

export interface ExplanationText {
  readonly pod: (id: string) => string;
  readonly external: (ip: string) => string;
  readonly egressOf: (subject: string) => string;
  readonly ingressOf: (subject: string) => string;
  readonly notIsolated: (subject: string, dir: string) => string;
  readonly notApplicable: Record<'external' | 'hostNetwork' | 'not-enforced', (subject: string) => string>;
  readonly isolatedBy: (policies: string) => string;
  readonly allowedBy: (policy: string, rule: string, peer: string, port: string) => string;
  readonly anyPeer: string;
  readonly anyPort: string;
  readonly selectsButNot: (policy: string, subject: string, remote: string, dir: string) => string;
  readonly emptyPolicy: (policy: string, subject: string, dir: string) => string;
  readonly peer: Record<PeerMissReason, Phrase>;
  readonly port: Record<PortMissReason, Phrase>;
  readonly verdictAllowed: (from: string, to: string, port: string) => string;
  readonly verdictAllowedUnenforced: (from: string, to: string, port: string) => string;
  readonly verdictDenied: (from: string, to: string, port: string, blockers: string) => string;
  readonly blockerEgress: (from: string) => string;
  readonly blockerIngress: (to: string) => string;
  readonly and: string;
}

/** Wording in the spirit of np-guard/netpol-analyzer: the policy, the subject, the peer that is not allowed. */
export const en: ExplanationText = {
  pod: (id) => id,
  external: (ip) => `${ip} (outside the cluster)`,
  egressOf: (s) => `Egress from ${s}`,
  ingressOf: (s) => `Ingress to ${s}`,
  notIsolated: (s, dir) => `not isolated (no NetworkPolicy selects ${s} for ${dir}), so all ${dir} is allowed.`,
  notApplicable: {
    // The title already names the host: say only why (no "X (outside the cluster): X (outside the cluster) ...").
    external: () => 'not a pod, so NetworkPolicy never applies to it.',
    hostNetwork: (s) => `${s} uses the node's network (hostNetwork: true); NetworkPolicy does not apply to it (lab rule).`,
    'not-enforced': () => `not enforced: the cluster's CNI does not enforce NetworkPolicy, so everything is allowed.`,
  },
  isolatedBy: (p) => `isolated by ${p}.`,
  allowedBy: (p, rule, peer, port) => `Allowed by NetworkPolicy '${p}' ${rule} (${peer}, ${port}).`,
  anyPeer: 'any peer',
  anyPort: 'any port',
  selectsButNot: (p, s, r, dir) => `NetworkPolicy '${p}' selects ${s}, but ${r} is not allowed by any ${dir} rule:`,
  emptyPolicy: (p, s, dir) => `NetworkPolicy '${p}' selects ${s} and has no ${dir} rules, so it allows no ${dir}.`,
  peer: {
    'pod-labels': (v) => `${v.at} podSelector ${v.selector} does not match ${v.pod} (labels: ${v.labels})`,
    'namespace-labels': (v) => `${v.at} namespaceSelector ${v.selector} does not match namespace ${v.namespace} (labels: ${v.labels})`,
    'other-namespace': (v) => `${v.at} podSelector without namespaceSelector only selects pods in namespace ${v.policyNamespace}, not ${v.namespace}`,
    'not-a-pod': (v) => `${v.at} selects pods only, and ${v.ip} is outside the cluster`,
    'ip-outside-cidr': (v) => `${v.at} ipBlock ${v.cidr} does not contain ${v.ip}`,
    'ip-in-except': (v) => `${v.at} ipBlock ${v.cidr} contains ${v.ip}, but except ${v.except} removes it`,
  },
  port: {
    protocol: (v) => `${v.at} is for ${v.protocol}, not ${v.wanted}`,
    port: (v) => `${v.at} allows port ${v.port}, not ${v.wanted}`,
    range: (v) => `${v.at} allows ports ${v.port}-${v.endPort}, not ${v.wanted}`,
    'named-port-unresolved': (v) => `${v.at} names port "${v.name}" (${v.protocol}), which ${v.destination} does not declare`,
    'named-port-other-number': (v) => `${v.at} names port "${v.name}", which is ${v.resolved} on the destination, not ${v.wanted}`,
  },
  verdictAllowed: (f, t, p) => `Verdict: ALLOWED. ${f} can connect to ${t} on ${p}.`,
  verdictAllowedUnenforced: (f, t, p) => `Verdict: ALLOWED. ${f} can connect to ${t} on ${p}, because nothing enforces NetworkPolicy in this cluster.`,
  verdictDenied: (f, t, p, b) => `Verdict: DENIED. ${f} cannot connect to ${t} on ${p}: blocked by ${b}.`,
  blockerEgress: (f) => `the Egress of ${f}`,
  blockerIngress: (t) => `the Ingress of ${t}`,
  and: ' and ',
};

/**
 * Natural Korean. Names are always followed by a noun (파드, 주소, 정책, 네임스페이스) so the
 * particle after them never depends on how an arbitrary name ends.
 */
export const ko: ExplanationText = {
  pod: (id) => `${id} 파드`,
  external: (ip) => `외부 주소(${ip})`,
  egressOf: (s) => `송신(Egress) — ${s}`,
  ingressOf: (s) => `수신(Ingress) — ${s}`,
  notIsolated: (s, dir) => `격리되지 않음. ${dir} 방향으로 ${s}를 선택하는 NetworkPolicy가 없으므로 모두 허용됩니다.`,
  notApplicable: {
    external: () => '파드가 아니므로 NetworkPolicy가 적용되지 않습니다.',
    hostNetwork: (s) => `${s}는 노드의 네트워크를 사용하므로(hostNetwork: true) NetworkPolicy가 적용되지 않습니다(실습 규칙).`,
    'not-enforced': () => `적용되지 않음. 클러스터의 CNI가 NetworkPolicy를 지원하지 않아 모든 연결이 허용됩니다.`,
  },
  isolatedBy: (p) => `${p} 정책에 의해 격리됨.`,
  allowedBy: (p, rule, peer, port) => `NetworkPolicy '${p}' 정책의 ${rule} 규칙이 허용합니다 (${peer}, ${port}).`,
  anyPeer: '모든 상대',
  anyPort: '모든 포트',
  selectsButNot: (p, s, r, dir) => `NetworkPolicy '${p}' 정책이 ${s}를 선택하지만, ${r}는 어떤 ${dir} 규칙에서도 허용되지 않습니다:`,
  emptyPolicy: (p, s, dir) => `NetworkPolicy '${p}' 정책은 ${s}를 선택하지만 ${dir} 규칙이 하나도 없어 어떤 ${dir} 연결도 허용하지 않습니다.`,
  peer: {
    'pod-labels': (v) => `${v.at}: podSelector(${v.selector})가 ${v.pod} 파드의 레이블(${v.labels})과 일치하지 않음`,
    'namespace-labels': (v) => `${v.at}: namespaceSelector(${v.selector})가 ${v.namespace} 네임스페이스의 레이블(${v.labels})과 일치하지 않음`,
    'other-namespace': (v) => `${v.at}: namespaceSelector 없이 podSelector만 쓰면 정책이 있는 ${v.policyNamespace} 네임스페이스의 파드만 선택하는데, 상대는 ${v.namespace} 네임스페이스에 있음`,
    'not-a-pod': (v) => `${v.at}: 셀렉터는 파드만 선택하며, ${v.ip} 주소는 클러스터 밖에 있음`,
    'ip-outside-cidr': (v) => `${v.at}: ipBlock ${v.cidr} 범위에 ${v.ip} 주소가 들어 있지 않음`,
    'ip-in-except': (v) => `${v.at}: ipBlock ${v.cidr} 범위에 ${v.ip} 주소가 들어 있지만 except ${v.except}에서 제외됨`,
  },
  port: {
    protocol: (v) => `${v.at}: ${v.protocol} 프로토콜용 항목이라 ${v.wanted} 연결에는 해당하지 않음`,
    port: (v) => `${v.at}: 포트 ${v.port}번만 허용함 (요청은 ${v.wanted}번)`,
    range: (v) => `${v.at}: 포트 ${v.port}~${v.endPort}번만 허용함 (요청은 ${v.wanted}번)`,
    'named-port-unresolved': (v) => `${v.at}: 목적지(${v.destination})에 "${v.name}"(${v.protocol})라는 이름의 포트가 선언되어 있지 않음`,
    'named-port-other-number': (v) => `${v.at}: 목적지에서 "${v.name}" 포트는 ${v.resolved}번임 (요청은 ${v.wanted}번)`,
  },
  verdictAllowed: (f, t, p) => `판정: 허용됨. ${f}는 ${p} 포트로 ${t}에 연결할 수 있습니다.`,
  verdictAllowedUnenforced: (f, t, p) => `판정: 허용됨. 이 클러스터에서는 NetworkPolicy를 적용하는 주체가 없어 ${f}는 ${p} 포트로 ${t}에 연결할 수 있습니다.`,
  verdictDenied: (f, t, p, b) => `판정: 차단됨. ${f}는 ${p} 포트로 ${t}에 연결할 수 없습니다. ${b}이 막고 있습니다.`,
  blockerEgress: (f) => `${f}의 송신(Egress) 정책`,
  blockerIngress: (t) => `${t}의 수신(Ingress) 정책`,
  and: '과 ',
};
