import type { Container, ContainerPort, PathSegment, Protocol, SourceRef } from '../model/index.js';
import { sub } from '../model/index.js';
import type { Diags } from './diag.js';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names.js';
import { readContainerSecurityContext } from './security-context.js';
import { arr, bool, field, num, str, strings } from './values.js';

/** Sorted, as `sets.List` gives them in pkg/apis/core/validation's NotSupported message for ports. */
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

/**
 * One container (or init container) as data, with pkg/apis/core/validation's checks on what the
 * engine relies on: name (DNS label), image (required), imagePullPolicy, ports (containerPort
 * required and 1-65535, hostPort 1-65535 when set, protocol TCP/UDP/SCTP defaulting to TCP,
 * name an IANA_SVC_NAME unique within the container; with hostNetwork, hostPort = containerPort).
 */
export function readContainer(c: unknown, path: readonly PathSegment[], kind: Container['kind'], root: SourceRef, diags: Diags, hostNetwork = false): Container {
  const name = str(field(c, 'name')) ?? '';
  if (name === '') diags.required('container-invalid', [...path, 'name']);
  else for (const msg of isDNS1123Label(name)) diags.invalid('container-invalid', [...path, 'name'], name, msg);
  const image = str(field(c, 'image')) ?? '';
  if (image.trim() === '') diags.required('container-invalid', [...path, 'image']);

  const pullPolicy = field(c, 'imagePullPolicy');
  let imagePullPolicy: Container['imagePullPolicy'];
  if (typeof pullPolicy === 'string') {
    const found = PULL_POLICIES.find((p) => p === pullPolicy);
    if (found) imagePullPolicy = found;
    else diags.notSupported('container-invalid', [...path, 'imagePullPolicy'], pullPolicy, PULL_POLICIES);
  }

  const ports: ContainerPort[] = [];
  const hostPorts: number[] = [];
  const portNames = new Set<string>();
  arr(field(c, 'ports')).forEach((p, i) => {
    const pp = [...path, 'ports', i];
    const containerPort = num(field(p, 'containerPort'));
    if (containerPort === undefined || containerPort === 0) diags.required('port-invalid', [...pp, 'containerPort']);
    else for (const msg of isValidPortNum(containerPort)) diags.invalid('port-invalid', [...pp, 'containerPort'], containerPort, msg);
    let hostPort = num(field(p, 'hostPort'));
    if (hostNetwork && containerPort !== undefined && containerPort !== 0) {
      // pkg/apis/core/v1/defaults.go: with hostNetwork an unset hostPort becomes the containerPort;
      // validation then requires them equal.
      if (hostPort === undefined || hostPort === 0) hostPort = containerPort;
      else if (hostPort !== containerPort) diags.invalid('port-invalid', [...pp, 'hostPort'], hostPort, 'must match `containerPort` when `hostNetwork` is true');
    }
    if (hostPort !== undefined && hostPort !== 0) {
      for (const msg of isValidPortNum(hostPort)) diags.invalid('port-invalid', [...pp, 'hostPort'], hostPort, msg);
      hostPorts.push(hostPort);
    }
    const protocol = readProtocol(field(p, 'protocol'), [...pp, 'protocol'], PORT_PROTOCOLS, diags);
    const portName = str(field(p, 'name'));
    if (portName !== undefined && portName !== '') {
      for (const msg of isValidPortName(portName)) diags.invalid('port-invalid', [...pp, 'name'], portName, msg);
      if (portNames.has(portName)) diags.duplicate('port-invalid', [...pp, 'name'], portName);
      portNames.add(portName);
    }
    ports.push({
      ...(portName ? { name: portName } : {}),
      containerPort: containerPort ?? 0,
      protocol,
      ref: sub(root, ...pp),
    });
  });

  const securityContext = readContainerSecurityContext(field(c, 'securityContext'), [...path, 'securityContext'], diags);
  return {
    name,
    image,
    ...(imagePullPolicy ? { imagePullPolicy } : {}),
    command: strings(field(c, 'command')),
    args: strings(field(c, 'args')),
    // valueFrom entries have no literal value: kept with '' so `env` still lists them.
    env: arr(field(c, 'env')).map((e) => ({ name: str(field(e, 'name')) ?? '', value: str(field(e, 'value')) ?? '' })),
    ports,
    ...(securityContext ? { securityContext } : {}),
    volumeMounts: arr(field(c, 'volumeMounts')).map((m) => ({
      name: str(field(m, 'name')) ?? '', mountPath: str(field(m, 'mountPath')) ?? '',
      ...(bool(field(m, 'readOnly')) === true ? { readOnly: true } : {}),
    })),
    hostPorts,
    kind,
    ref: sub(root, ...path),
  };
}

/** Protocol with the API server's default (TCP); anything else is `Unsupported value`. */
export function readProtocol(v: unknown, path: readonly PathSegment[], supported: readonly string[], diags: Diags): Protocol {
  if (v === undefined || v === null || v === '') return 'TCP';
  if (v === 'TCP' || v === 'UDP' || v === 'SCTP') return v;
  diags.notSupported('protocol-invalid', path, v, supported);
  return 'TCP';
}
