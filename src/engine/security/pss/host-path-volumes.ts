import type { Pod } from '../../model/index.js';
import { joinQuote, pluralize, type CheckResult, type PssCheck } from './check.js';

export const HOST_PATH_VOLUMES_ID = 'hostPathVolumes';

/** policy/check_hostPathVolumes.go (v1.0+): no hostPath volume. */
export const hostPathVolumes: PssCheck = {
  id: HOST_PATH_VOLUMES_ID,
  level: 'baseline',
  control: 'HostPath Volumes',
  versions: [{ minimumVersion: 0, checkPod: hostPathVolumes_1_0 }],
};

function hostPathVolumes_1_0(pod: Pod): CheckResult | null {
  const bad = pod.volumes.filter((v) => v.type === 'hostPath');
  if (bad.length === 0) return null;
  return {
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))}`,
    refs: bad.map((v) => v.ref),
  };
}
