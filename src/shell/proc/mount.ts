import type { Program } from '../sh/system.js';
import { mountErrno, STRERROR } from './syscalls.js';

/** Options that take a value (busybox mount.c `-t`, `-o`, `-O`; util-linux mount's `-t`, `-o`, `-O`, `-L`, `-U`). */
const WITH_VALUE = new Set(['t', 'o', 'O', 'L', 'U']);

/**
 * `mount [-t TYPE] [-o OPTS] SOURCE TARGET` in a container, as busybox util-linux/mount.c and
 * util-linux 2.38 mount(8)/libmount word it (captured on Debian 12 with strace fault injection for
 * each errno; exit codes as captured):
 * - one operand: busybox `mount: can't find X in /etc/fstab` (1); util-linux `mount: X: can't find
 *   in /etc/fstab.` (1).
 * - util-linux checks in user space first: a missing target `mount: T: mount point does not
 *   exist.`, a non-root user `mount: T: must be superuser to use mount.` (both 32, with libmount's
 *   `       dmesg(1) may have more information after failed mount system call.`).
 * - the system call's errno (syscalls.ts decides it):
 *   EPERM  — busybox `mount: permission denied (are you root?)` (libbb bb_msg_perm_denied_are_you_root, 1);
 *            util-linux `mount: T: permission denied.` (32).
 *   EACCES — both retry read-only, then busybox `mount: mounting S on T failed: Permission denied`
 *            (255); util-linux `mount: T: cannot mount S read-only.` (32; `bind S failed.` for --bind).
 *   ENOENT — busybox `mount: mounting S on T failed: No such file or directory` (255).
 * Listing the mounts (no operand) is not simulated.
 */
export const mount: Program = (argv, ctx) => {
  const busybox = ctx.sys.flavor === 'busybox';
  const operands: string[] = [];
  let bind = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--bind' || a === '-B') { bind = true; continue; }
    if (a.startsWith('--')) continue;
    if (a.startsWith('-') && a.length > 1) {
      const last = a[a.length - 1] as string;
      if (WITH_VALUE.has(last)) {
        const value = argv[++i] ?? '';
        if (last === 'o' && value.split(',').includes('bind')) bind = true;
      }
      continue;
    }
    operands.push(a);
  }
  if (operands.length === 0) {
    ctx.out.errLine(`lab: ${argv[0] ?? 'mount'} is installed in this image, but the lab does not simulate listing mounts`);
    return 1;
  }
  const dmesg = '       dmesg(1) may have more information after failed mount system call.';
  if (operands.length === 1) {
    ctx.out.errLine(busybox ? `mount: can't find ${operands[0]} in /etc/fstab` : `mount: ${operands[0]}: can't find in /etc/fstab.`);
    return 1;
  }
  const [source, target] = operands as [string, string];
  const st = ctx.sys.fs.stat(target.startsWith('/') ? target : `${ctx.cwd === '/' ? '' : ctx.cwd}/${target}`);
  const exists = typeof st !== 'string';
  const proc = ctx.sys.proc;
  if (!busybox) {
    if (!exists) return fail(`mount: ${target}: mount point does not exist.`, 32);
    if (ctx.sys.uid !== 0) return fail(`mount: ${target}: must be superuser to use mount.`, 32);
  }
  const errno = proc ? mountErrno(proc, exists) : null;
  if (errno === null) return 0;
  if (busybox) {
    if (errno === 'EPERM') return fail('mount: permission denied (are you root?)', 1, false);
    return fail(`mount: mounting ${source} on ${target} failed: ${STRERROR[errno]}`, 255, false);
  }
  if (errno === 'EPERM') return fail(`mount: ${target}: permission denied.`, 32);
  return fail(bind ? `mount: ${target}: bind ${source} failed.` : `mount: ${target}: cannot mount ${source} read-only.`, 32);

  function fail(line: string, code: number, withDmesg = true): number {
    ctx.out.errLine(line);
    if (withDmesg) ctx.out.errLine(dmesg);
    return code;
  }
};
