import { podField, violation, type PssCheck } from './check.js';

/**
 * policy/check_sysctls.go: only the "safe" sysctls, as of policy 1.32 (the newest set in a
 * released Kubernetes when this was written; 1.37 adds net.ipv4.tcp_slow_start_after_idle and
 * net.ipv4.tcp_notsent_lowat).
 */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export const sysctls: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  control: 'Sysctls',
  check(pod) {
    return (pod.securityContext?.sysctls ?? []).flatMap((s, i) => SAFE_SYSCTLS.has(s.name) ? []
      : [violation(this, 'forbidden sysctls', s.name, podField(pod, 'sysctls', i, 'name'))]);
  },
};
