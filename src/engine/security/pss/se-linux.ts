import type { Pod, SourceRef } from '../../model/index.js';
import { allContainers, containerField, containers, joinQuote, pluralize, podField, sortedSet, type CheckResult, type PssCheck } from './check.js';

/** policy/check_seLinuxOptions.go (v1.0+): the types allowed in v0.30.0 (container_engine_t came in v1.31's policy). */
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

/**
 * seLinuxOptions: type only from the allowed set, user and role never set. One result names the
 * setters, then the bad types (sorted), "user may not be set", "role may not be set".
 */
export const seLinux: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  control: 'SELinux',
  versions: [{ minimumVersion: 0, checkPod: seLinuxOptions_1_0 }],
};

function seLinuxOptions_1_0(pod: Pod): CheckResult | null {
  const badSetters: string[] = [];
  const badTypes: string[] = [];
  const refs: SourceRef[] = [];
  let setUser = false;
  let setRole = false;
  const valid = (opts: Readonly<Record<string, string>>, at: (f: string) => SourceRef): boolean => {
    let ok = true;
    const type = opts['type'] ?? '';
    if (!ALLOWED_TYPES.has(type)) {
      ok = false;
      badTypes.push(type);
      refs.push(at('type'));
    }
    if ((opts['user'] ?? '') !== '') {
      ok = false;
      setUser = true;
      refs.push(at('user'));
    }
    if ((opts['role'] ?? '') !== '') {
      ok = false;
      setRole = true;
      refs.push(at('role'));
    }
    return ok;
  };
  const podOpts = pod.securityContext?.seLinuxOptions;
  if (podOpts && !valid(podOpts, (f) => podField(pod, 'seLinuxOptions', f))) badSetters.push('pod');
  const bad: string[] = [];
  for (const c of allContainers(pod)) {
    const opts = c.securityContext?.seLinuxOptions;
    if (opts && !valid(opts, (f) => containerField(c, 'seLinuxOptions', f))) bad.push(c.name);
  }
  if (bad.length > 0) badSetters.push(containers(bad));
  if (badSetters.length === 0) return null;
  const data: string[] = [];
  const types = sortedSet(badTypes);
  if (types.length > 0) data.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  if (setUser) data.push('user may not be set');
  if (setRole) data.push('role may not be set');
  return {
    reason: 'seLinuxOptions',
    detail: `${badSetters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
    refs,
  };
}
