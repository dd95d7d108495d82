import { allContainers, containerField, quoted, violation, type PssCheck } from './check.js';

/**
 * policy/check_procMount_baseline.go: procMount must be unset or `Default`. Since 1.35 Baseline
 * waives this for pods with `hostUsers: false`; the model has no hostUsers, so every pod is
 * treated as using the host's user namespace (the default). procMount_restricted adds nothing more.
 */
export const procMount: PssCheck = {
  id: 'procMount_baseline',
  level: 'baseline',
  control: '/proc Mount Type',
  check(pod) {
    return allContainers(pod).filter((c) => {
      const pm = c.securityContext?.procMount;
      return pm !== undefined && pm !== 'Default';
    }).map((c) => violation(this, 'procMount',
      `container ${quoted(c.name)} must not set securityContext.procMount to ${quoted(c.securityContext?.procMount ?? '')}`,
      containerField(c, 'procMount')));
  },
};
