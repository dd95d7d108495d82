import type { EndpointSliceObject, EndpointsAddress, EndpointsObject, EndpointsPort, PathSegment, SourceRef } from '../model/index.js';
import { parseIP } from '../net/index.js';
import { readProtocol } from './containers.js';
import type { Diags } from './diag.js';
import { isDNS1123Label, isValidPortNum } from './names.js';
import { arr, at, bool, field, str, stringMap } from './values.js';

const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/**
 * pkg/apis/core/validation ValidateNonSpecialIP (also used for EndpointSlices): unspecified and
 * loopback addresses are nonsensical, link-local ones are the node's own. Go's net.IP tests, for
 * both families (an IPv4-mapped IPv6 address is read as its IPv4 address): IsUnspecified,
 * IsLoopback (127.0.0.0/8, ::1), IsLinkLocalUnicast (169.254.0.0/16, fe80::/10),
 * IsLinkLocalMulticast (224.0.0.0/24, ffX2::/16). The detail, or null.
 */
function specialIP(ip: string): string | null {
  const parsed = parseIP(ip);
  if (!parsed) return null;
  const bytes = parsed.bytes;
  const [a = 0, b = 0, c = 0] = bytes;
  if (bytes.every((x) => x === 0)) return `may not be unspecified (${ip})`;
  const v4 = parsed.family === 4;
  if (v4 ? a === 127 : bytes.every((x, i) => x === (i === 15 ? 1 : 0))) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  if (v4 ? a === 169 && b === 254 : a === 0xfe && (b & 0xc0) === 0x80) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (v4 ? a === 224 && b === 0 && c === 0 : a === 0xff && (b & 0x0f) === 0x02) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return null;
}

function readAddress(a: unknown, path: readonly PathSegment[], namespace: string, diags: Diags): EndpointsAddress {
  const ip = str(field(a, 'ip')) ?? '';
  if (!parseIP(ip)) diags.invalid('endpoints-invalid', [...path, 'ip'], ip, IP_MSG);
  else {
    const special = specialIP(ip);
    if (special) diags.invalid('endpoints-invalid', [...path, 'ip'], ip, special);
  }
  const nodeName = str(field(a, 'nodeName'));
  const hostname = str(field(a, 'hostname'));
  if (hostname) for (const msg of isDNS1123Label(hostname)) diags.invalid('endpoints-invalid', [...path, 'hostname'], hostname, msg);
  const ref = field(a, 'targetRef');
  const pod = field(ref, 'kind') === 'Pod' ? str(field(ref, 'name')) : undefined;
  const podNs = str(field(ref, 'namespace'));
  return {
    ip,
    ...(nodeName ? { nodeName } : {}),
    ...(hostname ? { hostname } : {}),
    ...(pod ? { pod: `${podNs ?? namespace}/${pod}` } : {}),
  };
}

/** Port lists of Endpoints subsets and EndpointSlices: names required when more than one, unique, DNS labels. */
function readPortList(list: readonly unknown[], path: readonly PathSegment[], diags: Diags, requireNumber: boolean): { name?: string; port?: number; protocol: EndpointsPort['protocol'] }[] {
  const names = new Set<string>();
  return list.map((p, k) => {
    const pp = [...path, k];
    const name = str(field(p, 'name')) ?? '';
    if (requireNumber && list.length > 1 && name === '') diags.required('endpoints-invalid', [...pp, 'name']);
    else if (name !== '') {
      for (const msg of isDNS1123Label(name)) diags.invalid('endpoints-invalid', [...pp, 'name'], name, msg);
      if (names.has(name)) diags.duplicate('endpoints-invalid', [...pp, 'name'], name);
      names.add(name);
    }
    const port = typeof field(p, 'port') === 'number' ? (field(p, 'port') as number) : undefined;
    if (port !== undefined || requireNumber) for (const msg of isValidPortNum(port ?? 0)) diags.invalid('port-invalid', [...pp, 'port'], port ?? 0, msg);
    const protocol = readProtocol(field(p, 'protocol'), [...pp, 'protocol'], ['SCTP', 'TCP', 'UDP'], diags);
    return { ...(name !== '' ? { name } : {}), ...(port !== undefined ? { port } : {}), protocol };
  });
}

/**
 * v1 Endpoints, validated as pkg/apis/core/validation ValidateEndpoints (each subset needs
 * addresses or notReadyAddresses; IPs valid and not special; ports named when several), protocol
 * defaulted to TCP (SetDefaults_Endpoints).
 */
export function readEndpoints(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): EndpointsObject {
  const subsets = arr(field(value, 'subsets')).map((s, i) => {
    const path = ['subsets', i];
    const addresses = arr(field(s, 'addresses')).map((a, j) => readAddress(a, [...path, 'addresses', j], namespace, diags));
    const notReadyAddresses = arr(field(s, 'notReadyAddresses')).map((a, j) => readAddress(a, [...path, 'notReadyAddresses', j], namespace, diags));
    if (addresses.length === 0 && notReadyAddresses.length === 0) diags.required('endpoints-invalid', path, 'must specify `addresses` or `notReadyAddresses`');
    const ports = readPortList(arr(field(s, 'ports')), [...path, 'ports'], diags, true).map((p): EndpointsPort => ({ ...p, port: p.port ?? 0 }));
    return { addresses, notReadyAddresses, ports };
  });
  return { namespace, name, subsets, ref: root };
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const;
type AddressType = (typeof ADDRESS_TYPES)[number];

/**
 * discovery.k8s.io/v1 EndpointSlice, validated as pkg/apis/discovery/validation ValidateEndpointSlice
 * (addressType required and supported; each endpoint 1-100 addresses of that type; ports unique by
 * name). `conditions.ready` absent means ready. The Service is named by the label
 * `kubernetes.io/service-name`.
 */
export function readEndpointSlice(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): EndpointSliceObject {
  const typeValue = field(value, 'addressType');
  let addressType: AddressType = 'IPv4';
  if (typeValue === undefined || typeValue === null || typeValue === '') diags.required('endpoints-invalid', ['addressType']);
  else if (typeof typeValue === 'string' && (ADDRESS_TYPES as readonly string[]).includes(typeValue)) addressType = typeValue as AddressType;
  else diags.notSupported('endpoints-invalid', ['addressType'], typeValue, ADDRESS_TYPES);

  const endpoints = arr(field(value, 'endpoints')).map((e, i) => {
    const path = ['endpoints', i, 'addresses'];
    const addresses = arr(field(e, 'addresses')).filter((a): a is string => typeof a === 'string');
    if (addresses.length === 0) diags.required('endpoints-invalid', path, 'must contain at least 1 address');
    else if (addresses.length > 100) diags.invalid('endpoints-invalid', path, addresses.length, 'must have at most 100 items');
    addresses.forEach((a, j) => {
      const ip = parseIP(a);
      if (addressType === 'FQDN') return;
      if (!ip || (ip.family === 4) !== (addressType === 'IPv4')) diags.invalid('endpoints-invalid', [...path, j], a, `must be a valid ${addressType} address`);
      else {
        const special = specialIP(a);
        if (special) diags.invalid('endpoints-invalid', [...path, j], a, special);
      }
    });
    const ready = bool(at(e, 'conditions', 'ready')) ?? true;
    const hostname = str(field(e, 'hostname'));
    const nodeName = str(field(e, 'nodeName'));
    const ref = field(e, 'targetRef');
    const pod = field(ref, 'kind') === 'Pod' ? str(field(ref, 'name')) : undefined;
    return {
      addresses, ready,
      ...(hostname ? { hostname } : {}), ...(nodeName ? { nodeName } : {}),
      ...(pod ? { pod: `${str(field(ref, 'namespace')) ?? namespace}/${pod}` } : {}),
    };
  });
  const ports = readPortList(arr(field(value, 'ports')), ['ports'], diags, false);
  const serviceName = stringMap(at(value, 'metadata', 'labels'))['kubernetes.io/service-name'];
  return { namespace, name, ...(serviceName ? { serviceName } : {}), addressType, endpoints, ports, ref: root };
}
