import type { Pod } from '../../model/index.js';
import { HOST_PATH_VOLUMES_ID } from './host-path-volumes.js';
import { joinQuote, pluralize, sortedSet, type CheckResult, type PssCheck } from './check.js';

/** policy/check_restrictedVolumes.go (v1.0+): the inline volume sources Restricted allows. */
export const RESTRICTED_ALLOWED_VOLUMES: ReadonlySet<string> = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
]);

/** The sources upstream names; anything else is reported as "unknown". */
const NAMED_TYPES: ReadonlySet<string> = new Set([
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'portworxVolume', 'scaleIO', 'storageos',
]);

/**
 * Replaces hostPathVolumes at the Restricted level (OverrideCheckIDs), so hostPath volumes are named
 * here with every other restricted source.
 */
export const restrictedVolumes: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  control: 'Volume Types',
  versions: [{ minimumVersion: 0, checkPod: restrictedVolumes_1_0, overrides: [HOST_PATH_VOLUMES_ID] }],
};

function restrictedVolumes_1_0(pod: Pod): CheckResult | null {
  const bad = pod.volumes.filter((v) => !RESTRICTED_ALLOWED_VOLUMES.has(v.type));
  if (bad.length === 0) return null;
  const types = sortedSet(bad.map((v) => (NAMED_TYPES.has(v.type) ? v.type : 'unknown')));
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${pluralize('uses', 'use', bad.length)} ` +
      `${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
    refs: bad.map((v) => v.ref),
  };
}
