import { byNumber, CAPABILITIES } from '../caps.js';
import { LAB_CREATED, LAB_NOW, formatDate, formatHourMinute, parseDate } from '../clock.js';
import type { Ctx } from '../context.js';
import type { Program } from '../sh/system.js';
import { runDate } from './date.js';
import { utf8Locale } from './coreutils/lib.js';
import { hostProc } from './host-proc.js';
import { busyboxPsOptionError, PID1_MEMORY, psTable, type PsRow } from './ps.js';
import { EXEC_PID, groupName, userName, type Proc } from './process.js';

export interface ProcIo {
  out(s: string): void;
  err(s: string): void;
}

type Builtin = (argv: string[], proc: Proc, ctx: Ctx, io: ProcIo) => number;

const label = (n: number, name: string | null) => (name === null ? String(n) : `${n}(${name})`);

/** coreutils id(1): `uid=1010 gid=0(root) groups=0(root)`. */
const id: Builtin = (argv, proc, _ctx, io) => {
  const groups = [proc.gid, ...proc.groups.filter((g) => g !== proc.gid)];
  const u = userName(proc, proc.uid);
  if (argv.includes('-u')) io.out(`${argv.includes('-n') ? (u ?? String(proc.uid)) : proc.uid}\n`);
  else if (argv.includes('-g')) io.out(`${proc.gid}\n`);
  else io.out(`uid=${label(proc.uid, u)} gid=${label(proc.gid, groupName(proc, proc.gid))} groups=${groups.map((g) => label(g, groupName(proc, g))).join(',')}\n`);
  return 0;
};

/** coreutils whoami(1): the name, or `whoami: cannot find name for user ID 1010`. */
const whoami: Builtin = (_argv, proc, _ctx, io) => {
  const u = userName(proc, proc.uid);
  if (u === null) {
    io.err(`whoami: cannot find name for user ID ${proc.uid}\n`);
    return 1;
  }
  io.out(`${u}\n`);
  return 0;
};

function now(proc: Proc, ctx: Ctx): number {
  return LAB_NOW + (ctx.runtime.clock[proc.clockKey] ?? 0) * 1000;
}

/**
 * coreutils date(1). `date -s STR` needs CAP_SYS_TIME in the effective set; on failure date still
 * prints the requested date after `date: cannot set date: Operation not permitted` (date.c sets,
 * then shows, whatever the outcome) and exits 1. busybox date (coreutils/date.c, 1.36:
 * `if ((opt & OPT_SET) && clock_settime(CLOCK_REALTIME, &ts) < 0) bb_simple_perror_msg("can't set
 * date");`, then prints, `return EXIT_SUCCESS`) says `can't` and exits 0.
 */
const date: Builtin = (argv, proc, ctx, io) => {
  // GNU date (Debian, Ubuntu, the host): options, formats and its errors (date.ts).
  if (ctx.sys.flavor !== 'busybox') {
    return runDate(argv.slice(1), {
      now: now(proc, ctx),
      set: (ms) => {
        if (!proc.effective.includes('SYS_TIME')) return false;
        ctx.runtime.clock = { ...ctx.runtime.clock, [proc.clockKey]: Math.round((ms - LAB_NOW) / 1000) };
        return true;
      },
    }, { out: (x) => io.out(x), err: (x) => io.err(x), utf8: utf8Locale(ctx.env) });
  }
  const i = argv.findIndex((a) => a === '-s' || a === '--set' || a.startsWith('--set='));
  if (i < 0) {
    io.out(`${formatDate(now(proc, ctx))}\n`);
    return 0;
  }
  const a = argv[i] as string;
  const value = a.startsWith('--set=') ? a.slice(6) : argv[i + 1];
  if (value === undefined) {
    io.err("date: option requires an argument -- 's'\nTry 'date --help' for more information.\n");
    return 1;
  }
  const when = parseDate(value, now(proc, ctx));
  if (when === null) {
    io.err(`date: invalid date '${value}'\n`);
    return 1;
  }
  let code = 0;
  if (!proc.effective.includes('SYS_TIME')) {
    const busybox = ctx.sys.flavor === 'busybox';
    io.err(`date: ${busybox ? "can't" : 'cannot'} set date: Operation not permitted\n`);
    code = busybox ? 0 : 1;
  } else {
    ctx.runtime.clock = { ...ctx.runtime.clock, [proc.clockKey]: Math.round((when - LAB_NOW) / 1000) };
  }
  io.out(`${formatDate(when)}\n`);
  return code;
};

/** procps ps: `ps aux` / `ps -ef` / `ps` inside the container's PID namespace; busybox ps in busybox images. */
const ps: Builtin = (argv, proc, ctx, io) => {
  const user = userName(proc, proc.uid) ?? String(proc.uid);
  if (ctx.sys.kind === 'container' && ctx.sys.flavor === 'busybox') {
    const bad = busyboxPsOptionError(argv.slice(1));
    if (bad !== null) {
      io.err(bad);
      return 1;
    }
    io.out(busyboxPs([[1, proc.pid1.join(' ') || 'sleep infinity'], [EXEC_PID, ['ps', ...argv.slice(1)].join(' ')]], user));
    return 0;
  }
  const rows: PsRow[] = [
    { user, pid: 1, ppid: 0, vsz: PID1_MEMORY.vsz, rss: PID1_MEMORY.rss, tty: '?', stat: 'Ss', start: formatHourMinute(LAB_CREATED), time: '0:00', command: proc.pid1.join(' ') || 'sleep infinity' },
    // A process `kubectl exec` starts has its parent (runc) outside the PID namespace: PPID 0.
    { user, pid: EXEC_PID, ppid: 0, vsz: 7888, rss: 4096, tty: proc.tty ? 'pts/0' : '?', stat: proc.tty ? 'Rs+' : 'Rs', start: formatHourMinute(now(proc, ctx)), time: '0:00', command: ['ps', ...argv.slice(1)].join(' ') },
  ];
  io.out(psTable(rows, argv.slice(1)));
  return 0;
};

/**
 * busybox procps/ps.c with CONFIG_DESKTOP (the image's defconfig): the default format
 * "pid,user,time,args" whatever BSD-style letters follow (`ps aux` prints the same) and whatever
 * POSIX options it accepts and ignores (`ps -ef`: getopt32 "Zo:*aAdefl" "T"), PID right in 5,
 * USER left in 8 (cut to 8), TIME right in 5, one space between:
 * `PID   USER     TIME  COMMAND` / `    1 root      0:00 sleep 3600`.
 */
function busyboxPs(rows: readonly (readonly [number, string])[], user: string): string {
  const lines = ['PID   USER     TIME  COMMAND', ...rows.map(([pid, cmd]) => `${String(pid).padStart(5)} ${user.slice(0, 8).padEnd(8)}  0:00 ${cmd}`)];
  return lines.join('\n') + '\n';
}

/** libcap's capsh --print (libcap 2.66, Ubuntu 24.04). */
const capsh: Builtin = (argv, proc, _ctx, io) => {
  if (!argv.includes('--print')) {
    io.err('capsh: the lab only simulates capsh --print\n');
    return 1;
  }
  const text = (names: readonly string[]) => byNumber(names).map((n) => `cap_${n.toLowerCase()}`).join(',');
  const all = proc.effective.length === CAPABILITIES.length;
  const current = proc.effective.length === 0 ? '=' : all ? '=ep' : `${text(proc.effective)}=ep`;
  const iab = CAPABILITIES.filter((c) => !proc.bounding.includes(c)).map((c) => `!cap_${c.toLowerCase()}`).join(',');
  const u = userName(proc, proc.uid);
  const gname = groupName(proc, proc.gid);
  const groups = [proc.gid, ...proc.groups.filter((g) => g !== proc.gid)].map((g) => label(g, groupName(proc, g))).join(',');
  io.out([
    `Current: ${current}`,
    `Bounding set =${text(proc.bounding)}`,
    'Ambient set =',
    `Current IAB: ${iab}`,
    `Securebits: 00/0x0/1'b0 (no-new-privs=${proc.noNewPrivs ? 1 : 0})`,
    ' secure-noroot: no (unlocked)',
    ' secure-no-suid-fixup: no (unlocked)',
    ' secure-keep-caps: no (unlocked)',
    ' secure-no-ambient-raise: no (unlocked)',
    `uid=${label(proc.uid, u)} euid=${label(proc.uid, u)}`,
    `gid=${label(proc.gid, gname)}`,
    `groups=${groups}`,
    'Guessed mode: HYBRID (4)',
  ].join('\n') + '\n');
  return 0;
};

const env: Builtin = (_argv, proc, _ctx, io) => {
  const home = proc.uid === 0 ? '/root' : '/';
  const vars = [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', proc.hostname], ...proc.env.map((e) => [e.name, e.value]), ['HOME', home]];
  io.out(vars.map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  return 0;
};

const CONTAINER_COMMANDS: Readonly<Record<string, Builtin>> = {
  id, whoami, date, ps, capsh, env, printenv: env,
  hostname: (_a, proc, _c, io) => (io.out(`${proc.hostname}\n`), 0),
  sleep: () => 0,
  true: () => 0,
  false: () => 1,
  echo: (argv, _p, _c, io) => (io.out(`${argv.slice(1).join(' ')}\n`), 0),
};

/** The identity tools as programs: they read who they are from the machine they run on. */
export const PROC_PROGRAMS: Readonly<Record<string, Program>> = Object.fromEntries(
  Object.entries(CONTAINER_COMMANDS).map(([name, cmd]) => [name, (argv: string[], ctx: Ctx) =>
    cmd(argv, ctx.sys.proc ?? hostProc(), ctx, { out: (s) => ctx.out.out(s), err: (s) => ctx.out.err(s) })]),
);
