import type { ClusterConfig, ExternalHost, PodSecurityConfig, Registry, RegistryImage, SourceRef } from '../model/index.js';
import { CNI_NAMES, isCni } from '../cluster/cni.js';
import { buildPodSecurityConfig } from '../admission/config.js';
import { parseCIDR, parseIP } from '../net/index.js';
import { readProtocol } from './containers.js';
import type { Diags } from './diag.js';
import { isValidPortNum } from './names.js';
import { arr, bool, field, str, stringMap, strings } from './values.js';

export const DEFAULT_POD_CIDR = '10.244.0.0/16';
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** lab/v1 ExternalHost: spec.ip (required, an IP) and spec.ports [{port, protocol=TCP}]. */
export function readExternalHost(value: unknown, name: string, root: SourceRef, diags: Diags): ExternalHost {
  const spec = field(value, 'spec');
  const ip = str(field(spec, 'ip')) ?? '';
  if (ip === '') diags.required('external-host-invalid', ['spec', 'ip']);
  else if (!parseIP(ip)) diags.invalid('external-host-invalid', ['spec', 'ip'], ip, IP_MSG);
  const ports = arr(field(spec, 'ports')).map((p, i) => {
    const port = num0(field(p, 'port'));
    for (const msg of isValidPortNum(port)) diags.invalid('port-invalid', ['spec', 'ports', i, 'port'], port, msg);
    return { port, protocol: readProtocol(field(p, 'protocol'), ['spec', 'ports', i, 'protocol'], ['TCP', 'UDP', 'SCTP'], diags) };
  });
  return { name, ip, ports, labels: stringMap(field(field(value, 'metadata'), 'labels')), ref: root };
}

/**
 * lab/v1 Registry: `private` defaults to true (engine-spec section 5). Lab rule: an image entry
 * without `tags` holds only `latest`.
 */
export function readRegistry(value: unknown, name: string, root: SourceRef, diags: Diags): Registry {
  const spec = field(value, 'spec');
  const server = str(field(spec, 'server')) ?? '';
  if (server === '') diags.required('registry-invalid', ['spec', 'server']);
  const credentials = arr(field(spec, 'credentials')).map((c) => ({
    username: str(field(c, 'username')) ?? '',
    password: str(field(c, 'password')) ?? '',
  }));
  const images: RegistryImage[] = arr(field(spec, 'images')).map((img, i) => {
    const repository = str(field(img, 'repository')) ?? '';
    if (repository === '') diags.required('registry-invalid', ['spec', 'images', i, 'repository']);
    const user = str(field(img, 'user'));
    const tags = Array.isArray(field(img, 'tags')) ? strings(field(img, 'tags')) : ['latest'];
    return { repository, tags, ...(user !== undefined ? { user } : {}) };
  });
  return { name, server, private: bool(field(spec, 'private')) ?? true, credentials, images, ref: root };
}

/**
 * lab/v1 Cluster: cni (default calico), podCIDR (default 10.244.0.0/16, must be a CIDR) and
 * podSecurity (the PodSecurity admission plugin's configuration, admission/config.ts).
 */
export function readClusterConfig(value: unknown, root: SourceRef, diags: Diags): ClusterConfig {
  const spec = field(value, 'spec');
  const cniValue = field(spec, 'cni');
  let cni: ClusterConfig['cni'] = 'calico';
  if (isCni(cniValue)) cni = cniValue;
  else if (cniValue !== undefined && cniValue !== null) diags.notSupported('cluster-invalid', ['spec', 'cni'], cniValue, [...CNI_NAMES]);
  const podCIDR = str(field(spec, 'podCIDR')) || DEFAULT_POD_CIDR;
  if (!parseCIDR(podCIDR)) diags.invalid('cidr-invalid', ['spec', 'podCIDR'], podCIDR, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)');
  const podSecurity = readPodSecurity(field(spec, 'podSecurity'), diags);
  return { cni, podCIDR, ...(podSecurity ? { podSecurity } : {}), ref: root };
}

/**
 * `spec.podSecurity: {defaults: {enforce, enforce-version, audit, audit-version, warn,
 * warn-version}, exemptions: {usernames, runtimeClasses, namespaces}}`, the fields of an
 * AdmissionConfiguration's PodSecurityConfiguration (pod-security.admission.config.k8s.io/v1),
 * validated as the plugin validates its configuration.
 */
function readPodSecurity(value: unknown, diags: Diags): PodSecurityConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const d = field(value, 'defaults');
  const e = field(value, 'exemptions');
  const text = (k: string) => str(field(d, k)) ?? '';
  const { config, errors } = buildPodSecurityConfig(
    { enforce: text('enforce'), 'enforce-version': text('enforce-version'), audit: text('audit'), 'audit-version': text('audit-version'), warn: text('warn'), 'warn-version': text('warn-version') },
    { usernames: strings(field(e, 'usernames')), runtimeClasses: strings(field(e, 'runtimeClasses')), namespaces: strings(field(e, 'namespaces')) },
  );
  for (const err of errors) {
    const path = ['spec', 'podSecurity', ...err.path];
    if (err.type === 'Duplicate') diags.duplicate('cluster-invalid', path, err.value);
    else diags.invalid('cluster-invalid', path, err.value, err.detail);
  }
  return config;
}

function num0(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}
