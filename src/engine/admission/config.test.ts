// The PodSecurity plugin's configuration as k8s.io/pod-security-admission v0.30.0 reads it:
// admission/api/v1/defaults.go SetDefaults_PodSecurityDefaults (an empty or absent value is
// privileged / latest) and admission/api/validation/validation.go ValidatePodSecurityConfiguration
// (defaults enforce, enforce-version, warn, warn-version, audit, audit-version; then exemptions
// namespaces (ValidateNamespaceName: a DNS-1123 label), runtimeClasses (NameIsDNSSubdomain),
// usernames (non-empty); an invalid entry is not also a duplicate; details joined with ", ").
import { describe, expect, it } from 'vitest';
import type { ClusterConfig } from '../model/index.js';
import { DEFAULT_CONFIG, buildPodSecurityConfig, podSecurityConfigOf } from './config.js';
import { EMPTY_ADMISSION } from './index.js';

const LEVEL = 'must be one of privileged, baseline, restricted';
const VERSION = 'must be "latest" or "v1.x"';
const LABEL_RE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('SetDefaults_PodSecurityDefaults', () => {
  it('absent and empty values are privileged:latest, each mode on its own', () => {
    const P = { level: 'privileged', version: 'latest' };
    expect(buildPodSecurityConfig({}, {})).toEqual({
      config: { defaults: { enforce: P, audit: P, warn: P }, exemptions: { usernames: [], runtimeClasses: [], namespaces: [] } }, errors: [],
    });
    const empty = buildPodSecurityConfig({ enforce: '', 'enforce-version': '', audit: '', 'audit-version': '', warn: '', 'warn-version': '' }, {});
    expect(empty.errors).toEqual([]);
    expect(empty.config.defaults).toEqual({ enforce: P, audit: P, warn: P });
  });

  it('each mode reads its own level and version keys', () => {
    const { config, errors } = buildPodSecurityConfig(
      { enforce: 'baseline', 'enforce-version': 'v1.25', warn: 'restricted', 'warn-version': 'v1.26', audit: 'restricted', 'audit-version': 'v1.27' }, {});
    expect(errors).toEqual([]);
    expect(config.defaults).toEqual({
      enforce: { level: 'baseline', version: 'v1.25' }, warn: { level: 'restricted', version: 'v1.26' }, audit: { level: 'restricted', version: 'v1.27' },
    });
    // A version alone keeps the level's default.
    expect(buildPodSecurityConfig({ 'audit-version': 'v1.24' }, {}).config.defaults.audit).toEqual({ level: 'privileged', version: 'v1.24' });
  });
});

describe('ValidatePodSecurityConfiguration', () => {
  it('defaults: every bad value, in the order enforce, enforce-version, warn, warn-version, audit, audit-version', () => {
    const { errors } = buildPodSecurityConfig({ audit: 'Audit', 'audit-version': 'v2', warn: 'w', 'warn-version': 'v1.01', enforce: 'strict', 'enforce-version': 'banana' }, {});
    expect(errors).toEqual([
      { path: ['defaults', 'enforce'], type: 'Invalid', value: 'strict', detail: LEVEL },
      { path: ['defaults', 'enforce-version'], type: 'Invalid', value: 'banana', detail: VERSION },
      { path: ['defaults', 'warn'], type: 'Invalid', value: 'w', detail: LEVEL },
      { path: ['defaults', 'warn-version'], type: 'Invalid', value: 'v1.01', detail: VERSION },
      { path: ['defaults', 'audit'], type: 'Invalid', value: 'Audit', detail: LEVEL },
      { path: ['defaults', 'audit-version'], type: 'Invalid', value: 'v2', detail: VERSION },
    ]);
  });

  it('exemptions: namespaces are DNS labels, runtimeClasses DNS subdomains, usernames non-empty; duplicates once', () => {
    const { config, errors } = buildPodSecurityConfig({}, {
      usernames: ['jane', '', 'jane', 'system:serviceaccount:kube-system:job-controller'],
      runtimeClasses: ['gvisor.example.com', 'Kata', 'gvisor.example.com'],
      namespaces: ['team', 'a.b', 'team', `${'x'.repeat(63)}Y`, 'dev'],
    });
    expect(errors).toEqual([
      { path: ['exemptions', 'namespaces', 1], type: 'Invalid', value: 'a.b', detail: LABEL_RE },
      { path: ['exemptions', 'namespaces', 2], type: 'Duplicate', value: 'team', detail: '' },
      { path: ['exemptions', 'namespaces', 3], type: 'Invalid', value: `${'x'.repeat(63)}Y`, detail: `must be no more than 63 characters, ${LABEL_RE}` },
      { path: ['exemptions', 'runtimeClasses', 1], type: 'Invalid', value: 'Kata', detail: expect.stringMatching(/^a lowercase RFC 1123 subdomain must consist of /) },
      { path: ['exemptions', 'runtimeClasses', 2], type: 'Duplicate', value: 'gvisor.example.com', detail: '' },
      { path: ['exemptions', 'usernames', 1], type: 'Invalid', value: '', detail: 'username must not be empty' },
      { path: ['exemptions', 'usernames', 2], type: 'Duplicate', value: 'jane', detail: '' },
    ]);
    expect(config.exemptions).toEqual({
      namespaces: ['team', 'dev'], runtimeClasses: ['gvisor.example.com'], usernames: ['jane', 'system:serviceaccount:kube-system:job-controller'],
    });
  });

  it('an invalid entry is reported as invalid, not also as a duplicate of itself', () => {
    expect(buildPodSecurityConfig({}, { usernames: ['', ''] }).errors.map((e) => [e.path[2], e.type])).toEqual([[0, 'Invalid'], [1, 'Invalid']]);
  });
});

describe('podSecurityConfigOf', () => {
  it('a cluster without podSecurity runs the plugin with no configuration (LoadFromData(nil)): the defaults', () => {
    expect(podSecurityConfigOf({} as ClusterConfig)).toBe(DEFAULT_CONFIG);
    const own = buildPodSecurityConfig({ enforce: 'baseline' }, {}).config;
    expect(podSecurityConfigOf({ podSecurity: own } as ClusterConfig)).toBe(own);
    expect(DEFAULT_CONFIG.defaults.enforce).toEqual({ level: 'privileged', version: 'latest' });
  });
  it('the report of an analysis that skips admission is empty, under the defaults', () => {
    expect(EMPTY_ADMISSION).toEqual({ config: DEFAULT_CONFIG, namespaces: [], decisions: [], rejected: [] });
  });
});
