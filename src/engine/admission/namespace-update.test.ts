// ValidateNamespace's update ladder and the existing-pods check, as k8s.io/pod-security-admission
// v0.30.0 admission/admission.go has them, with the rows of admission_test.go TestValidateNamespace
// the table in namespace.test.ts leaves out ("update no-op malformed version", "update relax level
// explicit latest", "update malformed version", "update to implicit restricted", "prioritized pods")
// and the corners of the code: label errors compared as reflect.DeepEqual compares them (same
// errors in the same order), an exempt namespace whose new policy is the default one (no warning:
// sharedAllowedResponse), EvaluatePodsInNamespace's warnings in sort.Strings order, and
// exemptNamespaceWarning's full text (TestExemptNamespaceWarning only checks a part of it).
import { describe, expect, it } from 'vitest';
import type { Pod, PodSecurityConfig } from '../model/index.js';
import { load } from '../../testing/manifests.js';
import { policyToEvaluate } from './api.js';
import { buildPodSecurityConfig } from './config.js';
import { MAX_PODS_TO_CHECK, evaluatePodsInNamespace, exemptNamespaceWarning, validateNamespace } from './namespace.js';

const PSA = 'pod-security.kubernetes.io/';
const L = (kv: Record<string, string>) => Object.fromEntries(Object.entries(kv).map(([k, v]) => [`${PSA}${k}`, v]));
const base = load({ 'p.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'test' }, spec: { containers: [{ name: 'app', image: 'busybox' }] } }] }).scenario.pods[0] as Pod;
const pod = (name: string, more: Partial<Pod> = {}): Pod => ({ ...base, name, ...more });
const BARE = 'allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile';
const HEADLINE = (level: string) => `existing pods in namespace "test" violate the new PodSecurity enforce level "${level}"`;
const update = (labels: Record<string, string>, oldLabels: Record<string, string>, pods: Pod[] = [pod('a')], config?: PodSecurityConfig) =>
  validateNamespace({ operation: 'update', name: 'test', labels, oldLabels }, pods, config ? { config } : {});

describe('validateNamespace: update (TestValidateNamespace)', () => {
  it.each<[string, Record<string, string>, Record<string, string>, boolean, string[]]>([
    ['update no-op malformed version', L({ enforce: 'baseline', 'enforce-version': 'unknown' }), L({ enforce: 'baseline', 'enforce-version': 'unknown' }), true, []],
    ['update relax level explicit latest', L({ enforce: 'baseline', 'enforce-version': 'latest' }), L({ enforce: 'restricted', 'enforce-version': 'latest' }), true, []],
    ['update malformed version', L({ enforce: 'privileged', 'enforce-version': 'unknown' }), L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), false, []],
    ['another bad value than before is refused', L({ enforce: 'other' }), L({ enforce: 'unknown' }), false, []],
    ['one more bad label than before is refused', L({ enforce: 'unknown', warn: 'nope' }), L({ enforce: 'unknown' }), false, []],
    ['the same number of bad labels, the second one changed, is refused', L({ enforce: 'unknown', warn: 'b' }), L({ enforce: 'unknown', warn: 'a' }), false, []],
    ['fewer bad labels than before are refused too (the errors differ)', L({ enforce: 'unknown' }), L({ enforce: 'unknown', warn: 'nope' }), false, []],
    ['same level, another version: checked', L({ enforce: 'restricted', 'enforce-version': 'v1.24' }), L({ enforce: 'restricted' }), true, [HEADLINE('restricted:v1.24'), `a: ${BARE}`]],
    ['a stricter level at another version: checked', L({ enforce: 'restricted', 'enforce-version': 'v1.24' }), L({ enforce: 'baseline', 'enforce-version': 'v1.25' }), true, [HEADLINE('restricted:v1.24'), `a: ${BARE}`]],
    ['a looser level at another version: checked', L({ enforce: 'baseline', 'enforce-version': 'v1.24' }), L({ enforce: 'restricted' }), true, []],
  ])('%s', (_label, labels, oldLabels, allowed, warnings) => {
    const r = update(labels, oldLabels);
    expect(r.allowed).toBe(allowed);
    expect(r.warnings).toEqual(warnings);
    if (!allowed) expect(r.error).toMatch(/^Namespace "test" is invalid: /);
    else expect(r.error).toBeUndefined();
  });

  it('a looser level at another version is evaluated (not skipped): a pod it forbids is listed', () => {
    expect(update(L({ enforce: 'baseline', 'enforce-version': 'v1.24' }), L({ enforce: 'restricted' }), [pod('h', { hostPID: true })]).warnings)
      .toEqual([HEADLINE('baseline:v1.24'), 'h: host namespaces']);
  });

  it('update to implicit restricted: the configuration\'s default enforce level is checked', () => {
    const config = buildPodSecurityConfig({ enforce: 'restricted' }, {}).config;
    const r = update({}, L({ enforce: 'baseline', 'enforce-version': 'v1.0' }), [pod('b'), pod('a')], config);
    expect(r.warnings).toEqual([HEADLINE('restricted:latest'), `a (and 1 other pod): ${BARE}`]);
    expect(r.policy.enforce).toEqual({ level: 'restricted', version: 'latest' });
  });

  it('a refused update reports the new errors and the policy the labels give', () => {
    const r = update(L({ enforce: 'strict' }), {});
    expect(r).toMatchObject({ allowed: false, warnings: [], policy: { enforce: { level: 'restricted', version: 'latest' } } });
    expect(r.errors.map((e) => e.message)).toEqual([`metadata.labels[${PSA}enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted`]);
    expect(update(L({ enforce: 'baseline' }), {}).errors).toEqual([]);
  });

  it('an exempt namespace: no pods are checked; no warning when the new policy is the default one', () => {
    const config = buildPodSecurityConfig({ enforce: 'baseline' }, { namespaces: ['test'] }).config;
    expect(update({}, L({ enforce: 'privileged' }), [pod('h', { hostPID: true })], config)).toMatchObject({ allowed: true, warnings: [] });
    expect(update(L({ enforce: 'restricted' }), {}, [pod('h', { hostPID: true })], config).warnings)
      .toEqual(['namespace "test" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored']);
  });

  it('an exempt namespace whose new enforce level is privileged: allowed before the exemption is looked at, no warning', () => {
    const config = buildPodSecurityConfig({}, { namespaces: ['test'] }).config;
    expect(update(L({ enforce: 'privileged', audit: 'restricted' }), L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), [], config).warnings).toEqual([]);
  });

  it('a create of an exempt namespace with the default policy is not warned', () => {
    const config = buildPodSecurityConfig({}, { namespaces: ['test'] }).config;
    expect(validateNamespace({ operation: 'create', name: 'test', labels: L({ enforce: 'privileged' }) }, [], { config })).toEqual({
      allowed: true, errors: [], warnings: [], policy: policyToEvaluate({}).policy,
    });
    expect(validateNamespace({ operation: 'create', name: 'other', labels: L({ enforce: 'restricted' }) }, [], { config }).warnings).toEqual([]);
  });
});

describe('EvaluatePodsInNamespace', () => {
  it('warnings are sorted (sort.Strings), not in the order the pods came', () => {
    expect(evaluatePodsInNamespace('test', { level: 'restricted', version: 'latest' }, [pod('z', { hostPID: true }), pod('b'), pod('B'), pod('a')])).toEqual([
      HEADLINE('restricted:latest'), `B (and 2 other pods): ${BARE}`, `z: host namespaces, ${BARE}`,
    ]);
  });

  it('nothing to say when every pod meets the level', () => {
    expect(evaluatePodsInNamespace('test', { level: 'baseline', version: 'latest' }, [pod('a'), pod('b')])).toEqual([]);
  });

  it('a pod whose runtimeClass is not exempt is checked', () => {
    const config = buildPodSecurityConfig({}, { runtimeClasses: ['runtimeclass1'] }).config;
    expect(evaluatePodsInNamespace('test', { level: 'baseline', version: 'latest' }, [pod('k', { runtimeClassName: 'kata', hostPID: true })], config))
      .toEqual([HEADLINE('baseline:latest'), 'k: host namespaces']);
  });

  it('prioritized pods: the first pod of each controller and pods without one, before further replicas (runtimeClass-exempt pods skipped)', () => {
    const config = buildPodSecurityConfig({}, { runtimeClasses: ['runtimeclass1'] }).config;
    const replicas = (rs: string, n: number, more: Partial<Pod> = {}) => Array.from({ length: n }, (_, i) => pod(`${rs}pod${i}`, { owner: { kind: 'ReplicaSet', name: rs }, ...more }));
    // replicaset1's 3000 replicas meet baseline; replicaset2's one pod and the unique pod come after them and do not.
    const pods = [
      pod('exemptpod1', { runtimeClassName: 'runtimeclass1', hostPID: true }),
      ...replicas('replicaset1', MAX_PODS_TO_CHECK), ...replicas('replicaset2', 1, { hostPID: true }),
      pod('uniquepod1', { hostIPC: true }),
    ];
    expect(evaluatePodsInNamespace('test', { level: 'baseline', version: 'latest' }, pods, config)).toEqual([
      `new PodSecurity enforce level only checked against the first ${MAX_PODS_TO_CHECK} of ${MAX_PODS_TO_CHECK + 2} existing pods`,
      HEADLINE('baseline:latest'), 'replicaset2pod0 (and 1 other pod): host namespaces',
    ]);
  });
});

describe('exemptNamespaceWarning: the whole text', () => {
  const b23 = { level: 'baseline', version: 'v1.23' } as const;
  const baseline = { enforce: b23, audit: b23, warn: b23 };
  it('version labels over a baseline default name their modes; modes without a label are left out', () => {
    const labels = L({ 'enforce-version': 'v1.25', 'audit-version': 'v1.26' });
    expect(exemptNamespaceWarning('test', policyToEvaluate(labels, baseline).policy, labels, baseline))
      .toBe('namespace "test" is exempt from Pod Security, and the policy (enforce=baseline:v1.25, audit=baseline:v1.26) will be ignored');
  });
  it('a privileged mode is not named even with its label', () => {
    const labels = L({ enforce: 'privileged', audit: 'restricted', warn: 'privileged' });
    expect(exemptNamespaceWarning('test', policyToEvaluate(labels).policy, labels, policyToEvaluate({}).policy))
      .toBe('namespace "test" is exempt from Pod Security, and the policy (audit=restricted:latest) will be ignored');
  });
  it('a privileged audit is not named even with its label', () => {
    const labels = L({ enforce: 'restricted', audit: 'privileged' });
    expect(exemptNamespaceWarning('test', policyToEvaluate(labels).policy, labels, policyToEvaluate({}).policy))
      .toBe('namespace "test" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored');
  });
  it('a warn-version label names warn', () => {
    const labels = L({ 'warn-version': 'v1.24' });
    expect(exemptNamespaceWarning('test', policyToEvaluate(labels, baseline).policy, labels, baseline))
      .toBe('namespace "test" is exempt from Pod Security, and the policy (warn=baseline:v1.24) will be ignored');
  });
});
