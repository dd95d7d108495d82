import type { Ctx } from '../context.js';
import type { Program } from '../sh/system.js';
import { runChild } from './coreutils/run.js';
import type { Fs } from '../sh/fs.js';
import { statusFile } from './proc-status.js';
import { EXEC_PID, type Proc } from './process.js';
import { CAPABILITIES } from '../caps.js';
import { CLONE_FLAGS, STRERROR, unshareErrno } from './syscalls.js';

/** Short and long options of busybox util-linux/unshare.c and util-linux sys-utils/unshare.c, and the namespace each asks for. */
const NAMESPACE_OPTS: Readonly<Record<string, number>> = {
  m: CLONE_FLAGS.NEWNS, '--mount': CLONE_FLAGS.NEWNS, '--mount-proc': CLONE_FLAGS.NEWNS,
  u: CLONE_FLAGS.NEWUTS, '--uts': CLONE_FLAGS.NEWUTS,
  i: CLONE_FLAGS.NEWIPC, '--ipc': CLONE_FLAGS.NEWIPC,
  n: CLONE_FLAGS.NEWNET, '--net': CLONE_FLAGS.NEWNET,
  p: CLONE_FLAGS.NEWPID, '--pid': CLONE_FLAGS.NEWPID,
  U: CLONE_FLAGS.NEWUSER, '--user': CLONE_FLAGS.NEWUSER,
  r: CLONE_FLAGS.NEWUSER, '--map-root-user': CLONE_FLAGS.NEWUSER,
  C: CLONE_FLAGS.NEWCGROUP, '--cgroup': CLONE_FLAGS.NEWCGROUP,
  T: CLONE_FLAGS.NEWTIME, '--time': CLONE_FLAGS.NEWTIME,
};

/**
 * `unshare [options] [program [args]]`. Both tools call unshare(2) with the flags OR-ed — even
 * with none, unshare(0) — and word a failure differently (captured with strace fault injection,
 * util-linux 2.38.1 and busybox 1.35 on Debian 12; the lines come from busybox's
 * `bb_perror_msg_and_die("unshare(0x%x)", …)` and util-linux's `err(EXIT_FAILURE, _("unshare failed"))`):
 *   busybox:    `unshare: unshare(0x20000): Operation not permitted`, exit 1
 *   util-linux: `unshare: unshare failed: Operation not permitted`, exit 1
 * On success the program runs (a shell without one); with -r/--map-root-user it runs as root of
 * the new user namespace: uid and gid 0, every capability there, groups it cannot map shown as
 * 65534 (the overflow ids).
 */
export const unshare: Program = (argv, ctx) => {
  const proc = ctx.sys.proc;
  let flags = 0;
  let mapRoot = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('--')) {
      const name = a.split('=')[0] as string;
      flags |= NAMESPACE_OPTS[name] ?? 0;
      if (name === '--map-root-user') mapRoot = true;
      continue;
    }
    for (const ch of a.slice(1)) {
      flags |= NAMESPACE_OPTS[ch] ?? 0;
      if (ch === 'r') mapRoot = true;
    }
  }
  const errno = proc ? unshareErrno(proc, flags) : null;
  if (errno) {
    const busybox = ctx.sys.flavor === 'busybox';
    ctx.out.errLine(busybox ? `unshare: unshare(0x${flags.toString(16)}): ${STRERROR[errno]}` : `unshare: unshare failed: ${STRERROR[errno]}`);
    return 1;
  }
  const command = argv.slice(i);
  const run = command.length > 0 ? command : [ctx.sys.env.SHELL ?? '/bin/sh'];
  const name = (run[0] as string).split('/').pop() ?? '';
  return inNamespace(ctx, proc && mapRoot ? mappedRoot(proc) : null, name, () => runChild(ctx, run, ctx.stdin) ?? notFound(ctx, run[0] as string));
};

/** The process after unshare(CLONE_NEWUSER) with root mapped to its uid and gid (kernel/user_namespace.c set_cred_user_ns: full capability sets). */
function mappedRoot(proc: Proc): Proc {
  return {
    ...proc, uid: 0, gid: 0,
    groups: proc.groups.map((g) => (g === proc.gid ? 0 : 65534)),
    bounding: CAPABILITIES, effective: CAPABILITIES,
  };
}

/** Runs `body` as the mapped root: its own /proc/self/status says so (the file system is the same one). */
function inNamespace(ctx: Ctx, proc: Proc | null, name: string, body: () => number): number {
  if (!proc) return body();
  const saved = ctx.sys;
  const fs: Fs = Object.create(saved.fs) as Fs;
  fs.read = (path) => (path === '/proc/self/status' ? statusFile(proc, EXEC_PID + 1, name) : saved.fs.read(path));
  ctx.sys = { ...saved, fs, proc, uid: 0, user: 'root' };
  try {
    return body();
  } finally {
    ctx.sys = saved;
  }
}

/** execvp failed: both print `unshare: failed to execute NAME: No such file or directory` (util-linux) / `unshare: can't execute 'NAME': …` (busybox). */
function notFound(ctx: Ctx, name: string): number {
  ctx.out.errLine(ctx.sys.flavor === 'busybox' ? `unshare: can't execute '${name}': No such file or directory` : `unshare: failed to execute ${name}: No such file or directory`);
  return 127;
}
