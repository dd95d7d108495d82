import { quoted, violation, type PssCheck } from './check.js';

/** policy/check_restrictedVolumes.go: the volume sources Restricted allows (`image` since 1.33). */
export const RESTRICTED_ALLOWED_VOLUMES: ReadonlySet<string> = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
]);

/**
 * Restricted replaces hostPathVolumes with this check; a hostPath volume is already reported
 * as a Baseline violation, so it is not repeated here.
 */
export const restrictedVolumes: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  control: 'Volume Types',
  check(pod) {
    return pod.volumes.filter((v) => v.type !== 'hostPath' && !RESTRICTED_ALLOWED_VOLUMES.has(v.type)).map((v) =>
      violation(this, 'restricted volume types',
        `volume ${quoted(v.name)} uses restricted volume type ${quoted(v.type)}`, v.ref));
  },
};
