import { sub } from '../../model/index.js';
import { violation, type PssCheck } from './check.js';

/** policy/check_hostNamespaces.go: hostNetwork, hostPID and hostIPC must be unset or false. */
export const hostNamespaces: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  control: 'Host Namespaces',
  check(pod) {
    const fields = [
      ['hostNetwork', pod.hostNetwork],
      ['hostPID', pod.hostPID],
      ['hostIPC', pod.hostIPC],
    ] as const;
    return fields.filter(([, on]) => on).map(([field]) =>
      violation(this, 'host namespaces', `${field}=true`, sub(pod.specRef, field)));
  },
};
