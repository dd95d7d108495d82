/**
 * Every Linux capability with its bit number, from include/uapi/linux/capability.h (capabilities(7)).
 * Bit numbers matter beyond names: `/proc/<pid>/status` prints the sets (CapBnd, CapEff, …) as
 * 64-bit hex masks with bit N = capability N.
 */
export const CAPABILITY_BITS = {
  CHOWN: 0,
  DAC_OVERRIDE: 1,
  DAC_READ_SEARCH: 2,
  FOWNER: 3,
  FSETID: 4,
  KILL: 5,
  SETGID: 6,
  SETUID: 7,
  SETPCAP: 8,
  LINUX_IMMUTABLE: 9,
  NET_BIND_SERVICE: 10,
  NET_BROADCAST: 11,
  NET_ADMIN: 12,
  NET_RAW: 13,
  IPC_LOCK: 14,
  IPC_OWNER: 15,
  SYS_MODULE: 16,
  SYS_RAWIO: 17,
  SYS_CHROOT: 18,
  SYS_PTRACE: 19,
  SYS_PACCT: 20,
  SYS_ADMIN: 21,
  SYS_BOOT: 22,
  SYS_NICE: 23,
  SYS_RESOURCE: 24,
  SYS_TIME: 25,
  SYS_TTY_CONFIG: 26,
  MKNOD: 27,
  LEASE: 28,
  AUDIT_WRITE: 29,
  AUDIT_CONTROL: 30,
  SETFCAP: 31,
  MAC_OVERRIDE: 32,
  MAC_ADMIN: 33,
  SYSLOG: 34,
  WAKE_ALARM: 35,
  BLOCK_SUSPEND: 36,
  AUDIT_READ: 37,
  PERFMON: 38,
  BPF: 39,
  CHECKPOINT_RESTORE: 40,
} as const;

/** A capability name as the engine reports it: upper case, without `CAP_`. */
export type CapabilityName = keyof typeof CAPABILITY_BITS;

/** All 41, in bit order (CAP_LAST_CAP = CHECKPOINT_RESTORE = 40). */
export const ALL_CAPABILITIES: readonly CapabilityName[] = (Object.keys(CAPABILITY_BITS) as CapabilityName[])
  .sort((a, b) => CAPABILITY_BITS[a] - CAPABILITY_BITS[b]);

/**
 * The set a container gets when its securityContext says nothing: containerd's default
 * (pkg/oci/spec.go `defaultUnixCaps`, the same 14 as Docker's).
 */
export const DEFAULT_CAPABILITIES: readonly CapabilityName[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

export function isCapabilityName(name: string): name is CapabilityName {
  return Object.prototype.hasOwnProperty.call(CAPABILITY_BITS, name);
}

/**
 * The 16-hex-digit mask `/proc/<pid>/status` prints for a set (e.g. `00000000a80425fb` for the
 * default 14). Built from two 32-bit halves because JS bit operators are 32-bit.
 */
export function capabilityMask(names: readonly string[]): string {
  let low = 0;
  let high = 0;
  for (const name of names) {
    if (!isCapabilityName(name)) continue;
    const bit = CAPABILITY_BITS[name];
    if (bit < 32) low = (low | (1 << bit)) >>> 0;
    else high = (high | (1 << (bit - 32))) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** Names sorted alphabetically, the order the engine reports sets in. */
export function sortNames<T extends string>(names: Iterable<T>): T[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
