// Namespace requests as k8s.io/pod-security-admission v0.30.0 admission.go ValidateNamespace
// answers them; rows after admission_test.go TestValidateNamespace and TestExemptNamespaceWarning,
// with real pods evaluated instead of the test's canned results.
import { describe, expect, it } from 'vitest';
import type { Pod, PodSecurityPolicy } from '../model/index.js';
import { load } from '../../testing/manifests.js';
import { policyToEvaluate } from './api.js';
import { buildPodSecurityConfig } from './config.js';
import { MAX_PODS_TO_CHECK, evaluatePodsInNamespace, exemptNamespaceWarning, validateNamespace } from './namespace.js';

const PSA = 'pod-security.kubernetes.io/';
const L = (kv: Record<string, string>) => Object.fromEntries(Object.entries(kv).map(([k, v]) => [`${PSA}${k}`, v]));
const exemptTest = buildPodSecurityConfig({}, { namespaces: ['test'] }).config;

const base = load({ 'p.yaml': [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'test' }, spec: { containers: [{ name: 'app', image: 'busybox' }] } }] }).scenario.pods[0] as Pod;
const HARDENED: Partial<Pod> = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: base.containers.map((c) => ({ ...c, securityContext: { allowPrivilegeEscalation: false, capabilities: { add: [], drop: ['ALL'] } } })),
};
const pod = (name: string, more: Partial<Pod> = {}): Pod => ({ ...base, name, ...more });

describe('validateNamespace: create', () => {
  it.each<[string, Record<string, string>, boolean, string[]]>([
    ['privileged v1.0', L({ enforce: 'privileged', 'enforce-version': 'v1.0' }), true, []],
    ['baseline', L({ enforce: 'baseline' }), true, []],
    ['restricted', L({ enforce: 'restricted' }), true, []],
    ['malformed level', L({ enforce: 'unknown' }), false, []],
    ['malformed version', L({ enforce: 'privileged', 'enforce-version': 'unknown' }), false, []],
  ])('%s', (_label, labels, allowed, warnings) => {
    const r = validateNamespace({ operation: 'create', name: 'test', labels }, []);
    expect(r.allowed).toBe(allowed);
    expect(r.warnings).toEqual(warnings);
  });

  it('refuses with apierrors.NewInvalid\'s text, every bad label named', () => {
    const r = validateNamespace({ operation: 'create', name: 'dev', labels: L({ enforce: 'strict', 'enforce-version': 'banana' }) }, []);
    expect(r.error).toBe('Namespace "dev" is invalid: [metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted, ' +
      'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "banana": must be "latest" or "v1.x"]');
    expect(validateNamespace({ operation: 'create', name: 'dev', labels: L({ enforce: 'strict' }) }, []).error)
      .toBe('Namespace "dev" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted');
  });

  it('an exempt namespace is warned that its policy is ignored', () => {
    expect(validateNamespace({ operation: 'create', name: 'test', labels: L({ enforce: 'restricted' }) }, [], { config: exemptTest }).warnings)
      .toEqual(['namespace "test" is exempt from Pod Security, and the policy (enforce=restricted:latest) will be ignored']);
  });
});

describe('validateNamespace: update', () => {
  const violating = [pod('b-pod'), pod('a-pod'), pod('hostnet', { hostNetwork: true }), pod('ok', HARDENED)];
  it.each<[string, Record<string, string>, Record<string, string>, boolean, string[]]>([
    ['no-op', L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), true, []],
    ['no-op malformed level (errors unchanged)', L({ enforce: 'unknown' }), L({ enforce: 'unknown' }), true, []],
    ['relax level, same version', L({ enforce: 'baseline', 'enforce-version': 'v1.0' }), L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), true, []],
    ['relax level, implicit latest', L({ enforce: 'baseline' }), L({ enforce: 'restricted' }), true, []],
    ['to explicit privileged', L({ enforce: 'privileged' }), L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), true, []],
    ['to implicit privileged', {}, L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), true, []],
    ['malformed level introduced', L({ enforce: 'unknown' }), L({ enforce: 'restricted', 'enforce-version': 'v1.0' }), false, []],
    ['tighten to restricted: the pods that violate, grouped by reasons', L({ enforce: 'restricted' }), L({ enforce: 'baseline' }), true, [
      'existing pods in namespace "test" violate the new PodSecurity enforce level "restricted:latest"',
      'a-pod (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'hostnet: host namespaces, hostPort, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]],
    ['tighten to baseline: only the hostNetwork pod', L({ enforce: 'baseline' }), {}, true, [
      'existing pods in namespace "test" violate the new PodSecurity enforce level "baseline:latest"',
      'hostnet: host namespaces, hostPort',
    ]],
    ['a newer version of the same level is checked too', L({ enforce: 'baseline', 'enforce-version': 'v1.29' }), L({ enforce: 'baseline', 'enforce-version': 'v1.28' }), true, [
      'existing pods in namespace "test" violate the new PodSecurity enforce level "baseline:v1.29"', 'hostnet: host namespaces, hostPort',
    ]],
  ])('%s', (_label, labels, oldLabels, allowed, warnings) => {
    const withPorts = violating.map((p) => (p.hostNetwork ? { ...p, containers: p.containers.map((c) => ({ ...c, hostPorts: [80] })) } : p));
    const r = validateNamespace({ operation: 'update', name: 'test', labels, oldLabels }, withPorts);
    expect(r.allowed).toBe(allowed);
    expect(r.warnings).toEqual(warnings);
  });

  it('an exempt namespace is not checked, only warned', () => {
    const r = validateNamespace({ operation: 'update', name: 'test', labels: L({ enforce: 'restricted', 'enforce-version': 'v1.0', audit: 'restricted', warn: 'baseline' }), oldLabels: {} }, [pod('x')], { config: exemptTest });
    expect(r.warnings).toEqual(['namespace "test" is exempt from Pod Security, and the policy (enforce=restricted:v1.0, audit=restricted:latest, warn=baseline:latest) will be ignored']);
  });
});

describe('evaluatePodsInNamespace', () => {
  it('skips runtimeClass-exempt pods; "(and N other pods)"; the lexically first name', () => {
    const config = buildPodSecurityConfig({}, { runtimeClasses: ['runtimeclass1'] }).config;
    const pods = [pod('c'), pod('b'), pod('exempt', { runtimeClassName: 'runtimeclass1' }), pod('a'), pod('d', { hostPID: true })];
    expect(evaluatePodsInNamespace('test', { level: 'baseline', version: 'latest' }, pods, config)).toEqual([
      'existing pods in namespace "test" violate the new PodSecurity enforce level "baseline:latest"', 'd: host namespaces',
    ]);
    expect(evaluatePodsInNamespace('test', { level: 'restricted', version: 'latest' }, pods, config)).toEqual([
      'existing pods in namespace "test" violate the new PodSecurity enforce level "restricted:latest"',
      'a (and 2 other pods): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'd: host namespaces, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]);
  });

  it('checks at most 3000 pods, one per controller first', () => {
    const many = Array.from({ length: MAX_PODS_TO_CHECK + 2 }, (_, i) => pod(`p${i}`, { owner: { kind: 'ReplicaSet', name: `rs${i % 2}` } }));
    const w = evaluatePodsInNamespace('test', { level: 'restricted', version: 'latest' }, many);
    expect(w.slice(0, 2)).toEqual([
      `new PodSecurity enforce level only checked against the first ${MAX_PODS_TO_CHECK} of ${MAX_PODS_TO_CHECK + 2} existing pods`,
      'existing pods in namespace "test" violate the new PodSecurity enforce level "restricted:latest"',
    ]);
    expect(w[2]).toMatch(/^p0 \(and 2999 other pods\): /);
  });
});

describe('exemptNamespaceWarning (TestExemptNamespaceWarning)', () => {
  const P = { level: 'privileged', version: 'latest' } as const;
  const privileged: PodSecurityPolicy = { enforce: P, audit: P, warn: P };
  const b = { level: 'baseline', version: 'v1.23' } as const;
  const baseline: PodSecurityPolicy = { enforce: b, audit: b, warn: b };
  it.each<[string, Record<string, string>, PodSecurityPolicy, string | null]>([
    ['empty', {}, privileged, null],
    ['ignore privileged', L({ enforce: 'privileged', 'enforce-version': 'v1.24', 'warn-version': 'v1.25' }), privileged, null],
    ['warn on enforce', L({ enforce: 'baseline' }), privileged, '(enforce=baseline:latest)'],
    ['warn on warn', L({ warn: 'baseline' }), privileged, '(warn=baseline:latest)'],
    ['warn on audit', L({ audit: 'restricted' }), privileged, '(audit=restricted:latest)'],
    ['ignore the default policy', {}, baseline, null],
    ['a version label over the default policy', L({ 'warn-version': 'latest' }), baseline, '(warn=baseline:latest)'],
  ])('%s', (name, labels, defaults, contains) => {
    const all = { ...labels, qqincegidneocgu: 'vpmxkpcjphxrcpx' };
    const w = exemptNamespaceWarning(name, policyToEvaluate(all, defaults).policy, all, defaults);
    if (contains === null) expect(w).toBe('');
    else {
      expect(w).toContain(contains);
      expect(w).not.toContain('qqincegidneocgu');
    }
  });
});
