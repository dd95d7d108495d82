import type { Pod } from '../../model/index.js';
import { podField, type CheckResult, type PssCheck } from './check.js';

const V1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const V1_27 = [...V1_0, 'net.ipv4.ip_local_reserved_ports'];
const V1_29 = [...V1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];

/** The "safe" sysctls of the newest policy a v1.30 API server has (v1.29). */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set(V1_29);

/**
 * policy/check_sysctls.go: only the safe sysctls; the set grew in policy v1.27 and v1.29. The
 * forbidden names are listed as written (in order, repeats kept).
 */
export const sysctls: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  control: 'Sysctls',
  versions: [
    { minimumVersion: 0, checkPod: allowing(new Set(V1_0)) },
    { minimumVersion: 27, checkPod: allowing(new Set(V1_27)) },
    { minimumVersion: 29, checkPod: allowing(SAFE_SYSCTLS) },
  ],
};

function allowing(allowed: ReadonlySet<string>) {
  return (pod: Pod): CheckResult | null => {
    const list = pod.securityContext?.sysctls ?? [];
    const bad = list.map((s, i) => ({ name: s.name, i })).filter((s) => !allowed.has(s.name));
    if (bad.length === 0) return null;
    return {
      reason: 'forbidden sysctls',
      detail: bad.map((s) => s.name).join(', '),
      refs: bad.map((s) => podField(pod, 'sysctls', s.i, 'name')),
    };
  };
}
