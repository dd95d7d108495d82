// Level, version and policy parsing as k8s.io/pod-security-admission v0.30.0 api/helpers.go does
// it; the rows of api/helpers_test.go (TestParseVersion, TestPolicyToEvaluate) plus the lab's cases.
import { describe, expect, it } from 'vitest';
import type { LevelVersion, PodSecurityPolicy } from '../model/index.js';
import { compareLevels, parseLevel, parseVersion, policyToEvaluate, levelVersionString } from './api.js';

const lv = (level: LevelVersion['level'], version = 'latest'): LevelVersion => ({ level, version });
const P = lv('privileged');
const labels = (...kv: string[]): Record<string, string> => {
  const out: Record<string, string> = { 'other-label': 'foo-bar' };
  for (let i = 0; i < kv.length; i += 2) out[`pod-security.kubernetes.io/${kv[i] ?? ''}`] = kv[i + 1] ?? '';
  return out;
};

describe('ParseVersion (api/helpers.go)', () => {
  it.each(['latest', 'v1.0', 'v1.1', 'v1.20', 'v1.10000', 'v1.9223372036854775807'])('%s parses', (v) => {
    expect(parseVersion(v)).toEqual({ version: v, error: null });
  });
  it.each(['foo', '', 'v2.0', 'v1', '1.1', 'v1.01', 'V1.25', 'v1.25 ', 'Latest', 'v1.-1', 'v1.9223372036854775808', 'banana'])('%j is refused and evaluates as latest', (v) => {
    expect(parseVersion(v)).toEqual({ version: 'latest', error: 'must be "latest" or "v1.x"' });
  });
});

describe('ParseLevel', () => {
  it.each(['privileged', 'baseline', 'restricted'])('%s', (l) => expect(parseLevel(l)).toEqual({ level: l, error: null }));
  it.each(['strict', 'Restricted', '', 'baseline '])('%j is refused (as restricted)', (l) => {
    expect(parseLevel(l)).toEqual({ level: 'restricted', error: 'must be one of privileged, baseline, restricted' });
  });
  it('CompareLevels', () => {
    expect([compareLevels('restricted', 'baseline'), compareLevels('privileged', 'baseline'), compareLevels('baseline', 'baseline')]).toEqual([1, -1, 0]);
  });
  it('LevelVersion.String', () => expect(levelVersionString(lv('baseline', 'v1.25'))).toBe('baseline:v1.25'));
});

describe('PolicyToEvaluate (api/helpers_test.go TestPolicyToEvaluate)', () => {
  it.each<[string, Record<string, string>, PodSecurityPolicy, boolean]>([
    ['simple enforce (warn follows it)', labels('enforce', 'baseline'), { enforce: lv('baseline'), warn: lv('baseline'), audit: P }, false],
    ['simple warn', labels('warn', 'restricted'), { enforce: P, warn: lv('restricted'), audit: P }, false],
    ['simple audit', labels('audit', 'baseline'), { enforce: P, warn: P, audit: lv('baseline') }, false],
    ['enforce & warn', labels('enforce', 'baseline', 'warn', 'restricted'), { enforce: lv('baseline'), warn: lv('restricted'), audit: P }, false],
    ['enforce version', labels('enforce', 'baseline', 'enforce-version', 'v1.22'), { enforce: lv('baseline', 'v1.22'), warn: lv('baseline', 'v1.22'), audit: P }, false],
    ['enforce version & warn-version', labels('enforce', 'baseline', 'enforce-version', 'v1.22', 'warn-version', 'latest'), { enforce: lv('baseline', 'v1.22'), warn: lv('baseline'), audit: P }, false],
    ['enforce & warn-version', labels('enforce', 'baseline', 'warn-version', 'v1.23'), { enforce: lv('baseline'), warn: lv('baseline', 'v1.23'), audit: P }, false],
    ['fully specified', labels('enforce', 'baseline', 'enforce-version', 'v1.20', 'warn', 'restricted', 'warn-version', 'v1.21', 'audit', 'restricted', 'audit-version', 'v1.22'),
      { enforce: lv('baseline', 'v1.20'), warn: lv('restricted', 'v1.21'), audit: lv('restricted', 'v1.22') }, false],
    ['enforce, warn privileged', labels('enforce', 'baseline', 'warn', 'privileged'), { enforce: lv('baseline'), warn: P, audit: P }, false],
    ['enforce, bad warn (fails open, does not follow enforce)', labels('enforce', 'baseline', 'warn', 'foo'), { enforce: lv('baseline'), warn: P, audit: P }, true],
    ['bad enforce: restricted, warn not defaulted', labels('enforce', 'foo'), { enforce: lv('restricted'), warn: P, audit: P }, true],
    // The lab's rows: the examples.
    ['enforce=strict', labels('enforce', 'strict'), { enforce: lv('restricted'), warn: P, audit: P }, true],
    ['enforce-version=banana', labels('enforce', 'baseline', 'enforce-version', 'banana'), { enforce: lv('baseline'), warn: lv('baseline'), audit: P }, true],
    ['bad audit fails open', labels('audit', 'nope'), { enforce: P, warn: P, audit: P }, true],
    ['enforce privileged does not lower warn', labels('enforce', 'privileged'), { enforce: P, warn: P, audit: P }, false],
  ])('%s', (_label, input, expected, hasErrors) => {
    const { policy, errors } = policyToEvaluate(input);
    expect(policy).toEqual(expected);
    expect(errors.length > 0).toBe(hasErrors);
  });

  it('falls back to the configuration\'s defaults for unset labels, and warn follows only a stricter enforce label', () => {
    const defaults: PodSecurityPolicy = { enforce: lv('baseline'), warn: lv('restricted'), audit: lv('baseline', 'v1.25') };
    expect(policyToEvaluate({ 'kubernetes.io/metadata.name': 'x' }, defaults).policy).toEqual(defaults);
    expect(policyToEvaluate({}, defaults).policy).toEqual(defaults);
    expect(policyToEvaluate(labels('enforce', 'restricted', 'enforce-version', 'v1.24'), defaults).policy)
      .toEqual({ enforce: lv('restricted', 'v1.24'), warn: lv('restricted'), audit: lv('baseline', 'v1.25') });
  });

  it('words each bad label as the API server\'s field error', () => {
    expect(policyToEvaluate(labels('enforce', 'strict', 'enforce-version', 'banana', 'warn-version', 'v1')).errors.map((e) => e.message)).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "banana": must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v1": must be "latest" or "v1.x"',
    ]);
  });
});
