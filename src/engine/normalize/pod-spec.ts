import type { Container, PathSegment, Pod, SourceRef, Volume } from '../model/index.js';
import { formatPath, sub } from '../model/index.js';
import type { Diags } from './diag.js';
import { readContainer } from './containers.js';
import { NODES, nodeByName } from '../cluster/nodes.js';
import { isDNS1123Label, isDNS1123Subdomain } from './names.js';
import { readPodSecurityContext } from './security-context.js';
import { arr, bool, field, isObj, str } from './values.js';

export type PodSpecFields = Pick<Pod,
  'containers' | 'initContainers' | 'securityContext' | 'volumes' | 'imagePullSecrets' | 'serviceAccountName' |
  'automountServiceAccountToken' | 'hostNetwork' | 'hostPID' | 'hostIPC' | 'hostname' | 'subdomain' | 'runtimeClassName' | 'osName'> & {
  /** `spec.nodeName` as written; assemble schedules the pod (cluster/nodes.ts). */
  readonly declaredNodeName?: string;
};

/**
 * A PodSpec (of a Pod or a workload's template) as data, with the defaults the API server applies:
 * serviceAccountName ← the deprecated `serviceAccount` ← `default`; host namespaces false.
 * Container names must be unique across containers and init containers (pkg/apis/core/validation).
 */
export function readPodSpec(spec: unknown, path: readonly PathSegment[], root: SourceRef, diags: Diags): PodSpecFields {
  const containersValue = field(spec, 'containers');
  if (arr(containersValue).length === 0) diags.required('container-invalid', [...path, 'containers']);
  if (arr(field(spec, 'ephemeralContainers')).length > 0) {
    // Ephemeral containers are added by `kubectl debug` through a subresource, never on create.
    diags.forbidden('container-invalid', [...path, 'ephemeralContainers'], 'cannot be set on create');
  }
  const hostNetwork = bool(field(spec, 'hostNetwork')) ?? false;
  const containers = readList(field(spec, 'containers'), [...path, 'containers'], 'container', root, diags, hostNetwork);
  const initContainers = readList(field(spec, 'initContainers'), [...path, 'initContainers'], 'initContainer', root, diags, hostNetwork);
  const seen = new Set<string>();
  for (const [list, key] of [[initContainers, 'initContainers'], [containers, 'containers']] as const) {
    list.forEach((c, i) => {
      if (c.name === '') return;
      if (seen.has(c.name)) diags.duplicate('container-invalid', [...path, key, i, 'name'], c.name);
      seen.add(c.name);
    });
  }

  const volumes: Volume[] = arr(field(spec, 'volumes')).map((v, i) => {
    const type = isObj(v) ? Object.keys(v).find((k) => k !== 'name') ?? 'emptyDir' : 'emptyDir';
    return { name: str(field(v, 'name')) ?? '', type, ref: sub(root, ...path, 'volumes', i) };
  });
  const imagePullSecrets = arr(field(spec, 'imagePullSecrets'))
    .map((s) => str(field(s, 'name')) ?? '')
    .filter((n) => n !== '');
  const serviceAccountName = nonEmpty(field(spec, 'serviceAccountName')) ?? nonEmpty(field(spec, 'serviceAccount')) ?? 'default';
  const automount = bool(field(spec, 'automountServiceAccountToken'));
  const securityContext = readPodSecurityContext(field(spec, 'securityContext'), [...path, 'securityContext'], diags);
  const names = readNames(spec, path, diags);
  // Read for Pod Security Admission (runtimeClass exemptions; Restricted's Windows exemptions).
  const runtimeClassName = nonEmpty(field(spec, 'runtimeClassName'));
  const osName = str(field(field(spec, 'os'), 'name'));
  return {
    ...names,
    ...(runtimeClassName !== undefined ? { runtimeClassName } : {}),
    ...(osName !== undefined ? { osName } : {}),
    containers,
    initContainers,
    ...(securityContext ? { securityContext } : {}),
    volumes,
    imagePullSecrets,
    serviceAccountName,
    ...(automount !== undefined ? { automountServiceAccountToken: automount } : {}),
    hostNetwork,
    hostPID: bool(field(spec, 'hostPID')) ?? false,
    hostIPC: bool(field(spec, 'hostIPC')) ?? false,
  };
}

/**
 * spec.nodeName (a DNS subdomain, ValidateNodeName), spec.hostname and spec.subdomain (DNS labels),
 * as pkg/apis/core/validation ValidatePodSpec checks them. Lab rule: the lab's nodes are fixed
 * (cluster/nodes.ts); naming another node is a warning (a real cluster would leave the pod Pending).
 */
function readNames(spec: unknown, path: readonly PathSegment[], diags: Diags): Pick<PodSpecFields, 'declaredNodeName' | 'hostname' | 'subdomain'> {
  const out: { declaredNodeName?: string; hostname?: string; subdomain?: string } = {};
  const nodeName = nonEmpty(field(spec, 'nodeName'));
  if (nodeName !== undefined) {
    const msgs = isDNS1123Subdomain(nodeName);
    for (const msg of msgs) diags.invalid('pod-invalid', [...path, 'nodeName'], nodeName, msg);
    if (msgs.length === 0 && !nodeByName(nodeName)) {
      const known = NODES.map((n) => n.name).join(', ');
      diags.warn('node-unknown', `${formatPath([...path, 'nodeName'])} ${JSON.stringify(nodeName)}: the lab's cluster has no such node (${known}); a real cluster would leave the pod Pending. The lab schedules it on a worker instead.`, [...path, 'nodeName'], { node: nodeName, nodes: known });
    }
    out.declaredNodeName = nodeName;
  }
  for (const key of ['hostname', 'subdomain'] as const) {
    const value = nonEmpty(field(spec, key));
    if (value === undefined) continue;
    const msgs = isDNS1123Label(value);
    for (const msg of msgs) diags.invalid('pod-invalid', [...path, key], value, msg);
    if (msgs.length === 0) out[key] = value;
  }
  return out;
}

function readList(v: unknown, path: readonly PathSegment[], kind: Container['kind'], root: SourceRef, diags: Diags, hostNetwork: boolean): Container[] {
  return arr(v).map((c, i) => readContainer(c, [...path, i], kind, root, diags, hostNetwork));
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
