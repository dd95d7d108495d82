import type { GroupEntry, PasswdEntry } from '../../engine/index.js';

/** What a command run inside a container can see of it. */
export interface Proc {
  readonly hostname: string;
  readonly uid: number;
  readonly gid: number;
  /** Supplementary groups (fsGroup, supplementalGroups), without the primary gid. */
  readonly groups: readonly number[];
  /** The image's /etc/passwd. */
  readonly passwd: readonly PasswdEntry[];
  /** The image's /etc/group lines with members, when known (names of the extra groups). */
  readonly groupTable?: readonly GroupEntry[];
  /** Upper-case names without CAP_. */
  readonly bounding: readonly string[];
  readonly effective: readonly string[];
  /** argv of PID 1 (the container's command). */
  readonly pid1: readonly string[];
  readonly env: readonly { readonly name: string; readonly value: string }[];
  /** Key of this container's clock offset in the runtime. */
  readonly clockKey: string;
  readonly tty: boolean;
  readonly noNewPrivs: boolean;
  /** /proc/PID/status Seccomp: 0 unconfined (kubelet default), 2 filter (docker default). */
  readonly seccomp: 0 | 2;
  /**
   * Which filter, when `seccomp` is 2: the runtime's default profile or a Localhost file (whose
   * rules the lab cannot read; it blocks nothing here). Absent: RuntimeDefault when filtered.
   */
  readonly seccompProfile?: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
  /** The AppArmor profile confining the process, as /proc/PID/attr/current names it; absent: `unconfined`. */
  readonly apparmor?: string;
}

/**
 * Group names of Debian/Ubuntu base images' /etc/group (base-passwd), plus each user's private
 * group: enough for `id` to print `gid=0(root)`, `65534(nogroup)`.
 */
const DEBIAN_GROUPS: Readonly<Record<number, string>> = {
  0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 4: 'adm', 5: 'tty', 6: 'disk', 7: 'lp', 8: 'mail',
  9: 'news', 10: 'uucp', 12: 'man', 13: 'proxy', 20: 'dialout', 24: 'cdrom', 27: 'sudo', 33: 'www-data',
  34: 'backup', 37: 'operator', 38: 'list', 39: 'irc', 41: 'src', 42: 'shadow', 43: 'utmp', 100: 'users',
  65534: 'nogroup',
};

export function userName(proc: Proc, uid: number): string | null {
  return proc.passwd.find((p) => p.uid === uid)?.name ?? null;
}

export function groupName(proc: Proc, gid: number): string | null {
  if (gid === 0) return 'root';
  const listed = proc.groupTable?.find((g) => g.gid === gid);
  if (listed) return listed.name;
  const own = proc.passwd.find((p) => p.gid === gid && p.uid === gid);
  if (own) return own.name;
  const known = DEBIAN_GROUPS[gid];
  // Only images with a Debian-style passwd have those groups.
  return known && proc.passwd.length > 1 ? known : null;
}

/** The process list inside the container: PID 1 and, after it, the command being run. */
export const EXEC_PID = 7;
