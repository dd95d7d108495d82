import { quoted, violation, type PssCheck } from './check.js';

/** policy/check_hostPathVolumes.go: no hostPath volume. */
export const hostPathVolumes: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  control: 'HostPath Volumes',
  check(pod) {
    return pod.volumes.filter((v) => v.type === 'hostPath').map((v) =>
      violation(this, 'hostPath volumes', `volume ${quoted(v.name)}`, v.ref));
  },
};
