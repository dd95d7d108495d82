import type { PathSegment, Service, ServicePort, ServiceType, SourceRef } from '../model/index.js';
import { sub } from '../model/index.js';
import { parseIP } from '../net/index.js';
import { readProtocol } from './containers.js';
import { GoLiteral, type Diags } from './diag.js';
import { checkLabels } from './labels.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.js';
import { arr, field, isObj, num, str, stringMap, strings } from './values.js';

/** sets.List order, as NotSupported prints them (pkg/apis/core/validation supportedServiceType). */
const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const isServiceType = (v: unknown): v is ServiceType => typeof v === 'string' && (SERVICE_TYPES as readonly string[]).includes(v);
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/**
 * A v1 Service, defaulted as pkg/apis/core/v1/defaults.go SetDefaults_Service (type ClusterIP,
 * protocol TCP, targetPort = port when absent, 0 or "") and validated as pkg/apis/core/validation
 * ValidateService + validateServicePort + ValidateServiceClusterIPsRelatedFields, worded as the API
 * server words it. The strategy copies spec.clusterIP into spec.clusterIPs before validating, so
 * messages name `spec.clusterIPs[0]` while the marker sits on what the student wrote. The ClusterIP
 * and NodePorts are allocated later, over every Service (service/allocate.ts).
 */
export function readService(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): Service {
  const spec = field(value, 'spec');
  const typeValue = field(spec, 'type');
  let type: ServiceType = 'ClusterIP';
  if (isServiceType(typeValue)) type = typeValue;
  else if (typeValue !== undefined && typeValue !== null && typeValue !== '') diags.notSupported('service-invalid', ['spec', 'type'], typeValue, SERVICE_TYPES);

  const clusterIP = readClusterIP(spec, type, diags);
  const headless = clusterIP.value === 'None';
  const portsValue = arr(field(spec, 'ports'));
  if (portsValue.length === 0 && !headless && type !== 'ExternalName') diags.required('service-invalid', ['spec', 'ports']);
  const ports = readPorts(portsValue, type, root, diags);

  let externalName: string | undefined;
  if (type === 'ExternalName') {
    // "The value (a CNAME) may have a trailing dot to denote it as fully qualified."
    const cname = (str(field(spec, 'externalName')) ?? '').replace(/\.$/, '');
    if (cname === '') diags.required('service-invalid', ['spec', 'externalName']);
    else for (const msg of isDNS1123Subdomain(cname)) diags.invalid('service-invalid', ['spec', 'externalName'], cname, msg);
    externalName = cname;
  }

  const selectorValue = field(spec, 'selector');
  checkLabels(selectorValue, ['spec', 'selector'], diags);
  const affinity = field(spec, 'sessionAffinity');
  if (affinity !== undefined && affinity !== null && affinity !== '' && affinity !== 'ClientIP' && affinity !== 'None') {
    diags.notSupported('service-invalid', ['spec', 'sessionAffinity'], affinity, ['ClientIP', 'None']);
  }
  const selector = stringMap(selectorValue);
  return {
    namespace, name, type,
    selector,
    // An empty selector map does not survive the API server's storage round trip: it is no selector.
    hasSelector: isObj(selectorValue) && Object.keys(selector).length > 0 && type !== 'ExternalName',
    ports,
    clusterIP: type === 'ExternalName' ? '' : clusterIP.value,
    clusterIPDeclared: type !== 'ExternalName' && clusterIP.value !== '',
    ...(externalName !== undefined ? { externalName } : {}),
    labels: stringMap(field(field(value, 'metadata'), 'labels')),
    ref: root,
  };
}

/** spec.clusterIP / spec.clusterIPs: '' (to allocate), 'None' (headless) or a valid IP. */
function readClusterIP(spec: unknown, type: ServiceType, diags: Diags): { value: string } {
  const ip = str(field(spec, 'clusterIP')) ?? '';
  const ips = strings(field(spec, 'clusterIPs'));
  const at: PathSegment[] = ip !== '' ? ['spec', 'clusterIP'] : ['spec', 'clusterIPs'];
  if (ip !== '' && ips.length > 0 && ips[0] !== ip) {
    diags.invalid('service-invalid', ['spec', 'clusterIPs'], goStrings(ips), 'first value must match `clusterIP`');
  }
  const value = ip !== '' ? ip : ips[0] ?? '';
  if (value === '') return { value };
  if (type === 'ExternalName') {
    diags.forbidden('service-invalid', ['spec', 'clusterIPs'], 'may not be set for ExternalName services', at);
    return { value: '' };
  }
  if (value === 'None') {
    if (type === 'NodePort' || type === 'LoadBalancer') {
      diags.invalid('service-invalid', ['spec', 'clusterIPs', 0], value, `may not be set to 'None' for ${type} services`, { path: at });
    }
    return { value };
  }
  if (!parseIP(value)) diags.invalid('service-invalid', ['spec', 'clusterIPs', 0], value, IP_MSG, { path: at });
  return { value };
}

function readPorts(list: readonly unknown[], type: ServiceType, root: SourceRef, diags: Diags): ServicePort[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const seenNodePorts = new Set<string>();
  return list.map((p, i): ServicePort => {
    const path = ['spec', 'ports', i];
    const portName = str(field(p, 'name')) ?? '';
    if (list.length > 1 && portName === '') diags.required('service-invalid', [...path, 'name']);
    else if (portName !== '') {
      for (const msg of isDNS1123Label(portName)) diags.invalid('service-invalid', [...path, 'name'], portName, msg);
      if (names.has(portName)) diags.duplicate('service-invalid', [...path, 'name'], portName);
      names.add(portName);
    }
    // An absent port decodes as 0, which IsValidPortNum rejects (there is no "Required" for it).
    const port = num(field(p, 'port')) ?? 0;
    for (const msg of isValidPortNum(port)) diags.invalid('port-invalid', [...path, 'port'], port, msg);
    const protocol = readProtocol(field(p, 'protocol'), [...path, 'protocol'], ['SCTP', 'TCP', 'UDP'], diags);

    const target = field(p, 'targetPort');
    let targetPort: number | string = port;
    if (typeof target === 'number' && target !== 0) {
      for (const msg of isValidPortNum(target)) diags.invalid('port-invalid', [...path, 'targetPort'], target, msg);
      targetPort = target;
    } else if (typeof target === 'string' && target !== '') {
      for (const msg of isValidPortName(target)) diags.invalid('port-invalid', [...path, 'targetPort'], target, msg);
      targetPort = target;
    }

    const nodePort = num(field(p, 'nodePort'));
    if (nodePort !== undefined && nodePort !== 0) {
      if (type === 'ClusterIP') diags.forbidden('service-invalid', [...path, 'nodePort'], "may not be used when `type` is 'ClusterIP'");
      const key = `${protocol}/${nodePort}`;
      if (seenNodePorts.has(key)) diags.duplicate('service-invalid', [...path, 'nodePort'], nodePort);
      seenNodePorts.add(key);
    }
    const key = `${protocol}/${port}`;
    if (seen.has(key)) diags.duplicate('service-invalid', path, goServicePort(protocol, port));
    seen.add(key);
    return {
      ...(portName !== '' ? { name: portName } : {}), port, targetPort, protocol,
      ...(nodePort !== undefined && nodePort !== 0 && type !== 'ClusterIP' ? { nodePort } : {}),
      ref: sub(root, ...path),
    };
  });
}

/** Go's %#v of the core.ServicePort key upstream reports for a duplicate (protocol, port). */
function goServicePort(protocol: string, port: number): GoLiteral {
  return new GoLiteral(`core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`);
}

/** Go's %#v of a []string. */
export function goStrings(list: readonly string[]): GoLiteral {
  return new GoLiteral(`[]string{${list.map((s) => JSON.stringify(s)).join(', ')}}`);
}
