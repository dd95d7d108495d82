import { sub } from '../../model/index.js';
import { allContainers, quoted, violation, type PssCheck } from './check.js';

/** policy/check_hostPorts.go: every ports[*].hostPort must be unset or 0. */
export const hostPorts: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  control: 'Host Ports',
  check(pod) {
    return allContainers(pod).flatMap((c) => c.hostPorts.filter((p) => p !== 0).map((p) =>
      violation(this, 'hostPort', `container ${quoted(c.name)} uses hostPort ${p}`, sub(c.ref, 'ports'))));
  },
};
