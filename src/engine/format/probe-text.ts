import type { ServerKind } from '../model/index.js';

/** Sentences of a probe's explanation, per locale (the explanation's own sentences are in explanation-text.ts). */
export interface ProbeText {
  readonly dnsAnswer: (host: string, fqdn: string, addresses: string, server: string, pod: string) => string;
  readonly dnsCname: (host: string, target: string) => string;
  readonly dnsNxdomain: (host: string, tried: string) => string;
  readonly dnsBlocked: (server: string, pod: string) => string;
  readonly dnsNoServer: (server: string) => string;
  readonly serviceLine: (svc: string, port: string, target: string, ready: number, endpoint: string) => string;
  readonly serviceNoPort: (svc: string, port: string, address: string) => string;
  readonly serviceNoEndpoints: (svc: string, port: string) => string;
  readonly endpoints: (list: string) => string;
  readonly nodePort: (address: string, port: string, svc: string, source: string) => string;
  readonly allowed: string;
  readonly denied: string;
  /** The service-port trap, e.g. "the Service forwards 8080 to pod port 80; policy X allows 8080, not 80". */
  readonly trap: (servicePort: string, targetPort: string, policy: string) => string;
  readonly server: Record<ServerKind, string>;
  readonly connected: (what: string, at: string) => string;
  readonly connectedAddress: (at: string) => string;
  readonly refused: (at: string, listening: string) => string;
  readonly refusedNothing: (at: string) => string;
  readonly refusedNoEndpoints: (svc: string, port: string) => string;
  readonly timeoutPolicy: string;
  readonly timeoutNoPort: (svc: string, port: string, address: string) => string;
  readonly timeoutNoRoute: (address: string) => string;
  readonly nxdomain: string;
  readonly dnsTimeout: string;
  readonly dnsFailed: string;
  readonly noClient: (from: string) => string;
  readonly icmpReply: (address: string) => string;
  readonly icmpClusterIP: (address: string) => string;
  readonly icmpPolicy: string;
  readonly icmpNoRoute: (address: string) => string;
  readonly inPod: (server: string, pod: string) => string;
}

export const probeEn: ProbeText = {
  dnsAnswer: (h, f, a, s, p) => `DNS: ${h} → ${f} = ${a} (asked ${s}, answered by ${p}).`,
  dnsCname: (h, t) => `DNS: ${h} is an alias (CNAME) for ${t}, outside the cluster; the lab has no internet, so it has no address.`,
  dnsNxdomain: (h, t) => `DNS: ${h} does not exist (NXDOMAIN). Names tried, in order: ${t}.`,
  dnsBlocked: (s, p) => `DNS: the lookup (UDP 53 to ${s}, sent on to ${p}) is dropped by a NetworkPolicy:`,
  dnsNoServer: (s) => `DNS: the kube-dns Service (${s}) has no ready CoreDNS pod, so the lookup is rejected.`,
  serviceLine: (svc, p, t, n, e) => `Service ${svc}: ${p} forwards to target port ${t} on ${n} ready endpoint${n === 1 ? '' : 's'}; kube-proxy sends this connection to ${e} (it picks one at random; the lab shows the first).`,
  serviceNoPort: (svc, p, a) => `Service ${svc} (${a}) has no port ${p}.`,
  serviceNoEndpoints: (svc, p) => `Service ${svc}: port ${p} has no ready endpoint.`,
  endpoints: (l) => `Endpoints: ${l}.`,
  nodePort: (a, p, svc, src) => `NodePort: kube-proxy translates ${a}:${p} to Service ${svc} and masquerades the source, so the server's ingress sees the node address ${src}, not the client pod.`,
  allowed: 'allowed',
  denied: 'denied',
  trap: (sp, tp, p) => `The Service forwards ${sp} to pod port ${tp}; NetworkPolicy '${p}' allows ${sp}, not ${tp}. Policies see the pod's port, after the Service's translation: allow ${tp}.`,
  server: { nginx: 'nginx', httpd: 'Apache httpd', redis: 'Redis', mysql: 'MySQL', postgres: 'PostgreSQL', generic: 'a process' },
  connected: (w, at) => `Result: CONNECTED. ${w} answers on ${at}.`,
  connectedAddress: (at) => `Result: CONNECTED. ${at} answers.`,
  refused: (at, l) => `Result: CONNECTION REFUSED. The packets reach ${at}, but nothing listens on that port (listening: ${l}).`,
  refusedNothing: (at) => `Result: CONNECTION REFUSED. The packets reach ${at}, but nothing listens on that port (nothing listens there at all).`,
  refusedNoEndpoints: (svc, p) => `Result: CONNECTION REFUSED. Service ${svc} has no ready endpoint for ${p}: kube-proxy rejects the connection at once.`,
  timeoutPolicy: 'Result: TIMEOUT. A NetworkPolicy drops the packets; the client waits until it gives up.',
  timeoutNoPort: (svc, p, a) => `Result: TIMEOUT. kube-proxy has a rule only for the ports Service ${svc} defines; packets to ${a} on ${p} go nowhere.`,
  timeoutNoRoute: (a) => `Result: TIMEOUT. Nothing in the lab has the address ${a} (there is no internet).`,
  nxdomain: 'Result: NAME NOT FOUND. The name does not resolve, so no connection is tried.',
  dnsTimeout: 'Result: DNS TIMEOUT. The name never resolves, so no connection is tried.',
  dnsFailed: 'Result: DNS FAILED. No DNS server answers, so no connection is tried.',
  noClient: (f) => `${f} is not a running pod with an address.`,
  icmpReply: (a) => `Result: REPLY. ${a} answers ping.`,
  icmpClusterIP: (a) => `Result: NO REPLY. ${a} is a ClusterIP: kube-proxy translates only the Service's TCP/UDP/SCTP ports, and no machine has that address to answer ping. Test a Service with its port (wget, nc), not with ping.`,
  icmpPolicy: 'Result: NO REPLY. NetworkPolicy has no ICMP port: an isolated pod sends or receives ping only through a rule without ports.',
  icmpNoRoute: (a) => `Result: NO REPLY. Nothing in the lab has the address ${a} (there is no internet).`,
  inPod: (s, p) => `${s} in ${p}`,
};

export const probeKo: ProbeText = {
  dnsAnswer: (h, f, a, s, p) => `DNS: ${h} → ${f} = ${a} (${s}에 질의, 응답한 파드: ${p}).`,
  dnsCname: (h, t) => `DNS: ${h}: 클러스터 밖의 이름(${t})을 가리키는 별칭(CNAME)입니다. 랩에는 인터넷이 없어 주소를 얻을 수 없습니다.`,
  dnsNxdomain: (h, t) => `DNS: ${h}: 없는 이름입니다(NXDOMAIN). 시도한 이름(순서대로): ${t}.`,
  dnsBlocked: (s, p) => `DNS: 이름 조회(${s}에 보내는 UDP 53, 실제로는 ${p}에 전달)를 NetworkPolicy가 막고 있습니다:`,
  dnsNoServer: (s) => `DNS: kube-dns 서비스(${s})에 준비된 CoreDNS 파드가 없어 조회가 거부됩니다.`,
  serviceLine: (svc, p, t, n, e) => `서비스 ${svc}: ${p} 포트를 준비된 엔드포인트 ${n}개의 타깃 포트 ${t}번으로 전달합니다. kube-proxy는 이 연결을 ${e}에 보냅니다. 실제로는 무작위로 선택하며, 랩은 첫 번째를 보여 줍니다.`,
  serviceNoPort: (svc, p, a) => `서비스 ${svc}(${a})에는 ${p} 포트가 없습니다.`,
  serviceNoEndpoints: (svc, p) => `서비스 ${svc}: ${p} 포트에 준비된 엔드포인트가 없습니다.`,
  endpoints: (l) => `엔드포인트: ${l}.`,
  nodePort: (a, p, svc, src) => `NodePort: kube-proxy가 ${a}:${p}에 온 연결을 ${svc} 서비스로 전달하면서 출발지 주소를 노드 주소로 바꿉니다(masquerade). 그래서 서버의 수신 정책에는 클라이언트 파드가 아니라 노드 주소(${src})가 보입니다.`,
  allowed: '허용',
  denied: '차단',
  trap: (sp, tp, p) => `서비스가 ${sp}번 포트로 받은 연결을 파드의 ${tp}번 포트로 전달하는데, NetworkPolicy '${p}' 정책은 ${tp}번이 아니라 ${sp}번을 허용하고 있습니다. 정책은 서비스가 주소를 바꾼 뒤의 파드 포트를 보므로 ${tp}번을 허용해야 합니다.`,
  server: { nginx: 'nginx', httpd: 'Apache httpd', redis: 'Redis', mysql: 'MySQL', postgres: 'PostgreSQL', generic: '프로세스' },
  connected: (w, at) => `결과: 연결됨. ${at}에서 응답이 옵니다(응답한 프로세스: ${w}).`,
  connectedAddress: (at) => `결과: 연결됨. ${at}에서 응답이 옵니다.`,
  refused: (at, l) => `결과: 연결 거부됨(Connection refused). 패킷은 ${at}에 도착하지만 그 포트에서 기다리는 프로세스가 없습니다(열려 있는 포트: ${l}).`,
  refusedNothing: (at) => `결과: 연결 거부됨(Connection refused). 패킷은 ${at}에 도착하지만 그곳에는 열려 있는 포트가 하나도 없습니다.`,
  refusedNoEndpoints: (svc, p) => `결과: 연결 거부됨(Connection refused). 서비스 ${svc}에는 ${p} 포트의 준비된 엔드포인트가 없어 kube-proxy가 연결을 즉시 거부합니다.`,
  timeoutPolicy: '결과: 시간 초과. NetworkPolicy가 패킷을 버리므로 클라이언트는 포기할 때까지 기다립니다.',
  timeoutNoPort: (svc, p, a) => `결과: 시간 초과. kube-proxy에는 서비스 ${svc}에 정의된 포트의 규칙만 있으므로, ${a}의 ${p} 포트로 보낸 패킷은 어디에도 전달되지 않습니다.`,
  timeoutNoRoute: (a) => `결과: 시간 초과. 랩 안에는 ${a} 주소를 가진 곳이 없습니다(인터넷도 없습니다).`,
  nxdomain: '결과: 이름을 찾을 수 없음. 이름이 해석되지 않아 연결은 시도되지 않습니다.',
  dnsTimeout: '결과: DNS 시간 초과. 이름이 끝내 해석되지 않아 연결은 시도되지 않습니다.',
  dnsFailed: '결과: DNS 실패. 응답하는 DNS 서버가 없어 연결은 시도되지 않습니다.',
  noClient: (f) => `${f}: 주소를 가진 실행 중인 파드가 아닙니다.`,
  icmpReply: (a) => `결과: 응답함. ${a} 주소가 ping에 응답합니다.`,
  icmpClusterIP: (a) => `결과: 응답 없음. ${a} 주소는 ClusterIP입니다. kube-proxy는 서비스의 TCP/UDP/SCTP 포트만 전달하고, 이 주소를 가진 장비가 없어 ping에 응답하지 않습니다. 서비스는 ping이 아니라 포트로(wget, nc) 확인하세요.`,
  icmpPolicy: '결과: 응답 없음. NetworkPolicy에는 ICMP 포트가 없어, 격리된 파드는 포트를 지정하지 않은 규칙으로만 ping을 주고받을 수 있습니다.',
  icmpNoRoute: (a) => `결과: 응답 없음. 랩 안에는 ${a} 주소를 가진 곳이 없습니다(인터넷도 없습니다).`,
  inPod: (s, p) => `${p}의 ${s}`,
};
