// formatProbe / formatIcmp, the branches probe.test.ts does not reach, on results built field by
// field (model/probe.ts): a client that is not a pod, no DNS server, a lookup with no answer, an
// alias with addresses, NXDOMAIN with nothing tried, the NodePort masquerade line, a Service
// without that port or without endpoints, one endpoint (singular), the endpoint list shown only
// when the verdicts differ, a connection answered by no known pod, nothing listening at all, and
// every ping result. Result words follow what the tools print: a drop is a timeout, kube-proxy's
// REJECT for a Service without endpoints is "Connection refused" (kubernetes
// pkg/proxy/iptables/proxier.go), a lookup that fails is NXDOMAIN.
import { describe, expect, it } from 'vitest';
import type { IcmpResult, ProbeResult } from '../model/index.js';
import { formatIcmp, formatProbe } from './probe.js';

const base: ProbeResult = {
  request: { from: 'prod/client', host: 'web', port: 80, protocol: 'TCP' },
  outcome: 'connected', reason: 'ok',
  dns: null, address: '10.96.0.20', service: null, endpoint: null, candidates: [], explanation: null,
  listening: null, server: null, enforced: true,
};
const probeOf = (over: Partial<ProbeResult>) => ({ ...base, ...over });
const out = (r: ProbeResult, locale: 'en' | 'ko' = 'en') => formatProbe(r, locale).split('\n');
const SVC = { key: 'prod/web', port: 80, targetPort: 8080 };
const dnsOk = (answer: NonNullable<ProbeResult['dns']>['answer']): ProbeResult['dns'] => ({
  server: '10.96.0.10', serverPod: 'kube-system/coredns-a', allowed: true, answer, explanation: null,
});

describe('formatProbe: the steps', () => {
  it('a client that is not a pod: the request line and why, nothing else', () => {
    expect(out(probeOf({ reason: 'no-client', dns: dnsOk(null) }))).toEqual(['prod/client → web:80/TCP', 'prod/client is not a running pod with an address.']);
    expect(out(probeOf({ reason: 'no-client' }), 'ko')).toEqual(['prod/client → web:80/TCP', 'prod/client: 주소를 가진 실행 중인 파드가 아닙니다.']);
  });

  it('no ready CoreDNS: the lookup is rejected, DNS FAILED', () => {
    const r = probeOf({ reason: 'dns-no-server', outcome: 'dns-timeout', address: null, dns: { server: '10.96.0.10', serverPod: null, allowed: false, answer: null, explanation: null } });
    expect(out(r)).toEqual(['prod/client → web:80/TCP', 'DNS: the kube-dns Service (10.96.0.10) has no ready CoreDNS pod, so the lookup is rejected.', '',
      'Result: DNS FAILED. No DNS server answers, so no connection is tried.']);
    expect(out(r, 'ko').at(-1)).toBe('결과: DNS 실패. 응답하는 DNS 서버가 없어 연결은 시도되지 않습니다.');
    expect(out(r, 'ko')[1]).toBe('DNS: kube-dns 서비스(10.96.0.10)에 준비된 CoreDNS 파드가 없어 조회가 거부됩니다.');
  });

  it('a dropped lookup without an explanation is one line; an answer-less allowed lookup says nothing', () => {
    const blocked = probeOf({ reason: 'dns-policy', dns: { server: '10.96.0.10', serverPod: 'kube-system/coredns-a', allowed: false, answer: null, explanation: null } });
    expect(out(blocked)).toEqual(['prod/client → web:80/TCP', 'DNS: the lookup (UDP 53 to 10.96.0.10, sent on to kube-system/coredns-a) is dropped by a NetworkPolicy:', '',
      'Result: DNS TIMEOUT. The name never resolves, so no connection is tried.']);
    expect(out(probeOf({ dns: dnsOk(null) }))).toEqual(['prod/client → web:80/TCP', '', 'Result: CONNECTED. 10.96.0.20:80/TCP answers.']);
  });

  it('an alias with addresses is an ordinary answer; NXDOMAIN with nothing tried names the host', () => {
    const alias = dnsOk({ status: 'NOERROR', name: 'web', fqdn: 'web.prod.svc.cluster.local', addresses: ['10.96.0.20'], cname: 'x.example', kind: 'external-name', tried: ['web.prod.svc.cluster.local'] });
    expect(out(probeOf({ dns: alias }))[1]).toBe('DNS: web → web.prod.svc.cluster.local = 10.96.0.20 (asked 10.96.0.10, answered by kube-system/coredns-a).');
    expect(out(probeOf({ dns: alias }), 'ko')[1]).toBe('DNS: web → web.prod.svc.cluster.local = 10.96.0.20 (10.96.0.10에 질의, 응답한 파드: kube-system/coredns-a).');
    const outside = dnsOk({ status: 'NOERROR', name: 'web', fqdn: 'web.prod.svc.cluster.local', addresses: [], cname: 'api.example.com', kind: 'external-name', tried: ['web.prod.svc.cluster.local'] });
    expect(out(probeOf({ dns: outside, reason: 'no-route', address: null }))[1])
      .toBe('DNS: web is an alias (CNAME) for api.example.com, outside the cluster; the lab has no internet, so it has no address.');
    const nx = probeOf({ reason: 'nxdomain', address: null, dns: dnsOk({ status: 'NXDOMAIN', name: 'web', tried: [] }) });
    expect(out(nx)[1]).toBe('DNS: web does not exist (NXDOMAIN). Names tried, in order: web.');
    expect(out(nx, 'ko')[1]).toBe('DNS: web: 없는 이름입니다(NXDOMAIN). 시도한 이름(순서대로): web.');
  });

  it('a NodePort: kube-proxy masquerades the source (only with a Service)', () => {
    const r = probeOf({ address: '192.168.1.10', masqueradedFrom: '192.168.1.10', service: SVC, reason: 'policy', outcome: 'timeout' });
    expect(out(r)[1]).toBe("NodePort: kube-proxy translates 192.168.1.10:80/TCP to Service prod/web and masquerades the source, so the server's ingress sees the node address 192.168.1.10, not the client pod.");
    expect(out(r, 'ko')[1]).toBe('NodePort: kube-proxy가 192.168.1.10:80/TCP에 온 연결을 prod/web 서비스로 전달하면서 출발지 주소를 노드 주소로 바꿉니다(masquerade). 그래서 서버의 수신 정책에는 클라이언트 파드가 아니라 노드 주소(192.168.1.10)가 보입니다.');
    expect(out(probeOf({ masqueradedFrom: '192.168.1.10' }))).toEqual(['prod/client → web:80/TCP', '', 'Result: CONNECTED. 10.96.0.20:80/TCP answers.']);
  });

  it('a Service without that port, and one without ready endpoints', () => {
    const noPort = probeOf({ service: SVC, reason: 'no-service-port', outcome: 'timeout' });
    expect(out(noPort)).toEqual(['prod/client → web:80/TCP', 'Service prod/web (10.96.0.20) has no port 80/TCP.', '',
      'Result: TIMEOUT. kube-proxy has a rule only for the ports Service prod/web defines; packets to 10.96.0.20 on 80/TCP go nowhere.']);
    expect(out(noPort, 'ko')[1]).toBe('서비스 prod/web(10.96.0.20)에는 80/TCP 포트가 없습니다.');
    const noEndpoints = probeOf({ service: SVC, reason: 'no-endpoints', outcome: 'refused' });
    expect(out(noEndpoints)[1]).toBe('Service prod/web: port 80/TCP has no ready endpoint.');
    expect(out(noEndpoints, 'ko')[1]).toBe('서비스 prod/web: 80/TCP 포트에 준비된 엔드포인트가 없습니다.');
    // A Service that resolved nothing further (no endpoint chosen): no Service line at all.
    expect(out(probeOf({ service: SVC }))).toEqual(['prod/client → web:80/TCP', '', 'Result: CONNECTED. 10.96.0.20:80/TCP answers.']);
  });

  it('one ready endpoint is singular; the list appears only when the endpoints\' verdicts differ', () => {
    const endpoint = { id: 'prod/web-a', ip: '10.244.1.5', port: 8080 };
    const a = { id: 'prod/web-a', ip: '10.244.1.5', port: 8080, allowed: true };
    const b = { id: 'prod/web-b', ip: '10.244.2.6', port: 8080, allowed: false };
    const one = out(probeOf({ service: SVC, endpoint, candidates: [a] }));
    expect(one[1]).toBe('Service prod/web: 80/TCP forwards to target port 8080 on 1 ready endpoint; kube-proxy sends this connection to prod/web-a at 10.244.1.5:8080 (it picks one at random; the lab shows the first).');
    expect(one).toHaveLength(4);
    const mixed = out(probeOf({ service: SVC, endpoint, candidates: [a, b] }));
    expect(mixed[2]).toBe('Endpoints: prod/web-a 10.244.1.5:8080 allowed, prod/web-b 10.244.2.6:8080 denied.');
    expect(out(probeOf({ service: SVC, endpoint, candidates: [a, b] }), 'ko').slice(1, 3)).toEqual([
      '서비스 prod/web: 80/TCP 포트를 준비된 엔드포인트 2개의 타깃 포트 8080번으로 전달합니다. kube-proxy는 이 연결을 prod/web-a(10.244.1.5:8080)에 보냅니다. 실제로는 무작위로 선택하며, 랩은 첫 번째를 보여 줍니다.',
      '엔드포인트: prod/web-a 10.244.1.5:8080 허용, prod/web-b 10.244.2.6:8080 차단.',
    ]);
    expect(out(probeOf({ service: SVC, endpoint, candidates: [b, { ...b, id: 'prod/web-c' }] }))).toHaveLength(4);
    // The result names the endpoint the packets went to.
    expect(mixed.at(-1)).toBe('Result: CONNECTED. 10.244.1.5:8080/TCP answers.');
  });
});

describe('formatProbe: the result line', () => {
  it.each<[string, Partial<ProbeResult>, string, string]>([
    ['a server with no pod', { server: { kind: 'redis', podKey: null, container: null, image: null } },
      'Result: CONNECTED. 10.96.0.20:80/TCP answers.', '결과: 연결됨. 10.96.0.20:80/TCP에서 응답이 옵니다.'],
    ['nothing listens anywhere (listening unknown)', { reason: 'not-listening', outcome: 'refused' },
      'Result: CONNECTION REFUSED. The packets reach 10.96.0.20:80/TCP, but nothing listens on that port (nothing listens there at all).',
      '결과: 연결 거부됨(Connection refused). 패킷은 10.96.0.20:80/TCP에 도착하지만 그곳에는 열려 있는 포트가 하나도 없습니다.'],
    ['nothing listens anywhere (none listed)', { reason: 'not-listening', outcome: 'refused', listening: [] },
      'Result: CONNECTION REFUSED. The packets reach 10.96.0.20:80/TCP, but nothing listens on that port (nothing listens there at all).',
      '결과: 연결 거부됨(Connection refused). 패킷은 10.96.0.20:80/TCP에 도착하지만 그곳에는 열려 있는 포트가 하나도 없습니다.'],
    ['several ports listen', { reason: 'not-listening', outcome: 'refused', listening: [{ port: 53, protocol: 'UDP' }, { port: 8080, protocol: 'TCP' }] },
      'Result: CONNECTION REFUSED. The packets reach 10.96.0.20:80/TCP, but nothing listens on that port (listening: 53/UDP, 8080/TCP).',
      '결과: 연결 거부됨(Connection refused). 패킷은 10.96.0.20:80/TCP에 도착하지만 그 포트에서 기다리는 프로세스가 없습니다(열려 있는 포트: 53/UDP, 8080/TCP).'],
    ['no route, no address: the host as typed', { reason: 'no-route', outcome: 'timeout', address: null },
      'Result: TIMEOUT. Nothing in the lab has the address web (there is no internet).', '결과: 시간 초과. 랩 안에는 web 주소를 가진 곳이 없습니다(인터넷도 없습니다).'],
  ])('%s', (_label, over, en, ko) => {
    expect(out(probeOf(over)).at(-1)).toBe(en);
    expect(out(probeOf(over), 'ko').at(-1)).toBe(ko);
  });

  it.each<['nginx' | 'httpd' | 'redis' | 'mysql' | 'postgres' | 'generic', string, string]>([
    ['nginx', 'nginx in prod/db', 'prod/db의 nginx'],
    ['httpd', 'Apache httpd in prod/db', 'prod/db의 Apache httpd'],
    ['redis', 'Redis in prod/db', 'prod/db의 Redis'],
    ['mysql', 'MySQL in prod/db', 'prod/db의 MySQL'],
    ['postgres', 'PostgreSQL in prod/db', 'prod/db의 PostgreSQL'],
    ['generic', 'a process in prod/db', 'prod/db의 프로세스'],
  ])('the server that answers: %s', (kind, en, ko) => {
    const r = probeOf({ server: { kind, podKey: 'prod/db', container: 'main', image: null } });
    expect(out(r).at(-1)).toBe(`Result: CONNECTED. ${en} answers on 10.96.0.20:80/TCP.`);
    expect(out(r, 'ko').at(-1)).toBe(`결과: 연결됨. 10.96.0.20:80/TCP에서 응답이 옵니다(응답한 프로세스: ${ko}).`);
  });
});

describe('formatIcmp', () => {
  const icmp: IcmpResult = {
    request: { from: 'prod/client', host: 'db' }, outcome: 'reply', dns: null, address: '10.244.1.7', target: 'prod/db',
    reason: 'ok', egress: null, ingress: null, enforced: true,
  };
  const ping = (over: Partial<IcmpResult>, locale: 'en' | 'ko' = 'en') => formatIcmp({ ...icmp, ...over }, locale).split('\n');

  it.each<[string, Partial<IcmpResult>, string, string]>([
    ['a reply', {}, 'Result: REPLY. 10.244.1.7 answers ping.', '결과: 응답함. 10.244.1.7 주소가 ping에 응답합니다.'],
    ['no route', { reason: 'no-route', outcome: 'timeout', address: '8.8.8.8' },
      'Result: NO REPLY. Nothing in the lab has the address 8.8.8.8 (there is no internet).', '결과: 응답 없음. 랩 안에는 8.8.8.8 주소를 가진 곳이 없습니다(인터넷도 없습니다).'],
    ['no address yet: the host as typed', { reason: 'no-route', outcome: 'timeout', address: null },
      'Result: NO REPLY. Nothing in the lab has the address db (there is no internet).', '결과: 응답 없음. 랩 안에는 db 주소를 가진 곳이 없습니다(인터넷도 없습니다).'],
    ['nxdomain', { reason: 'nxdomain', outcome: 'nxdomain' },
      'Result: NAME NOT FOUND. The name does not resolve, so no connection is tried.', '결과: 이름을 찾을 수 없음. 이름이 해석되지 않아 연결은 시도되지 않습니다.'],
    ['a dropped lookup', { reason: 'dns-policy', outcome: 'dns-timeout' },
      'Result: DNS TIMEOUT. The name never resolves, so no connection is tried.', '결과: DNS 시간 초과. 이름이 끝내 해석되지 않아 연결은 시도되지 않습니다.'],
    ['no DNS server', { reason: 'dns-no-server', outcome: 'dns-timeout' },
      'Result: DNS FAILED. No DNS server answers, so no connection is tried.', '결과: DNS 실패. 응답하는 DNS 서버가 없어 연결은 시도되지 않습니다.'],
    ['a policy', { reason: 'policy', outcome: 'timeout' },
      'Result: NO REPLY. NetworkPolicy has no ICMP port: an isolated pod sends or receives ping only through a rule without ports.',
      '결과: 응답 없음. NetworkPolicy에는 ICMP 포트가 없어, 격리된 파드는 포트를 지정하지 않은 규칙으로만 ping을 주고받을 수 있습니다.'],
  ])('%s', (_label, over, en, ko) => {
    expect(ping(over).at(-1)).toBe(en);
    expect(ping(over, 'ko').at(-1)).toBe(ko);
  });

  it('a client that is not a pod: two lines', () => {
    expect(ping({ reason: 'no-client' })).toEqual(['prod/client → db ICMP', 'prod/client is not a running pod with an address.']);
  });

  it('the lookup comes first; directions only when both are known and NetworkPolicy is enforced', () => {
    const lookup = ping({ dns: dnsOk({ status: 'NOERROR', name: 'db', fqdn: 'db.prod.svc.cluster.local', addresses: ['10.244.1.7'], kind: 'headless', tried: ['db.prod.svc.cluster.local'] }) });
    expect(lookup).toEqual(['prod/client → db ICMP', 'DNS: db → db.prod.svc.cluster.local = 10.244.1.7 (asked 10.96.0.10, answered by kube-system/coredns-a).', '',
      'Result: REPLY. 10.244.1.7 answers ping.']);
    const direction = (d: 'Egress' | 'Ingress', subject: string) => ({
      direction: d, subject, notApplicable: null, isolated: false, isolatingPolicies: [], allowed: true, allowedBy: [], misses: [], emptyPolicies: [],
    });
    const both = { egress: direction('Egress', 'prod/client'), ingress: direction('Ingress', 'prod/db') };
    expect(ping(both)).toEqual(['prod/client → db ICMP', '',
      'Egress from prod/client: not isolated (no NetworkPolicy selects prod/client for Egress), so all Egress is allowed.',
      'Ingress to prod/db: not isolated (no NetworkPolicy selects prod/db for Ingress), so all Ingress is allowed.', '',
      'Result: REPLY. 10.244.1.7 answers ping.']);
    // The target falls back to the address when no pod has it.
    expect(ping({ ...both, target: null })[3]).toBe('Ingress to 10.244.1.7 (outside the cluster): not isolated (no NetworkPolicy selects 10.244.1.7 (outside the cluster) for Ingress), so all Ingress is allowed.');
    expect(ping({ ...both, enforced: false })).toHaveLength(3);
    expect(ping({ egress: both.egress })).toHaveLength(3);
    expect(ping({ ingress: both.ingress })).toHaveLength(3);
  });

  it('a ClusterIP never answers ping', () => {
    expect(ping({ reason: 'cluster-ip', outcome: 'timeout', address: '10.96.0.20' }).at(-1)).toBe('Result: NO REPLY. 10.96.0.20 is a ClusterIP: kube-proxy translates only the Service\'s TCP/UDP/SCTP ports, and no machine has that address to answer ping. Test a Service with its port (wget, nc), not with ping.');
  });
});
