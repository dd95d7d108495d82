import type { Pod, PssViolation, SourceRef } from '../../model/index.js';
import { allContainers, containerField, podField, quoted, violation, type PssCheck } from './check.js';

/** policy/check_seLinuxOptions.go (1.31+ set): allowed types; user and role must stay empty. */
const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export const seLinux: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  control: 'SELinux',
  check(pod: Pod) {
    const out: PssViolation[] = [];
    const visit = (who: string, opts: Readonly<Record<string, string>> | undefined, at: (f: string) => SourceRef) => {
      if (!opts) return;
      const type = opts.type ?? '';
      if (!ALLOWED_TYPES.has(type)) {
        out.push(violation(this, 'seLinuxOptions', `${who} set forbidden securityContext.seLinuxOptions: type ${quoted(type)}`, at('type')));
      }
      for (const field of ['user', 'role'] as const) {
        if ((opts[field] ?? '') !== '') {
          out.push(violation(this, 'seLinuxOptions', `${who} set forbidden securityContext.seLinuxOptions: ${field} may not be set`, at(field)));
        }
      }
    };
    visit('pod', pod.securityContext?.seLinuxOptions, (f) => podField(pod, 'seLinuxOptions', f));
    for (const c of allContainers(pod)) {
      visit(`container ${quoted(c.name)}`, c.securityContext?.seLinuxOptions, (f) => containerField(c, 'seLinuxOptions', f));
    }
    return out;
  },
};
