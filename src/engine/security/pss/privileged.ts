import { allContainers, containerField, quoted, violation, type PssCheck } from './check.js';

/** policy/check_privileged.go: no container may set securityContext.privileged=true. */
export const privileged: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  control: 'Privileged Containers',
  check(pod) {
    return allContainers(pod).filter((c) => c.securityContext?.privileged === true).map((c) =>
      violation(this, 'privileged', `container ${quoted(c.name)} must not set securityContext.privileged=true`,
        containerField(c, 'privileged')));
  },
};
