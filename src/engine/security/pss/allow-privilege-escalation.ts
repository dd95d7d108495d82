import { allContainers, containerField, quoted, violation, type PssCheck } from './check.js';

/**
 * policy/check_allowPrivilegeEscalation.go: every container must set
 * allowPrivilegeEscalation=false explicitly (unset means true).
 */
export const allowPrivilegeEscalation: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  control: 'Privilege Escalation',
  check(pod) {
    return allContainers(pod).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) =>
      violation(this, 'allowPrivilegeEscalation != false',
        `container ${quoted(c.name)} must set securityContext.allowPrivilegeEscalation=false`,
        containerField(c, 'allowPrivilegeEscalation')));
  },
};
