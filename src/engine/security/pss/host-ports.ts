import type { Pod, SourceRef } from '../../model/index.js';
import { sub } from '../../model/index.js';
import { allContainers, containers, pluralize, sortedSet, type CheckResult, type PssCheck } from './check.js';

/**
 * policy/check_hostPorts.go (v1.0+): every ports[*].hostPort must be unset or 0. The ports are
 * listed as a sorted set of strings ("10000" before "8080"), as upstream's sets.String does. With
 * hostNetwork the API server defaults a pod's hostPorts to its containerPorts (Container.hostPorts
 * holds them), so such a pod is reported here too.
 */
export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  control: 'Host Ports',
  versions: [{ minimumVersion: 0, checkPod: hostPorts_1_0 }],
};

function hostPorts_1_0(pod: Pod): CheckResult | null {
  const bad: string[] = [];
  const ports: string[] = [];
  const refs: SourceRef[] = [];
  for (const c of allContainers(pod)) {
    if (c.hostPorts.length === 0) continue;
    bad.push(c.name);
    ports.push(...c.hostPorts.map(String));
    refs.push(sub(c.ref, 'ports'));
  }
  if (bad.length === 0) return null;
  const list = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: `${containers(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    refs,
  };
}
