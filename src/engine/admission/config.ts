import type { ClusterConfig, LevelVersion, PodSecurityConfig } from '../model/index.js';
import { isDNS1123Label, isDNS1123Subdomain } from '../normalize/names.js';
import { DEFAULT_POLICY, LATEST, parseLevel, parseVersion } from './api.js';

/**
 * The PodSecurity plugin's configuration (admission/api PodSecurityConfiguration v1). A kubeadm
 * v1.30 cluster gives the plugin none, so it runs with LoadFromData(nil): every mode
 * privileged:latest and no exemptions. kube-system is not exempt; it carries no
 * pod-security.kubernetes.io labels, so it is privileged like any unlabelled namespace.
 */
export const DEFAULT_CONFIG: PodSecurityConfig = Object.freeze({
  defaults: DEFAULT_POLICY,
  exemptions: Object.freeze({ usernames: [], runtimeClasses: [], namespaces: [] }),
});

export function podSecurityConfigOf(config: ClusterConfig): PodSecurityConfig {
  return config.podSecurity ?? DEFAULT_CONFIG;
}

/** `defaults` as written (PodSecurityDefaults' JSON names); empty or absent values default. */
export interface DefaultsInput {
  readonly enforce?: string;
  readonly 'enforce-version'?: string;
  readonly audit?: string;
  readonly 'audit-version'?: string;
  readonly warn?: string;
  readonly 'warn-version'?: string;
}

export interface ExemptionsInput {
  readonly usernames?: readonly string[];
  readonly runtimeClasses?: readonly string[];
  readonly namespaces?: readonly string[];
}

/** A field error of ValidatePodSecurityConfiguration, with its path below the configuration. */
export interface ConfigError {
  readonly path: readonly (string | number)[];
  readonly type: 'Invalid' | 'Duplicate';
  readonly value: string;
  readonly detail: string;
}

/**
 * SetDefaults_PodSecurityDefaults, then validation/ValidatePodSecurityConfiguration in its order:
 * defaults enforce, enforce-version, warn, warn-version, audit, audit-version (ParseLevel /
 * ParseVersion errors), then exemptions namespaces (DNS labels), runtimeClasses (DNS subdomains),
 * usernames (non-empty), each list without duplicates. On a real cluster an invalid configuration
 * stops the API server from starting; the lab refuses the lab/v1 Cluster instead.
 */
export function buildPodSecurityConfig(defaults: DefaultsInput, exemptions: ExemptionsInput): { config: PodSecurityConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const mode = (levelKey: 'enforce' | 'warn' | 'audit'): LevelVersion => {
    const levelText = defaults[levelKey] || 'privileged';
    const versionKey = `${levelKey}-version` as const;
    const versionText = defaults[versionKey] || LATEST;
    const level = parseLevel(levelText);
    if (level.error) errors.push({ path: ['defaults', levelKey], type: 'Invalid', value: levelText, detail: level.error });
    const version = parseVersion(versionText);
    if (version.error) errors.push({ path: ['defaults', versionKey], type: 'Invalid', value: versionText, detail: version.error });
    return { level: level.level, version: version.version };
  };
  const enforce = mode('enforce');
  const warn = mode('warn');
  const audit = mode('audit');
  const list = (key: 'namespaces' | 'runtimeClasses' | 'usernames', check: (v: string) => string[]): string[] => {
    const seen = new Set<string>();
    (exemptions[key] ?? []).forEach((v, i) => {
      const msgs = check(v);
      if (msgs.length > 0) errors.push({ path: ['exemptions', key, i], type: 'Invalid', value: v, detail: msgs.join(', ') });
      else if (seen.has(v)) errors.push({ path: ['exemptions', key, i], type: 'Duplicate', value: v, detail: '' });
      else seen.add(v);
    });
    return [...seen];
  };
  const namespaces = list('namespaces', isDNS1123Label);
  const runtimeClasses = list('runtimeClasses', isDNS1123Subdomain);
  const usernames = list('usernames', (u) => (u === '' ? ['username must not be empty'] : []));
  return { config: { defaults: { enforce, audit, warn }, exemptions: { usernames, runtimeClasses, namespaces } }, errors };
}
