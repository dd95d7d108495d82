// The policy helpers of k8s.io/pod-security-admission v0.30.0 api/helpers.go, with the rows of
// api/helpers_test.go TestLevelVersionEquals and TestPolicyEquals, and the PolicyToEvaluate corners
// the table in api.test.ts leaves out (warn follows enforce only when enforce is strictly stricter;
// `hasWarnVersion` is set by the label's presence, before it is parsed).
import { describe, expect, it } from 'vitest';
import type { LevelVersion, PodSecurityLevel, PodSecurityPolicy } from '../model/index.js';
import { equivalent, fullyPrivileged, podSecurityLabels, policyEquivalent, policyToEvaluate, policyVersion } from './api.js';

const LEVELS: PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];
const lv = (level: PodSecurityLevel, version = 'latest'): LevelVersion => ({ level, version });
const PSA = 'pod-security.kubernetes.io/';

describe('LevelVersion.Equivalent (TestLevelVersionEquals)', () => {
  it('a LevelVersion is equal to itself', () => {
    for (const l of LEVELS) for (const v of ['latest', 'v1.18', 'v1.30']) expect(equivalent(lv(l, v), lv(l, v))).toBe(true);
  });
  it('different levels are not equal', () => {
    for (const a of LEVELS) for (const b of LEVELS) if (a !== b) expect(equivalent(lv(a), lv(b))).toBe(false);
  });
  it('different non-privileged versions are not equal; privileged ones are', () => {
    for (const v1 of ['latest', 'v1.18', 'v1.30']) {
      for (const v2 of ['v1.16', 'v1.13']) {
        expect(equivalent(lv('baseline', v1), lv('baseline', v2))).toBe(false);
        expect(equivalent(lv('restricted', v1), lv('restricted', v2))).toBe(false);
        expect(equivalent(lv('privileged', v1), lv('privileged', v2))).toBe(true);
      }
    }
  });
});

describe('Policy.Equivalent and FullyPrivileged (TestPolicyEquals)', () => {
  const privileged: PodSecurityPolicy = { enforce: lv('privileged'), audit: lv('privileged'), warn: lv('privileged') };
  const privileged2: PodSecurityPolicy = { ...privileged, enforce: lv('privileged', 'v1.20') };
  const baseline: PodSecurityPolicy = { ...privileged, audit: lv('baseline') };
  it('as upstream', () => {
    expect(fullyPrivileged(privileged)).toBe(true);
    expect(fullyPrivileged(privileged2)).toBe(true);
    expect(fullyPrivileged(baseline)).toBe(false);
    expect(policyEquivalent(privileged, privileged2)).toBe(true);
    expect(policyEquivalent(baseline, baseline)).toBe(true);
    expect(policyEquivalent(privileged, baseline)).toBe(false);
  });
  it('each mode counts', () => {
    for (const mode of ['enforce', 'audit', 'warn'] as const) {
      const one = { ...privileged, [mode]: lv('restricted') };
      expect(fullyPrivileged(one)).toBe(false);
      expect(policyEquivalent(one, privileged)).toBe(false);
      expect(policyEquivalent(privileged, one)).toBe(false);
    }
  });
});

describe('PolicyToEvaluate corners', () => {
  it('an enforce label at the same level as the default warn does not replace warn\'s version', () => {
    const defaults: PodSecurityPolicy = { enforce: lv('privileged'), audit: lv('privileged'), warn: lv('baseline', 'v1.20') };
    expect(policyToEvaluate({ [`${PSA}enforce`]: 'baseline' }, defaults).policy.warn).toEqual(lv('baseline', 'v1.20'));
    expect(policyToEvaluate({ [`${PSA}enforce`]: 'restricted' }, defaults).policy.warn).toEqual(lv('restricted'));
  });
  it('a warn-version label that does not parse still keeps enforce\'s version off warn (it is latest)', () => {
    const { policy, errors } = policyToEvaluate({ [`${PSA}enforce`]: 'baseline', [`${PSA}enforce-version`]: 'v1.22', [`${PSA}warn-version`]: 'bad' });
    expect(policy.warn).toEqual(lv('baseline'));
    expect(policy.enforce).toEqual(lv('baseline', 'v1.22'));
    expect(errors.map((e) => [e.field, e.value])).toEqual([[`metadata.labels[${PSA}warn-version]`, 'bad']]);
  });
  it('warn follows only an enforce label, not a stricter default enforce level', () => {
    const defaults: PodSecurityPolicy = { enforce: lv('restricted'), audit: lv('privileged'), warn: lv('privileged') };
    expect(policyToEvaluate({ [`${PSA}audit`]: 'baseline' }, defaults).policy).toEqual({ enforce: lv('restricted'), audit: lv('baseline'), warn: lv('privileged') });
  });
  it('an audit-version label alone changes only audit\'s version', () => {
    expect(policyToEvaluate({ [`${PSA}audit-version`]: 'v1.24' }).policy).toEqual({ enforce: lv('privileged'), audit: lv('privileged', 'v1.24'), warn: lv('privileged') });
  });
  it('a bad audit-version is reported and evaluates as latest', () => {
    const { policy, errors } = policyToEvaluate({ [`${PSA}audit`]: 'baseline', [`${PSA}audit-version`]: 'v1.x' });
    expect(policy.audit).toEqual(lv('baseline'));
    expect(errors.map((e) => e.message)).toEqual([`metadata.labels[${PSA}audit-version]: Invalid value: "v1.x": must be "latest" or "v1.x"`]);
  });
});

describe('the registry\'s version', () => {
  it.each<[string, 'latest' | number]>([['latest', 'latest'], ['v1.0', 0], ['v1.25', 25], ['v1.10000', 10000]])('%s → %s', (v, want) => {
    expect(policyVersion(v)).toBe(want);
  });
  it('what ParseVersion refuses evaluates as latest', () => expect(policyVersion('v1.banana')).toBe('latest'));
});

describe('podSecurityLabels', () => {
  it('only pod-security.kubernetes.io/ keys, sorted by key', () => {
    const out = podSecurityLabels({ [`${PSA}warn`]: 'baseline', team: 'a', 'kubernetes.io/metadata.name': 'n', [`${PSA}enforce`]: 'restricted', [`${PSA}audit`]: '' });
    expect(Object.entries(out)).toEqual([[`${PSA}audit`, ''], [`${PSA}enforce`, 'restricted'], [`${PSA}warn`, 'baseline']]);
    expect(podSecurityLabels({ 'x/pod-security.kubernetes.io/enforce': 'a' })).toEqual({});
  });
});
