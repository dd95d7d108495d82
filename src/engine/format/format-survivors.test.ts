// Format edges (issue 15, survivors of the src/engine/format mutation run): a rule whose peer matched
// lists only its port misses and the reverse; the Korean phrases for a direction not isolated, an
// isolating policy, a namespaceSelector, an ipBlock and a protocol miss; the blank lines around an
// explanation; the remote an Egress direction saw; a probe's explanation and blocked lookup set off
// by a blank line, several addresses; and formatRbacDecision's "do not apply" section with no
// skipped binding, named ones only, and a built-in binding skipped for its namespace; a user's
// binding of a built-in role; several subjects of a skipped binding.
import { describe, expect, it } from 'vitest';
import type { Explanation, ProbeResult, RbacDecision } from '../model/index.js';
import { cluster, extHost, namespace, pod, policy, sel } from '../../testing/netpol.js';
import { compileNetwork } from '../netpol/index.js';
import { analyze } from '../index.js';
import { authorize } from '../rbac/authorize.js';
import { impersonate } from '../rbac/subjects.js';
import { formatExplanation } from './explanation.js';
import { formatProbe } from './probe.js';
import { formatRbacDecision } from './rbac.js';

const network = compileNetwork(cluster({
  namespaces: [namespace('x', { env: 'test' }), namespace('y', { env: 'prod' })],
  pods: [pod('x/a', { labels: { pod: 'a' } }), pod('x/b', { labels: { pod: 'b' } }), pod('x/c', { labels: { pod: 'c' } })],
  externalHosts: [extHost('198.51.100.7')],
  policies: [
    policy('x/p', {
      podSelector: sel({ pod: 'a' }),
      ingress: [
        { peers: [{ pods: sel({ pod: 'c' }) }, { pods: sel({ pod: 'b' }) }], ports: [{ port: 8000 }] },
        { peers: [{ namespaces: sel({ env: 'prod' }) }], ports: [{ port: 81, protocol: 'UDP' }, { port: 81 }] },
        { peers: [{ cidr: '10.0.0.0/8' }], ports: [{ port: 81, protocol: 'UDP' }] },
      ],
    }),
    policy('x/out', { podSelector: sel({ pod: 'c' }), policyTypes: ['Egress'], egress: [{ peers: [{ pods: sel({ pod: 'zzz' }) }] }] }),
  ],
})).network;

function explain(from: string, to: string, port: number): Explanation {
  const e = network.explain(from, to, port, 'TCP');
  if (!e) throw new Error(`no explanation for ${from} → ${to}`);
  return e;
}

describe('a rule\'s misses: only the side that missed', () => {
  it('the peer matched (from[1]): only the port miss; the port matched (ports[1]): only the peer miss', () => {
    const out = formatExplanation(explain('x/b', 'x/a', 81), 'en').split('\n');
    expect(out).toContain('    - spec.ingress[0]: ports[0] allows port 8000, not 81');
    const rule1 = out.find((l) => l.startsWith('    - spec.ingress[1]: '));
    expect(rule1).toMatch(/^ {4}- spec\.ingress\[1\]: from\[0\] namespaceSelector .* does not match namespace x \(labels: .*\)$/);
    expect(rule1).not.toContain('ports[');
  });

  it('the blank lines: after the header and before the verdict', () => {
    const out = formatExplanation(explain('x/b', 'x/a', 81), 'en').split('\n');
    expect(out[0]).toBe('x/b → x/a  81/TCP');
    expect(out[1]).toBe('');
    expect(out.at(-2)).toBe('');
    expect(out.filter((l) => l === '')).toHaveLength(2);
  });
});

describe('Korean phrases', () => {
  it('not isolated, isolated by, a namespaceSelector, an ipBlock and a protocol miss', () => {
    const out = formatExplanation(explain('x/b', 'x/a', 81), 'ko').split('\n');
    expect(out).toContain('송신(Egress) — x/b 파드: 격리되지 않음. Egress 방향으로 x/b 파드를 선택하는 NetworkPolicy가 없으므로 모두 허용됩니다.');
    expect(out).toContain("수신(Ingress) — x/a 파드: NetworkPolicy 'x/p' 정책에 의해 격리됨.");
    expect(out.some((l) => l.startsWith('    - spec.ingress[1]: from[0]: namespaceSelector(') && l.includes('x 네임스페이스의 레이블('))).toBe(true);
    const ext = formatExplanation(explain('198.51.100.7', 'x/a', 81), 'ko').split('\n');
    expect(ext).toContain('    - spec.ingress[2]: from[0]: ipBlock 10.0.0.0/8 범위에 198.51.100.7 주소가 들어 있지 않음; ports[0]: UDP 프로토콜용 항목이라 TCP 연결에는 해당하지 않음');
  });
});

describe('the remote an Egress direction saw', () => {
  it('names it instead of the destination', () => {
    const exp = explain('x/c', 'x/a', 81);
    const out = formatExplanation({ ...exp, egress: { ...exp.egress, remote: '192.168.1.10' } }, 'en').split('\n');
    expect(out).toContain("  NetworkPolicy 'x/out' selects x/c, but 192.168.1.10 (outside the cluster) is not allowed by any Egress rule:");
  });
});

describe('formatProbe: blank lines and addresses', () => {
  const base: ProbeResult = {
    request: { from: 'x/b', host: 'a', port: 81, protocol: 'TCP' }, outcome: 'timeout', reason: 'policy',
    dns: null, address: '10.244.0.2', service: null, endpoint: null, candidates: [], explanation: null, listening: null, server: null, enforced: true,
  };
  const exp = explain('x/b', 'x/a', 81);

  it('the explanation is set off by a blank line', () => {
    const out = formatProbe({ ...base, explanation: exp }, 'en').split('\n');
    const at = out.indexOf('x/b → x/a  81/TCP');
    expect(at).toBeGreaterThan(1);
    expect(out[at - 1]).toBe('');
  });

  it('a blocked lookup with its explanation: a blank line between them', () => {
    const dns = { server: '10.96.0.10', serverPod: 'kube-system/coredns-a', allowed: false, answer: null, explanation: exp };
    const out = formatProbe({ ...base, reason: 'dns-policy', outcome: 'dns-timeout', dns }, 'en').split('\n');
    expect(out[1]).toMatch(/^DNS: the lookup/);
    expect(out[2]).toBe('');
    expect(out[3]).toBe('x/b → x/a  81/TCP');
    expect(formatProbe({ ...base, reason: 'dns-policy', outcome: 'dns-timeout', dns }, 'ko').split('\n')[1])
      .toBe('DNS: 이름 조회(10.96.0.10에 보내는 UDP 53, 실제로는 kube-system/coredns-a에 전달)를 NetworkPolicy가 막고 있습니다:');
  });

  it('several addresses joined with ", "', () => {
    const dns = {
      server: '10.96.0.10', serverPod: 'kube-system/coredns-a', allowed: true, explanation: null,
      answer: { status: 'NOERROR' as const, name: 'a', fqdn: 'a.x.svc.cluster.local', addresses: ['10.244.0.2', '10.244.0.3'], kind: 'headless' as const, tried: ['a.x.svc.cluster.local'] },
    };
    expect(formatProbe({ ...base, dns }, 'en').split('\n')[1]).toContain('= 10.244.0.2, 10.244.0.3 (asked');
  });
});

const RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-view, namespace: dev}
subjects: [{kind: User, name: jane}]
roleRef: {kind: ClusterRole, name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: pair, namespace: dev}
subjects: [{kind: User, name: ann}, {kind: User, name: bob}]
roleRef: {kind: ClusterRole, name: view}
`;
const rbac = analyze([{ name: 'rbac.yaml', text: RBAC }]).rbac;
const jane = impersonate('jane');
const denied = (): RbacDecision => authorize(rbac, { user: 'jane', groups: jane.groups, verb: 'delete', resource: 'pods', apiGroup: '', namespace: 'dev', name: 'p' });

describe('formatRbacDecision: bindings', () => {
  it('a user\'s binding of a built-in role lists its rules\' misses (only both built in are one line)', () => {
    const out = formatRbacDecision(denied(), 'en').split('\n');
    expect(out).toContain('  RoleBinding dev/jane-view binds ClusterRole view to User jane, but none of its rules allows it:');
    expect(formatRbacDecision(denied(), 'ko').split('\n')).toContain('  RoleBinding dev/jane-view 바인딩은 ClusterRole view 역할을 User jane 주체에 연결하지만, 허용하는 규칙이 없습니다:');
  });

  it('a skipped binding with several subjects names them all, joined with ", "', () => {
    expect(formatRbacDecision(denied(), 'en').split('\n')).toContain('  RoleBinding dev/pair binds ClusterRole view to User ann, User bob, not to jane.');
  });

  it('no skipped binding at all: no "do not apply" section', () => {
    const d = denied();
    const out = formatRbacDecision({ ...d, reason: { ...d.reason, notApplying: [] } }, 'en').split('\n');
    expect(out).not.toContain('Bindings that do not apply:');
    expect(out.at(-1)).toMatch(/^The API server answers: /);
    expect(out.at(-2)).not.toMatch(/built-in bindings/);
  });

  it('only named skipped bindings: the title and them, no count of built-in ones', () => {
    const d = denied();
    const named = d.reason.notApplying.filter((s) => !s.binding.system);
    expect(named.length).toBeGreaterThan(0);
    const out = formatRbacDecision({ ...d, reason: { ...d.reason, notApplying: named } }, 'en').split('\n');
    expect(out).toContain('Bindings that do not apply:');
    expect(out.some((l) => /built-in bindings for other subjects/.test(l))).toBe(false);
  });

  it('a built-in binding skipped for a reason other than its subjects is named, not counted', () => {
    const d = denied();
    const system = d.reason.notApplying.find((s) => s.binding.system);
    if (!system) throw new Error('no built-in binding');
    const out = formatRbacDecision({ ...d, reason: { ...d.reason, notApplying: [{ ...system, why: 'cluster-scope' }] } }, 'en').split('\n');
    expect(out).toContain('Bindings that do not apply:');
    expect(out.some((l) => l.includes('a RoleBinding never grants a cluster-scoped request') || l.includes(system.binding.name))).toBe(true);
    expect(out.some((l) => /built-in bindings for other subjects/.test(l))).toBe(false);
  });
});
