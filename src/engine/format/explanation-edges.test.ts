// formatExplanation / formatDirection, the branches explanation.test.ts does not reach: every peer
// and port miss reason in both languages (read from real explanations, so the detail keys netpol/
// fills are the ones the phrases use), a rule with no from/to or no ports, a policy whose rules
// all matched the peer, the remote end a NodePort masquerade gives, the Egress-only verdict, and
// the Korean texts for hostNetwork, a CNI that does not enforce and the unenforced verdict.
// Ports are written as kubectl writes them (`80/TCP`, the PORT(S) column of kubectl get services:
// k8s.io/kubectl pkg/describe and kubernetes pkg/printers/internalversion makePortString).
import { describe, expect, it } from 'vitest';
import type { DirectionExplanation, Explanation } from '../model/index.js';
import { cluster, extHost, namespace, pod, policy, sel } from '../../testing/netpol.js';
import { compileNetwork } from '../netpol/index.js';
import { formatDirection, formatExplanation } from './explanation.js';

const network = compileNetwork(cluster({
  namespaces: [namespace('x', { env: 'test' }), namespace('y', { env: 'prod' })],
  pods: [
    pod('x/a', { labels: { pod: 'a' }, ports: [{ port: 80, name: 'web' }] }),
    pod('x/b', { labels: { pod: 'b' } }),
    pod('y/b', { labels: { pod: 'b' } }),
    pod('x/h', { labels: { pod: 'h' }, hostNetwork: true }),
  ],
  externalHosts: [extHost('203.0.113.5')],
  policies: [
    policy('x/to-a', {
      podSelector: sel({ pod: 'a' }),
      ingress: [
        { peers: [{ pods: sel({ pod: 'b' }) }], ports: [{ port: 8000, endPort: 8080 }] },
        { peers: [{ cidr: '203.0.113.0/24', except: ['203.0.113.0/28'] }], ports: [{ port: 'metrics' }] },
        { ports: [{ port: 'web' }] },
      ],
    }),
  ],
})).network;

function explain(from: string, to: string, port: number): Explanation {
  const e = network.explain(from, to, port, 'TCP');
  if (!e) throw new Error(`no explanation for ${from} → ${to}`);
  return e;
}
const lines = (from: string, to: string, port: number, locale: 'en' | 'ko') => formatExplanation(explain(from, to, port), locale).split('\n');

describe('why a rule missed, in English', () => {
  it('y/b → x/a: a podSelector alone only selects the policy\'s namespace; a port range; a named port of another number', () => {
    const out = lines('y/b', 'x/a', 81, 'en');
    expect(out).toContain("  NetworkPolicy 'x/to-a' selects x/a, but y/b is not allowed by any Ingress rule:");
    expect(out).toContain('    - spec.ingress[0]: from[0] podSelector without namespaceSelector only selects pods in namespace x, not y; ports[0] allows ports 8000-8080, not 81');
    expect(out).toContain('    - spec.ingress[2]: ports[0] names port "web", which is 80 on the destination, not 81');
  });

  it('an outside address: a selector never matches it; an ipBlock except removes it; a port name the destination does not declare', () => {
    const out = lines('203.0.113.5', 'x/a', 81, 'en');
    expect(out).toContain('    - spec.ingress[0]: from[0] selects pods only, and 203.0.113.5 is outside the cluster; ports[0] allows ports 8000-8080, not 81');
    expect(out).toContain('    - spec.ingress[1]: from[0] ipBlock 203.0.113.0/24 contains 203.0.113.5, but except 203.0.113.0/28 removes it; ports[0] names port "metrics" (TCP), which x/a does not declare');
    expect(out[0]).toBe('203.0.113.5 → x/a  81/TCP');
  });

  it('a rule whose peer matched lists only its port misses; a rule with no from is "any peer"', () => {
    // x/b matches spec.ingress[0]'s peer: only the range is said. spec.ingress[2] has no from.
    const out = lines('x/b', 'x/a', 81, 'en');
    expect(out).toContain('    - spec.ingress[0]: ports[0] allows ports 8000-8080, not 81');
    expect(out).toContain('    - spec.ingress[2]: ports[0] names port "web", which is 80 on the destination, not 81');
    expect(lines('x/b', 'x/a', 80, 'en')).toContain("  Allowed by NetworkPolicy 'x/to-a' spec.ingress[2] (any peer, ports[0]).");
  });

  it('only the Egress side blocks: the verdict names that side alone', () => {
    const exp = explain('x/b', 'x/a', 80);
    const egressDenied: Explanation = {
      ...exp, allowed: false,
      egress: { ...exp.egress, isolated: true, isolatingPolicies: ['x/deny'], allowed: false, emptyPolicies: [{ policy: 'x/deny', direction: 'Egress', ref: exp.egress.emptyPolicies[0]?.ref ?? { file: 'np.yaml', doc: 0, path: [] } }] },
    };
    const out = formatExplanation(egressDenied, 'en').split('\n');
    expect(out.at(-1)).toBe('Verdict: DENIED. x/b cannot connect to x/a on 80/TCP: blocked by the Egress of x/b.');
    expect(out).toContain("  NetworkPolicy 'x/deny' selects x/b and has no Egress rules, so it allows no Egress.");
    expect(formatExplanation(egressDenied, 'ko').split('\n').at(-1))
      .toBe('판정: 차단됨. x/b 파드는 80/TCP 포트로 x/a 파드에 연결할 수 없습니다. x/b 파드의 송신(Egress) 정책이 막고 있습니다.');
  });
});

describe('why a rule missed, in Korean', () => {
  it.each<[string, string, number, string]>([
    ['y/b', 'x/a', 81, '    - spec.ingress[0]: from[0]: namespaceSelector 없이 podSelector만 쓰면 정책이 있는 x 네임스페이스의 파드만 선택하는데, 상대는 y 네임스페이스에 있음; ports[0]: 포트 8000~8080번만 허용함 (요청은 81번)'],
    ['y/b', 'x/a', 81, '    - spec.ingress[2]: ports[0]: 목적지에서 "web" 포트는 80번임 (요청은 81번)'],
    ['203.0.113.5', 'x/a', 81, '    - spec.ingress[0]: from[0]: 셀렉터는 파드만 선택하며, 203.0.113.5 주소는 클러스터 밖에 있음; ports[0]: 포트 8000~8080번만 허용함 (요청은 81번)'],
    ['203.0.113.5', 'x/a', 81, '    - spec.ingress[1]: from[0]: ipBlock 203.0.113.0/24 범위에 203.0.113.5 주소가 들어 있지만 except 203.0.113.0/28에서 제외됨; ports[0]: 목적지(x/a)에 "metrics"(TCP)라는 이름의 포트가 선언되어 있지 않음'],
    ['x/b', 'x/a', 80, "  NetworkPolicy 'x/to-a' 정책의 spec.ingress[2] 규칙이 허용합니다 (모든 상대, ports[0])."],
  ])('%s → %s:%i', (from, to, port, line) => {
    expect(lines(from, to, port, 'ko')).toContain(line);
  });

  it('hostNetwork pod, and a CNI that does not enforce, with its verdict', () => {
    expect(lines('x/b', 'x/h', 80, 'ko')).toContain('수신(Ingress) — x/h 파드: x/h 파드는 노드의 네트워크를 사용하므로(hostNetwork: true) NetworkPolicy가 적용되지 않습니다(실습 규칙).');
    const flannel = compileNetwork(cluster({ cni: 'flannel', pods: [pod('x/a'), pod('x/b')], namespaces: [namespace('x')] })).network;
    const e = flannel.explain('x/b', 'x/a', 80, 'TCP');
    if (!e) throw new Error('no explanation');
    const out = formatExplanation(e, 'ko').split('\n');
    expect(out).toContain('송신(Egress) — x/b 파드: 적용되지 않음. 클러스터의 CNI가 NetworkPolicy를 지원하지 않아 모든 연결이 허용됩니다.');
    expect(out.at(-1)).toBe('판정: 허용됨. 이 클러스터에서는 NetworkPolicy를 적용하는 주체가 없어 x/b 파드는 80/TCP 포트로 x/a 파드에 연결할 수 있습니다.');
  });
});

describe('the remote end a direction saw', () => {
  // NodePort traffic is masqueraded: the server's Ingress sees the node, not the client pod.
  it('names the remote of each direction instead of the flow\'s other end', () => {
    const exp = explain('y/b', 'x/a', 81);
    const masq: Explanation = { ...exp, ingress: { ...exp.ingress, remote: '192.168.1.10' }, egress: { ...exp.egress, remote: 'x/h' } };
    const out = formatExplanation(masq, 'en').split('\n');
    expect(out).toContain("  NetworkPolicy 'x/to-a' selects x/a, but 192.168.1.10 (outside the cluster) is not allowed by any Ingress rule:");
    expect(out[0]).toBe('y/b → x/a  81/TCP');
    expect(out.at(-1)).toBe('Verdict: DENIED. y/b cannot connect to x/a on 81/TCP: blocked by the Ingress of x/a.');
  });
});

describe('formatDirection', () => {
  const ingress = explain('y/b', 'x/a', 81).ingress;
  const locate = (ref: { path: readonly (string | number)[] }) => ({ file: 'np.yaml', line: 10 + ref.path.length, column: 5 });

  it('one direction\'s lines, in either language, with positions when a locator is given', () => {
    const en = formatDirection(ingress, 'x/a', 'y/b', 'en');
    expect(en[0]).toBe("Ingress to x/a: isolated by NetworkPolicy 'x/to-a'.");
    expect(en[1]).toBe("  NetworkPolicy 'x/to-a' selects x/a, but y/b is not allowed by any Ingress rule:");
    expect(formatDirection(ingress, 'x/a', '203.0.113.5', 'ko')[1])
      .toBe("  NetworkPolicy 'x/to-a' 정책이 x/a 파드를 선택하지만, 외부 주소(203.0.113.5)는 어떤 Ingress 규칙에서도 허용되지 않습니다:");
    const located = formatDirection(ingress, 'x/a', 'y/b', 'en', { locate });
    expect(located[2]).toMatch(/^ {4}- spec\.ingress\[0\] \[np\.yaml:\d+:5\]: from\[0\] /);
    expect(formatDirection(ingress, 'x/a', 'y/b', 'en', { locate: () => null })).toEqual(en);
  });

  it('an allowing rule points at its peer when it has one, else at the rule', () => {
    const allowed = explain('x/b', 'x/a', 80).ingress;
    const withPeer: DirectionExplanation = { ...allowed, allowedBy: allowed.allowedBy.map((m) => ({ ...m, peerRef: { file: 'np.yaml', doc: 0, path: ['peer'] } })) };
    const at = (ref: { path: readonly (string | number)[] }) => ({ file: 'np.yaml', line: ref.path[0] === 'peer' ? 99 : 7, column: 1 });
    expect(formatDirection(withPeer, 'x/a', 'x/b', 'en', { locate: at })[1]).toMatch(/\[np\.yaml:99:1\]$/);
    expect(formatDirection(allowed, 'x/a', 'x/b', 'en', { locate: at })[1]).toMatch(/\[np\.yaml:7:1\]$/);
  });

  it('a rule with no ports allows "any port"; a peer is named by its position', () => {
    const allowed = explain('x/b', 'x/a', 80).ingress;
    const anyPort: DirectionExplanation = { ...allowed, allowedBy: allowed.allowedBy.map((m) => ({ ...m, peerIndex: 1, portIndex: null })) };
    expect(formatDirection(anyPort, 'x/a', 'x/b', 'en')[1]).toBe("  Allowed by NetworkPolicy 'x/to-a' spec.ingress[2] (from[1], any port).");
    expect(formatDirection(anyPort, 'x/a', 'x/b', 'ko')[1]).toBe("  NetworkPolicy 'x/to-a' 정책의 spec.ingress[2] 규칙이 허용합니다 (from[1], 모든 포트).");
    const egress: DirectionExplanation = { ...anyPort, direction: 'Egress' };
    expect(formatDirection(egress, 'x/b', 'x/a', 'en')).toEqual([
      "Egress from x/b: isolated by NetworkPolicy 'x/to-a'.", "  Allowed by NetworkPolicy 'x/to-a' spec.egress[2] (to[1], any port)."]);
  });

  it('a policy with no missed rule for this peer says nothing more (denied by another policy)', () => {
    const d: DirectionExplanation = { ...ingress, isolatingPolicies: ['x/other', 'x/to-a'] };
    const out = formatDirection(d, 'x/a', 'y/b', 'en');
    expect(out[0]).toBe("Ingress to x/a: isolated by NetworkPolicy 'x/other', NetworkPolicy 'x/to-a'.");
    expect(out.filter((l) => l.includes("'x/other'"))).toHaveLength(1);
  });
});
