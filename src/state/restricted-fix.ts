import { isMap, isSeq, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { KUBE_YAML_OPTIONS } from '../engine/index.js';
import { updateDocument } from '../shell/yaml-edit.js';

/**
 * "Make this pod restricted-compliant": rewrites the one document holding `offset` so its pod
 * spec passes the Pod Security Standards' restricted level (k8s.io/pod-security-admission policy
 * check_*.go, restricted:latest): host namespaces, hostPorts, privileged and procMount removed;
 * runAsNonRoot: true (and runAsUser: 0 removed); seccompProfile RuntimeDefault; every container
 * allowPrivilegeEscalation: false and capabilities.drop [ALL], keeping only NET_BIND_SERVICE in add.
 * A Pod, or a workload's pod template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * CronJob). Volumes are left to the student (removing one would break its mounts). Null when the
 * document holds no pod spec or is already compliant in these fields.
 */
export function makeRestricted(text: string, offset: number): string | null {
  const docs = parseAllDocuments(text, KUBE_YAML_OPTIONS);
  if (!Array.isArray(docs)) return null;
  const index = docs.findIndex((d, i) => {
    const next = docs[i + 1];
    return offset >= (i === 0 ? 0 : d.range[0]) && (next ? offset < next.range[0] : true);
  });
  if (index < 0 || (docs[index]?.errors.length ?? 0) > 0) return null;
  return makeRestrictedDocument(text, index);
}

/** The same rewrite of document `doc` (0-based, a SourceRef's `doc`). */
export function makeRestrictedDocument(text: string, doc: number): string | null {
  const docs = parseAllDocuments(text, KUBE_YAML_OPTIONS);
  if (!Array.isArray(docs) || !docs[doc] || docs[doc].errors.length > 0) return null;
  const [file] = updateDocument([{ name: 'f', text }], 'f', doc, (d) => fixDocument(d));
  return file && file.text !== text ? file.text : null;
}

const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function fixDocument(d: Document.Parsed): void {
  const kind = d.get('kind');
  const path = typeof kind === 'string' ? TEMPLATE_PATHS[kind] : undefined;
  if (!path) return;
  const spec = d.getIn(path);
  if (!isMap(spec)) return;
  fixPodSpec(d, spec);
}

function mapAt(d: Document.Parsed, parent: YAMLMap, key: string): YAMLMap {
  const existing = parent.get(key);
  if (isMap(existing)) return existing;
  const created = d.createNode({}) as YAMLMap;
  parent.set(key, created);
  return created;
}

function fixPodSpec(d: Document.Parsed, spec: YAMLMap): void {
  // check_hostNamespaces.go
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) if (spec.get(key) === true) spec.delete(key);
  const psc = mapAt(d, spec, 'securityContext');
  // check_runAsNonRoot.go, check_runAsUser.go
  if (psc.get('runAsNonRoot') !== true) psc.set('runAsNonRoot', true);
  if (psc.get('runAsUser') === 0) psc.delete('runAsUser');
  // check_seccompProfile_restricted.go: RuntimeDefault or Localhost.
  const seccomp = psc.get('seccompProfile');
  const type = isMap(seccomp) ? seccomp.get('type') : undefined;
  if (type !== 'RuntimeDefault' && type !== 'Localhost') psc.set('seccompProfile', d.createNode({ type: 'RuntimeDefault' }));
  for (const list of CONTAINER_LISTS) {
    const containers = spec.get(list);
    if (!isSeq(containers)) continue;
    for (const c of containers.items) if (isMap(c)) fixContainer(d, c);
  }
}

function fixContainer(d: Document.Parsed, c: YAMLMap): void {
  // check_hostPorts.go
  const ports = c.get('ports');
  if (isSeq(ports)) for (const p of ports.items) if (isMap(p) && p.has('hostPort')) p.delete('hostPort');
  const sc = mapAt(d, c, 'securityContext');
  // check_privileged.go, check_procMount.go
  if (sc.has('privileged')) sc.delete('privileged');
  if (sc.has('procMount')) sc.delete('procMount');
  // check_allowPrivilegeEscalation.go
  if (sc.get('allowPrivilegeEscalation') !== false) sc.set('allowPrivilegeEscalation', false);
  // check_runAsNonRoot.go, check_runAsUser.go: a container's own setting overrides the pod's.
  if (sc.get('runAsNonRoot') === false) sc.set('runAsNonRoot', true);
  if (sc.get('runAsUser') === 0) sc.delete('runAsUser');
  const seccomp = sc.get('seccompProfile');
  if (isMap(seccomp)) {
    const type = seccomp.get('type');
    if (type !== 'RuntimeDefault' && type !== 'Localhost') sc.delete('seccompProfile');
  }
  // check_capabilities_restricted.go: drop ALL; add at most NET_BIND_SERVICE.
  const caps = mapAt(d, sc, 'capabilities');
  const drop = caps.get('drop');
  const dropsAll = isSeq(drop) && drop.items.some((i) => (isScalarValue(i) === 'ALL'));
  if (!dropsAll) caps.set('drop', d.createNode(['ALL']));
  const add = caps.get('add');
  if (isSeq(add)) {
    const kept = add.items.filter((i) => isScalarValue(i) === 'NET_BIND_SERVICE');
    if (kept.length === 0) caps.delete('add');
    else if (kept.length !== add.items.length) add.items = kept;
  }
}

function isScalarValue(node: unknown): unknown {
  return node && typeof node === 'object' && 'value' in node ? (node as { value: unknown }).value : node;
}
