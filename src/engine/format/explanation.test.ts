// The one formatter for explanations: np-guard/netpol-analyzer style sentences
// ("NetworkPolicy 'ns/x' selects ns/b, but ns/a is not allowed by any Ingress rule"),
// field positions, and one overall verdict as the last line, in English and Korean.
import { describe, expect, it } from 'vitest';
import { cluster, extHost, namespace, pod, policy, sel } from '../../testing/netpol.js';
import { compileNetwork } from '../netpol/index.js';
import { formatExplanation } from './explanation.js';

function net(cni: 'calico' | 'flannel' = 'calico') {
  return compileNetwork(cluster({
    cni,
    namespaces: [namespace('x', { env: 'test' })],
    pods: [
      pod('x/a', { labels: { pod: 'a' }, ports: [{ port: 80, name: 'web' }] }), pod('x/b', { labels: { pod: 'b' } }),
      pod('x/c', { labels: { pod: 'c' } }), pod('x/h', { labels: { pod: 'h' }, hostNetwork: true }),
    ],
    externalHosts: [extHost('203.0.113.5')],
    policies: [
      policy('x/allow-b', { podSelector: sel({ pod: 'a' }), ingress: [{ peers: [{ pods: sel({ pod: 'b' }) }], ports: [{ port: 81 }] }, { peers: [{ namespaces: sel({ env: 'prod' }) }], ports: [{ port: 'web', protocol: 'UDP' }] }] }),
      policy('x/deny-all', { podSelector: sel({}), ingress: [] }),
      policy('x/egress', { podSelector: sel({ pod: 'c' }), policyTypes: ['Egress'], egress: [{ peers: [{ cidr: '192.168.0.0/16' }] }] }),
    ],
  })).network;
}
const fmt = (from: string, to: string, port: number, locale: 'en' | 'ko', cni: 'calico' | 'flannel' = 'calico') => {
  const e = net(cni).explain(from, to, port, 'TCP');
  if (!e) throw new Error('no explanation');
  return formatExplanation(e, locale);
};
const last = (s: string) => s.split('\n').at(-1);

describe('formatExplanation (en)', () => {
  it('denied on both ends: each policy, each rule with positions, empty policy, one verdict', () => {
    const s = fmt('x/c', 'x/a', 80, 'en');
    expect(s.split('\n')[0]).toBe('x/c → x/a  80/TCP');
    expect(s).toContain("NetworkPolicy 'x/allow-b' selects x/a, but x/c is not allowed by any Ingress rule:");
    expect(s).toContain('- spec.ingress[0]: from[0] podSelector pod=b does not match x/c (labels: pod=c); ports[0] allows port 81, not 80');
    expect(s).toContain('- spec.ingress[1]: from[0] namespaceSelector env=prod does not match namespace x');
    expect(s).toContain('ports[0] is for UDP, not TCP');
    expect(s).toContain("NetworkPolicy 'x/deny-all' selects x/a and has no Ingress rules, so it allows no Ingress.");
    expect(s).toContain("NetworkPolicy 'x/egress' selects x/c, but x/a is not allowed by any Egress rule:");
    expect(s).toContain('- spec.egress[0]: to[0] ipBlock 192.168.0.0/16 does not contain');
    expect(last(s)).toBe('Verdict: DENIED. x/c cannot connect to x/a on 80/TCP: blocked by the Egress of x/c and the Ingress of x/a.');
    // Never the policy-assistant anti-model: a deny-all is not shown as allowing anything.
    expect(s).not.toMatch(/Allowed by NetworkPolicy 'x\/deny-all'/);
  });

  it('allowed: names the rule, peer and port that allowed', () => {
    const s = fmt('x/b', 'x/a', 81, 'en');
    expect(s).toContain('Egress from x/b: not isolated (no NetworkPolicy selects x/b for Egress), so all Egress is allowed.');
    expect(s).toContain("Allowed by NetworkPolicy 'x/allow-b' spec.ingress[0] (from[0], ports[0]).");
    expect(last(s)).toBe('Verdict: ALLOWED. x/b can connect to x/a on 81/TCP.');
  });

  it('only the ingress side denies', () => {
    expect(last(fmt('x/b', 'x/a', 80, 'en'))).toBe('Verdict: DENIED. x/b cannot connect to x/a on 80/TCP: blocked by the Ingress of x/a.');
  });

  it('outside host, hostNetwork pod and a CNI that does not enforce', () => {
    expect(fmt('x/b', '203.0.113.5', 443, 'en')).toContain('Ingress to 203.0.113.5 (outside the cluster): not a pod, so NetworkPolicy never applies to it.');
    expect(fmt('x/b', 'x/h', 80, 'en')).toContain('x/h uses the node\'s network (hostNetwork: true)');
    const s = fmt('x/c', 'x/a', 80, 'en', 'flannel');
    expect(s).toContain("not enforced: the cluster's CNI does not enforce NetworkPolicy");
    expect(last(s)).toBe('Verdict: ALLOWED. x/c can connect to x/a on 80/TCP, because nothing enforces NetworkPolicy in this cluster.');
  });
});

describe('formatExplanation (ko)', () => {
  it('denied, in natural Korean, with the same positions and a verdict', () => {
    const s = fmt('x/c', 'x/a', 80, 'ko');
    expect(s).toContain("NetworkPolicy 'x/allow-b' 정책이 x/a 파드를 선택하지만, x/c 파드는 어떤 Ingress 규칙에서도 허용되지 않습니다:");
    expect(s).toContain('- spec.ingress[0]: from[0]: podSelector(pod=b)가 x/c 파드의 레이블(pod=c)과 일치하지 않음; ports[0]: 포트 81번만 허용함 (요청은 80번)');
    expect(s).toContain("NetworkPolicy 'x/deny-all' 정책은 x/a 파드를 선택하지만 Ingress 규칙이 하나도 없어");
    expect(last(s)).toBe('판정: 차단됨. x/c 파드는 80/TCP 포트로 x/a 파드에 연결할 수 없습니다. x/c 파드의 송신(Egress) 정책과 x/a 파드의 수신(Ingress) 정책이 막고 있습니다.');
  });
  it('allowed and external', () => {
    expect(last(fmt('x/b', 'x/a', 81, 'ko'))).toBe('판정: 허용됨. x/b 파드는 81/TCP 포트로 x/a 파드에 연결할 수 있습니다.');
    expect(fmt('x/b', 'x/a', 81, 'ko')).toContain("NetworkPolicy 'x/allow-b' 정책의 spec.ingress[0] 규칙이 허용합니다 (from[0], ports[0]).");
    expect(fmt('x/b', '203.0.113.5', 443, 'ko')).toContain('수신(Ingress) — 외부 주소(203.0.113.5): 파드가 아니므로 NetworkPolicy가 적용되지 않습니다.');
  });
});

describe('source positions', () => {
  // The CLI passes Analysis.locate so each rule line says where it is (file:line:col), the form
  // editors and terminals turn into links.
  const locate = (ref: { path: readonly (string | number)[] }) => ({ file: 'np.yaml', line: ref.path.length, column: 3 });
  it('marks the allowing rule and every missed rule with its position; without a locator nothing changes', () => {
    const allowed = net().explain('x/b', 'x/a', 81, 'TCP');
    const denied = net().explain('x/c', 'x/a', 80, 'TCP');
    if (!allowed || !denied) throw new Error('no explanation');
    expect(formatExplanation(allowed, 'en', { locate })).toMatch(/Allowed by NetworkPolicy 'x\/allow-b' spec\.ingress\[0\] \(from\[0\], ports\[0\]\)\. \[np\.yaml:\d+:3\]$/m);
    expect(formatExplanation(denied, 'en', { locate })).toMatch(/^ {4}- spec\.ingress\[0\] \[np\.yaml:\d+:3\]: from\[0\] podSelector/m);
    expect(formatExplanation(denied, 'en')).not.toContain('np.yaml');
  });
});
