// Which requests PodSecurity decides without evaluating, and what the evaluation reports per mode:
// k8s.io/pod-security-admission v0.30.0 admission/admission.go ValidatePod / ValidatePodController
// (exempt namespace, then exempt user; `len(nsPolicyErrs) == 0 && nsPolicy.FullyPrivileged()`;
// the controller's `nsPolicy.Warn.Level == privileged && nsPolicy.Audit.Level == privileged`),
// exemptNamespace / exemptUser / exemptRuntimeClass (an empty name is never exempt), and EvaluatePod
// (the `error` audit annotation for labels that did not parse; enforce-policy only with enforce;
// audit even for a refused pod; no warning on a refused one).
import { describe, expect, it } from 'vitest';
import type { Pod, PodSecurityConfig } from '../model/index.js';
import { load } from '../../testing/manifests.js';
import { DEFAULT_CONFIG, buildPodSecurityConfig } from './config.js';
import { admitPod, admitPodController } from './evaluate.js';

const PSA = 'pod-security.kubernetes.io/';
function podOf(spec: Record<string, unknown> = {}): Pod {
  const p = load({ 'pod.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'busybox' }], ...spec } }] }).scenario.pods[0];
  if (!p) throw new Error('no pod');
  return p;
}
const ns = (labels: Record<string, string>, name = 'team') => ({ name, labels: { 'kubernetes.io/metadata.name': name, ...labels } });
const L = (kv: Record<string, string>) => Object.fromEntries(Object.entries(kv).map(([k, v]) => [`${PSA}${k}`, v]));
/** A configuration ValidatePodSecurityConfiguration would refuse, to show the empty-name guards. */
const withEmpty = (key: keyof PodSecurityConfig['exemptions']): PodSecurityConfig => ({ ...DEFAULT_CONFIG, exemptions: { ...DEFAULT_CONFIG.exemptions, [key]: [''] } });
const BAD_AUDIT = 'metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "nope": must be one of privileged, baseline, restricted';

describe('exemptions (exemptNamespace, exemptUser, exemptRuntimeClass)', () => {
  it('the namespace is checked before the user', () => {
    const config = buildPodSecurityConfig({}, { namespaces: ['team'], usernames: ['jane'] }).config;
    expect(admitPod(podOf({ hostPID: true }), ns(L({ enforce: 'restricted' })), { config, user: 'jane' }).exempt).toBe('namespace');
    expect(admitPodController(podOf({ hostPID: true }), ns(L({ warn: 'restricted' })), { config, user: 'jane' }).exempt).toBe('namespace');
    expect(admitPodController(podOf({ hostPID: true }), ns(L({ warn: 'restricted' }), 'other'), { config, user: 'jane' })).toMatchObject({
      allowed: true, exempt: 'user', warnings: [], verdicts: [], auditAnnotations: { [`${PSA}exempt`]: 'user' },
    });
  });

  it('an empty namespace, user or runtimeClass name is never exempt', () => {
    const restricted = L({ enforce: 'restricted' });
    expect(admitPod(podOf(), ns(restricted, ''), { config: withEmpty('namespaces') }).allowed).toBe(false);
    expect(admitPod(podOf(), ns(restricted), { config: withEmpty('usernames'), user: '' }).allowed).toBe(false);
    expect(admitPodController(podOf(), ns(L({ warn: 'restricted' }), ''), { config: withEmpty('namespaces') }).warnings).toHaveLength(1);
    const noClass = { ...podOf(), runtimeClassName: '' };
    expect(admitPod(noClass, ns(restricted), { config: withEmpty('runtimeClasses') }).allowed).toBe(false);
  });

  it('a runtimeClass not in the list is evaluated', () => {
    const config = buildPodSecurityConfig({}, { runtimeClasses: ['gvisor'] }).config;
    const r = admitPod(podOf({ runtimeClassName: 'kata' }), ns(L({ enforce: 'baseline' })), { config });
    expect(r.exempt).toBeUndefined();
    const hostPid = admitPod(podOf({ runtimeClassName: 'kata', hostPID: true }), ns(L({ enforce: 'baseline' })), { config });
    expect(hostPid.allowed).toBe(false);
    expect(admitPodController(podOf({ runtimeClassName: 'gvisor', hostPID: true }), ns(L({ warn: 'baseline' })), { config }))
      .toMatchObject({ allowed: true, exempt: 'runtimeClass', warnings: [], auditAnnotations: { [`${PSA}exempt`]: 'runtimeClass' } });
  });
});

describe('the fully privileged short-circuit needs labels that parsed', () => {
  it('a pod: a bad audit label (privileged, failing open) is still evaluated and reported', () => {
    const r = admitPod(podOf({ hostPID: true }), ns(L({ audit: 'nope' })));
    expect(r.policy).toEqual({ enforce: { level: 'privileged', version: 'latest' }, audit: { level: 'privileged', version: 'latest' }, warn: { level: 'privileged', version: 'latest' } });
    expect(r).toMatchObject({ allowed: true, warnings: [], verdicts: [] });
    expect(r.auditAnnotations).toEqual({ [`${PSA}error`]: `Failed to parse policy: ${BAD_AUDIT}`, [`${PSA}enforce-policy`]: 'privileged:latest' });
  });

  it('a controller: likewise, and without enforce there is no enforce-policy annotation', () => {
    const r = admitPodController(podOf({ hostPID: true }), ns(L({ audit: 'nope', enforce: 'restricted', warn: 'privileged' })));
    expect(r.auditAnnotations).toEqual({ [`${PSA}error`]: `Failed to parse policy: ${BAD_AUDIT}` });
    expect(r).toMatchObject({ allowed: true, warnings: [], verdicts: [] });
  });

  it('a controller is evaluated when only warn, or only audit, is above privileged', () => {
    expect(admitPodController(podOf({ hostPID: true }), ns(L({ warn: 'baseline' }))).warnings)
      .toEqual(['would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)']);
    expect(admitPodController(podOf({ hostPID: true }), ns(L({ audit: 'baseline' }))).auditAnnotations)
      .toEqual({ [`${PSA}audit-violations`]: 'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)' });
  });
});

describe('a skipped evaluation applies no runtimeClass exemption', () => {
  const config = buildPodSecurityConfig({}, { runtimeClasses: ['gvisor'] }).config;
  it('a pod in a fully privileged namespace: allowed before EvaluatePod looks at the runtimeClass', () => {
    expect(admitPod(podOf({ runtimeClassName: 'gvisor', hostPID: true }), ns({}), { config })).toEqual({
      allowed: true, policy: expect.anything(), policyErrors: [], warnings: [], verdicts: [], auditAnnotations: { [`${PSA}enforce-policy`]: 'privileged:latest' },
    });
  });
  it('a controller whose namespace warns and audits at privileged: skipped whatever enforce is', () => {
    expect(admitPodController(podOf({ runtimeClassName: 'gvisor', hostPID: true }), ns(L({ enforce: 'restricted', warn: 'privileged' })), { config })).toEqual({
      allowed: true, policy: expect.anything(), policyErrors: [], warnings: [], verdicts: [], auditAnnotations: {},
    });
  });
  it('an evaluated controller is exempt by runtimeClass, with nothing to warn or audit', () => {
    expect(admitPodController(podOf({ runtimeClassName: 'gvisor', hostPID: true }), ns(L({ warn: 'baseline' })), { config })).toMatchObject({
      allowed: true, exempt: 'runtimeClass', warnings: [], verdicts: [], auditAnnotations: { [`${PSA}exempt`]: 'runtimeClass' },
    });
  });
  it('the controller\'s requester defaults to the lab user too', () => {
    const admin = buildPodSecurityConfig({}, { usernames: ['kubernetes-admin'] }).config;
    expect(admitPodController(podOf({ hostPID: true }), ns(L({ warn: 'baseline' })), { config: admin }).exempt).toBe('user');
  });
});

describe('EvaluatePod per mode', () => {
  it('a refused pod is still audited; the audit verdict carries its own level, version and violations', () => {
    const r = admitPod(podOf({ hostPID: true }), ns(L({ enforce: 'baseline', 'enforce-version': 'v1.28', audit: 'baseline', 'audit-version': 'v1.27', warn: 'baseline' })));
    expect(r.allowed).toBe(false);
    expect(r.error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.28": host namespaces (hostPID=true)');
    expect(r.warnings).toEqual([]);
    expect(r.auditAnnotations).toEqual({
      [`${PSA}enforce-policy`]: 'baseline:v1.28',
      [`${PSA}audit-violations`]: 'would violate PodSecurity "baseline:v1.27": host namespaces (hostPID=true)',
    });
    expect(r.verdicts.map((v) => [v.mode, v.level, v.version, v.message])).toEqual([
      ['enforce', 'baseline', 'v1.28', r.error],
      ['audit', 'baseline', 'v1.27', 'would violate PodSecurity "baseline:v1.27": host namespaces (hostPID=true)'],
    ]);
    expect(r.verdicts[1]?.violations).toEqual([expect.objectContaining({ check: 'hostNamespaces', reason: 'host namespaces', detail: 'hostPID=true', paths: ['spec.hostPID'] })]);
  });

  it('an allowed pod gets the warn verdict after the audit one; a clean pod gets neither', () => {
    const labels = ns(L({ warn: 'baseline', 'warn-version': 'v1.26', audit: 'baseline' }));
    const r = admitPod(podOf({ hostIPC: true }), labels);
    expect(r.verdicts.map((v) => [v.mode, v.version, v.message])).toEqual([
      ['audit', 'latest', 'would violate PodSecurity "baseline:latest": host namespaces (hostIPC=true)'],
      ['warn', 'v1.26', 'would violate PodSecurity "baseline:v1.26": host namespaces (hostIPC=true)'],
    ]);
    expect(r.error).toBeUndefined();
    expect('error' in r).toBe(false);
    const clean = admitPod(podOf(), labels);
    expect(clean).toMatchObject({ allowed: true, warnings: [], verdicts: [], auditAnnotations: { [`${PSA}enforce-policy`]: 'privileged:latest' } });
  });
});
