import type { Proc } from './process.js';

/**
 * Whether the kernel lets a container process make the namespace and mount system calls, in the
 * order Linux checks them:
 * 1. seccomp at syscall entry: containerd's default profile (contrib/seccomp/seccomp_default.go
 *    DefaultProfile) allows mount, umount, umount2, unshare, setns, clone with namespace flags…
 *    only when CAP_SYS_ADMIN is in the container's bounding set; everything else it does not list
 *    gets the default action, ActErrno (EPERM). A Localhost profile's rules are on the node, out
 *    of the lab's sight: it blocks nothing here.
 * 2. the path lookup of a mount target (ENOENT), then the LSM hook: containerd's AppArmor profile
 *    `cri-containerd.apparmor.d` (contrib/apparmor/template.go) says `deny mount,` (EACCES);
 * 3. the capability check (fs/namespace.c may_mount, kernel/nsproxy.c unshare_nsproxy_namespaces):
 *    CAP_SYS_ADMIN in the effective set (EPERM) — except that a new user namespace (CLONE_NEWUSER,
 *    allowed unprivileged on the lab's Ubuntu 22.04 nodes) gives its creator every capability in it.
 */
export type Errno = 'EPERM' | 'EACCES' | 'ENOENT';

export const CLONE_FLAGS = {
  NEWTIME: 0x80, NEWNS: 0x20000, NEWCGROUP: 0x2000000, NEWUTS: 0x4000000, NEWIPC: 0x8000000,
  NEWUSER: 0x10000000, NEWPID: 0x20000000, NEWNET: 0x40000000,
} as const;

/** The default seccomp profile filters this process and does not grant the CAP_SYS_ADMIN calls. */
export function seccompBlocksAdminCalls(proc: Proc): boolean {
  const profile = proc.seccompProfile ?? (proc.seccomp === 2 ? 'RuntimeDefault' : 'Unconfined');
  return proc.seccomp === 2 && profile === 'RuntimeDefault' && !proc.bounding.includes('SYS_ADMIN');
}

/** unshare(2) with these CLONE_* flags: null when it succeeds. */
export function unshareErrno(proc: Proc, flags: number): Errno | null {
  if (seccompBlocksAdminCalls(proc)) return 'EPERM';
  const others = flags & ~CLONE_FLAGS.NEWUSER;
  if (others !== 0 && (flags & CLONE_FLAGS.NEWUSER) === 0 && !proc.effective.includes('SYS_ADMIN')) return 'EPERM';
  return null;
}

/** mount(2) onto `targetExists`: null when it succeeds. */
export function mountErrno(proc: Proc, targetExists: boolean): Errno | null {
  if (seccompBlocksAdminCalls(proc)) return 'EPERM';
  if (!targetExists) return 'ENOENT';
  if (proc.apparmor === 'cri-containerd.apparmor.d') return 'EACCES';
  if (!proc.effective.includes('SYS_ADMIN')) return 'EPERM';
  return null;
}

export const STRERROR: Readonly<Record<Errno, string>> = {
  EPERM: 'Operation not permitted', EACCES: 'Permission denied', ENOENT: 'No such file or directory',
};
