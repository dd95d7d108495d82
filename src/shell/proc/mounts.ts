import type { ContainerReport, PodReport } from '../../engine/index.js';

/**
 * The volumes a container has mounted, split by whether they take writes. The kubelet mounts
 * secret, configMap, downwardAPI and projected volumes read-only (kubernetes v1.10,
 * CVE-2017-1002102 / kubernetes#58720: "Secret, configMap, downwardAPI and projected volumes will
 * be mounted as read-only volumes"), as it does any volumeMount with `readOnly: true` and the
 * ServiceAccount token volume (a projected volume the admission plugin adds); emptyDir, hostPath,
 * persistentVolumeClaim and the rest are read-write. With readOnlyRootFilesystem only the
 * read-write ones (and /dev, /proc) take writes; /tmp is writable only if a volume is mounted there.
 */
export interface ContainerMounts {
  readonly writable: readonly string[];
  readonly readOnly: readonly string[];
}

const READ_ONLY_SOURCES = new Set(['secret', 'configMap', 'downwardAPI', 'projected']);
const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

export function containerMounts(p: PodReport, c: ContainerReport): ContainerMounts {
  const ct = c.container;
  const types = new Map(p.pod.volumes.map((v) => [v.name, v.type]));
  const writable: string[] = [];
  const readOnly: string[] = [];
  for (const m of ct.volumeMounts) {
    if (m.mountPath === '') continue;
    const ro = m.readOnly === true || READ_ONLY_SOURCES.has(types.get(m.name) ?? 'emptyDir');
    (ro ? readOnly : writable).push(m.mountPath.replace(/\/+$/, '') || '/');
  }
  if (p.serviceAccount.mountedIn.includes(ct.name)) readOnly.push(p.serviceAccount.mountPath || SERVICE_ACCOUNT_MOUNT);
  return { writable, readOnly };
}
