// The probe's explanation in both languages: each step, the trap sentence, one result line last.
// Outcome wording follows what the tools mean: a drop is a timeout, an RST or kube-proxy's REJECT is
// "Connection refused" (pkg/proxy/iptables/proxier.go), NXDOMAIN is a name that does not exist.
import { describe, expect, it } from 'vitest';
import { ALLOW_DNS, DENY_EGRESS, WEB_IN_8080, probeCluster } from '../../testing/probe.js';
import { probe } from '../service/probe.js';
import { probeIcmp } from '../service/icmp.js';
import { formatIcmp, formatProbe, formatServiceTrap } from './probe.js';

const from = 'prod/client';
const run = (extra: string[], host: string, port: number) => probe(probeCluster(...extra), { from, host, port, protocol: 'TCP' });
const last = (s: string) => s.split('\n').at(-1);

describe('formatServiceTrap', () => {
  it('says which port the Service forwards to and what the policy allows, in English and Korean', () => {
    const trap = { servicePort: 8080, targetPort: 80, policy: 'prod/front-in', direction: 'Ingress' as const };
    expect(formatServiceTrap(trap, 'en')).toMatch(/^The Service forwards 8080 to pod port 80; NetworkPolicy 'prod\/front-in' allows 8080, not 80\./);
    expect(formatServiceTrap(trap, 'ko')).toMatch(/^서비스가 8080번 포트로 받은 연결을 파드의 80번 포트로 전달하는데, NetworkPolicy 'prod\/front-in' 정책은 80번이 아니라 8080번을 허용하고 있습니다\./);
  });
});

describe('formatProbe', () => {
  it('the trap: DNS answer, the Service line, the trap, the policy explanation of port 80, a timeout', () => {
    const r = run([WEB_IN_8080, ALLOW_DNS], 'web-svc', 8080);
    const en = formatProbe(r, 'en');
    expect(en.split('\n')[0]).toBe('prod/client → web-svc:8080/TCP');
    expect(en).toMatch(/^DNS: web-svc → web-svc\.prod\.svc\.cluster\.local = 10\.\d+\.\d+\.\d+ \(asked 10\.96\.0\.10, answered by kube-system\/coredns-/m);
    expect(en).toMatch(/^Service prod\/web-svc: 8080\/TCP forwards to target port 80 on 2 ready endpoints; kube-proxy sends this connection to prod\/web-a at /m);
    expect(en).toContain("NetworkPolicy 'prod/web-in' allows 8080, not 80");
    expect(en).toContain('prod/client → prod/web-a  80/TCP');
    expect(en).toContain('- spec.ingress[0]: ports[0] allows port 8080, not 80');
    expect(last(en)).toBe('Result: TIMEOUT. A NetworkPolicy drops the packets; the client waits until it gives up.');
    const ko = formatProbe(r, 'ko');
    expect(ko).toContain('타깃 포트 80번으로 전달합니다');
    expect(last(ko)).toBe('결과: 시간 초과. NetworkPolicy가 패킷을 버리므로 클라이언트는 포기할 때까지 기다립니다.');
  });

  it.each([
    [[], 'web-svc', 8080, /^Result: CONNECTED\. nginx in prod\/web-a answers on 10\.\d+\.\d+\.\d+:80\/TCP\.$/, /^결과: 연결됨\. 10\.\d+\.\d+\.\d+:80\/TCP에서 응답이 옵니다\(응답한 프로세스: prod\/web-a의 nginx\)\.$/],
    [[], 'web-svc', 80, /^Result: TIMEOUT\. kube-proxy has a rule only for the ports Service prod\/web-svc defines/, /^결과: 시간 초과\. kube-proxy에는 서비스 prod\/web-svc에 정의된 포트의 규칙만/],
    [[], 'idle', 80, /^Result: CONNECTION REFUSED\. Service prod\/idle has no ready endpoint for 80\/TCP: kube-proxy rejects the connection at once\.$/, /^결과: 연결 거부됨\(Connection refused\)\. 서비스 prod\/idle에는/],
    [[], 'nope', 80, /^Result: NAME NOT FOUND\./, /^결과: 이름을 찾을 수 없음\./],
    [[DENY_EGRESS], 'web-svc', 8080, /^Result: DNS TIMEOUT\./, /^결과: DNS 시간 초과\./],
    [[], '8.8.8.8', 53, /^Result: TIMEOUT\. Nothing in the lab has the address 8\.8\.8\.8 \(there is no internet\)\.$/, /^결과: 시간 초과\. 랩 안에는 8\.8\.8\.8 주소를/],
  ] as const)('%j %s:%s', (extra, host, port, en, ko) => {
    const r = run([...extra], host, port);
    expect(last(formatProbe(r, 'en'))).toMatch(en);
    expect(last(formatProbe(r, 'ko'))).toMatch(ko);
  });

  it('not listening names what does listen; a blocked lookup shows the DNS flow', () => {
    const a = probeCluster();
    const ip = a.pods.find((p) => p.key === 'prod/web-a')?.pod.ip ?? '';
    expect(last(formatProbe(probe(a, { from, host: ip, port: 8080, protocol: 'TCP' }), 'en'))).toBe(`Result: CONNECTION REFUSED. The packets reach ${ip}:8080/TCP, but nothing listens on that port (listening: 80/TCP).`);
    const blocked = formatProbe(run([DENY_EGRESS], 'web', 80), 'en');
    expect(blocked).toContain('DNS: the lookup (UDP 53 to 10.96.0.10, sent on to kube-system/coredns-');
    expect(blocked).toContain("NetworkPolicy 'prod/deny-egress' selects prod/client and has no Egress rules");
  });

  it('nxdomain lists the names tried; an ExternalName says why it leads nowhere', () => {
    expect(formatProbe(run([], 'nope', 80), 'en')).toContain('DNS: nope does not exist (NXDOMAIN). Names tried, in order: nope.prod.svc.cluster.local, nope.svc.cluster.local, nope.cluster.local, nope.');
    expect(formatProbe(run([], 'ext', 443), 'ko')).toContain('DNS: ext: 클러스터 밖의 이름(api.example.com)을 가리키는 별칭(CNAME)입니다.');
  });
});

describe('formatIcmp', () => {
  it('ICMP against a ports-only rule, and a ClusterIP', () => {
    const a = probeCluster(WEB_IN_8080);
    const ip = a.pods.find((p) => p.key === 'prod/web-a')?.pod.ip ?? '';
    const s = formatIcmp(probeIcmp(a, { from, host: ip }), 'en');
    expect(s).toContain('- spec.ingress[0]: ports[0] is for TCP, not ICMP');
    expect(last(s)).toBe('Result: NO REPLY. NetworkPolicy has no ICMP port: an isolated pod sends or receives ping only through a rule without ports.');
    expect(last(formatIcmp(probeIcmp(a, { from, host: 'web-svc' }), 'ko'))).toMatch(/^결과: 응답 없음\. 10\.\d+\.\d+\.\d+ 주소는 ClusterIP입니다\./);
  });
});
