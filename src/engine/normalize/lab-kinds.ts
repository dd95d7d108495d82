import type { ClusterConfig, ExternalHost, Registry, RegistryImage, SourceRef } from '../model/index.js';
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

/** lab/v1 Cluster: cni (default calico) and podCIDR (default 10.244.0.0/16, must be a CIDR). */
export function readClusterConfig(value: unknown, root: SourceRef, diags: Diags): ClusterConfig {
  const spec = field(value, 'spec');
  const cniValue = field(spec, 'cni');
  let cni: ClusterConfig['cni'] = 'calico';
  if (cniValue === 'calico' || cniValue === 'cilium' || cniValue === 'flannel' || cniValue === 'kindnet') cni = cniValue;
  else if (cniValue !== undefined && cniValue !== null) diags.notSupported('cluster-invalid', ['spec', 'cni'], cniValue, ['calico', 'cilium', 'flannel', 'kindnet']);
  const podCIDR = str(field(spec, 'podCIDR')) || DEFAULT_POD_CIDR;
  if (!parseCIDR(podCIDR)) diags.invalid('cidr-invalid', ['spec', 'podCIDR'], podCIDR, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)');
  return { cni, podCIDR, ref: root };
}

function num0(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}
